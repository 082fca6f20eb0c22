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
/// Exactness: each row is matched to the check's item at the same place of the same file
/// (ProvisionalMatch), and what the pass read of it is compared with the check's own
/// reading (days, precision, time, date flags, length, id, parties). A row without its
/// item, a kept item without its row, or any difference: nil, and the loader builds the
/// store from the scan as before.
extension RecordStore {
  static func checked(
    onto p: RecordStore, kept: [Bool], set: ChunkSet,
    links: [FastLoader.LinkTarget], lookup: PartyLookup, files: [FileBytes?],
    timings: LoadTimings?, decode: (Int) -> Record?
  ) -> RecordStore? {
    var timer = LoadTimer("store on the first pass", timings)
    guard let match = ProvisionalMatch(p, set: set, files: files) else {
      timer.lap("declined")
      return nil
    }
    timer.lap("rows found")
    guard
      let rows = CheckedRows(
        p, match: match, kept: kept, set: set, lookup: lookup, decode: decode)
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
  let match: ProvisionalMatch
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

  /// Nil when a row is not the start of an item, differs from the check's reading of its
  /// item, or when a kept item has no row.
  init?(
    _ p: RecordStore, match: ProvisionalMatch, kept: [Bool], set: ChunkSet,
    lookup: PartyLookup, decode: (Int) -> Record?
  ) {
    let n = p.count
    (store, self.match) = (p, match)
    (item, keep, places) = (
      .init(uninitialized: n), .init(uninitialized: n), .init(uninitialized: n)
    )
    basis = Column(uninitialized: n)
    sourceCount = Column(uninitialized: n)
    figureCount = Column(uninitialized: n)
    let outcome = ResultSlots<(stay: Int, decoded: [Int])>(count: set.count)
    let (me, pass) = (self, PassColumns(p))
    kept.withUnsafeBufferPointer { keptBuffer in
      let flags = ReadOnlyBuffer(keptBuffer)
      DispatchQueue.concurrentPerform(iterations: set.count) { c in
        outcome[c] = me.check(chunk: c, kept: flags, set: set, pass: pass)
      }
    }
    var total = 0
    for c in 0..<set.count {
      guard let found = outcome[c] else { return nil }
      total += found.stay
      for i in found.decoded {
        guard compareDecoded(i, set: set, lookup: lookup, decode: decode)
        else { return nil }
      }
    }
    guard total == kept.count(where: { $0 }) else { return nil }
    self.kept = total
  }

  /// Chunk `c`'s rows, each found among the chunk's items by its offset: kept or not,
  /// compared with its clean item, its facets and place written. Nil when a row is not
  /// an item's start or differs; else how many stay, and the kept rows whose items the
  /// reference decoded (compared after, one by one).
  private func check(
    chunk c: Int, kept: ReadOnlyBuffer<Bool>, set: ChunkSet, pass: PassColumns
  ) -> (stay: Int, decoded: [Int])? {
    let chunk = set.chunks[c]
    let (first, depthBase) = (set.starts[c], chunk.depthBase)
    guard let base = chunk.base else { return nil }
    return chunk.data.items.withUnsafeBufferPointer { items in
      chunk.data.involved.withUnsafeBufferPointer { involved in
        var (stay, decoded) = (0, [Int]())
        for k in match.bounds[c]..<match.bounds[c + 1] {
          let i = Int(match.rows[k])
          guard let offset = match.places.place(of: i)?.offset,
            let l = CheckedRows.find(offset, in: items)
          else { return nil }
          item.base[i] = Int32(first + l)
          keep.base[i] = kept[first + l] ? 1 : 0
          guard kept[first + l] else { continue }
          stay += 1
          let it = items[l]
          guard it.clean else {
            decoded.append(i)
            continue
          }
          let parties = UnsafeBufferPointer(
            rebasing: involved[
              Int(
                it.involvedStart)..<(Int(it.involvedStart)
                + Int(it.involvedCount))])
          guard pass.agrees(i, it, depthBase: depthBase, involved: parties)
          else { return nil }
          basis.base[i] = it.basis
          sourceCount.base[i] = it.sourceCount
          figureCount.base[i] = it.figureCount
          places.base[i] = base + it.start
        }
        return (stay, decoded)
      }
    }
  }

  /// The item that starts at `offset` (items ascending by start). A chunk's lines are of
  /// similar lengths: the guess from the chunk's span is a few items off, walked from
  /// there (a binary search of 2,000 items was 40% of this phase, a missed branch at
  /// every step); far off, the binary search.
  @inline(__always) private static func find(
    _ offset: Int, in items: UnsafeBufferPointer<RecordScanChunk.Item>
  ) -> Int? {
    let last = items.count - 1
    guard last >= 0 else { return nil }
    let (low, high) = (items[0].start, items[last].start)
    guard offset >= low, offset <= high else { return nil }
    var l =
      high > low
      ? Int(Double(offset - low) / Double(high - low) * Double(last)) : 0
    l = min(max(l, 0), last)
    for _ in 0..<16 {
      if items[l].start > offset {
        l -= 1
      } else if l < last && items[l + 1].start <= offset {
        l += 1
      } else {
        return items[l].start == offset ? l : nil
      }
    }
    var (lo, hi) = (0, last)
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if items[mid].start <= offset { lo = mid } else { hi = mid - 1 }
    }
    return items[lo].start == offset ? lo : nil
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

/// The provisional store's columns that the check compares, read through their addresses
/// (the pass's columns are its own memory, never a cache's gated view).
private struct PassColumns: @unchecked Sendable {
  let firstDay: UnsafePointer<Int32>
  let lastDay: UnsafePointer<Int32>
  let precision: UnsafePointer<UInt8>
  let time: UnsafePointer<Int16>
  let dateFlags: UnsafePointer<UInt8>
  let lengths: UnsafePointer<Int32>
  let depthBases: UnsafePointer<Int8>
  let ids: UnsafePointer<ByteRef>
  let involvedStart: UnsafePointer<UInt32>
  let involved: UnsafePointer<UInt16>

  init(_ p: RecordStore) {
    (firstDay, lastDay, precision, time) = (
      p.firstDay.values, p.lastDay.values, p.precision.values, p.time.values
    )
    (dateFlags, lengths, depthBases, ids) = (
      p.dateFlags.values, p.lengths.values, p.depthBases.values, p.ids.values
    )
    (involvedStart, involved) = (p.involvedStart.values, p.involved.values)
  }

  /// Whether row `i` holds what the check's scan read of its clean item.
  @inline(__always) func agrees(
    _ i: Int, _ it: RecordScanChunk.Item, depthBase: Int,
    involved parties: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    firstDay[i] == it.firstDay && lastDay[i] == it.lastDay
      && precision[i] == it.precision && time[i] == it.time
      && dateFlags[i] == it.dateFlags && lengths[i] == it.length
      && Int(depthBases[i]) == depthBase && ids[i].equals(it.id)
      && same(i, parties)
  }

  /// Whether row `i` holds the columns of a decoded record.
  func agrees(
    _ i: Int, _ row: RecordStore.Row,
    involved parties: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    firstDay[i] == row.firstDay && lastDay[i] == row.lastDay
      && precision[i] == row.precision && time[i] == row.time
      && dateFlags[i] == row.dateFlags && lengths[i] == row.length
      && depthBases[i] == row.depthBase && ids[i].equals(row.id)
      && same(i, parties)
  }

  @inline(__always) private func same(
    _ i: Int, _ parties: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    let start = Int(involvedStart[i])
    guard Int(involvedStart[i + 1]) - start == parties.count else {
      return false
    }
    for k in 0..<parties.count where involved[start + k] != parties[k] {
      return false
    }
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
