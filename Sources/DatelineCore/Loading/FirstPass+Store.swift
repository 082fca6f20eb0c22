import CDatelineScan
import Dispatch
import Foundation

/// The ids of a first pass's lines stay where the scan copied them; the store points there.
final class FirstPassIDs: @unchecked Sendable {
  let pieces: [FirstPassPiece]
  init(_ pieces: [FirstPassPiece]) { self.pieces = pieces }
}

/// Row `r` of the first pass, without reference counting: the usual lines of every piece
/// in file order, then the unusual lines that decoded.
private struct FirstPassRows: @unchecked Sendable {
  /// Each usual line, and the buffers of the piece it is in.
  let line: UnsafeMutablePointer<UnsafePointer<dl_fp_line>>
  let ids: UnsafeMutablePointer<UnsafePointer<UInt8>>
  let involved: UnsafeMutablePointer<UnsafePointer<UInt16>>
  let item: UnsafeMutablePointer<UnsafeRawPointer?>
  let usual: Int

  init(_ pieces: [FirstPassPiece], files: [FileBytes]) {
    var n = 0
    for piece in pieces {
      n += piece.lines.count { $0.status == UInt8(DL_FP_USUAL) }
    }
    usual = n
    line = .allocate(capacity: max(n, 1))
    ids = .allocate(capacity: max(n, 1))
    involved = .allocate(capacity: max(n, 1))
    item = .allocate(capacity: max(n, 1))
    var r = 0
    for piece in pieces {
      // The scan allocates all three before its first line.
      guard let lines = piece.out.lines, let idBase = piece.out.ids,
        let involvedBase = piece.out.involved
      else {
        continue
      }
      let base = files[piece.file].base
      for l in 0..<piece.out.line_count
      where lines[l].status == UInt8(DL_FP_USUAL) {
        line[r] = UnsafePointer(lines + l)
        ids[r] = UnsafePointer(idBase)
        involved[r] = UnsafePointer(involvedBase)
        item[r] = base.map { $0 + Int(lines[l].offset) }
        r += 1
      }
    }
  }

  func deallocate() {
    line.deallocate()
    ids.deallocate()
    involved.deallocate()
    item.deallocate()
  }

  func id(_ r: Int) -> ByteRef {
    let l = line[r]
    return ByteRef(ids[r] + Int(l.pointee.id_start), Int(l.pointee.id_length))
  }
}

extension FirstPassScan {
  /// The provisional store: the lines read and the unusual lines that decoded, in
  /// timeline order (SCHEMA.md "Order", as RecordStore.build sorts), with an id index;
  /// no links, and facet columns at their defaults until the full load.
  func store() -> RecordStore? {
    let rows = FirstPassRows(pieces, files: opened)
    defer { rows.deallocate() }
    let n = rows.usual + decoded.count
    let ids = Column<ByteRef>(uninitialized: n)
    let keys = UnsafeMutableBufferPointer<RecordStore.SortKey>.allocate(
      capacity: max(n, 1))
    defer { keys.deallocate() }
    let extra = decoded
    let shared = UnsafeSendable((rows, ids, keys, extra))
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let (rows, ids, keys, extra) = shared.value
      for r in stride(from: h, to: n, by: 2) {
        let id: ByteRef
        let key: UInt64
        if r < rows.usual {
          let l = rows.line[r].pointee
          id = rows.id(r)
          key = RecordStore.key(
            firstDay: l.first_day, lastDay: l.last_day, precision: l.precision,
            time: l.time)
        } else {
          let row = extra[r - rows.usual]
          id = row.id
          key = RecordStore.key(
            firstDay: row.firstDay, lastDay: row.lastDay,
            precision: row.precision, time: row.time)
        }
        ids.base[r] = id
        (keys.baseAddress! + r).initialize(
          to: .init(key: key, prefix: RecordStore.prefix(id), row: Int32(r)))
      }
    }
    let order = RecordStore.timelineOrder(
      UnsafeMutableBufferPointer(rebasing: keys[0..<n])
    ) { ids[Int($0)] }
    var columns = RecordStore.Columns(count: n)
    var involvedCount = 0
    for i in 0..<n {
      let r = Int(order[i].row)
      columns.involvedStart.base[i] = UInt32(involvedCount)
      involvedCount +=
        r < rows.usual
        ? Int(rows.line[r].pointee.involved_count)
        : extra[r - rows.usual].involved.count
    }
    columns.involvedStart.base[n] = UInt32(involvedCount)
    columns.involved = Column<UInt16>(uninitialized: involvedCount)
    let fill = UnsafeSendable((rows, ids, order, columns, extra))
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let (rows, ids, order, columns, extra) = fill.value
      for i in (h == 0 ? 0..<(n / 2) : (n / 2)..<n) {
        let r = Int(order[i].row)
        guard r < rows.usual else {
          columns.set(i, extra[r - rows.usual])
          let at = Int(columns.involvedStart[i])
          for (k, p) in extra[r - rows.usual].involved.enumerated() {
            columns.involved.base[at + k] = p
          }
          continue
        }
        FirstPassScan.setUsual(
          i, rows.line[r].pointee, id: ids[r], item: rows.item[r], columns)
        (columns.involved.base + Int(columns.involvedStart[i])).update(
          from: rows.involved[r] + Int(rows.line[r].pointee.involved_start),
          count: Int(rows.line[r].pointee.involved_count))
      }
    }
    // The first of a duplicated id in timeline order (the full load keeps the first in
    // file order and reports the rest; until it ends, either is a record of the files).
    var table = ByteKeyTable(capacity: n)
    let sorted = columns.ids
    for i in 0..<n {
      _ = table.insert(sorted[i], value: Int32(i)) { sorted[Int($0)] }
    }
    for piece in pieces { piece.releaseLines() }
    let owned: [AnyObject] = opened + [FirstPassIDs(pieces), arena]
    return RecordStore(
      columns: columns, idIndex: IDIndex(tables: [table]), disputedBy: [:],
      revisedBy: [:], owners: owned,
      provisional: true)
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
