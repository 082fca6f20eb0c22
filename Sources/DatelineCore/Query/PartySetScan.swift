import Dispatch

/// `TimelineQuery.candidates` once the party sets are built: the same days, parties and
/// facets decided per record, read from one number per record instead of its party list.
///
/// What a key costs at ten million records, and why it is done this way (perf, 1M, the
/// walk it replaces): the loop over the party lists was a third of a key's CPU, and the
/// rest went to the result array itself: grown by doubling (memmove), then the two
/// halves copied into one, each time onto fresh pages the kernel clears. Here each half
/// counts its rows first, the result is allocated once at its size, and each half writes
/// its own part of it; with no filter at all it is every row, and no day is read when the
/// query has no dates.
struct PartySetScan {
  let sets: PartySets
  /// The days a record must overlap (`Int32.min`/`.max`: no bound).
  let lo: Int32
  let hi: Int32
  /// Per list, whether it passes the party filter; nil when the query has none.
  let passing: [Bool]?
  let facets: FacetFilter.Prepared?

  /// The rows that pass, in timeline order.
  func rows(_ store: RecordStore) -> [Int] {
    let range = sets.rowRange(lo: lo, hi: hi, firstDay: store.firstDay)
    if passing == nil && facets == nil && lo == Int32.min && hi == Int32.max {
      return Array(range)
    }
    let parts = range.count >= TimelineQuery.splitAbove ? 2 : 1
    let pieces = (0..<parts).map { part in
      (range.lowerBound + range.count * part / parts)..<(range.lowerBound
        + range.count * (part + 1) / parts)
    }
    let counts = ResultSlots<Int>(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      var n = 0
      each(in: pieces[part], store) { _ in n += 1 }
      counts[part] = n
    }
    let first = counts.filled(0)
    let total = first + (parts == 2 ? counts.filled(1) : 0)
    return [Int](unsafeUninitializedCapacity: total) { buffer, filled in
      let out = DisjointWrites(buffer)
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        let mine = out.claim(part == 0 ? 0..<first : first..<total)
        var at = 0
        each(in: pieces[part], store) { i in
          mine.start[at] = i
          at += 1
        }
        precondition(at == mine.count, "a scan counted and wrote alike")
      }
      filled = total
    }
  }

  /// Calls `body` with each row of `range` that passes, in order.
  @inline(__always)
  func each(
    in range: Range<Int>, _ store: RecordStore, _ body: (Int) -> Void
  ) {
    let firstDay = store.firstDay.values
    let lastDay = store.lastDay.values
    let setOf = sets.setOfRecord.values
    let days = lo != Int32.min || hi != Int32.max
    let (lo, hi, facets) = (self.lo, self.hi, self.facets)
    (passing ?? []).withUnsafeBufferPointer { passes in
      let parties = passing != nil
      for i in range {
        if days && (lastDay[i] < lo || firstDay[i] > hi) { continue }
        if parties && !passes[Int(setOf[i])] { continue }
        if let facets, !facets.matches(i) { continue }
        body(i)
      }
    }
  }
}
