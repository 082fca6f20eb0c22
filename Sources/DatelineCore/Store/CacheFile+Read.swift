import Foundation

/// A cache file read into memory (FileBytes: never mapped, so a cache file truncated by
/// another process cannot raise SIGBUS) whose header, key, section table and every section's
/// checksum have been checked: what `CacheFile.open` hands out is what a writer wrote.
final class CacheMapping: @unchecked Sendable {
  let base: UnsafeRawPointer
  let size: Int
  let entries: [CacheFile.Entry]
  /// The memory `base` points into.
  let file: FileBytes

  init(file: FileBytes, base: UnsafeRawPointer, entries: [CacheFile.Entry]) {
    self.file = file
    self.base = base
    size = file.count
    self.entries = entries
  }

  /// The bytes of the section with `id`, when it holds `element`s.
  func section(_ id: UInt32, _ element: CacheElement) throws(CacheFile
    .Rejection) -> (UnsafeRawPointer, count: Int)
  {
    guard let e = entries.first(where: { $0.id == id }) else {
      throw .init(reason: "section \(id) is missing")
    }
    guard e.element == element else {
      throw .init(reason: "section \(id) holds another type")
    }
    return (base + e.offset, e.count)
  }

  /// The column in section `id`, read in place (the mapping stays alive with the column).
  func column<T: CacheElementType>(_ id: UInt32, _: T.Type) throws(CacheFile
    .Rejection) -> Column<T>
  {
    let (p, n) = try section(id, T.cacheElement)
    return Column(viewing: p, count: n, owner: self)
  }
}

extension CacheFile {
  /// The cache file at `path`, mapped, when it is a regular file of at most `maximumBytes`
  /// that starts with `magic`, this version and exactly `key`, and whose checksums hold.
  ///
  /// Throws a quiet rejection when there is no file or it was made from other data (the
  /// normal miss), a loud one for anything else: the caller ignores the file either way.
  static func open(
    _ path: String, magic: UInt64, key: [UInt8], maximumBytes: Int
  ) throws(Rejection) -> CacheMapping {
    var st = stat()
    guard lstat(path, &st) == 0 else {
      if errno == ENOENT || errno == ENOTDIR { throw .quietly("no cache file") }
      throw Rejection(reason: String(cString: strerror(errno)))
    }
    // Not through a symlink, and nothing but a regular file (lstat: a link is not followed).
    guard (st.st_mode & S_IFMT) == S_IFREG else {
      throw Rejection(reason: "not a regular file")
    }
    let size = Int(st.st_size)
    guard size >= headerBytes, size <= maximumBytes else {
      throw Rejection(reason: "wrong size (\(size) bytes)")
    }
    guard case .success(let file) = FileBytes.read(path, holdsData: false),
      let base = file.base,
      file.count == size, !file.changedWhileRead
    else { throw Rejection(reason: "cannot read it") }
    let entries = try checkHeader(
      UnsafeRawBufferPointer(start: base, count: size), magic: magic, key: key)
    return CacheMapping(file: file, base: base, entries: entries)
  }

  /// The section table of `file`, after checking magic, version, size, key and the header
  /// checksum, then each section's place (inside the file, after the table, in order,
  /// count × element size bytes without overflow) and checksum.
  static func checkHeader(
    _ file: UnsafeRawBufferPointer, magic: UInt64, key: [UInt8]
  ) throws(Rejection) -> [Entry] {
    var r = ByteReader(file)
    let fileMagic = r.u64()
    let fileVersion = r.u64()
    guard fileMagic == magic || formerMagics.contains(fileMagic) else {
      throw Rejection(reason: "not a cache file")
    }
    guard fileMagic == magic, fileVersion == version else {
      throw .quietly("another format")
    }
    guard r.u64() == UInt64(file.count) else {
      throw Rejection(reason: "wrong size")
    }
    let headerSum = r.u64()
    let keyCount = r.int()
    let sectionCount = r.int()
    guard r.ok, keyCount == key.count, sectionCount >= 0,
      sectionCount <= maximumSections
    else {
      throw keyCount != key.count && r.ok
        ? .quietly("other data") : Rejection(reason: "bad header")
    }
    let tableStart = headerBytes + ((keyCount + 7) & ~7)
    let tableEnd = tableStart + sectionCount * tableEntryBytes
    guard tableEnd <= file.count else {
      throw Rejection(reason: "truncated header")
    }
    guard
      checksum(UnsafeRawBufferPointer(rebasing: file[32..<tableEnd]))
        == headerSum
    else {
      throw Rejection(reason: "bad header checksum")
    }
    let sameKey = key.withUnsafeBytes { k in
      k.count == 0
        || memcmp(k.start, file.start + headerBytes, k.count) == 0
    }
    guard sameKey else { throw .quietly("other data") }
    r.pos = tableStart
    var entries: [Entry] = []
    var next = tableEnd
    for _ in 0..<sectionCount {
      let entry = try readEntry(&r, file: file, notBefore: next)
      next = entry.offset + entry.length
      entries.append(entry)
    }
    return entries
  }

  /// One table entry, checked: known element type, `count × size == length` without
  /// overflow, placed at or after `notBefore` and 8-aligned, inside the file, and its
  /// bytes matching its checksum.
  static func readEntry(
    _ r: inout ByteReader, file: UnsafeRawBufferPointer, notBefore: Int
  ) throws(Rejection) -> Entry {
    let id = r.u32()
    let type = r.u32()
    let count = r.int()
    let offset = r.int()
    let length = r.int()
    let sum = r.u64()
    guard r.ok, let element = CacheElement(rawValue: type), count >= 0,
      offset >= notBefore, offset % 8 == 0,
      length >= 0, length <= file.count - offset
    else { throw Rejection(reason: "section \(id) out of range") }
    let (bytes, overflow) = count.multipliedReportingOverflow(by: element.size)
    guard !overflow, bytes == length else {
      throw Rejection(reason: "section \(id) has a wrong length")
    }
    guard
      checksum(
        UnsafeRawBufferPointer(rebasing: file[offset..<(offset + length)]))
        == sum
    else {
      throw Rejection(reason: "section \(id) has a bad checksum")
    }
    return Entry(
      id: id, element: element, count: count, offset: offset, length: length)
  }
}
