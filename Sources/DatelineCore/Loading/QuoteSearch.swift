import Foundation

/// Every occurrence of several quotes in one text, in one pass over the text.
///
/// Why: a million quotes cite ~50 000 texts; searching each quote on its own scans each
/// text ~20 times. This samples the text every `step` bytes and looks the 8-byte gram there
/// up among the grams at offsets 0..<step of every quote (Wu–Manber style): an occurrence at
/// t covers exactly one sampled position p in t..<t+step, with its gram inside the quote,
/// so each occurrence is found once and verified with memcmp. Grams of 8 bytes rather
/// than 4: prose shares many 4-byte grams ("the ", "ing "), and each shared one sent a
/// false candidate to memcmp.
enum QuoteSearch {
  /// Calls `found(needle, offset)` for every occurrence of every needle in `hay`, in no
  /// particular order.
  ///
  /// Guarantees: each occurrence reported exactly once; linear time in the text and
  /// the needles whatever the text (short needles and periodic texts go to
  /// `LinearSearch`).
  static func forEachOccurrence(
    of needles: [UnsafeRawBufferPointer], in hay: UnsafeRawBufferPointer,
    _ found: (Int, Int) -> Void
  ) {
    var long: [Int] = []
    // One or two needles too: a text cited by few quotes of a group (the browser's check
    // scans in groups) was searched byte by byte for each, ~20 times the samples.
    for (i, n) in needles.enumerated() {
      if n.count < 16 {
        LinearSearch.forEachOccurrence(of: n, in: hay) { found(i, $0) }
      } else {
        long.append(i)
      }
    }
    guard !long.isEmpty, hay.baseAddress != nil else { return }
    var minLength = Int.max
    for i in long { minLength = min(minLength, needles[i].count) }
    // Building costs (needles × step), searching (text / step): balance the two.
    let balanced = Int(Double(hay.count / max(1, long.count)).squareRoot())
    let step = max(1, min(minLength - GramIndex.q + 1, 64, max(balanced, 8)))
    let index = GramIndex(needles, long: long, step: step)
    defer { index.deallocate() }
    guard let hits = index.sweep(needles, long: long, in: hay) else {
      for i in long {
        LinearSearch.forEachOccurrence(of: needles[i], in: hay) {
          found(i, $0)
        }
      }
      return
    }
    for (i, t) in hits { found(i, t) }
  }

  /// The grams at offsets 0..<step of every long needle: each distinct gram once (open
  /// addressing, Fibonacci hashing on the top bits), with a chain of (needle, offset)
  /// postings, since texts share many grams with several quotes.
  struct GramIndex {
    static let q = 8
    let step: Int
    let bits: Int
    let keys: UnsafeMutablePointer<UInt64>
    let head: UnsafeMutablePointer<Int32>
    let next: UnsafeMutablePointer<Int32>
    let needleOf: UnsafeMutablePointer<Int32>
    let offsetOf: UnsafeMutablePointer<Int32>
    /// One bit per `filterIndex` of a posted gram (eight bits per slot): most sampled
    /// grams are no needle's, and this rejects them without a probe's branches.
    let filter: UnsafeMutablePointer<UInt64>

    /// Guarantees: every gram of every long needle at offsets 0..<step is posted once.
    init(_ needles: [UnsafeRawBufferPointer], long: [Int], step: Int) {
      self.step = step
      var bits = 4
      while 1 << bits < long.count * step * 2 { bits += 1 }
      self.bits = bits
      let size = 1 << bits
      let postings = long.count * step
      keys = .allocate(capacity: size)
      head = .allocate(capacity: size)
      next = .allocate(capacity: postings)
      needleOf = .allocate(capacity: postings)
      offsetOf = .allocate(capacity: postings)
      head.initialize(repeating: -1, count: size)
      filter = .allocate(capacity: size >> 3)
      filter.initialize(repeating: 0, count: size >> 3)
      var used: Int32 = 0
      for i in long {
        let n = needles[i]
        for o in 0..<step {
          let g = n.loadUnaligned(fromByteOffset: o, as: UInt64.self)
          let f = filterIndex(g)
          filter[f >> 6] |= 1 << UInt64(f & 63)
          var s = slot(g)
          while head[s] >= 0 && keys[s] != g { s = (s + 1) & (size - 1) }
          keys[s] = g
          next[Int(used)] = head[s]
          needleOf[Int(used)] = Int32(i)
          offsetOf[Int(used)] = Int32(o)
          head[s] = used
          used += 1
        }
      }
    }

