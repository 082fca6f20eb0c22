/// The sources in the cache: each source's fields and the place of its text, one after
/// another in `sourceBytes` (ByteWriter values), where each starts (`sourceStarts`), and
/// an id table (ByteKeyTable slots) giving the first source with an id. A re-open
/// decodes a source when it is used (CachedSources).
struct EncodedSources {
  /// `sources + 1` offsets into `bytes`.
  var starts: Column<UInt64>
  var bytes: Column<UInt8>
  var table: ByteKeyTable
  /// The data files (indexes in the load's list) that source texts lie in, sorted.
  var files: [Int]

  /// The sections, in CacheLayout's order.
  var sections: [CacheFile.Section] {
    [
      CorpusCache.section(CacheLayout.sourceStarts, starts),
      CorpusCache.section(CacheLayout.sourceBytes, bytes),
      CorpusCache.section(CacheLayout.sourceTable, table.rawSlots),
    ]
  }
}

extension CorpusCache {
  /// `sources` encoded; nil when a text is in a file that is not a data file of the load
  /// (`fileIndex` has the data files' indexes) or there are too many.
  static func encodeSources(
    _ sources: SourceList, fileIndex: [ObjectIdentifier: Int]
  ) -> EncodedSources? {
    guard sources.count < Int(Int32.max) else { return nil }
    var out = ByteWriter()
    var starts: [UInt64] = [0]
    starts.reserveCapacity(sources.count + 1)
    var files = Set<Int>()
    for s in sources {
      guard let f = encodeSource(s, fileIndex: fileIndex, &out) else {
        return nil
      }
      if f >= 0 { files.insert(f) }
      starts.append(UInt64(out.bytes.count))
    }
    let bytes = Column(out.bytes)
    let startColumn = Column(starts)
    func id(_ v: Int32) -> ByteRef {
      let (lo, hi) = (Int(startColumn[Int(v)]), Int(startColumn[Int(v) + 1]))
      return sourceID(
        in: UnsafeRawBufferPointer(start: bytes.values + lo, count: hi - lo))
        ?? ByteRef(bytes.values, 0)
    }
    var table = ByteKeyTable(capacity: sources.count)
    for v in 0..<Int32(sources.count) {
      let r = id(v)
      _ = table.insert(ByteRef(r.pointer, r.count), value: v, key: id)
    }
    return EncodedSources(
      starts: startColumn, bytes: bytes, table: table, files: files.sorted())
  }

  /// The id of an encoded source (`b`: its bytes as `encodeSource` wrote them), the first
  /// field: a length, then the UTF-8 (no hash: for comparing); nil when it is empty or
  /// does not fit in `b`.
  static func sourceID(in b: UnsafeRawBufferPointer) -> ByteRef? {
    guard b.count >= 8 else { return nil }
    let n = Int(
      Int64(
        littleEndian: b.loadUnaligned(fromByteOffset: 0, as: Int64.self)))
    guard n > 0, n <= b.count - 8 else { return nil }
    return ByteRef(
      (b.start + 8).assumingMemoryBound(to: UInt8.self), n, hash: 0)
  }

  /// One source's fields and where its text is: its value (kind 0), or a data file (by
  /// index in the load's list) and range (kinds 1–3: verbatim, escaped, literal).
  /// Returns that file's index (-1 for a value), nil when it is not a data file.
  static func encodeSource(
    _ s: Source, fileIndex: [ObjectIdentifier: Int], _ out: inout ByteWriter
  ) -> Int? {
    for v in [s.id.rawValue, s.outlet, s.title] { out.string(v) }
    out.optional(s.url)
    out.int(s.published.map { Int($0.firstDay.dayNumber) } ?? Int.min)
    out.int(s.published.map { $0.precision.rawValue } ?? 0)
    out.bool(s.publishedInferred)
    out.int(s.updated.map { Int($0.firstDay.dayNumber) } ?? Int.min)
    out.int(s.updated.map { $0.precision.rawValue } ?? 0)
    out.optional(s.via)
    let place: (UInt64, FileBytes, Range<Int>)
    switch s.textStorage.origin {
    case .value(let t):
      out.u64(0)
      out.string(t)
      return -1
    case .verbatim(let f, let r): place = (1, f, r)
    case .escaped(let f, let r): place = (2, f, r)
    case .literal(let f, let r): place = (3, f, r)
    case .file: return nil
    }
    guard let k = fileIndex[ObjectIdentifier(place.1)] else { return nil }
    out.u64(place.0)
    for v in [k, place.2.lowerBound, place.2.upperBound] { out.int(v) }
    return k
  }

  /// The sources of a cache being opened, read as used: `count` of them, their texts in
  /// the `opened` data files (by index in the load's list), the id table filled `fill`.
  static func readSources(
    count: Int, fill: Int, opened: [FileBytes?], rows: CachedRows
  ) throws(CacheFile.Rejection) -> CachedSources {
    let starts = try rows.section(CacheLayout.sourceStarts, UInt64.self)
    let bytes = try rows.section(CacheLayout.sourceBytes, UInt8.self)
    let slots = try rows.section(CacheLayout.sourceTable, UInt64.self)
    guard starts.count == count + 1, count < Int(Int32.max), slots.count >= 2,
      slots.count & (slots.count - 1) == 0, fill >= 0, fill <= count
    else { throw .init(reason: "bad source table") }
    return CachedSources(
      starts: starts, bytes: bytes,
      table: ByteKeyTable(slots: slots, count: fill, values: Int32(count)),
      files: opened, rows: rows)
  }

  /// One source, with the place of its text (a data file index inside `fileCount`, and a
  /// range checked against that file by `placeSource`).
  static func readSource(_ r: inout ByteReader, fileCount: Int)
    throws(CacheFile.Rejection) -> CacheMeta.PendingSource
  {
    let id = r.string()
    let outlet = r.string()
    let title = r.string()
    let url = r.optional()
    let published = readDate(&r)
    let inferred = r.bool()
    let updated = readDate(&r)
    let via = r.optional()
    var source = Source(
      id: Source.ID(id), outlet: outlet, title: title, url: url,
      published: published, publishedInferred: inferred,
      updated: updated, via: via, text: "")
    let kind = r.u64()
    var pending = CacheMeta.PendingSource(
      source: source, kind: kind, file: 0, range: 0..<0)
    if kind == 0 {
      source.text = r.string()
      pending.source = source
    } else {
      let (f, lo, hi) = (r.int(), r.int(), r.int())
      guard kind <= 3, f >= 0, f < fileCount, lo >= 0, hi >= lo else {
        throw .init(reason: "a source text is out of range")
      }
      pending.file = f
      pending.range = lo..<hi
    }
    guard r.ok, !id.isEmpty else { throw .init(reason: "bad source list") }
    return pending
  }

  /// The source, its text placed in its opened data file (its range checked).
  static func placeSource(
    _ p: CacheMeta.PendingSource, _ opened: [FileBytes?]
  ) throws(CacheFile.Rejection) -> Source {
    var s = p.source
    if p.kind != 0 {
      guard let f = opened[p.file], p.range.upperBound <= f.count else {
        throw .init(reason: "a source text is out of range")
      }
      s.textStorage = SourceText(
        p.kind == 1
          ? .verbatim(f, p.range)
          : p.kind == 2 ? .escaped(f, p.range) : .literal(f, p.range))
    }
    return s
  }
}
