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
    firstDay[i] == d.firstDay && lastDay[i] == d.lastDay
      && precision[i] == d.precision && time[i] == d.time
      && dateFlags[i] == d.dateFlags && lengths[i] == it.length
      && Int(depthBases[i]) == depthBase && ids[i].equals(it.id)
      && same(i, parties)
  }

  /// Whether row `i` holds the columns of a decoded record.
  func agrees(
    _ i: Int, _ row: RecordStore.Row,
    involved parties: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    firstDay[i] == row.firstDay && lastDay[i] == row.lastDay
      && precision[i] == row.precision && time[i] == row.time
      && dateFlags[i] == row.dateFlags && lengths[i] == row.length
      && depthBases[i] == row.depthBase && ids[i].equals(row.id)
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
