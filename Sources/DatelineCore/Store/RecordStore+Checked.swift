import Dispatch
import Foundation

/// The browser's check after a first pass (FirstPass, the CLI's FirstOpenCheck): its store
/// is built on the provisional one on screen instead of anew.
///
/// Why: the provisional store (~90 MB at a million records) stays beside the whole check;
/// a second store of every column built beside it and beside the check's scanned items
/// put the browser's first open a hundred megabytes over the check alone. The rows, their
/// order, dates, ids, parties and id index that the pass read are kept; the check adds
/// what the pass does not read (the facets, the links, each item's place in the files
/// the check read) and drops the rows that failed. When none failed, the provisional
/// columns are shared, not copied.
///
/// Exactness: each row was matched to the check's item at the same place of the same
/// file, and what the pass read of it compared with the check's own reading (days,
/// precision, time, date flags, length, id, parties) as each piece was scanned
/// (`ProvisionalRows.compare`). A row without its item, a kept item without its row, or
/// any difference in a kept row: nil, and the loader builds the store from the scan as
/// before (`ProvisionalRows.restoring`).
extension RecordStore {
  static func checked(
    onto match: ProvisionalRows, kept: [Bool], set: ChunkSet,
    links: [FastLoader.LinkTarget], lookup: PartyLookup, files: [FileBytes?],
    timings: LoadTimings?, decode: (Int) -> Record?
  ) -> RecordStore? {
    var timer = LoadTimer("store on the first pass", timings)
    let p = match.store
    guard
      let rows = CheckedRows(
        match, kept: kept, set: set, lookup: lookup, decode: decode)
    else {
      timer.lap("declined")
      return nil
    }
    timer.lap("rows compared")
    guard let (columns, position) = rows.columns(total: set.total) else {
      timer.lap("declined")
      return nil
    }
    timer.lap("columns")
    let (disputed, revised) = reverseLinks(links, position: position)
    let idIndex: IDIndex
    if rows.kept == p.count {
      idIndex = p.idIndex
    } else {
      // The provisional index may name a duplicate that left. The ids lie where the
      // pass copied them (its owners: the id regions, the arenas), which the table's
      // build keeps alive; not the whole pass's store, whose columns (~90 MB a million
      // rows) would then stay beside the compacted ones until the table is built.
      let ids = columns.ids
      let idBytes = IDBytesOwners(objects: p.owners)
      idIndex = IDIndex {
        withExtendedLifetime(idBytes) { [idTable(ids, count: ids.count)] }
      }
    }
    // The check's data files in place of the pass's (the same bytes; the check's were
    // read in full, with their digests for appended lines).
    let owners =
      p.owners.filter { !($0 is FileBytes) } + files.compactMap { $0 }
    defer { timer.lap("store") }
    return RecordStore(
      columns: columns, idIndex: idIndex, disputedBy: disputed,
      revisedBy: revised, owners: owners)
  }

  /// The id index of `ids`: one table filled in timeline order, so the first of a
  /// duplicated id in timeline order is the one found.
  static func idTable(_ ids: Column<ByteRef>, count n: Int) -> ByteKeyTable {
    var table = ByteKeyTable(capacity: n)
    for i in 0..<n {
      _ = table.insert(ids[i], value: Int32(i)) { ids[Int($0)] }
    }
    return table
  }
}

/// What the check says of each provisional row: its item, kept or not, and for a kept
/// one its facets and its item's place in the check's files.
private struct CheckedRows {
  let store: RecordStore
  /// Row `i`'s item `g` in the check.
  let item: Column<Int32>
  /// 1 for a row that stays.
  let keep: Column<UInt8>
  let basis: Column<UInt8>
  let sourceCount: Column<UInt8>
  let figureCount: Column<UInt8>
  let places: Column<UnsafeRawPointer?>
  /// Rows that stay.
  private(set) var kept = 0

  /// Nil when a row is not the start of an item, a kept row differs from the check's
  /// reading of its item, or when a kept item has no row.
  init?(
    _ match: ProvisionalRows, kept: [Bool], set: ChunkSet,
    lookup: PartyLookup, decode: (Int) -> Record?
  ) {
    let p = match.store
    let n = p.count
    store = p
    (item, keep, places) = (
      .init(uninitialized: n), .init(uninitialized: n), .init(uninitialized: n)
    )
    basis = Column(uninitialized: n)
    sourceCount = Column(uninitialized: n)
    figureCount = Column(uninitialized: n)
    let outcome = ResultSlots<(stay: Int, decoded: [Int])>(count: set.count)
    let me = self
    kept.withUnsafeBufferPointer { keptBuffer in
      let flags = ReadOnlyBuffer(keptBuffer)
      DispatchQueue.concurrentPerform(iterations: set.count) { c in
        outcome[c] = me.check(chunk: c, kept: flags, set: set, match: match)
      }
    }
    var (total, rowsSeen) = (0, 0)
    for c in 0..<set.count {
      guard let found = outcome[c] else { return nil }
      total += found.stay
      let j = set.chunks[c].provisionalPiece
      rowsSeen += j >= 0 ? match.bounds[j + 1] - match.bounds[j] : 0
      for i in found.decoded {
        guard compareDecoded(i, set: set, lookup: lookup, decode: decode)
        else { return nil }
      }
    }
    // Every row was read by its piece's chunk (a piece never compared has none).
    guard rowsSeen == n, total == kept.count(where: { $0 })
    else { return nil }
    self.kept = total
  }