    func deallocate() {
      keys.deallocate()
      head.deallocate()
      next.deallocate()
      needleOf.deallocate()
      offsetOf.deallocate()
      filter.deallocate()
    }

    @inline(__always) func slot(_ g: UInt64) -> Int {
      Int((g &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// The same hash's top `bits + 3` bits: the gram's bit in `filter`.
    @inline(__always) func filterIndex(_ g: UInt64) -> Int {
      Int((g &* 0x9E37_79B9_7F4A_7C15) >> UInt64(61 - bits))
    }

    /// The text sampled every `step` bytes, each sample's gram looked up and its
    /// candidates verified with memcmp: the samples of a block of 256 first passed
    /// through `filter` without a branch each (a sampled gram is a needle's at random,
    /// which a branch per sample mispredicted), then the ones that pass probed.
    ///
    /// Guarantees: every occurrence of every long needle, once; nil when the compared
    /// bytes pass a linear budget (a periodic text, where every sample is a candidate of
    /// every needle), so that the caller searches each needle on its own (issue 13).
    func sweep(
      _ needles: [UnsafeRawBufferPointer], long: [Int],
      in hay: UnsafeRawBufferPointer
    ) -> [(Int, Int)]? {
      guard let h = hay.baseAddress else { return [] }
      var p = step - 1
      let n = hay.count
      var hits: [(Int, Int)] = []
      var work = 0
      var budget = 8 * n + 4096
      for i in long { budget += 4 * needles[i].count }
      let complete = withUnsafeTemporaryAllocation(of: Int.self, capacity: 256)
      {
        block -> Bool in
        let passed = block.start
        while p + Self.q <= n {
          var k = 0
          var taken = 0
          while taken < 256 && p + Self.q <= n {
            let f = filterIndex(
              h.loadUnaligned(fromByteOffset: p, as: UInt64.self))
            passed[k] = p
            k += Int(truncatingIfNeeded: (filter[f >> 6] >> UInt64(f & 63)) & 1)
            p += step
            taken += 1
          }
          for j in 0..<k {
            probe(at: passed[j], needles, h, n, &hits, &work)
            if work > budget { return false }
          }
        }
        return true
      }
      return complete ? hits : nil
    }

    /// The sample at `p`: its gram's postings verified with memcmp (`work` counts the
    /// bytes compared).
    @inline(__always) func probe(
      at p: Int, _ needles: [UnsafeRawBufferPointer], _ h: UnsafeRawPointer,
      _ n: Int, _ hits: inout [(Int, Int)], _ work: inout Int
    ) {
      let g = h.loadUnaligned(fromByteOffset: p, as: UInt64.self)
      let mask = (1 << bits) - 1
      var s = slot(g)
      while head[s] >= 0 {
        if keys[s] == g {
          var e = head[s]
          while e >= 0 {
            let i = Int(needleOf[Int(e)])
            let t = p - Int(offsetOf[Int(e)])
            let needle = needles[i]
            if t >= 0 && t + needle.count <= n {
              work += needle.count
              if memcmp(h + t, needle.start, needle.count) == 0 {
                hits.append((i, t))
              }
            }
            e = next[Int(e)]
          }
          return
        }
        s = (s + 1) & mask
      }
    }
  }

  /// Every occurrence of each needle, sorted (for tests and small callers).
  static func occurrences(
    of needles: [UnsafeRawBufferPointer], in hay: UnsafeRawBufferPointer
  ) -> [[Int]] {
    var out = [[Int]](repeating: [], count: needles.count)
    forEachOccurrence(of: needles, in: hay) { i, t in out[i].append(t) }
    for i in out.indices where out[i].count > 1 { out[i].sort() }
    return out
  }
}
