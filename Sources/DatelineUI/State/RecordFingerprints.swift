import DatelineCore

/// One hash of each record's id and one of its whole content, sorted, so two loads of a
/// directory can be compared by id: added, changed, removed.
///
/// Why hashes and not the old records: the old corpus reads its records from files that
/// may have changed since (that is why it is reloaded), so a reload must not decode them
/// again; the fingerprints are taken once, right after each load, while the data is the
/// data that was shown. 16 bytes a record. The hashes are Swift's, seeded per process,
/// which is all a comparison within one process needs.
public struct RecordFingerprints: Sendable {
  /// Sorted by id hash, then content hash.
  private let ids: [Int]
  private let contents: [Int]

  /// Decodes every record of `corpus` once (run it off the main thread on large data).
  public init(_ corpus: Corpus) {
    var pairs: [(id: Int, content: Int)] = []
    pairs.reserveCapacity(corpus.records.count)
    for record in corpus.records { pairs.append((record.id.hashValue, record.hashValue)) }
    pairs.sort { $0.id != $1.id ? $0.id < $1.id : $0.content < $1.content }
    ids = pairs.map(\.id)
    contents = pairs.map(\.content)
  }

  public var count: Int { ids.count }

  /// What changed from `self` (the data shown) to `new`, with the new load's error count.
  public func summary(to new: RecordFingerprints, errors: Int) -> ReloadSummary {
    var summary = ReloadSummary(errors: errors)
    var i = 0
    var j = 0
    while i < ids.count || j < new.ids.count {
      if j == new.ids.count || (i < ids.count && ids[i] < new.ids[j]) {
        summary.removed += 1
        i += 1
      } else if i == ids.count || new.ids[j] < ids[i] {
        summary.added += 1
        j += 1
      } else {
        if contents[i] != new.contents[j] { summary.changed += 1 }
        i += 1
        j += 1
      }
    }
    return summary
  }
}
