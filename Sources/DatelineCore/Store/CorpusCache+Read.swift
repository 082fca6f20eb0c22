import Foundation

/// What the `meta` section holds, read and checked (CorpusCache.encodeMeta wrote it).
struct CacheMeta {
  var files = 0
  var failedFiles = 0
  var leftOut = 0
  var issues: [LoadIssue] = []
  var parties: [Party] = []
  var sources: [PendingSource] = []
  /// For each value of the `file` column, an index into the load's file list.
  var recordFiles: [Int] = []
  var disputedBy: [Int: [Int]] = [:]
  var revisedBy: [Int: [Int]] = [:]
  var records = 0
  var tableCounts: [Int] = []

  /// A source whose text is in a data file not yet opened.
  struct PendingSource {
    var source: Source
    var kind: UInt64
    var file: Int
    var range: Range<Int>
  }
}

extension CorpusCache {
  /// The corpus in the cache file at `location`, every part of it checked; throws why it
  /// cannot be used (a quiet rejection for no file or other data).
  static func read(_ location: Location) throws(CacheFile.Rejection)
    -> CorpusLoader.Result
  {
    let mapping = try CacheFile.open(
      location.path, magic: CacheLayout.magic, key: location.key,
      maximumBytes: location.maximumBytes)
    let (m, count) = try mapping.section(CacheLayout.meta, .bytes)
    var r = ByteReader(UnsafeRawBufferPointer(start: m, count: count))
    let meta = try readMeta(&r, fileCount: location.files.count)
    var columns = try readColumns(mapping, records: meta.records)
    try checkColumns(
      columns, parties: meta.parties.count, recordFiles: meta.recordFiles.count)
    let opened = try openDataFiles(location, meta)
    columns.store.items = try placeItems(
      columns, files: meta.recordFiles.map { opened[$0] })
    columns.store.ids = idRefs(columns)
    let tables = try readIDTables(
      mapping, counts: meta.tableCounts, columns: columns)
    var sources: [Source] = []
    for p in meta.sources {
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
      sources.append(s)
    }
    let store = RecordStore(
      columns: columns.store, idIndex: IDIndex(tables: tables),
      disputedBy: meta.disputedBy,
      revisedBy: meta.revisedBy, owners: [mapping] + opened.compactMap { $0 })
    let corpus = Corpus(parties: meta.parties, sources: sources, store: store)
    return CorpusLoader.Result(
      corpus: corpus, issues: meta.issues, files: meta.files,
      failedFiles: meta.failedFiles, leftOut: meta.leftOut)
  }

  /// The declared columns, each with the count its rule asks for (CacheLayout.Count); the
  /// lists' lengths are checked against their start columns by `checkColumns`.
  static func readColumns(_ mapping: CacheMapping, records n: Int)
    throws(CacheFile.Rejection) -> CacheColumns
  {
    var c = CacheColumns(store: RecordStore.Columns(count: 0))
    for spec in CacheLayout.columns {
      let count = try spec.install(&c, mapping)
      switch spec.count {
      case .records:
        guard count == n else {
          throw .init(
            reason: "column \(spec.name) has \(count) entries, not \(n)")
        }
      case .recordsPlusOne:
        guard count == n + 1 else {
          throw .init(reason: "column \(spec.name) has a wrong count")
        }
      case .listed: break
      }
    }
    return c
  }

  /// Opens the data files the cache refers to, by their names in the load's list (from the
  /// directory scan), and checks that they are still what the key says.
  static func openDataFiles(_ location: Location, _ meta: CacheMeta)
    throws(CacheFile.Rejection) -> [FileBytes?]
  {
    var opened = [FileBytes?](repeating: nil, count: location.files.count)
    let needed = Set(
      meta.recordFiles + meta.sources.filter { $0.kind != 0 }.map(\.file))
    for k in needed.sorted() {
      guard
        case .success(let f) = FileBytes.deferred(
          location.directory + "/" + location.files[k]),
        f.count == location.sizes[k]
      else {
        throw .quietly("a data file changed")
      }
      opened[k] = f
    }
    guard
      let again = locate(
        location.directory, files: location.files, settings: location.settings),
      again.key == location.key
    else { throw .quietly("a data file changed") }
    return opened
  }

  /// Each record's pointer into its opened data file, after checking that its bytes lie
  /// inside that file.
  static func placeItems(_ c: CacheColumns, files: [FileBytes?])
    throws(CacheFile.Rejection) -> Column<
      UnsafeRawPointer?
    >
  {
    let n = c.offset.count
    let items = Column<UnsafeRawPointer?>(uninitialized: n)
    for i in 0..<n {
      let offset = Int(c.offset[i])
      guard let f = files[Int(c.file[i])], let base = f.base, offset >= 0,
        offset <= f.count - Int(c.store.lengths[i])
      else { throw .init(reason: "record \(i) is outside its data file") }
      items.base[i] = base + offset
    }
    return items
  }

  /// Each record's id, pointing into the `idBytes` column (checked by `checkColumns`).
  static func idRefs(_ c: CacheColumns) -> Column<ByteRef> {
    let n = c.idHash.count
    let ids = Column<ByteRef>(uninitialized: n)
    let base = c.idBytes.values
    for i in 0..<n {
      let lo = Int(c.idStart[i])
      ids.base[i] = ByteRef(
        base + lo, Int(c.idStart[i + 1]) - lo, hash: c.idHash[i])
    }
    return ids
  }

  /// The id index tables, checked so that no lookup can fail to end or read outside the
  /// store: a power-of-two size, at least one empty slot, `count` used slots, each
  /// naming a record whose id hash it carries (and, with two tables, whose hash's top bit
  /// picks this table).
  static func readIDTables(
    _ mapping: CacheMapping, counts: [Int], columns c: CacheColumns
  ) throws(CacheFile.Rejection) -> [ByteKeyTable] {
    let n = c.idHash.count
    var tables: [ByteKeyTable] = []
    for (k, fill) in counts.enumerated() {
      let slots = try mapping.column(
        CacheLayout.idTable + UInt32(k), UInt64.self)
      guard slots.count >= 2, slots.count & (slots.count - 1) == 0 else {
        throw .init(reason: "an id table has a bad size")
      }
      var used = 0
      for s in slots where s != 0 {
        used += 1
        let low = UInt32(truncatingIfNeeded: s)
        guard low != ByteKeyTable.removed else { continue }
        let v = Int(low) - 1
        let hash = UInt32(truncatingIfNeeded: s >> 32)
        guard v >= 0, v < n, c.idHash[v] == hash,
          counts.count == 1 || Int(hash >> 31) == k
        else {
          throw .init(reason: "an id table names a wrong record")
        }
      }
      guard used == fill, used < slots.count else {
        throw .init(reason: "an id table is full or miscounted")
      }
      tables.append(ByteKeyTable(slots: slots, count: fill))
    }
    return tables
  }
}
