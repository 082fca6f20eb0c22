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

  /// The lines of `range`, scanned. A file read window by window has the piece read into
  /// a block of `blocks` (reused from piece to piece: no fresh pages to clear) and keeps
  /// none of it; a file in memory is scanned where it is. Bytes past a shrunk file's end
  /// are not scanned (the record phase then warns that the file changed).
  static func scanLines(
    _ f: FileBytes, file fi: Int, _ range: Range<Int>, _ parties: PartyLookup,
    _ blocks: PieceBlocks
  ) -> ScannedChunk {
    let block = f.isDeferred ? blocks.take(range.count + FileBytes.lead) : nil
    defer { block.map(blocks.give) }
    let n = max(0, f.fill(range, into: block?.start))
    let piece = UnsafeRawBufferPointer(
      start: block.map { UnsafeRawPointer($0.start) + FileBytes.lead }
        ?? f.bytes.start + range.lowerBound,
      count: n)
    let chunk = ChunkScan.lines(
      piece, at: range.lowerBound, file: fi, base: f.base, parties: parties)
    // Windows read while the pieces were cut (their line starts) go back too.
    f.release(range)
    return chunk
  }
}
