import DatelineCore
import Foundation

/// One hash of each record's id and one of its whole content, sorted, so two loads of a
/// directory can be compared by id: added, changed, removed.
///
/// Why hashes and not the old records: the old corpus reads its records from files that
/// may have changed since (that is why it is reloaded), so a reload must not decode them
/// again; the fingerprints are taken once, right after each load, while the data is the
/// data that was shown. Why from the JSON lines: `writeJSONLines` copies a `.jsonl`
/// record's line as it is, without decoding it (decoding every record of a 20 MB corpus
/// took 6× the load itself). 16 bytes a record. The hashes are Swift's, seeded per
/// process, which is all a comparison within one process needs.
public struct RecordFingerprints: Sendable {
  /// Sorted by id hash, then content hash.
  private let ids: [Int]
  private let contents: [Int]

  /// Reads every record's JSON line once (run it off the main thread on large data).
  public init(_ corpus: Corpus) {
    self.init(corpus, rows: Array(corpus.records.indices))
  }

  /// The fingerprints of the records at `rows` only (the ones lines appended added).
  public init(_ corpus: Corpus, rows: [Int]) {
    var pairs: [(id: Int, content: Int)] = []
    pairs.reserveCapacity(rows.count)
    corpus.writeJSONLines(rows, block: 4 << 20) { block in
      guard let base = block.baseAddress else { return }
      var start = 0
      // memchr: a byte loop over 20 MB is most of the time in a debug build.
      while start < block.count,
        let newline = memchr(base + start, 0x0A, block.count - start)
      {
        let end = base.distance(to: UnsafeRawPointer(newline))
        let line = UnsafeRawBufferPointer(rebasing: block[start..<end])
        var content = Hasher()
        content.combine(bytes: line)
        pairs.append((RecordFingerprints.idHash(line), content.finalize()))
        start = end + 1
      }
    }
    pairs.sort { $0.id != $1.id ? $0.id < $1.id : $0.content < $1.content }
    ids = pairs.map(\.id)
    contents = pairs.map(\.content)
  }

  private init(ids: [Int], contents: [Int]) {
    self.ids = ids
    self.contents = contents
  }

  public var count: Int { ids.count }

  /// These and `more` in one sorted list (one merge: records appended to the data shown).
  public func adding(_ more: RecordFingerprints) -> RecordFingerprints {
    var ids: [Int] = []
    var contents: [Int] = []
    ids.reserveCapacity(count + more.count)
    contents.reserveCapacity(count + more.count)
    var i = 0
    var j = 0
    while i < count || j < more.count {
      let mine =
        j == more.count
        || (i < count
          && (self.ids[i], self.contents[i]) <= (more.ids[j], more.contents[j]))
      ids.append(mine ? self.ids[i] : more.ids[j])
      contents.append(mine ? self.contents[i] : more.contents[j])
      if mine { i += 1 } else { j += 1 }
    }
    return RecordFingerprints(ids: ids, contents: contents)
  }

  /// What changed from `self` (the data shown) to `new`, with the new load's error count.
  public func summary(to new: RecordFingerprints, errors: Int) -> ReloadSummary
  {
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

  /// The hash of the raw bytes of the top-level `"id"` string of a JSON object line (the
  /// whole line's when it has none, which a loaded record always has).
  ///
  /// Core's `TopLevelID` finds the member, as the cache placement check does. Two
  /// spellings of one id (`\u0041` and `A`) hash apart, which at worst counts an edit as
  /// a removal and an addition. A tag keeps an id from hashing as a line of the same bytes.
  static func idHash(_ line: UnsafeRawBufferPointer) -> Int {
    var hasher = Hasher()
    if let id = TopLevelID.find(in: line) {
      hasher.combine(1 as UInt8)
      hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: line[id.range]))
    } else {
      hasher.combine(0 as UInt8)
      hasher.combine(bytes: line)
    }
    return hasher.finalize()
  }
}
