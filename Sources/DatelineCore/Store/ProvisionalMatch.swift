import Foundation

/// The rows of a first pass's provisional store (FirstPass) grouped by the chunk of the
/// check that holds their line, found by the line's place in its file.
///
/// Why by place: the pass numbers its rows otherwise (lines it could not read are not
/// rows), but a line is where it is in both reads of an unchanged file. Why grouped: the
/// rows are in timeline order and a file is rarely in date order; a chunk's rows are then
/// looked up among its items together (`CheckedRows`), its items read once, in cache.
/// A row whose place is in no chunk of lines: nil (the store is then built from the scan).
struct ProvisionalMatch: Sendable {
  let places: ChunkPlaces
  /// The rows of chunk `c` are `rows[bounds[c]..<bounds[c + 1]]`.
  let rows: Column<Int32>
  let bounds: [Int]

  init?(_ p: RecordStore, set: ChunkSet, files: [FileBytes?]) {
    let n = p.count
    guard let places = ChunkPlaces(p, set: set, files: files) else {
      return nil
    }
    let chunk = Column<Int32>(uninitialized: n)
    var bounds = [Int](repeating: 0, count: set.count + 1)
    for i in 0..<n {
      guard let c = places.chunk(holding: i) else { return nil }
      chunk.base[i] = Int32(c)
      bounds[c + 1] += 1
    }
    for c in 0..<set.count { bounds[c + 1] += bounds[c] }
    let rows = Column<Int32>(uninitialized: n)
    var next = bounds
    for i in 0..<n {
      let c = Int(chunk[i])
      rows.base[next[c]] = Int32(i)
      next[c] += 1
    }
    (self.places, self.rows, self.bounds) = (places, rows, bounds)
  }
}

/// Where the check's chunks of lines begin in each of the pass's files, and where each
/// row's line is in its file.
///
/// Why the lookups are by hash and by binary search: a corpus may be written as one file
/// a day (thousands of files), and every row is placed; a walk over the files per row
/// would make the check's last step rows x files.
struct ChunkPlaces: @unchecked Sendable {
  /// The store's items (where each row's line is, in the pass's files).
  let items: Column<UnsafeRawPointer?>
  /// Each of the store's files: its first byte and length.
  let fileStarts: [UnsafeRawPointer]
  let fileCounts: [Int]
  /// The store's files by their first byte's address (ties: the longer last).
  let byAddress: [Int]
  /// File `k`'s chunks of lines in the check, by their first line's offset (ascending):
  /// `firsts[spans[k]..<spans[k + 1]]`, and their numbers in `chunks`.
  let firsts: [Int]
  let chunks: [Int]
  let spans: [Int]

  init?(_ p: RecordStore, set: ChunkSet, files: [FileBytes?]) {
    var fileOfPath: [String: Int] = [:]
    for (i, f) in files.enumerated() {
      if let f, fileOfPath[f.path] == nil { fileOfPath[f.path] = i }
    }
    var linesOfFile: [Int: [(Int, Int)]] = [:]
    for (c, ch) in set.chunks.enumerated()
    where ch.isLines && ch.depthBase >= 0 && ch.base != nil {
      if let start = ch.data.items.first?.start {
        linesOfFile[ch.file, default: []].append((start, c))
      }
    }
    var (starts, counts, firsts, chunks, spans) = (
      [UnsafeRawPointer](), [Int](), [Int](), [Int](), [0]
    )
    for f in p.files {
      guard let b = f.base, let fi = fileOfPath[f.path] else { return nil }
      let list = (linesOfFile[fi] ?? []).sorted { $0.0 < $1.0 }
      starts.append(b)
      counts.append(f.count)
      firsts += list.map(\.0)
      chunks += list.map(\.1)
      spans.append(firsts.count)
    }
    (items, fileStarts, fileCounts) = (p.items, starts, counts)
    byAddress = starts.indices.sorted {
      (starts[$0], counts[$0]) < (starts[$1], counts[$1])
    }
    (self.firsts, self.chunks, self.spans) = (firsts, chunks, spans)
  }

  /// Row `i`'s file (its index in the store's files) and offset in it: the last file by
  /// address that starts at or before the row's line, if the line is inside it.
  @inline(__always) func place(of i: Int) -> (file: Int, offset: Int)? {
    guard let p = items[i] else { return nil }
    var (lo, hi) = (0, byAddress.count)
    while lo < hi {
      let mid = (lo + hi) / 2
      if fileStarts[byAddress[mid]] <= p { lo = mid + 1 } else { hi = mid }
    }
    guard lo > 0 else { return nil }
    let k = byAddress[lo - 1]
    let at = fileStarts[k].distance(to: p)
    return at < fileCounts[k] ? (k, at) : nil
  }

  /// The chunk whose lines begin at or before row `i`'s offset (the last such).
  func chunk(holding i: Int) -> Int? {
    guard let (k, offset) = place(of: i) else { return nil }
    var lo = spans[k]
    var hi = spans[k + 1] - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if firsts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    guard hi >= spans[k], firsts[lo] <= offset else { return nil }
    return chunks[lo]
  }
}
