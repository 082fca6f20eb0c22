import Dispatch
import Foundation

extension RecordStore {
  /// A record's place in SCHEMA.md "Order" packed into two integers, then the id.
  struct SortKey {
    /// first day (22 bits), precision (2), last day (22), time or 1440 (11).
    var key: UInt64
    /// The id's first 8 bytes, big-endian, zero-padded.
    var prefix: UInt64
    /// Who this is (a row, or a scanned item), and its chunk for the loader.
    var row: Int32
    var chunk: Int32 = 0
  }

  static func key(firstDay: Int32, lastDay: Int32, precision: UInt8, time: Int16) -> UInt64 {
    let offset: Int64 = 719_163  // day number of 0001-01-01 is -719162
    let f = UInt64(Int64(firstDay) + offset)
    let l = UInt64(Int64(lastDay) + offset)
    let t = UInt64(time < 0 ? 1440 : Int(time))
    return f << 35 | UInt64(precision) << 33 | l << 11 | t
  }

  static func prefix(_ id: ByteRef) -> UInt64 {
    if id.count >= 8 { return UInt64(bigEndian: UnsafeRawPointer(id.pointer).loadUnaligned(as: UInt64.self)) }
    var v: UInt64 = 0
    for k in 0..<8 { v = v << 8 | UInt64(k < id.count ? id.pointer[k] : 0) }
    return v
  }

  /// Sorts `keys` in timeline order: each half on its own core, then merged; `id` gives
  /// the id of a key's row for ties on the first 8 bytes. Returns the rows in order.
  static func timelineOrder(_ keys: UnsafeMutableBufferPointer<SortKey>, id: @escaping @Sendable (Int32) -> ByteRef) -> Column<SortKey> {
    @Sendable @inline(__always) func less(_ a: SortKey, _ b: SortKey) -> Bool {
      if a.key != b.key { return a.key < b.key }
      if a.prefix != b.prefix { return a.prefix < b.prefix }
      return ByteRef.precedes(id(a.row), id(b.row))
    }
    let n = keys.count
    let out = Column<SortKey>(uninitialized: n)
    guard n > 50_000 else {
      var all = keys
      all.sort(by: less)
      if n > 0 { out.base.initialize(from: keys.baseAddress!, count: n) }
      return out
    }
    let mid = n / 2
    let shared = UnsafeSendable(keys)
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      var part = h == 0 ? UnsafeMutableBufferPointer(rebasing: shared.value[..<mid]) : UnsafeMutableBufferPointer(rebasing: shared.value[mid...])
      part.sort(by: less)
    }
    let a = keys.baseAddress!
    let o = out.base
    var i = 0
    var j = mid
    var k = 0
    while i < mid && j < n {
      if less(a[j], a[i]) {
        (o + k).initialize(to: a[j])
        j += 1
      } else {
        (o + k).initialize(to: a[i])
        i += 1
      }
      k += 1
    }
    while i < mid { (o + k).initialize(to: a[i]); i += 1; k += 1 }
    while j < n { (o + k).initialize(to: a[j]); j += 1; k += 1 }
    return out
  }
}
