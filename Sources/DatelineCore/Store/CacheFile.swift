import CDatelineScan
import Foundation

/// The container of every cache file: a versioned header, the key the content was made
/// from, a table of sections, a checksum for each block of each section, then the
/// sections.
///
/// ```
/// 0   magic            u64   what the file is ("DLCACHE4", "DLSIGNS4")
/// 8   version          u64   CacheFile.version
/// 16  file size        u64   the whole file, in bytes
/// 24  header checksum  u64   XXH64 of bytes 32 ..< end of the block checksums
/// 32  key length       u64
/// 40  section count    u64   at most CacheFile.maximumSections
/// 48  block shift      u64   a block is `1 << shift` elements (CacheFile.shifts)
/// 56  key              key length bytes, zero-padded to 8
/// ..  section table    count × 40 bytes: id u32, element u32, count u64, offset u64,
///                      length u64, blocks u64 (how many block checksums it has)
/// ..  block checksums  u64 each: XXH64 of each block of `1 << shift` elements of each
///                      section (the last one shorter), sections in table order
/// ..  sections         each at an offset that is a multiple of 8, in table order
/// ```
/// Why a checksum per block: a reader checks the header, the table and every block's
/// checksum in one small read, then reads a block of a section only when it is used and
/// checks it then (CacheReader), so a re-open reads what its first screen needs, not the
/// whole file, and still uses no byte that is not what the writer wrote. What a section
/// holds is declared by its user (CacheLayout for the corpus cache); this type only
/// guarantees that a section it hands out lies inside the file, has the declared element
/// type, a length that is exactly count × element size, and the bytes the writer wrote.
enum CacheFile {
  static let version: UInt64 = 4
  static let maximumSections = 64
  static let headerBytes = 56
  static let tableEntryBytes = 40
  /// The block shifts a file may have: a block of a record column is the same rows in
  /// every column (CachedRows reads them together); 16 (65,536 rows) unless a test asks
  /// for small blocks (CacheSettings.blockShift).
  static let shifts = 4...24
  /// The magics of earlier formats ("DLCACHE1", "DLDLSIG1", "DLCACHE2", "DLSIGNS2",
  /// "DLCACHE3", "DLSIGNS3"): replaced without a warning.
  static let formerMagics: Set<UInt64> = [
    0x3145_4843_4143_4C44, 0x3147_4953_4C44_4C44, 0x3245_4843_4143_4C44,
    0x3253_4E47_4953_4C44, 0x3345_4843_4143_4C44, 0x3353_4E47_4953_4C44,
  ]

  /// One section to write: its id, element type, count, and bytes (alive during `write`).
  struct Section {
    var id: UInt32
    var element: CacheElement
    var count: Int
    var bytes: UnsafeRawBufferPointer
  }

  /// A section as the table of a file read back describes it, checked against the file:
  /// its block checksums are `sums[firstSum ..< firstSum + blocks]` of the reader.
  struct Entry: Equatable {
    var id: UInt32
    var element: CacheElement
    var count: Int
    var offset: Int
    var length: Int
    /// Elements per block: `1 << shift`.
    var shift: Int
    var firstSum = 0
    var blocks: Int { (count + (1 << shift) - 1) >> shift }

    /// The bytes of block `b` (an offset in the file and a length).
    func block(_ b: Int) -> (offset: Int, length: Int) {
      let lo = (b << shift) * element.size
      return (offset + lo, min(length - lo, (1 << shift) * element.size))
    }
  }

  /// Why a cache file was not used; `quiet` ones (no file, other data) are not news.
  struct Rejection: Error, Equatable {
    var reason: String
    var quiet = false
    static func quietly(_ reason: String) -> Rejection {
      Rejection(reason: reason, quiet: true)
    }
  }

  /// The checksums of the blocks of `bytes`, a section of `element`s.
  static func blockSums(
    _ bytes: UnsafeRawBufferPointer, _ element: CacheElement, shift: Int
  ) -> [UInt64] {
    let step = (1 << shift) * element.size
    return stride(from: 0, to: bytes.count, by: step).map { lo in
      checksum(
        UnsafeRawBufferPointer(
          rebasing: bytes[lo..<min(bytes.count, lo + step)]))
    }
  }

