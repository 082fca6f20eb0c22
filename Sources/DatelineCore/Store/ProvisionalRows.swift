import Foundation

/// The rows of a first pass's provisional store (FirstPass) grouped by the check's piece
/// of lines that holds each row's line, made before the check's scan so that each piece's
/// items are compared with their rows as soon as the piece is scanned (`compare`), on
/// the core that scanned it, while its items are in cache.
///
/// Why by place: the pass numbers its rows otherwise (lines it could not read are not
/// rows), but a line is where it is in both reads of an unchanged file. Why at the scan:
/// what the pass read of a line (dates, parties) need not be kept twice; a piece whose
/// every clean item agrees with its one row lets its own reading go (a million items'
/// dates and parties, ~26 MB, until the store was built). Nothing is decided here: the
/// store phase (`RecordStore.checked(onto:)`) reads the verdicts of the rows it keeps.
final class ProvisionalRows: @unchecked Sendable {
  let store: RecordStore
  let places: ChunkPlaces
  /// The rows of piece `j` are `rows[bounds[j]..<bounds[j + 1]]`.
  let rows: Column<Int32>
  let bounds: [Int]
  /// What the scan of its piece found of grouped row `k`: its item's index in the piece's
  /// chunk, `differs` set when the item is clean and the row disagrees with it; -1 when
  /// no item starts at its place (or the piece was never compared).
  let found: Column<Int32>
  static let differs: Int32 = 1 << 30
  /// The pieces by file and first offset.
  let pieces: [PieceKey: Int]
  let pass: PassColumns

  struct PieceKey: Hashable {
    let file: Int
    let start: Int
  }

  /// Nil when a row's line is in no piece of lines of the check's files (the store is
  /// then built from the scan).
  init?(_ p: RecordStore, jobs: [FastLoader.Job], files: [FileBytes?]) {
    var keys: [PieceKey] = []
    for case .lines(let fi, let range) in jobs {
      keys.append(PieceKey(file: fi, start: range.lowerBound))
    }
    guard let places = ChunkPlaces(p, pieces: keys, files: files) else {
      return nil
    }
    let n = p.count
    let piece = Column<Int32>(uninitialized: n)
    var bounds = [Int](repeating: 0, count: keys.count + 1)
    for i in 0..<n {
      guard let j = places.chunk(holding: i) else { return nil }
      piece.base[i] = Int32(j)
      bounds[j + 1] += 1
    }
    for j in 0..<keys.count { bounds[j + 1] += bounds[j] }
    let rows = Column<Int32>(uninitialized: n)
    var next = bounds
    for i in 0..<n {
      let j = Int(piece[i])
      rows.base[next[j]] = Int32(i)
      next[j] += 1
    }
    found = Column(uninitialized: n)
    found.base.initialize(repeating: -1, count: n)
    var pieces: [PieceKey: Int] = [:]
    for (j, k) in keys.enumerated() { pieces[k] = j }
    (store, self.places, self.rows, self.bounds) = (p, places, rows, bounds)
    (self.pieces, pass) = (pieces, PassColumns(p))
  }

  /// Compares each row of the piece of `file` at `start` with the item of `chunk` at its
  /// place (writing `found`), and lets the chunk's dates and parties go when every clean
  /// item agrees with exactly one row, which then holds them (`restoring`).
  func compare(_ chunk: inout ScannedChunk, file: Int, start: Int) {
    guard let j = pieces[PieceKey(file: file, start: start)] else { return }
    chunk.provisionalPiece = j
    var rowsOfItem = [UInt8](repeating: 0, count: chunk.data.items.count)
    var (agreeing, failed) = (0, false)
    let depthBase = chunk.depthBase
    chunk.data.items.withUnsafeBufferPointer { items in
      chunk.data.dates.withUnsafeBufferPointer { dates in
        chunk.data.involved.withUnsafeBufferPointer { involved in
          for k in bounds[j]..<bounds[j + 1] {
            let i = Int(rows[k])
            guard let offset = places.place(of: i)?.offset,
              let l = ProvisionalRows.find(offset, in: items)
            else {
              failed = true
              continue
            }
            rowsOfItem[l] &+= rowsOfItem[l] < 2 ? 1 : 0
            guard items[l].clean else {
              found.base[k] = Int32(l)
              continue
            }
            let d = dates[l]
            let parties = UnsafeBufferPointer(
              rebasing: involved[
                Int(d.involvedStart)..<Int(d.involvedStart)
                  + Int(d.involvedCount)])
            let same = pass.agrees(
              i, items[l], d, depthBase: depthBase, involved: parties)
            agreeing += same ? 1 : 0
            found.base[k] = Int32(l) | (same ? 0 : ProvisionalRows.differs)
          }
        }
      }
    }
    let clean = chunk.data.items.count { $0.clean }
    guard !failed, agreeing == clean, !rowsOfItem.contains(where: { $0 > 1 })
    else { return }
    chunk.data.dates = []
    chunk.data.involved = []
    chunk.datesFromRows = true
  }

  /// The item that starts at `offset` (items ascending by start). A chunk's lines are of
  /// similar lengths: the guess from the chunk's span is a few items off, walked from
  /// there (a binary search of 2,000 items was 40% of the match, a missed branch at
  /// every step); far off, the binary search.
  @inline(__always) static func find(
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

  /// `set` with the dates and parties of each chunk that let them go (`compare`) read
  /// back from its rows, for a store built from the scan.
  func restoring(_ set: ChunkSet) -> ChunkSet {
    ChunkSet(set.chunks.map { $0.datesFromRows ? restored($0) : $0 })
  }

  /// `chunk`'s dates and parties as its rows hold them (each clean item has exactly one,
  /// which agreed with it).
  private func restored(_ chunk: ScannedChunk) -> ScannedChunk {
    let j = chunk.provisionalPiece
    var rowOf = [Int](repeating: -1, count: chunk.data.items.count)
    for k in bounds[j]..<bounds[j + 1] {
      rowOf[Int(found[k] & (ProvisionalRows.differs - 1))] = Int(rows[k])
    }
    var c = chunk
    (c.data.dates, c.data.involved, c.datesFromRows) = ([], [], false)
    let p = store
    for (l, it) in chunk.data.items.enumerated() {
      guard it.clean, rowOf[l] >= 0 else {
        c.data.dates.append(.none)
        continue
      }
      let i = rowOf[l]
      let (from, to) = (Int(p.involvedStart[i]), Int(p.involvedStart[i + 1]))
      c.data.dates.append(
        .init(
          firstDay: p.firstDay[i], lastDay: p.lastDay[i],
          involvedStart: UInt32(c.data.involved.count), time: p.time[i],
          involvedCount: UInt16(to - from), precision: p.precision[i],
          dateFlags: p.dateFlags[i]))
      for k in from..<to { c.data.involved.append(p.involved[k]) }
    }
    return c
  }
}
