import Foundation

/// The provisional store's columns that the check compares, read through their addresses
/// (the pass's columns are its own memory, never a cache's gated view).
struct PassColumns: @unchecked Sendable {
  let firstDay: UnsafePointer<Int32>
  let lastDay: UnsafePointer<Int32>
  let precision: UnsafePointer<UInt8>
  let time: UnsafePointer<Int16>
  let dateFlags: UnsafePointer<UInt8>
  let lengths: UnsafePointer<Int32>
  let depthBases: UnsafePointer<Int8>
  let ids: UnsafePointer<ByteRef>
  let involvedStart: UnsafePointer<UInt32>
  let involved: UnsafePointer<UInt16>

  init(_ p: RecordStore) {
    (firstDay, lastDay, precision, time) = (
      p.firstDay.values, p.lastDay.values, p.precision.values, p.time.values
    )
    (dateFlags, lengths, depthBases, ids) = (
      p.dateFlags.values, p.lengths.values, p.depthBases.values, p.ids.values
    )
    (involvedStart, involved) = (p.involvedStart.values, p.involved.values)
  }

  /// Whether row `i` holds what the check's scan read of its clean item.
  @inline(__always) func agrees(
    _ i: Int, _ it: RecordScanChunk.Item, _ d: RecordScanChunk.ItemDates,
    depthBase: Int, involved parties: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    holds(
      i, days: (d.firstDay, d.lastDay), precision: d.precision, time: d.time,
      dateFlags: d.dateFlags, length: it.length, depthBase: depthBase,
      id: it.id, parties)
  }

  /// Whether row `i` holds the columns of a decoded record.
  func agrees(
    _ i: Int, _ row: RecordStore.Row,
    involved parties: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    holds(
      i, days: (row.firstDay, row.lastDay), precision: row.precision,
      time: row.time, dateFlags: row.dateFlags, length: row.length,
      depthBase: Int(row.depthBase), id: row.id, parties)
  }

  /// The one list of what the check compares, for a scanned item or a decoded row.
  @inline(__always) private func holds(
    _ i: Int, days: (Int32, Int32), precision p: UInt8, time t: Int16,
    dateFlags f: UInt8, length: Int32, depthBase: Int, id: ByteRef,
    _ parties: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    firstDay[i] == days.0 && lastDay[i] == days.1 && precision[i] == p
      && time[i] == t && dateFlags[i] == f && lengths[i] == length
      && Int(depthBases[i]) == depthBase && ids[i].equals(id)
      && same(i, parties)
  }

  @inline(__always) private func same(
    _ i: Int, _ parties: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    let start = Int(involvedStart[i])
    guard Int(involvedStart[i + 1]) - start == parties.count else {
      return false
    }
    for k in 0..<parties.count where involved[start + k] != parties[k] {
      return false
    }
    return true
  }
}
