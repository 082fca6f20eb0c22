import Foundation
import Synchronization

/// The blocks the scan jobs read their `.jsonl` pieces into: a job takes one for its
/// piece and gives it back once scanned, so at most one block per job running at once is
/// ever made, and each piece lands in pages the piece before already faulted in.
///
/// Why: a piece read into the file's own region went to pages handed back after the
/// piece before (`FileBytes.release`), and the kernel cleared each of them again on the
/// next fault: 11-13% of `validate`'s CPU at a million records. The scan keeps file
/// offsets and copies what it keeps (ids, normalized quotes), so nothing points into a
/// block after its piece is scanned.
final class PieceBlocks: Sendable {
  /// One block: anonymous memory, `size` bytes.
  struct Block: @unchecked Sendable {
    let start: UnsafeMutableRawPointer
    let size: Int
  }

  private let free = Mutex<[Block]>([])
  /// The bytes a job reads at a time (`FastLoader.readLines`): a block of about this
  /// size per core is what the scan holds of the files.
  let window: Int

  init(window: Int = LoadSettings.defaultChunkBytes) {
    self.window = max(64, window)
  }

  deinit {
    free.withLock { blocks in
      for b in blocks { munmap(b.start, b.size) }
    }
  }

  /// A block of at least `count` bytes: one given back before, or a new one in place of
  /// a smaller one given back (nil when the system has no memory for it).
  func take(_ count: Int) -> Block? {
    let (reused, smaller) = free.withLock { blocks -> (Block?, Block?) in
      if let i = blocks.lastIndex(where: { $0.size >= count }) {
        return (blocks.remove(at: i), nil)
      }
      return (nil, blocks.popLast())
    }
    if let reused { return reused }
    if let smaller { munmap(smaller.start, smaller.size) }
    guard let p = FileBytes.allocate(count) else { return nil }
    return Block(start: p, size: max(count, 1))
  }

  /// Gives `block` back for the next piece; a block grown for a line longer than a
  /// window is unmapped instead: kept, every later piece of the group would be read
  /// into it whole (`readLines` fills what a block holds) and held to the group's end.
  func give(_ block: Block) {
    guard block.size < 2 * (window + FileBytes.lead) else {
      munmap(block.start, block.size)
      return
    }
    free.withLock { $0.append(block) }
  }
}
