import Foundation

/// An open cache file whose header, key, section table and block checksums have been
/// read and checked; sections are read from it with `pread` when they are used, and
/// every block read is checked against its checksum before any of its bytes is used.
///
/// Why not read the whole file at open: at ten million records the cache is ~0.9 GB and
/// a first screen needs a few megabytes of it. Why `pread` and no mapping: a cache file
/// truncated by another process would raise SIGBUS in a mapping; here a short read is
/// a refusal. The checked header stays in memory, so a file rewritten after the open
/// cannot change what the blocks are checked against.
final class CacheReader: @unchecked Sendable {
  let path: String
  /// Elements per block of every section: `1 << shift`.
  let shift: Int
  let entries: [CacheFile.Entry]
  /// Every block checksum, sections in table order (`Entry.firstSum` indexes it).
  let sums: [UInt64]
  private let descriptor: Int32

  init(
    path: String, descriptor: Int32, shift: Int,
    entries: [CacheFile.Entry], sums: [UInt64]
  ) {
    self.path = path
    self.shift = shift
    self.descriptor = descriptor
    self.entries = entries
    self.sums = sums
  }

  deinit { close(descriptor) }

  /// The entry of the section with `id`, when it holds `element`s.
  func entry(_ id: UInt32, _ element: CacheElement) throws(CacheFile.Rejection)
    -> CacheFile.Entry
  {
    guard let e = entries.first(where: { $0.id == id }) else {
      throw .init(reason: "section \(id) is missing")
    }
    guard e.element == element else {
      throw .init(reason: "section \(id) holds another type")
    }
    return e
  }

  /// Reads blocks `blocks` of section `e` to their places in `base` (the section's first
  /// byte) and checks each; false when a read came short or a checksum failed.
  func read(
    _ e: CacheFile.Entry, blocks: Range<Int>, into base: UnsafeMutableRawPointer
  )
    -> Bool
  {
    guard !blocks.isEmpty else { return true }
    let first = e.block(blocks.lowerBound)
    let last = e.block(blocks.upperBound - 1)
    let length = last.offset + last.length - first.offset
    let target = base + (first.offset - e.offset)
    guard
      FileBytes.readFully(
        descriptor, into: target, count: length, at: first.offset)
        == length
    else { return false }
    for b in blocks {
      let (offset, n) = e.block(b)
      let bytes = UnsafeRawBufferPointer(
        start: base + (offset - e.offset), count: n)
      guard CacheFile.checksum(bytes) == sums[e.firstSum + b] else {
        return false
      }
    }
    return true
  }

  /// The whole section `id` of `T`s, read and checked now.
  func column<T: CacheElementType>(_ id: UInt32, _: T.Type) throws(CacheFile
    .Rejection) -> Column<T>
  {
    let e = try entry(id, T.cacheElement)
    let column = Column<T>(uninitialized: e.count)
    guard
      read(e, blocks: 0..<e.blocks, into: UnsafeMutableRawPointer(column.base))
    else {
      throw .init(reason: "section \(id) cannot be read or has a bad checksum")
    }
    return column
  }
}

