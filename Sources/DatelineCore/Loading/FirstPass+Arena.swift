import CDatelineScan
import Foundation

/// One kind of a first-pass worker's results (its pieces' line records, ids or involved
/// parties), one after another in one region of anonymous memory in huge pages.
///
/// Why: per-piece buffers from malloc were 4 KB pages, each a fault to clear and a TLB
/// entry; the store then reads the lines in timeline order, a random place each, and at
/// ten million lines a TLB miss came with nearly every cache miss. A region of 2 MB pages
/// takes one fault per 2 MB and lets the gather's reads hit the TLB. A worker's pieces
/// share its regions, so only the last page of each is partly used.
///
/// A region grows by copying into a larger one (never in place), so pieces keep offsets
/// into it, not addresses, until the scan ends (`FirstPassPiece.resolve`).
final class FirstPassArena: @unchecked Sendable {
  private(set) var base: UnsafeMutableRawPointer?
  private(set) var capacity: Int
  /// Bytes written so far (the next piece's results start here).
  var used = 0

  init(bytes: Int) {
    capacity = max(bytes, 1 << 16)
    base = FileBytes.allocate(capacity)
  }

  deinit { release() }

  /// Room for `bytes` more after `used`; false when memory runs out. The `live` bytes
  /// after `used` (the results of the piece being scanned) are kept as well.
  func reserve(_ bytes: Int, live: Int = 0) -> Bool {
    guard let old = base else { return false }
    guard used + bytes > capacity else { return true }
    let grown = max(capacity * 2, used + bytes)
    guard let new = FileBytes.allocate(grown) else { return false }
    new.copyMemory(from: old, byteCount: used + live)
    munmap(old, capacity)
    base = new
    capacity = grown
    return true
  }

  func release() {
    if let base { munmap(base, capacity) }
    base = nil
    capacity = 0
    used = 0
  }
}

/// The three regions one worker writes its pieces' results into.
final class FirstPassWorkerMemory: @unchecked Sendable {
  let lines: FirstPassArena
  let ids: FirstPassArena
  let involved: FirstPassArena

  /// Sized for `bytes` of records as the synthetic and seed corpora have them (about
  /// 500 bytes a line, ids of 8, two or three parties); a region grows when its
  /// pieces need more.
  init(bytes: Int) {
    let size = Self.sizes(lines: bytes / 256 + 256)
    lines = FirstPassArena(bytes: size.lines)
    ids = FirstPassArena(bytes: size.ids)
    involved = FirstPassArena(bytes: size.involved)
  }

  /// The bytes each region takes for `lines` lines (a line record, 12 bytes of id and
  /// four parties a line, plus room for one line naming many): a worker's regions at
  /// first, and the room a piece reserves before it starts.
  static func sizes(lines: Int) -> (lines: Int, ids: Int, involved: Int) {
    (lines * MemoryLayout<dl_fp_line>.stride, lines * 12, lines * 8 + (1 << 18))
  }

  var isAllocated: Bool {
    lines.base != nil && ids.base != nil && involved.base != nil
  }
}
