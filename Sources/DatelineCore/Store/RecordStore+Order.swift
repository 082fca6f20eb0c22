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
    let f = keyDay(firstDay)
    let l = keyDay(lastDay)
    let t = UInt64(time < 0 ? 1440 : Int(time))
    return f << 35 | UInt64(precision) << 33 | l << 11 | t
  }

  /// A day as a key holds it: from 0001-01-01 (day number -719162) up.
  @inline(__always) static func keyDay(_ day: Int32) -> UInt64 {
    UInt64(Int64(day) + 719_163)
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
  ///
  /// Guarantees: the keys in SCHEMA.md's order (key, then id bytes), whatever the size.
  static func timelineOrder(
    _ keys: UnsafeMutableBufferPointer<SortKey>,
    id: @escaping @Sendable (Int32) -> ByteRef
  )
    -> Column<SortKey>
  {
    let less = TimelineLess(id: id)
    let n = keys.count
    let out = Column<SortKey>(uninitialized: n)
    guard n > 50_000 else {
      var all = keys
      all.sort(by: less.callAsFunction)
      out.base.initialize(from: keys.start, count: n)
      return out
    }
    let days = DayBuckets(keys)
    let starts = days.scatter(keys, into: out.base)
    defer { starts.deallocate() }
    sortBuckets(out, starts: starts, count: days.count, by: less)
    return out
  }

  /// Sorts each of `count` buckets of `out` (bucket b at `starts[b]..<starts[b + 1]`)
  /// on its own; the cores split the buckets by number of keys.
  static func sortBuckets(
    _ out: Column<SortKey>, starts: UnsafeMutablePointer<Int>,
    count buckets: Int,
    by less: TimelineLess
  ) {
    let n = out.count
    var split = 0
    while split < buckets && starts[split] < n / 2 { split += 1 }
    let bounds = ReadOnlyBuffer(
      UnsafeBufferPointer(start: starts, count: buckets + 1))
    let sorting = DisjointWrites(
      UnsafeMutableBufferPointer(start: out.base, count: n))
    let cut = split
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      for b in (h == 0 ? 0..<cut : cut..<buckets) {
        let lo = bounds[b]
        let hi = bounds[b + 1]
        guard hi - lo > 1 else { continue }
        var bucketKeys = sorting.claim(lo..<hi)
        bucketKeys.sort(by: less.callAsFunction)
      }
    }
  }

  /// The timeline order of two keys: packed key, id prefix, then the whole id.
  struct TimelineLess: Sendable {
    let id: @Sendable (Int32) -> ByteRef

    @inline(__always) func callAsFunction(_ a: SortKey, _ b: SortKey) -> Bool {
      if a.key != b.key { return a.key < b.key }
      if a.prefix != b.prefix { return a.prefix < b.prefix }
      return ByteRef.precedes(id(a.row), id(b.row))
    }
  }

  /// Buckets of first days (at most 65 536) over the keys' span of days.
  struct DayBuckets: Sendable {
    let low: UInt64
    let shift: UInt64
    let count: Int

    /// Guarantees: every key's bucket is in 0..<count, and buckets follow day order.
    init(_ keys: UnsafeMutableBufferPointer<SortKey>) {
      var lowest = UInt64.max
      var highest: UInt64 = 0
      for k in keys {
        lowest = min(lowest, k.key >> 35)
        highest = max(highest, k.key >> 35)
      }
      self.init(lowest: lowest, highest: highest)
    }

    /// Buckets over the keys of records whose first days are in `days`.
    init(firstDays days: ClosedRange<Int32>) {
      self.init(
        lowest: RecordStore.keyDay(days.lowerBound),
        highest: RecordStore.keyDay(days.upperBound))
    }

    private init(lowest: UInt64, highest: UInt64) {
      let span = highest - lowest + 1
      low = lowest
      shift = UInt64(max(0, (UInt64.bitWidth - span.leadingZeroBitCount) - 16))
      count = Int((span - 1) >> shift) + 1
    }

    @inline(__always) func bucket(_ k: SortKey) -> Int {
      Int(((k.key >> 35) - low) >> shift)
    }

    /// The bucket of a record whose first day is `day` (in the days given at init).
    @inline(__always) func bucket(day: Int32) -> Int {
      Int((RecordStore.keyDay(day) - low) >> shift)
    }

    /// Where each bucket starts when half 0's keys of a bucket come before half 1's:
    /// `count + 1` entries, the last `n` (the caller deallocates); each half's counts
    /// (`counts[h][b]`) become where its next key of bucket b goes.
    static func places(
      _ counts: [UnsafeMutableBufferPointer<Int>], buckets: Int, n: Int
    ) -> UnsafeMutablePointer<Int> {
      let starts = UnsafeMutablePointer<Int>.allocate(capacity: buckets + 1)
      var at = 0
      for b in 0..<buckets {
        starts[b] = at
        for half in counts {
          let c = half[b]
          half[b] = at
          at += c
        }
      }
      starts[buckets] = n
      return starts
    }

    /// Places the keys into `out` bucket by bucket (a counting sort, each core counting
    /// and placing half the keys); returns where each bucket starts (count + 1 entries,
    /// the last n; the caller deallocates).
    ///
    /// Guarantees: `out` holds every key once, buckets in order, and within a bucket
    /// the keys in input order (stable).
    func scatter(
      _ keys: UnsafeMutableBufferPointer<SortKey>,
      into out: UnsafeMutablePointer<SortKey>
    ) -> UnsafeMutablePointer<Int> {
      let n = keys.count
      let mid = n / 2
      let input = ReadOnlyBuffer(UnsafeBufferPointer(keys))
      let counts = [
        UnsafeMutableBufferPointer<Int>.allocate(capacity: count + 1),
        UnsafeMutableBufferPointer<Int>.allocate(capacity: count + 1),
      ]
      defer { for c in counts { c.deallocate() } }
      let counting = counts.map(DisjointWrites.init)
      let buckets = count
      DispatchQueue.concurrentPerform(iterations: 2) { h in
        let c = counting[h].claim(0..<(buckets + 1))
        c.initialize(repeating: 0)
        for i in (h == 0 ? 0..<mid : mid..<n) { c[bucket(input[i])] += 1 }
      }
      // Bucket b of half 0 starts where buckets < b of both halves end; half 1 follows.
      let starts = DayBuckets.places(counts, buckets: count, n: n)
      // Every key to its own place: the halves' places of a bucket do not overlap.
      let nexts = counts.map(DisjointWrites.init)
      let placed = DisjointWrites(
        UnsafeMutableBufferPointer(start: out, count: n))
      DispatchQueue.concurrentPerform(iterations: 2) { h in
        let next = nexts[h].claim(0..<(buckets + 1))
        for i in (h == 0 ? 0..<mid : mid..<n) {
          let k = input[i]
          let b = bucket(k)
          placed.initialize(next[b], to: k)
          next[b] += 1
        }
      }
      return starts
    }
  }
}
