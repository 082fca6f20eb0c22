import Dispatch
import Foundation

extension RecordStore {
  /// Columns for records held in memory (corpora built in code, tests).
  convenience init(records: [Record], parties: [Party]) {
    let lookup = PartyLookup(parties: parties)
    let arena = ByteArena()
    var rows: [Row] = []
    rows.reserveCapacity(records.count)
    for r in records {
      rows.append(
        RecordStore.row(
          for: r, lookup: lookup, arena: arena, item: nil, length: 0,
          depthBase: -1))
    }
    let (columns, position, table) = RecordStore.ordered(rows)
    var byID: [Record.ID: Int] = [:]
    for (i, r) in records.enumerated() where byID[r.id] == nil {
      byID[r.id] = i
    }
    var disputed: [Int: [Int]] = [:]
    var revised: [Int: [Int]] = [:]
    for (i, r) in records.enumerated() {
      for d in r.disputes {
        if let t = byID[d] {
          disputed[position[t], default: []].append(position[i])
        }
      }
      for v in r.revises {
        if let t = byID[v] {
          revised[position[t], default: []].append(position[i])
        }
      }
    }
    self.init(
      columns: columns, idIndex: IDIndex(tables: [table]),
      disputedBy: disputed.mapValues(RecordStore.distinctSorted),
      revisedBy: revised.mapValues(RecordStore.distinctSorted), owners: [arena])
  }

  /// `rows` in timeline order: the columns filled (a row's decoded record kept where it
  /// has one), each row's place in that order, and the id table over the sorted ids.
  /// One step for a store built from records and for one with records appended.
  static func ordered(_ rows: [Row]) -> (
    columns: Columns, position: [Int], table: ByteKeyTable
  ) {
    var keys = rows.enumerated().map { i, r in
      SortKey(
        key: RecordStore.key(
          firstDay: r.firstDay, lastDay: r.lastDay, precision: r.precision,
          time: r.time),
        prefix: RecordStore.prefix(r.id), row: Int32(i))
    }
    let ids = rows.map(\.id)
    let order = keys.withUnsafeMutableBufferPointer {
      RecordStore.timelineOrder($0) { ids[Int($0)] }
    }
    var columns = Columns(count: rows.count)
    var position = [Int](repeating: 0, count: rows.count)
    var flat: [UInt16] = []
    columns.involvedStart.base[0] = 0
    for i in 0..<order.count {
      let r = Int(order[i].row)
      position[r] = i
      columns.set(i, rows[r])
      flat.append(contentsOf: rows[r].involved)
      columns.involvedStart.base[i + 1] = UInt32(flat.count)
      if let held = rows[r].record { columns.held[i] = held }
    }
    columns.involved = Column(flat)
    return (columns, position, idTable(columns.ids, count: rows.count))
  }

  /// A row from a decoded record (the involved parties as `Corpus` defines them).
  static func row(
    for r: Record, lookup: PartyLookup, arena: ByteArena,
    item: UnsafeRawPointer?, length: Int32, depthBase: Int8
  ) -> Row {
    var involved: [UInt16] = []
    for ref in r.parties {
      var s = ref.id.rawValue
      guard
        let idx = s.withUTF8({ u in
          u.baseAddress.flatMap { lookup.find($0, u.count) }
        })
      else { continue }
      guard !involved.contains(UInt16(idx)) else { continue }
      let before = involved.count
      involved.append(UInt16(idx))
      for a in lookup.ancestors(of: idx) {
        // Already involved: so are its ancestors (see RecordItemScan).
        if involved[..<before].contains(a) { break }
        involved.append(a)
      }
    }
    let (p, n) = arena.copy(r.id.rawValue)
    return Row(
      firstDay: r.firstDay.dayNumber, lastDay: r.lastDay.dayNumber,
      precision: UInt8(r.date.precision.rawValue),
      time: r.time?.minutes ?? -1, id: ByteRef(p, n), involved: involved,
      item: item, length: length,
      depthBase: depthBase,
      basis: UInt8(Attribution.Basis.allCases.firstIndex(of: r.basis) ?? 3),
      sourceCount: UInt8(clamping: r.sourceCount),
      figureCount: UInt8(clamping: r.figures.count),
      dateFlags: dateFlags(approx: r.dateApprox, end: r.endDate),
      record: item == nil ? r : nil)
  }

