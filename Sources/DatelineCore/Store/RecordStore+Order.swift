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

  static func key(
    firstDay: Int32, lastDay: Int32, precision: UInt8, time: Int16
  ) -> UInt64 {
    let offset: Int64 = 719_163  // day number of 0001-01-01 is -719162
    let f = UInt64(Int64(firstDay) + offset)
    let l = UInt64(Int64(lastDay) + offset)
    let t = UInt64(time < 0 ? 1440 : Int(time))
    return f << 35 | UInt64(precision) << 33 | l << 11 | t
  }

  static func prefix(_ id: ByteRef) -> UInt64 {
    if id.count >= 8 {
      return UInt64(
        bigEndian: UnsafeRawPointer(id.pointer).loadUnaligned(as: UInt64.self))
    }
    var v: UInt64 = 0
    for k in 0..<8 { v = v << 8 | UInt64(k < id.count ? id.pointer[k] : 0) }
    return v
  }

  /// Sorts `keys` in timeline order; `id` gives the id of a key's row for ties on the
  /// first 8 bytes. Returns the rows in order.
  ///
  /// Large inputs go by first day first: a counting sort into buckets of days (at most
  /// 65 536), both cores counting and placing half the keys each, then each bucket
  /// sorted on its own, the buckets split between the cores. Why: the first day is the
  /// most significant part of every key, and sorting a million keys whole, half per core
  /// and merged, took 60–70 ms; a bucket holds ~140 keys at a million over 20 years.
  static func timelineOrder(
    _ keys: UnsafeMutableBufferPointer<SortKey>,
    id: @escaping @Sendable (Int32) -> ByteRef
  )
    -> Column<SortKey>
  {
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
    var lowest = UInt64.max
    var highest: UInt64 = 0
    for k in keys {
      lowest = min(lowest, k.key >> 35)
      highest = max(highest, k.key >> 35)
    }
    let low = lowest
    let span = highest - lowest + 1
    let shift = UInt64(
      max(0, (UInt64.bitWidth - span.leadingZeroBitCount) - 16))
    let buckets = Int((span - 1) >> shift) + 1
    @Sendable @inline(__always) func bucket(_ k: SortKey) -> Int {
      Int(((k.key >> 35) - low) >> shift)
    }
    // Counts per half, then where each half's keys of each bucket go.
    let mid = n / 2
    let shared = UnsafeSendable(keys)
    let counts = [
      UnsafeMutablePointer<Int>.allocate(capacity: buckets + 1),
      UnsafeMutablePointer<Int>.allocate(capacity: buckets + 1),
    ]
    defer { for c in counts { c.deallocate() } }
    let sharedCounts = UnsafeSendable(counts)
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let c = sharedCounts.value[h]
      c.initialize(repeating: 0, count: buckets + 1)
      for i in (h == 0 ? 0..<mid : mid..<n) { c[bucket(shared.value[i])] += 1 }
    }
    // Bucket b of half 0 starts where buckets < b of both halves end; half 1 follows it.
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: buckets + 1)
    defer { starts.deallocate() }
    var at = 0
    for b in 0..<buckets {
      starts[b] = at
      let c0 = counts[0][b]
      counts[0][b] = at
      at += c0
      let c1 = counts[1][b]
      counts[1][b] = at
      at += c1
    }
    starts[buckets] = n
    let target = UnsafeSendable(out.base)
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let o = target.value
      let next = sharedCounts.value[h]
      for i in (h == 0 ? 0..<mid : mid..<n) {
        let k = shared.value[i]
        let b = bucket(k)
        (o + next[b]).initialize(to: k)
        next[b] += 1
      }
    }
    // Each bucket sorted; the cores split the buckets by number of keys.
    var split = 0
    while split < buckets && starts[split] < mid { split += 1 }
    let sharedStarts = UnsafeSendable(UnsafePointer(starts))
    let cut = split
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      for b in (h == 0 ? 0..<cut : cut..<buckets) {
        let lo = sharedStarts.value[b]
        let hi = sharedStarts.value[b + 1]
        guard hi - lo > 1 else { continue }
        var bucketKeys = UnsafeMutableBufferPointer(
          start: target.value + lo, count: hi - lo)
        bucketKeys.sort(by: less)
      }
    }
    return out
  }
}