  /// The header, section table and block checksums for `sections` after `magic` and
  /// `key`, with each section's offset; nil when a size overflows (nothing that large
  /// can be written).
  static func layout(
    magic: UInt64, key: [UInt8], sections: [Section], shift: Int
  ) -> (header: [UInt8], offsets: [Int], size: Int)? {
    var h = ByteWriter()
    h.u64(magic)
    h.u64(version)
    h.u64(0)  // file size, set below
    h.u64(0)  // header checksum, set below
    h.u64(UInt64(key.count))
    h.u64(UInt64(sections.count))
    h.u64(UInt64(shift))
    h.bytes.append(contentsOf: key)
    h.pad(to: 8)
    let sums = sections.map { blockSums($0.bytes, $0.element, shift: shift) }
    var offset =
      h.bytes.count + sections.count * tableEntryBytes
      + sums.reduce(0) { $0 + $1.count } * 8
    var offsets: [Int] = []
    for (s, blocks) in zip(sections, sums) {
      offsets.append(offset)
      h.u32(s.id)
      h.u32(s.element.rawValue)
      h.u64(UInt64(s.count))
      h.u64(UInt64(offset))
      h.u64(UInt64(s.bytes.count))
      h.u64(UInt64(blocks.count))
      let (end, overflow) = offset.addingReportingOverflow(
        (s.bytes.count + 7) & ~7)
      guard !overflow else { return nil }
      offset = end
    }
    for sum in sums.joined() { h.u64(sum) }
    h.set(UInt64(offset), at: 16)
    h.set(
      h.bytes.withUnsafeBytes {
        checksum(UnsafeRawBufferPointer(rebasing: $0[32...]))
      }, at: 24)
    return (h.bytes, offsets, offset)
  }

  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    dl_xxh64(bytes.baseAddress, bytes.count, 0)
  }

  /// Writes a cache file at `path`, in blocks of `1 << shift` elements, through a
  /// temporary file beside it (TemporaryFile), so that a reader sees the old file or the
  /// whole new one; throws why it could not.
  static func write(
    _ path: String, magic: UInt64, key: [UInt8], sections: [Section],
    shift: Int
  ) throws(TemporaryFile.Failure) {
    guard shifts.contains(shift),
      let (header, offsets, size) = layout(
        magic: magic, key: key, sections: sections, shift: shift)
    else {
      throw TemporaryFile.Failure(path: path, message: "too large")
    }
    // What an earlier process left when it ended mid-write without O_TMPFILE.
    TemporaryFile.removeStale(
      in: (path as NSString).deletingLastPathComponent,
      targets: [".cache", ".cache.search"])
    var file = try TemporaryFile(beside: path)
    header.withUnsafeBytes { file.append($0) }
    for (s, offset) in zip(sections, offsets) {
      file.pad(to: offset)
      file.append(s.bytes)
    }
    file.pad(to: size)
    try file.commit()
  }
}

/// The types a section's elements may have (stored in the table, so a reader that expects
/// another type, or another width, refuses the file instead of misreading it).
enum CacheElement: UInt32, Sendable {
  case bytes = 1
  case int8, uint16, int16, uint32, int32, int64, uint64

  var size: Int {
    switch self {
    case .bytes, .int8: 1
    case .uint16, .int16: 2
    case .uint32, .int32: 4
    case .int64, .uint64: 8
    }
  }
}

/// A Swift type a cache column can hold, with its tag in the section table.
protocol CacheElementType { static var cacheElement: CacheElement { get } }
extension UInt8: CacheElementType {
  static var cacheElement: CacheElement { .bytes }
}
extension Int8: CacheElementType {
  static var cacheElement: CacheElement { .int8 }
}
extension UInt16: CacheElementType {
  static var cacheElement: CacheElement { .uint16 }
}
extension Int16: CacheElementType {
  static var cacheElement: CacheElement { .int16 }
}
extension UInt32: CacheElementType {
  static var cacheElement: CacheElement { .uint32 }
}
extension Int32: CacheElementType {
  static var cacheElement: CacheElement { .int32 }
}
extension Int64: CacheElementType {
  static var cacheElement: CacheElement { .int64 }
}
extension UInt64: CacheElementType {
  static var cacheElement: CacheElement { .uint64 }
}
