import Foundation

extension RecordStore {
  /// Columns for records held in memory (corpora built in code, tests).
  convenience init(records: [Record], parties: [Party]) {
    let lookup = PartyLookup(parties: parties)
    let arena = ByteArena()
    var rows: [Row] = []
    rows.reserveCapacity(records.count)
    for r in records { rows.append(RecordStore.row(for: r, lookup: lookup, arena: arena, item: nil, length: 0, depthBase: -1)) }
    var byID: [Record.ID: Int] = [:]
    for (i, r) in records.enumerated() where byID[r.id] == nil { byID[r.id] = i }
    var links: [(Int, UInt8, Int)] = []
    for (i, r) in records.enumerated() {
      for d in r.disputes { if let t = byID[d] { links.append((i, 1, t)) } }
      for v in r.revises { if let t = byID[v] { links.append((i, 2, t)) } }
    }
    self.init(rows: rows, links: links, owners: [arena])
  }

  /// A row from a decoded record (the involved parties as `Corpus` defines them).
  static func row(
    for r: Record, lookup: PartyLookup, arena: ByteArena, item: UnsafeRawPointer?, length: Int32, depthBase: Int8
  ) -> Row {
    var involved: [UInt16] = []
    for ref in r.parties {
      var s = ref.id.rawValue
      guard let idx = s.withUTF8({ u in u.baseAddress.flatMap { lookup.find($0, u.count) } }) else { continue }
      if !involved.contains(UInt16(idx)) { involved.append(UInt16(idx)) }
      for a in lookup.ancestors[idx] where !involved.contains(a) { involved.append(a) }
    }
    let (p, n) = arena.copy(r.id.rawValue)
    return Row(
      firstDay: r.firstDay.dayNumber, lastDay: r.lastDay.dayNumber, precision: UInt8(r.date.precision.rawValue),
      time: r.time?.minutes ?? -1, id: ByteRef(p, n), involved: involved, item: item, length: length,
      depthBase: depthBase, record: item == nil ? r : nil)
  }

  /// Columns for the records the fast loader kept.
  static func build(
    kept: [Bool], chunks: [ScannedChunk], at: [FastLoader.ItemAt], links: [(Int, [FastLoader.LinkTarget])],
    lookup: PartyLookup, files: [MappedFile], decode: (Int) -> Record?
  ) -> RecordStore {
    let arena = ByteArena()
    var rows: [Row] = []
    var rowOf = [Int](repeating: -1, count: kept.count)
    rows.reserveCapacity(kept.count)
    for g in 0..<kept.count where kept[g] {
      let c = chunks[at[g].chunk]
      let it = c.data.items[at[g].local]
      rowOf[g] = rows.count
      let pointer = c.depthBase >= 0 ? c.base.map { $0 + it.start } : nil
      if it.clean {
        let inv = c.data.involved[Int(it.involvedStart)..<(Int(it.involvedStart) + Int(it.involvedCount))]
        rows.append(
          Row(
            firstDay: it.firstDay, lastDay: it.lastDay, precision: it.precision, time: it.time, id: it.id,
            involved: Array(inv), item: pointer, length: it.length, depthBase: Int8(c.depthBase), record: nil))
      } else if let rec = c.data.fallbacks[at[g].local]?.record ?? decode(g) {
        rows.append(row(for: rec, lookup: lookup, arena: arena, item: pointer, length: it.length, depthBase: Int8(c.depthBase)))
      }
    }
    var edges: [(Int, UInt8, Int)] = []
    for (g, list) in links where kept[g] {
      for l in list where l.target >= 0 && kept[Int(l.target)] { edges.append((rowOf[g], l.kind, rowOf[Int(l.target)])) }
    }
    var owners: [AnyObject] = [arena]
    owners.append(contentsOf: files as [AnyObject])
    owners.append(contentsOf: chunks.map { $0.data.ids as AnyObject })
    return RecordStore(rows: rows, links: edges, owners: owners)
  }
}