  /// Distinct indexes in order. Most records are disputed or revised by one other: those
  /// lists are kept as they are (a set per list cost 15 ms at a million records).
  static func distinctSorted(_ list: [Int]) -> [Int] {
    guard list.count > 1 else { return list }
    var sorted = list.sorted()
    var kept = 1
    for i in 1..<sorted.count where sorted[i] != sorted[kept - 1] {
      sorted[kept] = sorted[i]
      kept += 1
    }
    sorted.removeLast(sorted.count - kept)
    return sorted
  }

  /// Columns for the records the fast loader kept, straight from the scanned chunks: sort
  /// keys per chunk, one sort on both cores, then each core fills half of every column.
  ///
  /// Guarantees: the kept items in timeline order (the reference's sort), every column as
  /// `init(records:parties:)` would fill it from the decoded records, the id index and the
  /// reverse links on timeline indexes.
  static func build(
    kept: [Bool], set: ChunkSet, ids: inout IDTable,
    links: [FastLoader.LinkTarget], lookup: PartyLookup,
    files: [FileBytes], timings: LoadTimings? = nil, decode: (Int) -> Record?
  ) -> RecordStore {
    var timer = LoadTimer("store", timings)
    let arena = ByteArena()
    let (decoded, keptBase) = decodedRows(
      kept: kept, set: set, lookup: lookup, arena: arena, decode: decode)
    let order = sortedKeys(
      kept: kept, set: set, decoded: decoded, keptBase: keptBase, timer: &timer)
    let count = keptBase[set.count]
    var columns = Columns(count: count)
    let position = fillColumns(
      &columns, order: order, set: set, decoded: decoded)
    timer.lap("columns")
    fillInvolved(&columns, order: order, set: set, decoded: decoded)
    for (g, r) in decoded where r.item == nil {
      columns.held[Int(position[g])] = r.record
    }
    timer.lap("involved")
    let tables = timelineIDTables(&ids, position: position)
    timer.lap("id tables")
    let (disputed, revised) = reverseLinks(links, position: position)
    var owners: [AnyObject] = [arena]
    owners.append(contentsOf: files as [AnyObject])
    owners.append(contentsOf: set.chunks.map { $0.data.ids as AnyObject })
    defer { timer.lap("links") }
    return RecordStore(
      columns: columns, idIndex: IDIndex(tables: tables), disputedBy: disputed,
      revisedBy: revised, owners: owners)
  }

  /// Rows for the kept items the reference decoded (the scan gave up on them), from their
  /// `Record`, and the number of kept items before each chunk.
  ///
  /// Guarantees: `decoded` has a row for every kept item that is not clean and decodes;
  /// `keptBase[c]` counts the kept items of chunks before `c` (the last entry, all of them).
  static func decodedRows(
    kept: [Bool], set: ChunkSet, lookup: PartyLookup, arena: ByteArena,
    decode: (Int) -> Record?
  ) -> ([Int: Row], [Int]) {
    var decoded: [Int: Row] = [:]
    var keptBase = [Int](repeating: 0, count: set.count + 1)
    for c in 0..<set.count {
      let chunk = set.chunks[c]
      let base = set.starts[c]
      var n = 0
      for l in 0..<chunk.data.items.count where kept[base + l] { n += 1 }
      keptBase[c + 1] = keptBase[c] + n
      for (l, fb) in chunk.data.fallbacks where kept[base + l] {
        guard let rec = fb.record ?? decode(base + l) else { continue }
        let it = chunk.data.items[l]
        let pointer =
          chunk.depthBase >= 0 ? chunk.base.map { $0 + it.start } : nil
        decoded[base + l] = row(
          for: rec, lookup: lookup, arena: arena, item: pointer,
          length: it.length, depthBase: Int8(chunk.depthBase))
      }
    }
    return (decoded, keptBase)
  }

