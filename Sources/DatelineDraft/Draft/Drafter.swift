import DatelineCore

/// Drafts records from an article: one per sentence part that says something, dated,
/// attributed and with its parties, quoting the text byte for byte.
public struct Drafter: Sendable {
  public var rules: RuleSet
  public var parties: [Party]
  public var sourceID: String

  public init(rules: RuleSet = .english, parties: [Party], sourceID: String) {
    self.rules = rules
    self.parties = parties
    self.sourceID = sourceID
  }

  /// The drafts and the parties they propose (ids that are not among `parties`).
  public struct Result: Sendable {
    public var records: [DraftRecord]
    public var proposedParties: [Party]
    public var expressions: [TemporalExpression]
  }

  public func draft(_ text: String, published: CalendarDay) -> Result {
    let a = TemporalTagger(rules: rules).analyze(text, published: published)
    let matcher = PartyMatcher(parties: parties)
    let finder = AttributionFinder(
      rules: rules, matcher: matcher, tokens: a.tokens)
    let dating = DraftDating(published: published)
    var state = State(sentenceStarts: Set(a.sentences.map(\.firstToken)))
    var bySentence = [[TemporalExpression]](
      repeating: [], count: a.sentences.count)
    for e in a.expressions { bySentence[e.sentence].append(e) }
    for (index, sentence) in a.sentences.enumerated()
    where isStatement(sentence, a) {
      let inSentence = bySentence[index]
      for part in ClauseSegments.split(sentence, a.tokens) {
        let exprs = inSentence.filter { part.contains($0.tokens.lowerBound) }
        let subordinate = exprs.filter {
          ClauseSegments.isSubordinate($0.tokens, in: part, a.tokens)
        }
        let main = exprs.filter {
          !subordinate.contains($0)
            && !ClauseSegments.isBound($0.tokens, in: part, a.tokens)
        }
        for e in subordinate
        where e.value.kind == .date && e.value.firstDay != nil
          && e.action != "time"
        {
          let clause = ClauseSegments.relativeClause(
            around: e.tokens, in: part, a.tokens)
          let dated = dating.date(of: clause, [e], a, skipped: nil)
          state.add(
            record(
              clause, a, dated, found: nil, matcher: matcher,
              expressions: exprs, state: &state))
        }
        let found = finder.find(in: part, a, previousBasis: state.lastBasis)
        let dated = dating.date(
          of: part, main, a,
          skipped: subordinate.first { $0.value.kind == .date })
        state.lastBasis =
          found.basis == "unattributed" ? state.lastBasis : found.basis
        state.add(
          record(
            part, a, dated, found: found, matcher: matcher, expressions: exprs,
            state: &state))
      }
    }
    let quotes = QuoteIndex(a.scalars, starts: a.tokens.map(\.start))
    for i in state.records.indices
    where quotes.occurs(more: state.records[i].span) {
      state.records[i].quoteStart = state.records[i].span.lowerBound
    }
    return Result(
      records: state.records, proposedParties: state.proposed,
      expressions: a.expressions)
  }

  struct State {
    var sentenceStarts: Set<Int>
    var records: [DraftRecord] = []
    var proposed: [Party] = []
    var lastBasis: String?

    mutating func add(_ r: DraftRecord) { records.append(r) }
  }

  /// A sentence worth a draft: it ends like one (a headline or a trailing "For more
  /// news…" line does not) and has at least four words.
  private func isStatement(_ s: Sentence, _ a: TemporalTagger.Analysis) -> Bool
  {
    var last = s.endToken - 1
    while last > s.firstToken, Sentence.isClosingQuote(a.tokens[last].lower) {
      last -= 1
    }
    guard
      [".", "!", "?", "…"].contains(a.tokens[last].lower)
        || a.tokens[last].lower.hasSuffix(".")
    else {
      return false
    }
    return a.tokens[s.firstToken..<s.endToken].filter { $0.kind == .word }.count
      >= 4
  }

