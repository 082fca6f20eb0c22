/// What the timeline shows: party filter, date range and search words.
///
/// One query type answers both the screen and the command line, so they cannot disagree.
public struct TimelineQuery: Sendable, Hashable {
  public var parties: PartyFilter
  /// Inclusive bounds; a record matches when the days it covers overlap the range.
  public var since: RecordDate?
  public var until: RecordDate?
  public var search: String

  public init(
    parties: PartyFilter = PartyFilter(), since: RecordDate? = nil, until: RecordDate? = nil,
    search: String = ""
  ) {
    self.parties = parties
    self.since = since
    self.until = until
    self.search = search
  }

  public var isEmpty: Bool {
    parties.isEmpty && since == nil && until == nil && TextSearch.words(search).isEmpty
  }

  /// Indexes into `corpus.records` (timeline order) of the records that match.
  public func run(on corpus: Corpus) -> [Int] {
    let selected = parties.selected.compactMap { corpus.partyIndex[$0].map(Int32.init) }
    // A selected id that the corpus does not know matches nothing (not everything).
    let unknownSelected = selected.count != parties.selected.count
    if unknownSelected && parties.mode == .all { return [] }
    let words = TextSearch.words(search)
    let lo = since?.firstDay
    let hi = until?.lastDay
    var out: [Int] = []
    for (i, r) in corpus.records.enumerated() {
      if let lo, r.lastDay < lo { continue }
      if let hi, r.firstDay > hi { continue }
      if !parties.isEmpty {
        if selected.isEmpty { continue }
        if !parties.matches(corpus.involved[i], selectedIndexes: selected) { continue }
      }
      if !words.isEmpty && !TextSearch.matches(words, haystack: corpus.searchTexts[i]) { continue }
      out.append(i)
    }
    return out
  }

  /// For each party, how many of `result` it is involved in (itself or a descendant).
  public static func partyCounts(_ result: [Int], in corpus: Corpus) -> [Party.ID: Int] {
    var counts = [Int](repeating: 0, count: corpus.parties.count)
    for i in result { for p in corpus.involved[i] { counts[Int(p)] += 1 } }
    var out: [Party.ID: Int] = [:]
    for (i, p) in corpus.parties.enumerated() { out[p.id] = counts[i] }
    return out
  }
}