  /// The kept items' sort keys (made per chunk on both cores), sorted.
  ///
  /// Guarantees: one key per kept item, in timeline order (date key, then id bytes); each
  /// key's `row` is the item's number `g` and `chunk` its chunk.
  static func sortedKeys(
    kept: [Bool], set: ChunkSet, decoded: [Int: Row], keptBase: [Int],
    timer: inout LoadTimer
  ) -> Column<SortKey> {
    let count = keptBase[set.count]
    let keys = UnsafeMutableBufferPointer<SortKey>.allocate(
      capacity: max(count, 1))
    let sharedKeys = DisjointWrites(keys)
    kept.withUnsafeBufferPointer { keptBuffer in
      let keptFlags = ReadOnlyBuffer(keptBuffer)
      DispatchQueue.concurrentPerform(iterations: set.count) { c in
        let data = set.chunks[c].data
        let base = set.starts[c]
        let chunkKeys = sharedKeys.claim(keptBase[c]..<keptBase[c + 1])
        var k = 0
        data.items.withUnsafeBufferPointer { items in
          for l in 0..<items.count where keptFlags[base + l] {
            let it = items[l]
            if it.clean {
              let d = data.dates[l]
              chunkKeys[k] = SortKey(
                key: key(
                  firstDay: d.firstDay, lastDay: d.lastDay,
                  precision: d.precision, time: d.time),
                prefix: prefix(it.id), row: Int32(base + l), chunk: Int32(c))
            } else if let r = decoded[base + l] {
              chunkKeys[k] = SortKey(
                key: key(
                  firstDay: r.firstDay, lastDay: r.lastDay,
                  precision: r.precision, time: r.time),
                prefix: prefix(r.id), row: Int32(base + l), chunk: Int32(c))
            }
            k += 1
          }
        }
      }
    }
    timer.lap("keys")
    let idOf: @Sendable (Int32) -> ByteRef = { g in
      decoded[Int(g)]?.id ?? set.requiredID(of: g)
    }
    let order = timelineOrder(
      UnsafeMutableBufferPointer(rebasing: keys[..<count]), id: idOf)
    keys.deallocate()
    timer.lap("sort")
    return order
  }

