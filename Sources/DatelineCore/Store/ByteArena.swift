import Foundation

/// Copies of short byte strings (ids) at addresses that never move until the arena dies.
///
/// Why copy ids out of the mapped file: duplicate checks, links, sorting ties and lookups
/// all compare ids; reading them from the mapping would fault its pages back in and the
/// resident set would grow to the whole file. A million ids take ~10 MB here.
final class ByteArena: @unchecked Sendable {
  private var blocks: [UnsafeMutableRawPointer] = []
  /// The block being filled: where, how much is used, its size. Behind a pointer, so the
  /// per-copy bookkeeping needs no exclusivity checks (one thread fills an arena).
  private struct Current {
    var block: UnsafeMutableRawPointer?
    var used = 0
    var capacity = 0
  }
  private let current = UnsafeMutablePointer<Current>.allocate(capacity: 1)
  static let blockSize = 1 << 20

  init() { current.initialize(to: Current()) }

  deinit {
    for b in blocks { b.deallocate() }
    current.deallocate()
  }

  /// A stable copy of `count` bytes at `p`.
  func copy(_ p: UnsafePointer<UInt8>, _ count: Int) -> UnsafePointer<UInt8> {
    let dst: UnsafeMutableRawPointer
    if let block = current.pointee.block,
      current.pointee.used + count <= current.pointee.capacity
    {
      dst = block + current.pointee.used
    } else {
      let size = max(ByteArena.blockSize, count)
      let block = UnsafeMutableRawPointer.allocate(
        byteCount: size, alignment: 8)
      blocks.append(block)
      current.pointee = Current(block: block, used: 0, capacity: size)
      dst = block
    }
    if count <= 16 {
      // Ids are short: a byte loop beats a call to memmove.
      let d = dst.assumingMemoryBound(to: UInt8.self)
      for k in 0..<count { d[k] = p[k] }
    } else {
      dst.copyMemory(from: p, byteCount: count)
    }
    current.pointee.used += count
    return UnsafePointer(dst.assumingMemoryBound(to: UInt8.self))
  }

  func copy(_ s: String) -> (UnsafePointer<UInt8>, Int) {
    var t = s
    return t.withUTF8 {
      (
        copy($0.start, $0.count),
        $0.count
      )
    }
  }
}

/// A byte string held elsewhere (an arena or a mapping), compared by content.
struct ByteRef: @unchecked Sendable {
  var pointer: UnsafePointer<UInt8>
  /// 16 bytes in all: a million ids in columns and scan items add up.
  let length: Int32
  var hash: UInt32
  var count: Int { Int(length) }

  init(_ pointer: UnsafePointer<UInt8>, _ count: Int) {
    self.pointer = pointer
    length = Int32(count)
    hash = ByteKeyTable.hash(pointer, count)
  }

  /// With the hash already known (read back from a cache).
  init(_ pointer: UnsafePointer<UInt8>, _ count: Int, hash: UInt32) {
    self.pointer = pointer
    length = Int32(count)
    self.hash = hash
  }

  func equals(_ o: ByteRef) -> Bool {
    o.count == count && memcmp(o.pointer, pointer, count) == 0
  }

  var string: String {
    String(
      decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self
    )
  }

  /// Byte order (SCHEMA.md "Order" compares ids that way).
  static func precedes(_ a: ByteRef, _ b: ByteRef) -> Bool {
    let c = memcmp(a.pointer, b.pointer, min(a.count, b.count))
    return c != 0 ? c < 0 : a.count < b.count
  }
}
