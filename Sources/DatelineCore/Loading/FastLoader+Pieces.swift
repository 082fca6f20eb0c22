import Foundation

/// How a `.jsonl` file is cut into the scan's jobs: line-aligned pieces.
extension FastLoader {
  /// Splits a `.jsonl` body into line-aligned pieces: about 16 MB each, but at least 16
  /// of 1 MB or more for a mid-sized file (one piece below 4 MB). With two cores, a few
  /// large pieces beside the sources job left one core idle at the end. The unit (1 MB)
  /// can be made smaller (LoadSettings.chunkBytes, at least 64), so that tests cut small corpora into
  /// many pieces.
  /// `readable` makes the bytes of a range of the file (offsets count from the file's
  /// start) readable through `body`, or says they cannot be (the file changed).
  static func lineChunks(
    _ body: UnsafeRawBufferPointer, offset: Int, unit: Int,
    readable: (Range<Int>) -> Bool = { _ in true }
  ) -> [Range<Int>] {
    let n = body.count
    guard n > 0 else { return [] }
    let unit = max(64, unit)
    let pieces = n < 4 * unit ? 1 : max(2, n / (16 * unit), min(16, n / unit))
    var out: [Range<Int>] = []
    var start = 0
    for k in 1...pieces {
      var cut = k == pieces ? n : n * k / pieces
      if cut < n, cut > start {
        cut = lineStart(body, after: cut, offset: offset, readable: readable)
      }
      if cut > start {
        out.append((start + offset)..<(cut + offset))
        start = cut
      }
    }
    return out
  }

  /// Where the line after the one holding `at` starts (the body's end when none does),
  /// looked for a window at a time, each made readable first.
  static func lineStart(
    _ body: UnsafeRawBufferPointer, after at: Int, offset: Int,
    readable: (Range<Int>) -> Bool
  ) -> Int {
    let n = body.count
    var from = at
    while from < n {
      let upto = min(n, from + FileBytes.window)
      guard readable((from + offset)..<(upto + offset)) else { return n }
      if let p = memchr(body.start + from, 0x0A, upto - from) {
        return body.start.distance(to: UnsafeRawPointer(p)) + 1
      }
      from = upto
    }
    return n
  }

  /// The lines of `range`, scanned. A file read window by window has the piece read
  /// `blocks.window` bytes at a time into a block of `blocks` (reused from piece to piece:
  /// no fresh pages to clear), its whole lines scanned before the next read, and keeps
  /// none of it; a file in memory is scanned where it is. Bytes past a shrunk file's end
  /// are not scanned (the record phase then warns that the file changed).
  static func scanLines(
    _ f: FileBytes, file fi: Int, _ range: Range<Int>, _ parties: PartyLookup,
    _ blocks: PieceBlocks
  ) -> ScannedChunk {
    var scan = LineScan(parties: parties, bytes: range.count)
    var rest = range
    if f.isDeferred {
      rest = readLines(f, range, blocks) { scan.add($0, at: $1) }
    }
    if !rest.isEmpty {
      let n = max(0, f.fill(rest))
      scan.add(
        UnsafeRawBufferPointer(
          start: f.bytes.start + rest.lowerBound, count: n),
        at: rest.lowerBound)
    }
    // Windows read while the pieces were cut (their line starts) go back too.
    f.release(range)
    return scan.finish(file: fi, base: f.base)
  }

  /// Reads `range` of `f` (read window by window) `blocks.window` bytes at a time (the
  /// load's `chunkBytes`, 1 MB; a whole 16 MB piece per core before: ~30 MB at the end
  /// of each quote group's scan, the browser check's peak) into a block of `blocks`, and
  /// hands `scan` each run of whole lines with its file offset; a line cut by a read is
  /// carried to the next run (the block grows for a line longer than it). A read that
  /// comes short (the file shrank) ends the piece: what was read is the last run.
  /// Returns what is left to read into the file's own region: nothing, unless the
  /// system had no memory for a block (then from the first byte not scanned).
  ///
  /// Guarantees: the runs are the bytes of `range` (up to a short read) in order, each
  /// byte read once by consecutive `fill`s, so the file's digests tile it as one read of
  /// the piece would; every run but the last ends with a newline.
  static func readLines(
    _ f: FileBytes, _ range: Range<Int>, _ blocks: PieceBlocks,
    _ scan: (UnsafeRawBufferPointer, Int) -> Void
  ) -> Range<Int> {
    let lead = FileBytes.lead
    guard var block = blocks.take(min(range.count, blocks.window) + lead) else {
      return range
    }
    defer { blocks.give(block) }
    // The bytes of a cut line, at block + lead, from file offset `keptAt`.
    var kept = 0
    var keptAt = range.lowerBound
    var at = range.lowerBound
    while at < range.upperBound {
      if kept == block.size - lead {
        guard let grown = blocks.take(2 * block.size) else {
          return keptAt..<range.upperBound
        }
        memcpy(grown.start + lead, block.start + lead, kept)
        blocks.give(block)
        block = grown
      }
      let want = min(range.upperBound - at, block.size - lead - kept)
      let n = max(0, f.fill(at..<(at + want), into: block.start + kept))
      at += n
      let run = UnsafeRawBufferPointer(
        start: block.start + lead, count: kept + n)
      var end = run.count
      if n == want && at < range.upperBound {
        end = run.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
      }
      if end > 0 { scan(UnsafeRawBufferPointer(rebasing: run[..<end]), keptAt) }
      if n < want { break }
      kept = run.count - end
      keptAt += end
      memmove(block.start + lead, run.start + end, kept)
    }
    return range.upperBound..<range.upperBound
  }
}
