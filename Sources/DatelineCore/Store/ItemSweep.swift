import Foundation

/// Reads the items of a store front to back through one private block, for a pass over
/// every record (the search signatures): a file read window by window keeps none of the
/// windows such a pass touches.
///
/// Why not `itemBytes`: each window it reads stays resident for the records shown later,
/// so a pass over a million records made the whole 495 MB file resident again. Here each
/// block is `pread` into the sweep's own buffer after an `fstat` shows the file as it was
/// opened, and checked again after the read (as `FileBytes.ensure` does); a file that
/// changed gives nil, and the caller reads the record the checked way, which says so.
/// One sweep per thread.
struct ItemSweep: ~Copyable {
  private let store: RecordStore
  private var buffer: UnsafeMutableRawPointer
  private var capacity: Int
  /// The block in the buffer: file index and the file offsets it holds.
  private var file = -1
  private var lo = 0
  private var hi = 0

  static let block = 1 << 20

  init(_ store: RecordStore) {
    self.store = store
    capacity = ItemSweep.block
    buffer = .allocate(byteCount: capacity, alignment: 16)
  }

  deinit { buffer.deallocate() }

  /// The bytes of item `i` (valid until the next call), or nil for a record held in
  /// memory or one whose file changed since it was opened.
  mutating func bytes(_ i: Int) -> UnsafeRawBufferPointer? {
    guard let p = store.items[i] else { return nil }
    let n = Int(store.lengths[i])
    guard store.hasDeferredFiles else {
      return UnsafeRawBufferPointer(start: p, count: n)
    }
    guard let fi = store.fileIndex(of: i) else { return nil }
    let f = store.files[fi]
    guard f.isDeferred else {
      return UnsafeRawBufferPointer(start: p, count: n)
    }
    let at = f.bytes.start.distance(to: p)
    if fi != file || at < lo || at + n > hi {
      guard read(f, index: fi, from: at, atLeast: n) else { return nil }
    }
    return UnsafeRawBufferPointer(start: buffer + (at - lo), count: n)
  }

  /// Record `i` decoded from the sweep's block, when its bytes lie where the load
  /// validated them (not through the re-open cache, whose rows are checked as read); nil
  /// otherwise, or when they cannot be read.
  mutating func record(_ i: Int) -> Record? {
    guard !store.hasUnprovenPlacement, let b = bytes(i), let p = b.baseAddress
    else { return nil }
    return RecordStore.decode(p, b.count, depthBase: Int(store.depthBases[i]))
  }

  /// Reads the block of file `f` starting at `from` (at least `atLeast` bytes).
  private mutating func read(
    _ f: FileBytes, index fi: Int, from: Int, atLeast: Int
  ) -> Bool {
    file = -1
    let want = min(max(ItemSweep.block, atLeast), f.count - from)
    if want > capacity {
      buffer.deallocate()
      capacity = want
      buffer = .allocate(byteCount: capacity, alignment: 16)
    }
    let fd = f.readDescriptor
    guard fd >= 0, FileIdentity.of(descriptor: fd) == f.identity,
      FileBytes.readFully(fd, into: buffer, count: want, at: from) == want,
      FileIdentity.of(descriptor: fd) == f.identity
    else { return false }
    (file, lo, hi) = (fi, from, from + want)
    return true
  }
}