  private func record(
    _ part: Range<Int>, _ a: TemporalTagger.Analysis,
    _ dated: DraftDating.Dated, found: AttributionFinder.Found?,
    matcher: PartyMatcher, expressions: [TemporalExpression], state: inout State
  ) -> DraftRecord {
    var first = part.lowerBound
    while first < part.upperBound - 1,
      [",", "–", "—", ";"].contains(a.tokens[first].lower)
    { first += 1 }
    let span = a.tokens[first].start..<a.tokens[part.upperBound - 1].end
    let quote = a.text(span)
    let mentions = matcher.mentions(in: a.tokens, range: part)
    let covered = Set(mentions.flatMap { Array($0.tokens) })
    let proposals = PartyProposals(
      rules: rules, sentenceStarts: state.sentenceStarts
    ).proposals(
      in: part, a, covered: covered, sourceOfStatement: found?.source)
    let timexTokens = Set(
      expressions.filter { part.contains($0.tokens.lowerBound) }.flatMap {
        Array($0.tokens)
      })
    let figures = FigureFinder(rules: rules).figures(
      in: part, a.tokens, excluding: timexTokens)
    let claimants = (found?.claimants ?? []).map { parties[$0].id.rawValue }
    let kind = figures.isEmpty ? (found?.kind ?? "event") : "figure"
    let roles = partyRoles(
      claimants: claimants, mentions: mentions, proposals: proposals,
      kind: kind,
      opensSource: found.map { $0.source.contains(part.lowerBound) }
        == true, state: &state)
    let id = sourceID + "-d" + String(state.records.count + 1).leftPadded(to: 3)
    let oneLine = quote.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
      .joined(separator: " ")
    return DraftRecord(
      id: id, date: dated.date, datePrecisionWeek: dated.week,
      endDate: dated.endDate, dateApprox: dated.approx,
      dateInferred: dated.inferred, dateNote: dated.note, kind: kind,
      parties: roles,
      headline: Truncation.truncate(oneLine, toColumns: 100),
      claimant: claimants,
      attributionText: found?.text ?? "reported without attribution",
      basis: found?.basis ?? "unattributed",
      source: sourceID, quote: quote, quoteStart: nil,
      figures: figures, span: span)
  }

  /// The record's parties with their roles, each once: the claimants as actors, the
  /// known parties mentioned (the first an actor when no one claims, else participants
  /// of an event or subjects), then the proposed parties, which `state` collects for
  /// review; "unidentified" when there is none.
  private func partyRoles(
    claimants: [String], mentions: [PartyMatcher.Mention],
    proposals: [PartyProposals.Proposal], kind: String, opensSource: Bool,
    state: inout State
  ) -> [DraftRecord.PartyRole] {
    var roles: [DraftRecord.PartyRole] = []
    func add(_ id: String, _ role: String) {
      if !roles.contains(where: { $0.id == id }) {
        roles.append(.init(id: id, role: role))
      }
    }
    for c in claimants { add(c, "actor") }
    for (n, m) in mentions.enumerated() {
      add(
        parties[m.party].id.rawValue,
        n == 0 && claimants.isEmpty
          ? "actor" : (kind == "event" ? "participant" : "subject"))
    }
    for p in proposals
    where !parties.contains(where: { $0.id.rawValue == p.id }) {
      add(p.id, roles.isEmpty ? "actor" : opensSource ? "actor" : "participant")
      state.propose(Party(id: Party.ID(p.id), name: p.name, kind: p.kind))
    }
    if roles.isEmpty {
      add("unidentified", "participant")
      state.propose(
        Party(
          id: Party.ID("unidentified"),
          name: "Unidentified party (to be named in review)", kind: .other))
    }
    return roles
  }
}

extension Drafter.State {
  mutating func propose(_ party: Party) {
    if !proposed.contains(where: { $0.id == party.id }) {
      proposed.append(party)
    }
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }

}
