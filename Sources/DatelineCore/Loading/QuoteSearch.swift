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
  static func forEachOccurrence(
    of needles: [UnsafeRawBufferPointer], in hay: UnsafeRawBufferPointer,
    _ found: (Int, Int) -> Void
  ) {
    var long: [Int] = []
    for (i, n) in needles.enumerated() {
      if n.count < 16 || needles.count < 3 {
        LinearSearch.forEachOccurrence(of: n, in: hay) { found(i, $0) }
      } else {
        long.append(i)
      }
    }
    guard !long.isEmpty, let h = hay.baseAddress else { return }
    var minLength = Int.max
    for i in long { minLength = min(minLength, needles[i].count) }
    let q = 8
    // Building costs (needles × step), searching (text / step): balance the two.
    let balanced = Int(Double(hay.count / max(1, long.count)).squareRoot())
    let step = max(1, min(minLength - q + 1, 64, max(balanced, 8)))
    // Each distinct gram once (open addressing, Fibonacci hashing on the top bits), with a
    // chain of (needle, offset) postings: texts share many grams with several quotes.
    var bits = 4
    while 1 << bits < long.count * step * 2 { bits += 1 }
    let size = 1 << bits
    let mask = size - 1
    let postings = long.count * step
    let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
    let head = UnsafeMutablePointer<Int32>.allocate(capacity: size)
    let next = UnsafeMutablePointer<Int32>.allocate(capacity: postings)
    let needleOf = UnsafeMutablePointer<Int32>.allocate(capacity: postings)
    let offsetOf = UnsafeMutablePointer<Int32>.allocate(capacity: postings)
    defer {
      keys.deallocate()
      head.deallocate()
      next.deallocate()
      needleOf.deallocate()
      offsetOf.deallocate()
    }
    head.initialize(repeating: -1, count: size)
    let shift = UInt64(64 - bits)
    @inline(__always) func slot(_ g: UInt64) -> Int {
      Int((g &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
    var used: Int32 = 0
    for i in long {
      let n = needles[i]
      for o in 0..<step {
        let g = n.loadUnaligned(fromByteOffset: o, as: UInt64.self)
        var s = slot(g)
        while head[s] >= 0 && keys[s] != g { s = (s + 1) & mask }
        keys[s] = g
        next[Int(used)] = head[s]
        needleOf[Int(used)] = Int32(i)
        offsetOf[Int(used)] = Int32(o)
        head[s] = used
        used += 1
      }
    }
    var p = step - 1
    let n = hay.count
    // Compared bytes are counted: on a periodic text every sample is a candidate of every
    // needle, and the memcmp work grows with text × needle. Past a linear budget, the
    // candidates found so far are dropped and each needle is searched on its own in
    // linear time (LinearSearch) instead (issue 13).
    var hits: [(Int, Int)] = []
    var work = 0
    var budget = 8 * n + 4096
    for i in long { budget += 4 * needles[i].count }
    while p + q <= n {
      let g = h.loadUnaligned(fromByteOffset: p, as: UInt64.self)
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
              if memcmp(h + t, needle.baseAddress!, needle.count) == 0 {
                hits.append((i, t))
              }
            }
            e = next[Int(e)]
          }
          break
        }
        s = (s + 1) & mask
      }
      if work > budget {
        for i in long {
          LinearSearch.forEachOccurrence(of: needles[i], in: hay) {
            found(i, $0)
          }
        }
        return
      }
      p += step
    }
    for (i, t) in hits { found(i, t) }
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