  /// Every column but `involved` for the items in `order`, each core filling half.
  ///
  /// Guarantees: row `i` of each column is item `order[i]`'s; `involvedStart[i + 1]` holds
  /// row `i`'s count of involved parties (not yet summed). Returns each item's timeline
  /// index (-1 for an item not kept).
  static func fillColumns(
    _ columns: inout Columns, order: Column<SortKey>, set: ChunkSet,
    decoded: [Int: Row]
  ) -> Column<Int32> {
    let count = order.count
    let position = Column<Int32>(uninitialized: set.total)
    position.base.initialize(repeating: -1, count: set.total)
    let halves = [0, count / 2, count]
    // Each core fills its own rows of the columns (Column: one writer per row).
    let cols = columns
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let c = cols
      for i in halves[h]..<halves[h + 1] {
        let s = order[i]
        let g = Int(s.row)
        position.base[g] = Int32(i)
        let chunk = set.chunks[Int(s.chunk)]
        let l = g - set.starts[Int(s.chunk)]
        let it = chunk.data.items[l]
        guard it.clean else {
          let r = decodedRow(decoded, g)
          c.set(i, r)
          c.involvedStart.base[i + 1] = UInt32(r.involved.count)
          continue
        }
        let d = chunk.data.dates[l]
        c.firstDay.base[i] = d.firstDay
        c.lastDay.base[i] = d.lastDay
        c.precision.base[i] = d.precision
        c.time.base[i] = d.time
        c.ids.base[i] = it.id
        c.items.base[i] =
          chunk.depthBase >= 0 ? chunk.base.map { $0 + it.start } : nil
        c.lengths.base[i] = it.length
        c.depthBases.base[i] = Int8(chunk.depthBase)
        c.basis.base[i] = it.basis
        c.sourceCount.base[i] = it.sourceCount
        c.figureCount.base[i] = it.figureCount
        c.dateFlags.base[i] = d.dateFlags
        c.involvedStart.base[i + 1] = UInt32(d.involvedCount)
      }
    }
    return position
  }

  /// Row `g` as decoded: an item kept but not clean always was (`decodedRows`).
  @inline(__always) static func decodedRow(_ decoded: [Int: Row], _ g: Int)
    -> Row
  {
    guard let r = decoded[g] else {
      preconditionFailure("kept item \(g) was not decoded")
    }
    return r
  }

  /// The `involved` column: counts summed into `involvedStart`, then each core copies
  /// half the rows' involved parties from their chunks (or decoded rows).
  ///
  /// Guarantees: row `i`'s involved parties are `involved[involvedStart[i]..<involvedStart[i + 1]]`.
  static func fillInvolved(
    _ columns: inout Columns, order: Column<SortKey>, set: ChunkSet,
    decoded: [Int: Row]
  ) {
    let count = order.count
    columns.involvedStart.base[0] = 0
    for i in 0..<count {
      columns.involvedStart.base[i + 1] += columns.involvedStart.base[i]
    }
    columns.involved = Column(
      uninitialized: Int(columns.involvedStart.base[count]))
    let halves = [0, count / 2, count]
    // Each core fills its own rows of the columns (Column: one writer per row).
    let cols = columns
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let c = cols
      for i in halves[h]..<halves[h + 1] {
        let s = order[i]
        let g = Int(s.row)
        let at = c.involved.base + Int(c.involvedStart.base[i])
        let chunk = set.chunks[Int(s.chunk)]
        let l = g - set.starts[Int(s.chunk)]
        if chunk.data.items[l].clean {
          let d = chunk.data.dates[l]
          // One to three parties a row: a loop, not a call to memmove per row.
          chunk.data.involved.withUnsafeBufferPointer { inv in
            let from = inv.start + Int(d.involvedStart)
            for k in 0..<Int(d.involvedCount) {
              (at + k).initialize(to: from[k])
            }
          }
        } else {
          let r = decodedRow(decoded, g)
          r.involved.withUnsafeBufferPointer {
            at.initialize(from: $0.start, count: $0.count)
          }
        }
      }
    }
  }

  /// The loader's id tables, moved out of `ids` (not copied) and remapped in place, one
  /// per core.
  ///
  /// Guarantees: each id maps to the timeline index of its first item; ids of items not
  /// kept can no longer be found.
  static func timelineIDTables(_ ids: inout IDTable, position: Column<Int32>)
    -> [ByteKeyTable]
  {
    var tables = ids.tables
    ids.tables = []
    let buffer = UnsafeMutableBufferPointer<ByteKeyTable>.allocate(capacity: 2)
    defer { buffer.deallocate() }
    _ = buffer.initialize(from: tables)
    tables = []
    let shared = DisjointWrites(buffer)
    DispatchQueue.concurrentPerform(iterations: 2) { t in
      let table = shared.claim(t..<(t + 1))
      table[0].remap { g in
        position[Int(g)] >= 0 ? position[Int(g)] : nil
      }
    }
    tables = Array(buffer)
    _ = buffer.deinitialize()
    return tables
  }

  /// Who disputes and who revises each record, on timeline indexes.
  ///
  /// Guarantees: for every kept record, the distinct kept records whose `disputes`
  /// (`revises`) list names it, in timeline order.
  static func reverseLinks(
    _ links: [FastLoader.LinkTarget], position: Column<Int32>
  ) -> (disputed: [Int: [Int]], revised: [Int: [Int]]) {
    var disputed: [Int: [Int]] = [:]
    var revised: [Int: [Int]] = [:]
    for l in links where l.kind != 0 && l.target >= 0 {
      let from = position[Int(l.owner)]
      let to = position[Int(l.target)]
      guard from >= 0, to >= 0 else { continue }
      if l.kind == 1 { disputed[Int(to), default: []].append(Int(from)) }
      if l.kind == 2 { revised[Int(to), default: []].append(Int(from)) }
    }
    return (
      disputed.mapValues(RecordStore.distinctSorted),
      revised.mapValues(RecordStore.distinctSorted)
    )
  }
}
