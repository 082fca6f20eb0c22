import CDatelineScan
import Dispatch
import Foundation

/// The ids of a first pass's lines stay where the scan copied them (each worker's ids
/// region); the store points there.
final class FirstPassIDs: @unchecked Sendable {
  let regions: [FirstPassArena]
  init(_ memories: [FirstPassWorkerMemory]) { regions = memories.map(\.ids) }
}

/// The pass's lines by row, without reference counting: the lines of every piece in file
/// order (row `lineBase[p] + l` is line `l` of piece `p`), then the unusual lines that
/// decoded (row `-1 - k` is `extra[k]`).
struct FirstPassRows: @unchecked Sendable {
  let lines: [UnsafePointer<dl_fp_line>]
  let ids: [UnsafePointer<UInt8>]
  let involved: [UnsafePointer<UInt16>]
  /// Where each piece's bytes are in its deferred file's memory.
  let items: [UnsafeRawPointer?]
  /// The row of each piece's first line, and its first usual line's place among the
  /// usual lines; the last entries are the totals.
  let lineBase: [Int]
  let usualBase: [Int]
  let extra: [RecordStore.Row]
  /// The first days of the lines shown, lowest to highest (nil when none is).
  let dayRange: ClosedRange<Int32>?

  var usual: Int { usualBase[usualBase.count - 1] }
  var count: Int { usual + extra.count }

  /// Nil when a piece has no buffers (the scan allocates them before its first line).
  init?(
    _ pieces: [FirstPassPiece], files: [FileBytes], extra: [RecordStore.Row]
  ) {
    var lines: [UnsafePointer<dl_fp_line>] = []
    var ids: [UnsafePointer<UInt8>] = []
    var involved: [UnsafePointer<UInt16>] = []
    var items: [UnsafeRawPointer?] = []
    var lineBase = [0]
    var usualBase = [0]
    var lowest = extra.map(\.firstDay).min() ?? Int32.max
    var highest = extra.map(\.firstDay).max() ?? Int32.min
    for piece in pieces {
      if piece.out.usual_count > 0 {
        lowest = min(lowest, piece.out.min_day)
        highest = max(highest, piece.out.max_day)
      }
      guard let l = piece.out.lines, let i = piece.out.ids,
        let v = piece.out.involved
      else { return nil }
      lines.append(UnsafePointer(l))
      ids.append(UnsafePointer(i))
      involved.append(UnsafePointer(v))
      items.append(
        files[piece.file].base.map {
          UnsafeRawPointer($0 + piece.range.lowerBound)
        }
      )
      lineBase.append(lineBase[lineBase.count - 1] + piece.out.line_count)
      usualBase.append(usualBase[usualBase.count - 1] + piece.out.usual_count)
    }
    (self.lines, self.ids, self.involved, self.items) = (
      lines, ids, involved, items
    )
    (self.lineBase, self.usualBase, self.extra) = (lineBase, usualBase, extra)
    dayRange = lowest <= highest ? lowest...highest : nil
  }

  /// The line a sort key stands for (a usual line: `row >= 0`, its piece in `chunk`).
  @inline(__always) func line(_ k: RecordStore.SortKey) -> UnsafePointer<
    dl_fp_line
  > {
    let p = FirstPassRows.piece(k)
    return lines[p] + (Int(k.row) - lineBase[p])
  }

  /// A usual line's sort key carries its piece (bits 0-15) and its number of involved
  /// parties (bits 16-23) in `chunk`, so that the columns can be sized without a visit
  /// to each line.
  static func chunk(piece: Int, involved: UInt8) -> Int32 {
    Int32(piece) | Int32(involved) << 16
  }

  @inline(__always) static func piece(_ k: RecordStore.SortKey) -> Int {
    Int(k.chunk & 0xFFFF)
  }

  /// Starts loading what filling timeline index `i` will read: the line of the key
  /// 16 ahead, and the id and parties of the one 8 ahead (its line loaded by then).
  @inline(__always) func prefetch(
    _ order: Column<RecordStore.SortKey>, _ i: Int
  ) {
    if i + 16 < order.count, order[i + 16].row >= 0 {
      dl_fp_prefetch(line(order[i + 16]))
    }
    if i + 8 < order.count, order[i + 8].row >= 0 {
      let k = order[i + 8]
      let l = line(k).pointee
      let p = FirstPassRows.piece(k)
      dl_fp_prefetch(ids[p] + Int(l.id_start))
      dl_fp_prefetch(involved[p] + Int(l.involved_start))
    }
  }

  @inline(__always) func id(piece p: Int, _ l: dl_fp_line) -> ByteRef {
    ByteRef(ids[p] + Int(l.id_start), Int(l.id_length))
  }

  /// The id of any row (for the sort's ties past the first 8 bytes).
  func id(row: Int32) -> ByteRef {
    guard row >= 0 else { return extra[Int(-1 - row)].id }
    var low = 0
    var high = lines.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineBase[mid] <= Int(row) { low = mid } else { high = mid - 1 }
    }
    return id(piece: low, lines[low][Int(row) - lineBase[low]])
  }

  @inline(__always) func involvedCount(_ k: RecordStore.SortKey) -> Int {
    k.row < 0 ? extra[Int(-1 - k.row)].involved.count : Int(k.chunk >> 16)
  }
}

