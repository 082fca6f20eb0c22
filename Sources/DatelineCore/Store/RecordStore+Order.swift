import Dispatch
import Foundation

extension RecordStore {
  /// A record's place in SCHEMA.md "Order" packed into two integers, then the id.
  struct SortKey {
    /// first day (22 bits), precision (2), last day (22), time or 1440 (11).
    var key: UInt64
    /// The id's first 8 bytes, big-endian, zero-padded.
    var prefix: UInt64
    var row: Int32
  }

  static func key(_ r: Row) -> UInt64 {
    let offset: Int64 = 719_163  // day number of 0001-01-01 is -719162
    let f = UInt64(Int64(r.firstDay) + offset)
    let l = UInt64(Int64(r.lastDay) + offset)
    let t = UInt64(r.time < 0 ? 1440 : Int(r.time))
    return f << 35 | UInt64(r.precision) << 33 | l << 11 | t
  }

  static func prefix(_ id: ByteRef) -> UInt64 {
    var v: UInt64 = 0
    for k in 0..<8 { v = v << 8 | UInt64(k < id.count ? id.pointer[k] : 0) }
    return v
  }

  /// Row indexes in timeline order: each half sorted on its own core, then merged.
  static func timelineOrder(_ rows: [Row]) -> [Int] {
    let keys = rows.enumerated().map { SortKey(key: key($1), prefix: prefix($1.id), row: Int32($0)) }
    let ids = rows.map(\.id)
    @Sendable func less(_ a: SortKey, _ b: SortKey) -> Bool {
      if a.key != b.key { return a.key < b.key }
      if a.prefix != b.prefix { return a.prefix < b.prefix }
      return ByteRef.precedes(ids[Int(a.row)], ids[Int(b.row)])
    }
    let mid = keys.count / 2
    let halves = ResultSlots<[SortKey]>(count: 2)
    DispatchQueue.concurrentPerform(iterations: keys.count > 50_000 ? 2 : 1) { h in
      let part = keys.count > 50_000 ? (h == 0 ? keys[..<mid] : keys[mid...]) : keys[...]
      halves[h] = part.sorted(by: less)
    }
    guard keys.count > 50_000, let a = halves[0], let b = halves[1] else {
      return (halves[0] ?? []).map { Int($0.row) }
    }
    var out: [Int] = []
    out.reserveCapacity(keys.count)
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      if less(b[j], a[i]) {
        out.append(Int(b[j].row))
        j += 1
      } else {
        out.append(Int(a[i].row))
        i += 1
      }
    }
    while i < a.count { out.append(Int(a[i].row)); i += 1 }
    while j < b.count { out.append(Int(b[j].row)); j += 1 }
    return out
  }
}
