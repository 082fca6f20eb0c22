import DatelineCore

/// Names in the text that look like actors but are not among the known parties: a person
/// after a title ("Defense Minister Karel Hodza"), a capitalized name ending in an
/// organization's word ("Selene Robotics"), or the named source of a statement.
/// They are proposed in a file of their own for a person to review, never added silently.
struct PartyProposals {
  var rules: RuleSet
  var sentenceStarts: Set<Int>

  struct Proposal: Equatable {
    var id: String
    var name: String
    var kind: Party.Kind
  }

  /// The capitalized runs of `range` that look like actors and are not already covered
  /// by a known party's mention.
  func proposals(
    in range: Range<Int>, _ a: TemporalTagger.Analysis, covered: Set<Int>,
    sourceOfStatement: Range<Int>?
  )
    -> [Proposal]
  {
    let titles = rules.wordClass("titles")
    var result: [Proposal] = []
    var i = range.lowerBound
    while i < range.upperBound {
      var titled = false
      if let m = titles.match(a.tokens, at: i), i + m.count < range.upperBound,
        a.tokens[i + m.count].capitalized
      {
        titled = true
        i += m.count
      }
      guard a.tokens[i].capitalized, a.tokens[i].kind == .word,
        !covered.contains(i)
      else {
        i += 1
        continue
      }
      let end = runEnd(from: i, in: range, a, covered: covered)
      guard end > i else {
        i += 1
        continue
      }
      // "Defense Minister Karel Hodza": the name starts after the last title in the run.
      if let named = nameStart(i..<end, a, titles: titles) {
        titled = true
        i = named
      }
      if let p = proposal(
        i..<end, a, titled: titled, sourceOfStatement: sourceOfStatement),
        !result.contains(where: { $0.id == p.id })
      {
        result.append(p)
      }
      i = end
    }
    return result
  }

  /// Where the run of capitalized words that starts at `i` ends: it goes on through
  /// "of", "for" and "and" before another capitalized word, and stops at a covered
  /// token, a month or a weekday, or the end of `range`.
  private func runEnd(
    from i: Int, in range: Range<Int>, _ a: TemporalTagger.Analysis,
    covered: Set<Int>
  ) -> Int {
    let calendar = [rules.wordClass("months"), rules.wordClass("weekdays")]
    var end = i
    while end < range.upperBound, !covered.contains(end),
      !calendar.contains(where: { $0.contains(a.tokens[end].lower) }),
      a.tokens[end].capitalized && a.tokens[end].kind == .word
        || (end > i && ["of", "for", "and"].contains(a.tokens[end].lower)
          && end + 1 < range.upperBound
          && a.tokens[end + 1].capitalized)
    {
      end += 1
    }
    return end
  }

  /// Where the name starts in `run` when titles come first in it (after the last one),
  /// or nil when none does.
  private func nameStart(
    _ run: Range<Int>, _ a: TemporalTagger.Analysis, titles: WordClass
  ) -> Int? {
    var start: Int?
    var k = run.lowerBound
    while k < run.upperBound {
      if let m = titles.match(a.tokens, at: k), k + m.count < run.upperBound {
        k += m.count
        start = k
      } else {
        k += 1
      }
    }
    return start
  }

  /// The proposal for the name at `name`: a titled person, an organization (ending in
  /// a word of `organizations.words`, two words at least), or the named source of a
  /// statement (one word only when it does not open its sentence); nil otherwise.
  private func proposal(
    _ name: Range<Int>, _ a: TemporalTagger.Analysis, titled: Bool,
    sourceOfStatement: Range<Int>?
  ) -> Proposal? {
    let words = name.count
    let sentenceStart = sentenceStarts.contains(name.lowerBound)
    let organization =
      rules.wordClass("organizations").contains(
        a.tokens[name.upperBound - 1].lower) && words >= 2
    let inSource =
      sourceOfStatement.map { $0.contains(name.lowerBound) } ?? false
    let person = (titled || inSource) && words >= 2 && !organization
    guard
      (titled && !organization) || organization
        || (inSource && (words >= 2 || !sentenceStart))
    else { return nil }
    let text = a.text(
      a.tokens[name.lowerBound].start..<a.tokens[name.upperBound - 1].end)
    let id = Slug.make(text)
    guard !id.isEmpty else { return nil }
    return Proposal(
      id: id, name: text, kind: person || titled ? .person : .other)
  }
}