extension CacheFile {
  /// The cache file at `path`, opened, when it is a regular file of at most `maximumBytes`
  /// that starts with `magic`, this version and exactly `key`, and whose header checksum
  /// holds (sections are checked as they are read: CacheReader).
  ///
  /// Throws a quiet rejection when there is no file or it was made from other data (the
  /// normal miss), a loud one for anything else: the caller ignores the file either way.
  static func open(
    _ path: String, magic: UInt64, key: [UInt8], maximumBytes: Int
  ) throws(Rejection) -> CacheReader {
    // Not through a symlink (O_NOFOLLOW), and nothing but a regular file.
    let fd = Foundation.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else {
      if errno == ENOENT || errno == ENOTDIR { throw .quietly("no cache file") }
      throw Rejection(reason: String(cString: strerror(errno)))
    }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      throw Rejection(reason: "not a regular file")
    }
    let size = Int(st.st_size)
    guard size >= headerBytes, size <= maximumBytes else {
      close(fd)
      throw Rejection(reason: "wrong size (\(size) bytes)")
    }
    let checked = Result { () throws(Rejection) in
      let header = try readHeaderBytes(fd, size: size)
      return try header.withUnsafeBytes { h in
        Result { () throws(Rejection) in
          try checkHeader(h, fileSize: size, magic: magic, key: key)
        }
      }.get()
    }
    switch checked {
    case .success(let (entries, sums)):
      return CacheReader(
        path: path, descriptor: fd,
        shift: entries.first?.shift ?? shifts.lowerBound, entries: entries,
        sums: sums)
    case .failure(let rejection):
      close(fd)
      throw rejection
    }
  }

  /// The header region of the file (header, key, table, block checksums), read by
  /// `pread`: its length is bounded by what the file's size allows.
  static func readHeaderBytes(_ fd: Int32, size: Int) throws(Rejection)
    -> [UInt8]
  {
    var bytes = [UInt8](repeating: 0, count: headerBytes)
    // The file's bytes from `offset` to the end of `bytes`, all of them or a rejection.
    func read(from offset: Int) throws(Rejection) {
      let count = bytes.count - offset
      guard
        bytes.withUnsafeMutableBytes({
          FileBytes.readFully(
            fd, into: $0.start + offset, count: count, at: offset)
        }) == count
      else { throw Rejection(reason: "cannot read it") }
    }
    try read(from: 0)
    guard let fields = bytes.withUnsafeBytes(regionFields), fields.keys <= size
    else { throw Rejection(reason: "bad header") }
    let tableEnd =
      headerBytes + ((fields.keys + 7) & ~7) + fields.sections * tableEntryBytes
    guard tableEnd <= size else { throw Rejection(reason: "truncated header") }
    // Every block of every section has its checksum here: at most one per block of
    // the bytes left, plus one per section for the short last blocks.
    let sumsBound =
      (((size - tableEnd) >> fields.shift) + fields.sections) * 8
    bytes += repeatElement(
      0, count: min(size, tableEnd + sumsBound) - headerBytes)
    try read(from: headerBytes)
    return bytes
  }

  /// The fixed header's key length, section count and block shift (its last three
  /// fields), which bound the rest of the header region; nil when the header is short
  /// or one is out of range.
  static func regionFields(_ h: UnsafeRawBufferPointer)
    -> (keys: Int, sections: Int, shift: Int)?
  {
    var r = ByteReader(h)
    r.pos = 32
    let (keys, sections, shift) = (r.int(), r.int(), r.int())
    guard r.ok, keys >= 0, sections >= 0, sections <= maximumSections,
      shifts.contains(shift)
    else { return nil }
    return (keys, sections, shift)
  }

  /// The section table and block checksums of a file of `fileSize` bytes whose header
  /// region starts `h`, after checking magic, version, size, key and the header
  /// checksum, then each section's place (inside the file, after the header region, in
  /// order, count × element size bytes without overflow) and its number of blocks.
  static func checkHeader(
    _ h: UnsafeRawBufferPointer, fileSize: Int, magic: UInt64, key: [UInt8]
  ) throws(Rejection) -> ([Entry], [UInt64]) {
    var r = ByteReader(h)
    let fileMagic = r.u64()
    let fileVersion = r.u64()
    guard fileMagic == magic || formerMagics.contains(fileMagic) else {
      throw Rejection(reason: "not a cache file")
    }
    guard fileMagic == magic, fileVersion == version else {
      throw .quietly("another format")
    }
    guard r.u64() == UInt64(fileSize) else {
      throw Rejection(reason: "wrong size")
    }
    let headerSum = r.u64()
    guard let (keyCount, sectionCount, shift) = regionFields(h) else {
      throw Rejection(reason: "bad header")
    }
    guard keyCount == key.count else { throw .quietly("other data") }
    let tableStart = headerBytes + ((keyCount + 7) & ~7)
    r.pos = tableStart
    var entries: [Entry] = []
    var sumCount = 0
    for _ in 0..<sectionCount {
      var entry = try readEntry(&r, fileSize: fileSize, shift: shift)
      entry.firstSum = sumCount
      sumCount += entry.blocks
      entries.append(entry)
    }
    let sumsStart = r.pos
    let sumsEnd = sumsStart + sumCount * 8
    guard sumsEnd <= h.count else {
      throw Rejection(reason: "truncated header")
    }
    guard
      checksum(UnsafeRawBufferPointer(rebasing: h[32..<sumsEnd])) == headerSum
    else {
      throw Rejection(reason: "bad header checksum")
    }
    let sameKey = key.withUnsafeBytes { k in
      k.count == 0 || memcmp(k.start, h.start + headerBytes, k.count) == 0
    }
    guard sameKey else { throw .quietly("other data") }
    var next = sumsEnd
    for e in entries {
      guard e.offset >= next else {
        throw Rejection(reason: "section \(e.id) out of range")
      }
      next = e.offset + e.length
    }
    let sums = (0..<sumCount).map { k in
      h.loadUnaligned(fromByteOffset: sumsStart + 8 * k, as: UInt64.self)
    }
    return (entries, sums)
  }

  /// One table entry, checked: known element type, `count × size == length` without
  /// overflow, 8-aligned, inside the file, and as many block checksums as its count has
  /// blocks.
  static func readEntry(_ r: inout ByteReader, fileSize: Int, shift: Int)
    throws(Rejection) -> Entry
  {
    let id = r.u32()
    let type = r.u32()
    let count = r.int()
    let offset = r.int()
    let length = r.int()
    let blocks = r.int()
    guard r.ok, let element = CacheElement(rawValue: type), count >= 0,
      offset >= 0, offset % 8 == 0, length >= 0, offset <= fileSize,
      length <= fileSize - offset
    else { throw Rejection(reason: "section \(id) out of range") }
    let (bytes, overflow) = count.multipliedReportingOverflow(by: element.size)
    guard !overflow, bytes == length else {
      throw Rejection(reason: "section \(id) has a wrong length")
    }
    let entry = Entry(
      id: id, element: element, count: count, offset: offset, length: length,
      shift: shift)
    guard blocks == entry.blocks else {
      throw Rejection(reason: "section \(id) has a wrong block count")
    }
    return entry
  }
}
