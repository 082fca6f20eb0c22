/// The sources of a corpus re-opened from the cache: each decoded from the cache's
/// `sourceBytes` section when it is used, and found by id through the table the cache
/// stores, both read a block at a time (BlockGate) and checked then.
///
/// Why: half a million sources (ten million records) took a third of a second to
/// parse and index before a first frame that shows one of them. Now a re-open reads
/// the blocks that hold the sources it shows.
///
/// What is checked: each block against its checksum when read; each source when
/// decoded (its bytes inside the section, every field in them, its text's place inside
/// a data file opened for it); a lookup compares the id bytes themselves. A source that
/// fails is a stand-in with an empty id and text, and the rows report the cache as not
/// matching (`CachedRows.fail`), so the browser reloads from the files.
final class CachedSources: @unchecked Sendable {
  let count: Int
  /// `count + 1` offsets into `bytes`: source `i` is `starts[i] ..< starts[i + 1]`.
  let starts: Column<UInt64>
  let bytes: Column<UInt8>
  /// Source id to index (the first source with it), slots read as probed.
  let table: ByteKeyTable
  /// The data files by their index in the load's list (nil: not opened).
  let files: [FileBytes?]
  let rows: CachedRows

  init(
    starts: Column<UInt64>, bytes: Column<UInt8>, table: ByteKeyTable,
    files: [FileBytes?], rows: CachedRows
  ) {
    count = max(0, starts.count - 1)
    self.starts = starts
    self.bytes = bytes
    self.table = table
    self.files = files
    self.rows = rows
  }

  /// The bytes of source `i`, read and checked against their checksums (nil when they
  /// are not inside the section, or a block failed).
  func encoded(_ i: Int) -> UnsafeRawBufferPointer? {
    guard i >= 0, i < count else { return nil }
    let lo = starts[i]
    let hi = starts[i + 1]
    guard lo <= hi, hi <= UInt64(bytes.count) else { return nil }
    let range = Int(lo)..<Int(hi)
    bytes.gate?.ensure(range)
    // A block that failed its checksum was zeroed: nothing of it is used.
    guard bytes.gate?.failed != true, starts.gate?.failed != true else {
      return nil
    }
    return UnsafeRawBufferPointer(
      start: bytes.values + range.lowerBound, count: range.count)
  }

  /// Source `i`; a stand-in when its bytes do not decode (the cache then reports
  /// `cacheMismatch`).
  func source(_ i: Int) -> Source {
    if let s = decoded(i) { return s }
    rows.fail()
    return Source(id: Source.ID(""), outlet: "", title: "", text: "")
  }

  /// Source `i` decoded from its bytes (all of them, its text in range); nil when they
  /// do not decode.
  private func decoded(_ i: Int) -> Source? {
    guard let b = encoded(i) else { return nil }
    var r = ByteReader(b)
    guard let pending = try? CorpusCache.readSource(&r, fileCount: files.count),
      r.remaining == 0
    else { return nil }
    return try? CorpusCache.placeSource(pending, files)
  }

  /// The id bytes of source `v` (the first field of its bytes); empty when they are
  /// not readable.
  func idBytes(_ v: Int32) -> ByteRef {
    encoded(Int(v)).flatMap(CorpusCache.sourceID(in:))
      ?? ByteRef(bytes.values, 0, hash: 0)
  }

  /// The index of the first source with `id`.
  func index(of id: Source.ID) -> Int? {
    var s = id.rawValue
    return s.withUTF8 { u -> Int? in
      guard let p = u.baseAddress, u.count > 0 else { return nil }
      return table.find(ByteRef(p, u.count)) { idBytes($0) }.map(Int.init)
    }
  }

  /// Whether every source decodes and its id finds it (the whole check at open of a
  /// headless command: a table that hides a source is refused, not used).
  func checkAll() -> Bool {
    starts.ensureAll()
    bytes.ensureAll()
    table.rawSlots.ensureAll()
    for i in 0..<count {
      guard let s = decoded(i), index(of: s.id) == i else { return false }
    }
    return CorpusCache.checkFill([table], counts: [table.count])
      && rows.problem == nil
  }
}
