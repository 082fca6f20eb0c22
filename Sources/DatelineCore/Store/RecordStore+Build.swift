import Dispatch
import Foundation

extension RecordStore {
  /// Columns for records held in memory (corpora built in code, tests).
  convenience init(records: [Record], parties: [Party]) {
    let lookup = PartyLookup(parties: parties)
    let arena = ByteArena()
    var rows: [Row] = []
    rows.reserveCapacity(records.count)
    for r in records { rows.append(RecordStore.row(for: r, lookup: lookup, arena: arena, item: nil, length: 0, depthBase: -1)) }
    var keys = rows.enumerated().map { i, r in
      SortKey(
        key: RecordStore.key(firstDay: r.firstDay, lastDay: r.lastDay, precision: r.precision, time: r.time),
        prefix: RecordStore.prefix(r.id), row: Int32(i))
    }
    let ids = rows.map(\.id)
    let order = keys.withUnsafeMutableBufferPointer { RecordStore.timelineOrder($0) { ids[Int($0)] } }
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
      columns.held[i] = rows[r].record
    }
    columns.involved = Column(flat)
    let sortedIDs = columns.ids
    var table = ByteKeyTable(capacity: rows.count)
    for i in 0..<rows.count { _ = table.insert(sortedIDs[i], value: Int32(i)) { sortedIDs[Int($0)] } }
    var byID: [Record.ID: Int] = [:]
    for (i, r) in records.enumerated() where byID[r.id] == nil { byID[r.id] = i }
    var disputed: [Int: [Int]] = [:]
    var revised: [Int: [Int]] = [:]
    for (i, r) in records.enumerated() {
      for d in r.disputes { if let t = byID[d] { disputed[position[t], default: []].append(position[i]) } }
      for v in r.revises { if let t = byID[v] { revised[position[t], default: []].append(position[i]) } }
    }
    self.init(
      columns: columns, idIndex: IDIndex(tables: [table]), disputedBy: disputed.mapValues(RecordStore.distinctSorted),
      revisedBy: revised.mapValues(RecordStore.distinctSorted), owners: [arena])
  }

  /// A row from a decoded record (the involved parties as `Corpus` defines them).
  static func row(
    for r: Record, lookup: PartyLookup, arena: ByteArena, item: UnsafeRawPointer?, length: Int32, depthBase: Int8
  ) -> Row {
    var involved: [UInt16] = []
    for ref in r.parties {
      var s = ref.id.rawValue
      guard let idx = s.withUTF8({ u in u.baseAddress.flatMap { lookup.find($0, u.count) } }) else { continue }
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
      firstDay: r.firstDay.dayNumber, lastDay: r.lastDay.dayNumber, precision: UInt8(r.date.precision.rawValue),
      time: r.time?.minutes ?? -1, id: ByteRef(p, n), involved: involved, item: item, length: length,
      depthBase: depthBase, basis: UInt8(Attribution.Basis.allCases.firstIndex(of: r.basis) ?? 3),
      sourceCount: UInt8(clamping: r.sourceCount), figureCount: UInt8(clamping: r.figures.count),
      dateFlags: dateFlags(approx: r.dateApprox, end: r.endDate), record: item == nil ? r : nil)
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
  static func build(
    kept: [Bool], set: ChunkSet, ids: inout IDTable, links: [FastLoader.LinkTarget], lookup: PartyLookup,
    files: [FileBytes], timings: LoadTimings? = nil, decode: (Int) -> Record?
  ) -> RecordStore {
    var timer = LoadTimer("store", timings)
    // Items the reference decoded: their rows come from their `Record`.
    let arena = ByteArena()
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
        let pointer = chunk.depthBase >= 0 ? chunk.base.map { $0 + it.start } : nil
        decoded[base + l] = row(
          for: rec, lookup: lookup, arena: arena, item: pointer, length: it.length, depthBase: Int8(chunk.depthBase))
      }
    }
    let count = keptBase[set.count]
    let starts = keptBase

    // MARK: sort keys, per chunk on both cores
    let keys = UnsafeMutableBufferPointer<SortKey>.allocate(capacity: max(count, 1))
    let sharedKeys = UnsafeSendable(keys)
    let sharedDecoded = UnsafeSendable(decoded)
    kept.withUnsafeBufferPointer { keptBuffer in
      let keptFlags = UnsafeSendable(keptBuffer)
      DispatchQueue.concurrentPerform(iterations: set.count) { c in
        let data = set.chunks[c].data
        let base = set.starts[c]
        var k = starts[c]
        data.items.withUnsafeBufferPointer { items in
          for l in 0..<items.count where keptFlags.value[base + l] {
            let it = items[l]
            if it.clean {
              sharedKeys.value[k] = SortKey(
                key: key(firstDay: it.firstDay, lastDay: it.lastDay, precision: it.precision, time: it.time),
                prefix: prefix(it.id), row: Int32(base + l), chunk: Int32(c))
            } else if let r = sharedDecoded.value[base + l] {
              sharedKeys.value[k] = SortKey(
                key: key(firstDay: r.firstDay, lastDay: r.lastDay, precision: r.precision, time: r.time),
                prefix: prefix(r.id), row: Int32(base + l), chunk: Int32(c))
            }
            k += 1
          }
        }
      }
    }
    timer.lap("keys")
    let idOf: @Sendable (Int32) -> ByteRef = { g in sharedDecoded.value[Int(g)]?.id ?? set.id(of: Int(g))! }
    let order = timelineOrder(UnsafeMutableBufferPointer(rebasing: keys[..<count]), id: idOf)
    keys.deallocate()
    timer.lap("sort")

    // MARK: columns, half per core
    var columns = Columns(count: count)
    let position = Column<Int32>(uninitialized: set.total)
    position.base.initialize(repeating: -1, count: set.total)
    let halves = [0, count / 2, count]
    let cols = UnsafeSendable(columns)
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let c = cols.value
      for i in halves[h]..<halves[h + 1] {
        let s = order[i]
        let g = Int(s.row)
        position.base[g] = Int32(i)
        let chunk = set.chunks[Int(s.chunk)]
        let it = chunk.data.items[g - set.starts[Int(s.chunk)]]
        if it.clean {
          c.firstDay.base[i] = it.firstDay
          c.lastDay.base[i] = it.lastDay
          c.precision.base[i] = it.precision
          c.time.base[i] = it.time
          c.ids.base[i] = it.id
          c.items.base[i] = chunk.depthBase >= 0 ? chunk.base.map { $0 + it.start } : nil
          c.lengths.base[i] = it.length
          c.depthBases.base[i] = Int8(chunk.depthBase)
          c.basis.base[i] = it.basis
          c.sourceCount.base[i] = it.sourceCount
          c.figureCount.base[i] = it.figureCount
          c.dateFlags.base[i] = it.dateFlags
          c.involvedStart.base[i + 1] = UInt32(it.involvedCount)
        } else {
          let r = sharedDecoded.value[g]!
          c.set(i, r)
          c.involvedStart.base[i + 1] = UInt32(r.involved.count)
        }
      }
    }
    timer.lap("columns")
    columns.involvedStart.base[0] = 0
    for i in 0..<count { columns.involvedStart.base[i + 1] += columns.involvedStart.base[i] }
    columns.involved = Column(uninitialized: Int(columns.involvedStart.base[count]))
    let cols2 = UnsafeSendable(columns)
    DispatchQueue.concurrentPerform(iterations: 2) { h in
      let c = cols2.value
      for i in halves[h]..<halves[h + 1] {
        let s = order[i]
        let g = Int(s.row)
        let at = c.involved.base + Int(c.involvedStart.base[i])
        let chunk = set.chunks[Int(s.chunk)]
        let it = chunk.data.items[g - set.starts[Int(s.chunk)]]
        if it.clean {
          chunk.data.involved.withUnsafeBufferPointer { inv in
            at.initialize(from: inv.baseAddress! + Int(it.involvedStart), count: Int(it.involvedCount))
          }
        } else {
          let r = sharedDecoded.value[g]!
          r.involved.withUnsafeBufferPointer { at.initialize(from: $0.baseAddress!, count: $0.count) }
        }
      }
    }
    for (g, r) in decoded where r.item == nil { columns.held[Int(position[g])] = r.record }
    timer.lap("involved")

    // MARK: id lookups: the loader's tables, now to timeline indexes (left-out items removed)
    // Moved out (not copied): each table is changed in place by one core.
    var tables = ids.tables
    ids.tables = []
    let sharedTables = UnsafeSendable(UnsafeMutableBufferPointer<ByteKeyTable>.allocate(capacity: 2))
    defer { sharedTables.value.deallocate() }
    _ = sharedTables.value.initialize(from: tables)
    tables = []
    DispatchQueue.concurrentPerform(iterations: 2) { t in
      sharedTables.value[t].remap { g in position[Int(g)] >= 0 ? position[Int(g)] : nil }
    }
    tables = Array(sharedTables.value)
    _ = sharedTables.value.deinitialize()

    timer.lap("id tables")
    // MARK: reverse links
    var disputed: [Int: [Int]] = [:]
    var revised: [Int: [Int]] = [:]
    for l in links where l.kind != 0 && l.target >= 0 {
      let from = position[Int(l.owner)]
      let to = position[Int(l.target)]
      guard from >= 0, to >= 0 else { continue }
      if l.kind == 1 { disputed[Int(to), default: []].append(Int(from)) }
      if l.kind == 2 { revised[Int(to), default: []].append(Int(from)) }
    }

    var owners: [AnyObject] = [arena]
    owners.append(contentsOf: files as [AnyObject])
    owners.append(contentsOf: set.chunks.map { $0.data.ids as AnyObject })
    defer { timer.lap("links") }
    return RecordStore(
      columns: columns, idIndex: IDIndex(tables: tables), disputedBy: disputed.mapValues(RecordStore.distinctSorted),
      revisedBy: revised.mapValues(RecordStore.distinctSorted), owners: owners)
  }
}
