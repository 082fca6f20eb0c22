import Dispatch

/// `TimelineQuery.candidates` once the party sets are built: the same days, parties and
/// facets decided per record, read from one number per record instead of its party list.
///
/// What a key cost at ten million records, and why it is done this way (perf): the walk
/// of the party lists, then the result array itself, grown by doubling (memmove), the
/// two halves copied into one, each time onto fresh pages the kernel clears; and once
/// the walk was one number per record, a mispredicted branch per record (a party passes
/// about half of them at random). Here each half counts its rows first without a branch
/// (a 0 or 1 per record: its list passes, its days overlap), the result is allocated
/// once at its size, and each half writes its own part of it a block at a time (every
/// row written to a small block, the count advanced by its 0 or 1, the block's rows
/// copied out). With no filter at all it is every row; with facets, which need a call
/// per record, the records are tested one by one.
struct PartySetScan {
  let sets: PartySets
  /// The days a record must overlap (`Int32.min`/`.max`: no bound).
  let lo: Int32
  let hi: Int32
  /// Per list, whether it passes the party filter; nil when the query has none.
  let passing: [Bool]?
  let facets: FacetFilter.Prepared?

  /// Rows per block of the branchless fill.
  static let block = 512

  /// The rows that pass, in timeline order; from `splitAbove` rows on, each half of
  /// them on its own core.
  func rows(
    _ store: RecordStore, splitAbove: Int = TimelineQuery.splitAbove
  ) -> [Int] {
    // The days are read through their addresses below (a re-open's gated columns).
    store.firstDay.ensureAll()
    store.lastDay.ensureAll()
    let range = sets.rowRange(lo: lo, hi: hi, firstDay: store.firstDay)
    if passing == nil && facets == nil && lo == Int32.min && hi == Int32.max {
      return [Int](unsafeUninitializedCapacity: range.count) { rows, filled in
        for k in 0..<range.count { rows[k] = range.lowerBound + k }
        filled = range.count
      }
    }
    let parts = range.count >= splitAbove ? 2 : 1
    let pieces = (0..<parts).map { part in
      (range.lowerBound + range.count * part / parts)..<(range.lowerBound
        + range.count * (part + 1) / parts)
    }
    // Per list 1 when it passes (every list when the query names no party).
    let passes =
      passing?.map { UInt8($0 ? 1 : 0) }
      ?? [UInt8](repeating: 1, count: sets.count)
    let counts = ResultSlots<Int>(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      counts[part] = count(pieces[part], store, passes)
    }
    let first = counts.filled(0)
    let total = first + (parts == 2 ? counts.filled(1) : 0)
    return [Int](unsafeUninitializedCapacity: total) { buffer, filled in
      let out = DisjointWrites(buffer)
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        let mine = out.claim(part == 0 ? 0..<first : first..<total)
        let wrote = fill(pieces[part], store, passes, into: mine)
        precondition(wrote == mine.count, "a scan counted and wrote alike")
      }
      filled = total
    }
  }

  /// How many rows of `range` pass.
  func count(_ range: Range<Int>, _ store: RecordStore, _ passes: [UInt8])
    -> Int
  {
    if facets != nil {
      var n = 0
      each(in: range, store) { _ in n += 1 }
      return n
    }
    return withPass(store, passes) { pass in
      var n = 0
      for i in range { n &+= pass(i) }
      return n
    }
  }

  /// Writes the rows of `range` that pass into `out`, in order; returns how many.
  func fill(
    _ range: Range<Int>, _ store: RecordStore, _ passes: [UInt8],
    into out: UnsafeMutableBufferPointer<Int>
  ) -> Int {
    var at = 0
    if facets != nil {
      each(in: range, store) { i in
        out[at] = i
        at += 1
      }
      return at
    }
    var block = [Int](repeating: 0, count: PartySetScan.block + 1)
    block.withUnsafeMutableBufferPointer { block in
      withPass(store, passes) { pass in
        var start = range.lowerBound
        while start < range.upperBound {
          let end = min(start + PartySetScan.block, range.upperBound)
          var k = 0
          for i in start..<end {
            block[k] = i
            k &+= pass(i)
          }
          precondition(at + k <= out.count, "more rows than counted")
          (out.start + at).update(from: block.start, count: k)
          at += k
          start = end
        }
      }
    }
    return at
  }

  /// Calls `body` with each row of `range` that passes, facets included (none when
  /// the query has no facets: the branchless loops serve that), in order.
  @inline(__always)
  func each(
    in range: Range<Int>, _ store: RecordStore, _ body: (Int) -> Void
  ) {
    let firstDay = store.firstDay.values
    let lastDay = store.lastDay.values
    let setOf = sets.setOfRecord.values
    let (lo, hi) = (self.lo, self.hi)
    guard let facets else { return }
    (passing ?? []).withUnsafeBufferPointer { passes in
      let parties = passing != nil
      for i in range {
        if lastDay[i] < lo || firstDay[i] > hi { continue }
        if parties && !passes[Int(setOf[i])] { continue }
        if !facets.matches(i) { continue }
        body(i)
      }
    }
  }

  /// Runs `body` with a function giving 1 when record `i` passes the days and parties
  /// (`passes`: per list) and 0 when not, computed without a branch.
  @inline(__always)
  func withPass<R>(
    _ store: RecordStore, _ passes: [UInt8], _ body: ((Int) -> Int) -> R
  ) -> R {
    let firstDay = store.firstDay.values
    let lastDay = store.lastDay.values
    let setOf = sets.setOfRecord.values
    let (lo, hi) = (self.lo, self.hi)
    return passes.withUnsafeBufferPointer { passes in
      body { i in
        let days = (lastDay[i] >= lo ? 1 : 0) & (firstDay[i] <= hi ? 1 : 0)
        return Int(passes[Int(setOf[i])]) & days
      }
    }
  }
}
