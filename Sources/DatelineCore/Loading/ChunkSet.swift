import Foundation

/// The scanned chunks of one load in file order; item `g` counts on across chunks.
final class ChunkSet: @unchecked Sendable {
  let chunks: [ScannedChunk]
  /// `starts[c]` is the number of the first item of chunk `c`; the last entry is the total.
  let starts: [Int]
  /// Line numbers: runs of a `.jsonl` file count on from the runs before them.
  let lineBase: [Int]

  init(_ chunks: [ScannedChunk]) {
    self.chunks = chunks
    var starts = [0]
    var lineBase: [Int] = []
    var linesSoFar: [Int: Int] = [:]
    var total = 0
    for c in chunks {
      total += c.data.items.count
      starts.append(total)
      lineBase.append(c.isLines ? linesSoFar[c.file, default: 0] : 0)
      if c.isLines { linesSoFar[c.file, default: 0] += c.lineCount }
    }
    self.starts = starts
    self.lineBase = lineBase
  }

  var count: Int { chunks.count }
  var total: Int { starts[chunks.count] }

  /// Chunk and index in it of item `g`.
  @inline(__always) func locate(_ g: Int) -> (Int, Int) {
    var lo = 0
    var hi = chunks.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if starts[mid] <= g { lo = mid } else { hi = mid - 1 }
    }
    return (lo, g - starts[lo])
  }

  /// The line number (`.jsonl`) or item index of an item.
  func ordinal(_ c: Int, _ l: Int) -> Int {
    Int(chunks[c].data.items[l].ordinal) + lineBase[c]
  }

  /// The id bytes of item `g` as written (clean items), or as the reference read them.
  func id(of g: Int) -> ByteRef? {
    let (c, l) = locate(g)
    let it = chunks[c].data.items[l]
    return it.clean ? it.id : chunks[c].data.fallbacks[l]?.rawIDRef
  }

  /// The id bytes of item `g`, known to have one (an id table holds it, or it is kept).
  func requiredID(of g: Int32) -> ByteRef {
    guard let r = id(of: Int(g)) else {
      preconditionFailure("item \(g) has no id")
    }
    return r
  }
}
