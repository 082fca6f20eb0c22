import CDatelineScan
import Foundation

/// The container of every cache file: a versioned header, the key the content was made
/// from, a table of sections, then the sections, each with its own checksum.
///
/// ```
/// 0   magic            u64   what the file is ("DLCACHE2", "DLSIGNS2")
/// 8   version          u64   CacheFile.version
/// 16  file size        u64   the whole file, in bytes
/// 24  header checksum  u64   XXH64 of bytes 32 ..< end of the section table
/// 32  key length       u64
/// 40  section count    u64   at most CacheFile.maximumSections
/// 48  key              key length bytes, zero-padded to 8
/// ..  section table    count × 40 bytes: id u32, element u32, count u64, offset u64,
///                      length u64, checksum u64 (XXH64 of the section's bytes)
/// ..  sections         each at an offset that is a multiple of 8, in table order
/// ```
/// Why a checksum per section: the writer streams columns from memory without a copy
/// (each section's hash is known before its bytes are written), and the reader checks
/// every byte it will use before using any. What a section holds is declared by its
/// user (CacheLayout for the corpus cache); this type only guarantees that a section it
/// hands out lies inside the file, has the declared element type, a length that is
/// exactly count × element size, and the bytes the writer wrote.
enum CacheFile {
  static let version: UInt64 = 2
  static let maximumSections = 64
  static let headerBytes = 48
  static let tableEntryBytes = 40
  /// The magics of earlier formats ("DLCACHE1", "DLDLSIG1"): replaced without a warning.
  static let formerMagics: Set<UInt64> = [
    0x3145_4843_4143_4C44, 0x3147_4953_4C44_4C44,
  ]

  /// One section to write: its id, element type, count, and bytes (alive during `write`).
  struct Section {
    var id: UInt32
    var element: CacheElement
    var count: Int
    var bytes: UnsafeRawBufferPointer
  }

  /// A section as the table of a file read back describes it, checked against the file.
  struct Entry: Equatable {
    var id: UInt32
    var element: CacheElement
    var count: Int
    var offset: Int
    var length: Int
  }

  /// Why a cache file was not used; `quiet` ones (no file, other data) are not news.
  struct Rejection: Error, Equatable {
    var reason: String
    var quiet = false
    static func quietly(_ reason: String) -> Rejection {
      Rejection(reason: reason, quiet: true)
    }
  }

  /// The header and section table for `sections` after `magic` and `key`, with each
  /// section's offset; nil when a size overflows (nothing that large can be written).
  static func layout(magic: UInt64, key: [UInt8], sections: [Section]) -> (
    header: [UInt8], offsets: [Int], size: Int
  )? {
    var h = ByteWriter()
    h.u64(magic)
    h.u64(version)
    h.u64(0)  // file size, set below
    h.u64(0)  // header checksum, set below
    h.u64(UInt64(key.count))
    h.u64(UInt64(sections.count))
    h.bytes.append(contentsOf: key)
    h.pad(to: 8)
    var offset = h.bytes.count + sections.count * tableEntryBytes
    var offsets: [Int] = []
    for s in sections {
      offsets.append(offset)
      h.u32(s.id)
      h.u32(s.element.rawValue)
      h.u64(UInt64(s.count))
      h.u64(UInt64(offset))
      h.u64(UInt64(s.bytes.count))
      h.u64(checksum(s.bytes))
      let (end, overflow) = offset.addingReportingOverflow(
        (s.bytes.count + 7) & ~7)
      guard !overflow else { return nil }
      offset = end
    }
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

  /// Writes a cache file at `path` through a temporary file beside it (TemporaryFile), so
  /// that a reader sees the old file or the whole new one; throws why it could not.
  static func write(
    _ path: String, magic: UInt64, key: [UInt8], sections: [Section]
  ) throws(TemporaryFile.Failure) {
    guard
      let (header, offsets, size) = layout(
        magic: magic, key: key, sections: sections)
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
