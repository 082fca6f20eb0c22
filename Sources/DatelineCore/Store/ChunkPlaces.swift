import Foundation

/// Where the check's pieces of lines begin in each of the pass's files, and where each
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
  /// File `k`'s pieces of lines in the check, by their first offset (ascending):
  /// `firsts[spans[k]..<spans[k + 1]]`, and their numbers in `chunks`.
  let firsts: [Int]
  let chunks: [Int]
  let spans: [Int]

  /// `pieces`: the check's pieces of lines, each a file's index in `files` and the
  /// offset where the piece begins.
  init?(
    _ p: RecordStore, pieces: [ProvisionalRows.PieceKey], files: [FileBytes?]
  ) {
    var fileOfPath: [String: Int] = [:]
    for (i, f) in files.enumerated() {
      if let f, fileOfPath[f.path] == nil { fileOfPath[f.path] = i }
    }
    var linesOfFile: [Int: [(Int, Int)]] = [:]
    for (j, piece) in pieces.enumerated() {
      linesOfFile[piece.file, default: []].append((piece.start, j))
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

  /// The piece that begins at or before row `i`'s offset (the last such).
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
