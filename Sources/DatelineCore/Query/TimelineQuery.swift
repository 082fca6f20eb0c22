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
    let lo32 = lo?.dayNumber ?? Int32.min
    let hi32 = hi?.dayNumber ?? Int32.max
    let wanted = selected.map { UInt16($0) }
    let any = parties.mode == .any
    // With the party sets built, one number per record says its parties (PartySetScan).
    if let sets = corpus.partySets.built {
      return PartySetScan(
        sets: sets, lo: lo32, hi: hi32,
        passing: parties.isEmpty ? nil : sets.passing(wanted, any: any),
        facets: facetCheck
      ).rows(corpus.store)
    }
    // Dates and parties come from the columns; a record is decoded only for search words,
    // so a filter over a million records takes milliseconds; over ten million, each half
    // of the timeline on its own core.
    let check = CandidateCheck(
      lo: lo32, hi: hi32, filtered: !parties.isEmpty, wanted: wanted, any: any,
      facets: facetCheck)
    return check.rows(corpus.store, involved: corpus.involved)
  }

  /// Above this many records a filter runs on two cores.
  static let splitAbove = 1 << 18

  /// What `candidates` asks of each record, from the columns.
  struct CandidateCheck {
    var lo: Int32
    var hi: Int32
    var filtered: Bool
    var wanted: [UInt16]
    var any: Bool
    var facets: FacetFilter.Prepared?

    /// The records of `store` that pass, in order; from `splitAbove` records on, each
    /// half of them on its own core.
    ///
    /// Why one array of the store's size: a result grown by doubling and two halves
    /// joined after cost a memmove of every row and fresh pages the kernel clears, each
    /// time (blocks of 256 KB and more are mapped on their own: Platform.mapLargeBlocks);
    /// pages of the array that no row reaches are never touched. Each half writes at its
    /// own start, the second half's rows then move down behind the first's, and the
    /// pages they left are handed back.
    func rows(
      _ store: RecordStore, involved: InvolvedParties,
      splitAbove: Int = TimelineQuery.splitAbove
    ) -> [Int] {
      let n = store.count
      let parts = n >= splitAbove ? 2 : 1
      let starts = [0, n / 2]
      return [Int](unsafeUninitializedCapacity: n) { buffer, filled in
        let out = DisjointWrites(buffer)
        let counts = ResultSlots<Int>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
          let range =
            parts == 1 ? 0..<n : starts[part]..<(part == 0 ? n / 2 : n)
          counts[part] = fill(range, involved, store, into: out.claim(range))
        }
        let first = counts.filled(0)
        guard parts == 2 else {
          filled = first
          return
        }
        let second = counts.filled(1)
        let from = buffer.start + starts[1]
        (buffer.start + first).update(from: from, count: second)
        Platform.releasePages(
          from: buffer.start + first + second,
          to: from + second)
        filled = first + second
      }
    }

    /// Writes the records of `range` that pass into `out`, in order; returns how many.
    func fill(
      _ range: Range<Int>, _ involved: InvolvedParties, _ store: RecordStore,
      into out: UnsafeMutableBufferPointer<Int>
    ) -> Int {
      // The facets are tested through one copy taken here, not one per record.
      guard let facets else {
        return fill(range, involved, store, into: out) { _ in true }
      }
      return fill(range, involved, store, into: out) { facets.matches($0) }
    }

    @inline(__always)
    private func fill(
      _ range: Range<Int>, _ involved: InvolvedParties, _ store: RecordStore,
      into out: UnsafeMutableBufferPointer<Int>, facets: (Int) -> Bool
    ) -> Int {
      var at = 0
      let one = wanted.count == 1 ? wanted[0] : nil
      for i in range {
        if store.lastDay[i] < lo || store.firstDay[i] > hi { continue }
        if filtered {
          if let one {
            if !involved.contains(i, one) { continue }
          } else if wanted.isEmpty {
            continue
          } else if any {
            if !wanted.contains(where: { involved.contains(i, $0) }) {
              continue
            }
          } else if !wanted.allSatisfy({ involved.contains(i, $0) }) {
            continue
          }
        }
        // MARK: facets (FacetFilter.swift)
        if !facets(i) { continue }
        out[at] = i
        at += 1
      }
      return at
    }
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
    // A result of every record (its rows are distinct) has the counts made at load.
    let counts =
      result.count == corpus.records.count
      ? corpus.recordsPerParty
      : corpus.partySets.built?.partyCounts(
        result, parties: corpus.parties.count)
        ?? countingPartyLists(result, in: corpus)
    var out: [Party.ID: Int] = [:]
    for (i, p) in corpus.parties.enumerated() { out[p.id] = counts[i] }
    return out
  }

  /// Per party index, how many of `result` involve it, from each record's party list
  /// (before the party sets are built).
  static func countingPartyLists(_ result: [Int], in corpus: Corpus) -> [Int] {
    let store = corpus.store
    let parts = result.count >= splitAbove ? 2 : 1
    let slots = ResultSlots<[Int]>(count: parts)
    // Each half of the result on its own core, the counts added after.
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      var counts = [Int](repeating: 0, count: corpus.parties.count)
      let n = result.count
      for i in result[(n * part / parts)..<(n * (part + 1) / parts)] {
        for k in Int(store.involvedStart[i])..<Int(store.involvedStart[i + 1]) {
          counts[Int(store.involved[k])] += 1
        }
      }
      slots[part] = counts
    }
    return added(slots, parts: parts)
  }

  /// The counts of each part (`parts` of `slots`, each filled) added up, entry by entry.
  static func added(_ slots: ResultSlots<[Int]>, parts: Int) -> [Int] {
    var total = slots.filled(0)
    for part in 1..<max(parts, 1) {
      let other = slots.filled(part)
      for k in total.indices { total[k] += other[k] }
    }
    return total
  }
}
