/// Filters on what a record rests on: its attribution basis, how many sources back it,
/// and whether it is part of a dispute.
///
/// Kept apart from the party, date and text parts of `TimelineQuery` so the query's main
/// loop calls it in one place (`TimelineQuery.run`), and the screen (`A`) and
/// `dateline list --basis/--min-sources/--disputed` share one definition.
public struct FacetFilter: Sendable, Hashable {
  /// Bases to keep; empty keeps every record. A record without an attribution counts as
  /// `unattributed`: nobody is cited for it.
  public var basis: Set<Attribution.Basis>
  /// Keep records backed by at least this many distinct sources (`source` plus `also`);
  /// 0 or 1 keeps every record.
  public var minSources: Int
  /// Keep only records that dispute another record or are disputed by one.
  public var disputedOnly: Bool

  public init(
    basis: Set<Attribution.Basis> = [], minSources: Int = 0,
    disputedOnly: Bool = false
  ) {
    self.basis = basis
    self.minSources = minSources
    self.disputedOnly = disputedOnly
  }

  public var isEmpty: Bool { basis.isEmpty && minSources <= 1 && !disputedOnly }

  /// Whether the filter reads the per-record columns (basis, sources), which take a pass
  /// over the corpus to build; `disputedOnly` needs only the link index.
  public var needsColumns: Bool { !basis.isEmpty || minSources > 1 }

  /// The facet filter made ready for one corpus, or nil when it keeps everything, so the
  /// query loop pays nothing for it. What is not passed in is built (the screen passes
  /// what it keeps).
  public func prepared(
    for corpus: Corpus, links: LinkIndex? = nil, columns: FacetColumns? = nil
  ) -> Prepared? {
    guard !isEmpty else { return nil }
    let bases = Attribution.Basis.allCases
    return Prepared(
      filter: self,
      contested: disputedOnly
        ? (links ?? LinkIndex(corpus: corpus)).contested : RecordSet(),
      columns: needsColumns ? columns ?? FacetColumns(corpus: corpus) : nil,
      basisMask: basis.reduce(UInt8(0)) {
        $0 | (1 << UInt8(bases.firstIndex(of: $1) ?? 0))
      })
  }

  /// A facet filter with the columns it reads.
  public struct Prepared: Sendable {
    let filter: FacetFilter
    let contested: RecordSet
    let columns: FacetColumns?
    /// One bit per basis (`Attribution.Basis.allCases` order).
    let basisMask: UInt8

    /// Whether the record at timeline index `index` passes every facet.
    public func matches(_ index: Int) -> Bool {
      if let columns {
        if basisMask != 0 && basisMask & (1 << columns.basisColumn[index]) == 0
        {
          return false
        }
        if filter.minSources > 1
          && columns.sourceCount(at: index) < filter.minSources
        {
          return false
        }
      }
      if filter.disputedOnly && !contested.contains(index) { return false }
      return true
    }
  }
}

extension Record {
  /// The attribution's basis; `unattributed` when the record has no attribution.
  public var basis: Attribution.Basis { attribution?.basis ?? .unattributed }

  /// The record's sources without repeats: `source` first, then each `also` source once.
  ///
  /// SCHEMA.md `also`: other reports that carry the same fact. Two quotes from the same
  /// report are one source, so they do not count as corroboration.
  public var sourceIDs: [Source.ID] {
    var out = [source]
    for a in also where !out.contains(a.source) { out.append(a.source) }
    return out
  }

  /// How many distinct sources back the record (at least 1).
  public var sourceCount: Int { sourceIDs.count }
}
