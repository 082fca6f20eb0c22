import CDatelineScan
import Dispatch

extension FirstPassScan {
  /// The rows in timeline order (SCHEMA.md "Order"): each line's sort key written
  /// straight into its bucket of first days (a counting sort: each core counts, then
  /// places, the lines of half the pieces), then each bucket sorted on its own
  /// (RecordStore.sortBuckets, as RecordStore.timelineOrder does).
  ///
  /// Why not RecordStore.timelineOrder: it takes every key in an array of its own and
  /// reads it three times (the range of days on one core, the counts, the places); at
  /// ten million lines that array is 240 MB of fresh memory. The scan gives each
  /// piece's range of days, and a line's key is made where it is placed.
  static func timelineOrder(_ rows: FirstPassRows) -> Column<
    RecordStore.SortKey
  > {
    let n = rows.count
    let out = Column<RecordStore.SortKey>(uninitialized: n)
    guard n > 0, let range = rows.dayRange else { return out }
    let days = RecordStore.DayBuckets(firstDays: range)
    HugePages.prefer(out)
    let halves = FirstPassHalves(rows)
    let buckets = days.count
    let counts = [
      UnsafeMutableBufferPointer<Int>.allocate(capacity: buckets + 1),
      UnsafeMutableBufferPointer<Int>.allocate(capacity: buckets + 1),
    ]
    defer { for c in counts { c.deallocate() } }
    let counting = counts.map(DisjointWrites.init)
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let c = counting[h].claim(0..<(buckets + 1))
      c.initialize(repeating: 0)
      halves.forEachLine(h, rows) { _, _, line in
        c[days.bucket(day: line.first_day)] += 1
      } extra: { _, row in
        c[days.bucket(day: row.firstDay)] += 1
      }
    }
    let starts = RecordStore.DayBuckets.places(counts, buckets: buckets, n: n)
    defer { starts.deallocate() }
    let nexts = counts.map(DisjointWrites.init)
    let placed = DisjointWrites(
      UnsafeMutableBufferPointer(start: out.base, count: n))
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let next = nexts[h].claim(0..<(buckets + 1))
      halves.forEachLine(h, rows) { p, row, line in
        let b = days.bucket(day: line.first_day)
        placed.initialize(next[b], to: sortKey(p, row, line, rows))
        next[b] += 1
      } extra: { j, row in
        let b = days.bucket(day: row.firstDay)
        placed.initialize(next[b], to: sortKey(extra: j, row))
        next[b] += 1
      }
    }
    let less = RecordStore.TimelineLess { rows.id(row: $0) }
    RecordStore.sortBuckets(out, starts: starts, count: buckets, by: less)
    return out
  }

  /// The sort key of usual line `line`, row `row` of piece `p`.
  @inline(__always) private static func sortKey(
    _ p: Int, _ row: Int, _ line: dl_fp_line, _ rows: FirstPassRows
  ) -> RecordStore.SortKey {
    RecordStore.SortKey(
      key: RecordStore.key(
        firstDay: line.first_day, lastDay: line.last_day,
        precision: line.precision, time: line.time),
      prefix: RecordStore.prefix(rows.id(piece: p, line)),
      row: Int32(row),
      chunk: FirstPassRows.chunk(piece: p, involved: line.involved_count))
  }

  /// The sort key of the unusual line that decoded as `extra[j]`.
  private static func sortKey(extra j: Int, _ row: RecordStore.Row)
    -> RecordStore.SortKey
  {
    RecordStore.SortKey(
      key: RecordStore.key(
        firstDay: row.firstDay, lastDay: row.lastDay, precision: row.precision,
        time: row.time),
      prefix: RecordStore.prefix(row.id), row: Int32(-1 - j), chunk: -1)
  }
}

/// The pieces split in two runs of about as many usual lines each (the unusual lines
/// that decoded go with the second), one per core.
struct FirstPassHalves: Sendable {
  let cut: Int
  let pieces: Int

  init(_ rows: FirstPassRows) {
    pieces = rows.lines.count
    var c = 0
    while c < pieces && rows.usualBase[c + 1] * 2 <= rows.usual { c += 1 }
    cut = c
  }

  /// Calls `usual` with the piece, row and line of every usual line of half `h`, in
  /// file order, then (second half) `extra` with each decoded unusual line.
  @inline(__always) func forEachLine(
    _ h: Int, _ rows: FirstPassRows,
    _ usual: (Int, Int, dl_fp_line) -> Void,
    extra: (Int, RecordStore.Row) -> Void
  ) {
    for p in (h == 0 ? 0..<cut : cut..<pieces) {
      let lines = rows.lines[p]
      let base = rows.lineBase[p]
      for l in 0..<(rows.lineBase[p + 1] - base)
      where lines[l].status == UInt8(DL_FP_USUAL) {
        usual(p, base + l, lines[l])
      }
    }
    guard h == 1 else { return }
    for (j, row) in rows.extra.enumerated() { extra(j, row) }
  }
}