extension FirstPassScan {
  /// The provisional store: the lines read and the unusual lines that decoded, in
  /// timeline order (SCHEMA.md "Order", as RecordStore.build sorts), with an id index;
  /// no links, and facet columns at their defaults until the full load.
  ///
  /// Every step runs on both cores: the sort keys piece by piece, the columns half by
  /// half; the id index is built on one core while the first frame is drawn.
  func store() -> RecordStore? {
    guard let rows = FirstPassRows(pieces, files: opened, extra: decoded) else {
      return nil
    }
    let order = FirstPassScan.timelineOrder(rows)
    let columns = FirstPassScan.columns(order, rows)
    let ids = columns.ids
    let count = rows.count
    // The lines' records are in the store now; only the ids stay (the store points there).
    for memory in memories {
      memory.lines.release()
      memory.involved.release()
    }
    let idBytes = (FirstPassIDs(memories), arena)
    // The build reads the ids' bytes: it keeps them even if the store goes first. The
    // first of a duplicated id in timeline order is the one found (the full load keeps
    // the first in file order and reports the rest; until it ends, either is a record of
    // the files); the first frame looks no id up.
    let index = IDIndex {
      withExtendedLifetime(idBytes) {
        [RecordStore.idTable(ids, count: count)]
      }
    }
    return RecordStore(
      columns: columns, idIndex: index, disputedBy: [:], revisedBy: [:],
      owners: opened + [idBytes.0, idBytes.1], provisional: true)
  }

  /// The columns in timeline order, each core filling half: first each half's involved
  /// counts (so that the involved column can be sized), then every column.
  private static func columns(
    _ order: Column<RecordStore.SortKey>, _ rows: FirstPassRows
  ) -> RecordStore.Columns {
    let n = rows.count
    var columns = RecordStore.Columns(count: n)
    hugePages(columns)
    let halves = [0..<(n / 2), (n / 2)..<n]
    let totals = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2)
    defer { totals.deallocate() }
    // Each core fills its own rows of the columns (Column: one writer per row).
    let counting = columns
    let sums = DisjointWrites(totals)
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let columns = counting
      var at = 0
      for i in halves[h] {
        columns.involvedStart.base[i] = UInt32(at)
        at += rows.involvedCount(order[i])
      }
      sums.initialize(h, to: at)
    }
    columns.involved = Column<UInt16>(uninitialized: totals[0] + totals[1])
    HugePages.prefer(columns.involved)
    columns.involvedStart.base[n] = UInt32(totals[0] + totals[1])
    let filling = columns
    let shift = totals[0]
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let columns = filling
      for i in halves[h] {
        rows.prefetch(order, i)
        let at = Int(columns.involvedStart[i]) + (h == 0 ? 0 : shift)
        columns.involvedStart.base[i] = UInt32(at)
        fill(i, order[i], rows, columns, involvedAt: at)
      }
    }
    return columns
  }

  /// Huge pages for the columns of more than 2 MB (see HugePages).
  private static func hugePages(_ c: RecordStore.Columns) {
    HugePages.prefer(c.firstDay)
    HugePages.prefer(c.lastDay)
    HugePages.prefer(c.time)
    HugePages.prefer(c.ids)
    HugePages.prefer(c.involvedStart)
    HugePages.prefer(c.items)
    HugePages.prefer(c.lengths)
  }

  /// Timeline index `i` from the row `k` stands for, its involved parties at `at`.
  private static func fill(
    _ i: Int, _ k: RecordStore.SortKey, _ rows: FirstPassRows,
    _ c: RecordStore.Columns, involvedAt at: Int
  ) {
    guard k.row >= 0 else {
      let row = rows.extra[Int(-1 - k.row)]
      c.set(i, row)
      for (j, p) in row.involved.enumerated() { c.involved.base[at + j] = p }
      return
    }
    let p = FirstPassRows.piece(k)
    let l = rows.line(k).pointee
    setUsual(
      i, l, id: rows.id(piece: p, l),
      item: rows.items[p].map { $0 + Int(l.offset) }, c)
    (c.involved.base + at).update(
      from: rows.involved[p] + Int(l.involved_start),
      count: Int(l.involved_count))
  }

  /// Timeline index `i` from a usual line (facets at their defaults: basis unattributed,
  /// one source, no figures).
  private static func setUsual(
    _ i: Int, _ l: dl_fp_line, id: ByteRef, item: UnsafeRawPointer?,
    _ c: RecordStore.Columns
  ) {
    c.firstDay.base[i] = l.first_day
    c.lastDay.base[i] = l.last_day
    c.precision.base[i] = l.precision
    c.time.base[i] = l.time
    c.ids.base[i] = id
    c.items.base[i] = item
    c.lengths.base[i] = Int32(l.length)
    c.depthBases.base[i] = 0
    c.basis.base[i] = 3
    c.sourceCount.base[i] = 1
    c.figureCount.base[i] = 0
    c.dateFlags.base[i] = l.flags
  }
}
