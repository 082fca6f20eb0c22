/// A store with records added to it: the rows of lines appended to a `.jsonl` file,
/// merged into timeline order with the rows already there (see `AppendRead`).
///
/// Why a new store and not new rows in place: the store is shared read-only with the
/// screen (and a search may be running over it); the old one stays whole until the
/// browser replaces it. The old rows are copied column by column, not decoded: their
/// items keep pointing into the files' bytes that the old store's owners hold.
extension RecordStore {
  /// One appended record: its decoded value and its line's bytes (stable, in `arena`), or
  /// no bytes for a record that lives in no data file (a draft under review): the store
  /// then holds the value itself, as for a corpus built from records.
  struct AppendedItem {
    var record: Record
    var item: UnsafeRawPointer?
    var length: Int32
  }

  convenience init(
    _ old: RecordStore, appending added: [AppendedItem], lookup: PartyLookup,
    arena: ByteArena
  ) {
    var rows: [Row] = []
    rows.reserveCapacity(old.count + added.count)
    for i in 0..<old.count { rows.append(old.row(i)) }
    for a in added {
      rows.append(
        RecordStore.row(
          for: a.record, lookup: lookup, arena: arena, item: a.item,
          length: a.length, depthBase: a.item == nil ? -1 : 0
        ))
    }
    let (columns, position, table) = RecordStore.ordered(rows)
    let sortedIDs = columns.ids
    // Reverse links: the old ones moved to their new places, then the appended records'.
    var disputed: [Int: [Int]] = [:]
    var revised: [Int: [Int]] = [:]
    for (to, from) in old.disputedBy {
      disputed[position[to]] = from.map { position[$0] }
    }
    for (to, from) in old.revisedBy {
      revised[position[to]] = from.map { position[$0] }
    }
    func place(_ id: Record.ID) -> Int? {
      var s = id.rawValue
      return s.withUTF8 { u in
        u.baseAddress.flatMap {
          table.find(ByteRef($0, u.count)) { sortedIDs[Int($0)] }
        }.map(Int.init)
      }
    }
    for (k, a) in added.enumerated() {
      let from = position[old.count + k]
      for d in a.record.disputes {
        if let t = place(d) { disputed[t, default: []].append(from) }
      }
      for v in a.record.revises {
        if let t = place(v) { revised[t, default: []].append(from) }
      }
    }
    self.init(
      columns: columns, idIndex: IDIndex(tables: [table]),
      disputedBy: disputed.mapValues(RecordStore.distinctSorted),
      revisedBy: revised.mapValues(RecordStore.distinctSorted),
      owners: old.owners + [arena])
  }

  /// Row `i`'s column values, as the builder made them.
  func row(_ i: Int) -> Row {
    let start = Int(involvedStart[i])
    let end = Int(involvedStart[i + 1])
    return Row(
      firstDay: firstDay[i], lastDay: lastDay[i], precision: precision[i],
      time: time[i], id: ids[i],
      involved: Array(involved[start..<end]), item: items[i],
      length: lengths[i], depthBase: depthBases[i],
      basis: basis[i], sourceCount: sourceCount[i], figureCount: figureCount[i],
      dateFlags: dateFlags[i],
      record: held[i])
  }
}
