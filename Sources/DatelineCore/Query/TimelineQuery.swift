import Dispatch

/// What the timeline shows: party filter, date range, search words and facets.
///
/// One query type answers both the screen and the command line, so they cannot disagree.
public struct TimelineQuery: Sendable, Hashable {
  public var parties: PartyFilter
  /// Inclusive bounds; a record matches when the days it covers overlap the range.
  public var since: RecordDate?
  public var until: RecordDate?
  public var search: String
  /// Left out: records that match every word of any of these (lnav's `:filter-out`,
  /// `list --filter-out`); the same words `search` takes, so one is the other's opposite.
  public var excluded: [String]
  /// Attribution basis, number of sources, disputes (see `FacetFilter`).
  public var facets: FacetFilter

  public init(
    parties: PartyFilter = PartyFilter(), since: RecordDate? = nil,
    until: RecordDate? = nil,
    search: String = "", facets: FacetFilter = FacetFilter(),
    excluded: [String] = []
  ) {
    self.parties = parties
    self.since = since
    self.until = until
    self.search = search
    self.facets = facets
    self.excluded = excluded
  }

  public var isEmpty: Bool {
    parties.isEmpty && since == nil && until == nil
      && TextSearch.words(search).isEmpty && facets.isEmpty
      && !excluded.contains { !TextSearch.words($0).isEmpty }
  }

  /// Indexes into `corpus.records` (timeline order) of the records that match.
  ///
  /// `links` and `columns` serve the facets (disputes; basis and sources): pass the ones
  /// you keep, or the query builds what a facet needs.
  public func run(
    on corpus: Corpus, links: LinkIndex? = nil, columns: FacetColumns? = nil
  ) -> [Int] {
    // Search words last: dates, parties and facets come from columns; words read lines.
    excluding(
      searched(
        candidates(on: corpus, links: links, columns: columns), in: corpus),
      in: corpus)
  }

  /// The records that pass the dates, parties and facets (all of `run` but the search
  /// words), in timeline order: read from columns, milliseconds for a million records.
  public func candidates(
    on corpus: Corpus, links: LinkIndex? = nil, columns: FacetColumns? = nil
  ) -> [Int] {
    let selected = parties.selected.compactMap {
      corpus.partyIndex[$0].map(Int32.init)
    }
    // A selected id that the corpus does not know matches nothing (not everything).
    let unknownSelected = selected.count != parties.selected.count
    if unknownSelected && parties.mode == .all { return [] }
    // A range that ends before it starts matches no day, not a span that crosses it.
    if dateRange.isInverted { return [] }
    let lo = since?.firstDay
    let hi = until?.lastDay
    // Facets (basis, sources, disputes): nil when unused; the one call is in the loop below.
    let facetCheck = facets.prepared(
      for: corpus, links: links, columns: columns)
    var out: [Int] = []
    // Dates and parties come from the columns; a record is decoded only for search words,
    // so a filter over a million records takes milliseconds.
    let store = corpus.store
    let lo32 = lo?.dayNumber ?? Int32.min
    let hi32 = hi?.dayNumber ?? Int32.max
    let wanted = selected.map { UInt16($0) }
    let any = parties.mode == .any
    for i in 0..<store.count {
      if store.lastDay[i] < lo32 || store.firstDay[i] > hi32 { continue }
      if !parties.isEmpty {
        if wanted.isEmpty { continue }
        if any {
          if !wanted.contains(where: { corpus.involved.contains(i, $0) }) {
            continue
          }
        } else if !wanted.allSatisfy({ corpus.involved.contains(i, $0) }) {
          continue
        }
      }
      // MARK: facets (FacetFilter.swift)
      if let facetCheck, !facetCheck.matches(i) { continue }
      out.append(i)
    }
    return out
  }

  /// The rows of `candidates` whose record has every search word (all of them when the
  /// query has none).
  public func searched(_ candidates: [Int], in corpus: Corpus) -> [Int] {
    let words = TextSearch.words(search)
    guard !words.isEmpty else { return candidates }
    return TimelineQuery.matching(
      candidates, TextMatcher(words, corpus: corpus))
  }

  /// `rows` without the records that match every word of one of `excluded`.
  public func excluding(_ rows: [Int], in corpus: Corpus) -> [Int] {
    var out = rows
    for entry in excluded {
      let words = TextSearch.words(entry)
      guard !words.isEmpty else { continue }
      let hidden = Set(
        TimelineQuery.matching(out, TextMatcher(words, corpus: corpus)))
      if !hidden.isEmpty { out.removeAll(where: hidden.contains) }
    }
    return out
  }

  /// The rows of `candidates` whose record matches the search words, in order; long lists
  /// are tested in two halves on both cores (a search reads each candidate's line).
  static func matching(_ candidates: [Int], _ matcher: TextMatcher) -> [Int] {
    guard candidates.count >= 4096 else {
      return candidates.filter { matcher.matches($0) }
    }
    let parts = 2
    let slots = ResultSlots<[Int]>(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let lo = candidates.count * part / parts
      let hi = candidates.count * (part + 1) / parts
      var scratch = TextMatcher.Scratch()
      defer { scratch.free() }
      slots[part] = candidates[lo..<hi].filter {
        matcher.matches($0, scratch: &scratch)
      }
    }
    return (0..<parts).flatMap { slots[$0] ?? [] }
  }

  /// For each party, how many of `result` it is involved in (itself or a descendant).
  public static func partyCounts(_ result: [Int], in corpus: Corpus) -> [Party
    .ID: Int]
  {
    var counts = [Int](repeating: 0, count: corpus.parties.count)
    let store = corpus.store
    for i in result {
      for k in Int(store.involvedStart[i])..<Int(store.involvedStart[i + 1]) {
        counts[Int(store.involved[k])] += 1
      }
    }
    var out: [Party.ID: Int] = [:]
    for (i, p) in corpus.parties.enumerated() { out[p.id] = counts[i] }
    return out
  }
}