  /// Chunk `c`'s rows, each with the item its piece's scan found (`found`): kept or not,
  /// its facets and place written. Nil when a row is not an item's start, or a kept row
  /// differs from its clean item; else how many stay, and the kept rows whose items the
  /// reference decoded (compared after, one by one).
  private func check(
    chunk c: Int, kept: ReadOnlyBuffer<Bool>, set: ChunkSet,
    match: ProvisionalRows
  ) -> (stay: Int, decoded: [Int])? {
    let chunk = set.chunks[c]
    let (first, j) = (set.starts[c], chunk.provisionalPiece)
    guard j >= 0 else { return (0, []) }
    guard let base = chunk.base else { return nil }
    return chunk.data.items.withUnsafeBufferPointer { items in
      var (stay, decoded) = (0, [Int]())
      for k in match.bounds[j]..<match.bounds[j + 1] {
        let (i, v) = (Int(match.rows[k]), match.found[k])
        guard v >= 0 else { return nil }
        let l = Int(v & (ProvisionalRows.differs - 1))
        item.base[i] = Int32(first + l)
        keep.base[i] = kept[first + l] ? 1 : 0
        guard kept[first + l] else { continue }
        stay += 1
        let it = items[l]
        guard it.clean else {
          decoded.append(i)
          continue
        }
        guard v & ProvisionalRows.differs == 0 else { return nil }
        basis.base[i] = it.basis
        sourceCount.base[i] = it.sourceCount
        figureCount.base[i] = it.figureCount
        places.base[i] = base + it.start
      }
      return (stay, decoded)
    }
  }

  /// A kept row whose item the reference decoded (the scan gave up on it), against the
  /// columns of that record (`RecordStore.row`).
  private func compareDecoded(
    _ i: Int, set: ChunkSet, lookup: PartyLookup, decode: (Int) -> Record?
  ) -> Bool {
    let g = Int(item[i])
    let (c, l) = set.locate(g)
    let chunk = set.chunks[c]
    let it = chunk.data.items[l]
    guard let base = chunk.base,
      let record = chunk.data.fallbacks[l]?.record ?? decode(g)
    else { return false }
    // The row's id lies in `arena`: it must outlive the comparison.
    let arena = ByteArena()
    let row = RecordStore.row(
      for: record, lookup: lookup, arena: arena, item: base + it.start,
      length: it.length, depthBase: Int8(chunk.depthBase))
    let same = withExtendedLifetime(arena) {
      row.involved.withUnsafeBufferPointer {
        PassColumns(store).agrees(i, row, involved: $0)
      }
    }
    guard same else { return false }
    basis.base[i] = row.basis
    sourceCount.base[i] = row.sourceCount
    figureCount.base[i] = row.figureCount
    places.base[i] = row.item
    return true
  }
}

extension CheckedRows {
  /// The checked store's columns: the provisional ones shared when every row stays, else
  /// the rows that stay copied in their order; and each item's timeline index (-1 for an
  /// item not kept), for the links.
  func columns(total: Int) -> (RecordStore.Columns, Column<Int32>)? {
    let p = store
    var c = RecordStore.Columns(count: 0)
    (c.basis, c.sourceCount, c.figureCount, c.items) = (
      basis, sourceCount, figureCount, places
    )
    (c.firstDay, c.lastDay, c.precision, c.time, c.ids) = (
      p.firstDay, p.lastDay, p.precision, p.time, p.ids
    )
    (c.involvedStart, c.involved, c.lengths, c.depthBases, c.dateFlags) = (
      p.involvedStart, p.involved, p.lengths, p.depthBases, p.dateFlags
    )
    let position = Column<Int32>(uninitialized: total)
    position.base.initialize(repeating: -1, count: total)
    var to: Int32 = 0
    for i in 0..<p.count where keep[i] == 1 {
      // Two rows of one item would show a record twice.
      guard position[Int(item[i])] < 0 else { return nil }
      position.base[Int(item[i])] = to
      to += 1
    }
    return (kept < p.count ? compacted(c) : c, position)
  }

  /// The rows that stay of `all`, in their order.
  private func compacted(_ all: RecordStore.Columns) -> RecordStore.Columns {
    var c = RecordStore.Columns(count: kept)
    var parties = 0
    for i in 0..<store.count where keep[i] == 1 {
      parties += Int(all.involvedStart[i + 1] - all.involvedStart[i])
    }
    c.involved = Column(uninitialized: parties)
    var to = 0
    var at = 0
    for i in 0..<store.count where keep[i] == 1 {
      c.set(to, from: all, row: i)
      c.involvedStart.base[to] = UInt32(at)
      for k in Int(all.involvedStart[i])..<Int(all.involvedStart[i + 1]) {
        c.involved.base[at] = all.involved[k]
        at += 1
      }
      to += 1
    }
    c.involvedStart.base[kept] = UInt32(at)
    return c
  }
}

/// The owners of a store's id bytes, kept alive by a background id-table build.
/// `@unchecked Sendable`: the objects (id regions, arenas, file bytes) are not changed
/// once the store exists; the build only reads the bytes they hold.
private struct IDBytesOwners: @unchecked Sendable {
  let objects: [AnyObject]
}
