import CDatelineScan
import Foundation

/// What a load read of a file, kept as checksums instead of bytes: one XXH64 per block of
/// at most a megabyte, with the block's newline count and last byte.
///
/// Why: the browser's reload of appended lines must know that every byte it loaded is
/// still in the file before it reads only the new lines (AppendBase). Keeping the loaded
/// bytes for that compare held whole files in memory (495 MB at a million records); the
/// checksums of what was read hold 40 bytes a megabyte, and the compare reads the file
/// again a block at a time. A changed block is found unless its XXH64 collides, which
/// random or edited text does with a chance of one in 2^64.
struct FileDigest: Sendable, Equatable {
  var start: Int
  var count: Int
  var hash: UInt64
  var newlines: Int
  /// The block's last byte (0 for an empty block).
  var lastByte: UInt8

  static let block = 1 << 20

  var end: Int { start + count }

  /// The digests of `bytes`, which lie at file offset `at`, a block at a time.
  static func of(_ bytes: UnsafeRawBufferPointer, at: Int) -> [FileDigest] {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
    var out: [FileDigest] = []
    var done = 0
    while done < bytes.count {
      let n = min(block, bytes.count - done)
      out.append(
        FileDigest(
          start: at + done, count: n, hash: dl_xxh64(base + done, n, 0),
          newlines: newlines(in: base + done, count: n),
          lastByte: bytes[done + n - 1]))
      done += n
    }
    return out
  }

  static func newlines(in p: UnsafeRawPointer, count: Int) -> Int {
    var n = 0
    var at = 0
    while at < count, let q = memchr(p + at, 0x0A, count - at) {
      n += 1
      at = p.distance(to: UnsafeRawPointer(q)) + 1
    }
    return n
  }

  /// `digests` in file order when they cover `0..<count` without a gap or an overlap
  /// (what one read of the whole file gives), else nil.
  static func tiling(_ digests: [FileDigest], count: Int) -> [FileDigest]? {
    let sorted = digests.sorted { $0.start < $1.start }
    var at = 0
    for d in sorted {
      guard d.start == at else { return nil }
      at = d.end
    }
    return at == count ? sorted : nil
  }

  /// Whether the file open on `fd` still holds, at each digest's place, bytes with that
  /// digest's checksum (each block read again with `pread`).
  static func fileMatches(_ fd: Int32, _ digests: [FileDigest]) -> Bool {
    let size = digests.map(\.count).max() ?? 0
    guard size > 0 else { return true }
    let buffer = UnsafeMutableRawPointer.allocate(
      byteCount: size, alignment: 16)
    defer { buffer.deallocate() }
    for d in digests {
      guard
        FileBytes.readFully(fd, into: buffer, count: d.count, at: d.start)
          == d.count,
        dl_xxh64(buffer, d.count, 0) == d.hash
      else { return false }
    }
    return true
  }
}
