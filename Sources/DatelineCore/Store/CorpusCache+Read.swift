import Dispatch
import Foundation
import Synchronization

/// What the `meta` section holds, read and checked (CorpusCache.encodeMeta wrote it).
struct CacheMeta {
  var files = 0
  var failedFiles = 0
  var leftOut = 0
  var issues: [LoadIssue] = []
  var parties: [Party] = []
  /// For each value of the `file` column, an index into the load's file list.
  var recordFiles: [Int] = []
  /// The data files source texts lie in (indexes into the load's file list).
  var sourceFiles: [Int] = []
  var sources = 0
  /// Used slots of the sources' id table.
  var sourceTableFill = 0
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
  /// The corpus in the cache file at `location`; throws why it cannot be used (a quiet
  /// rejection for no file or other data).
  ///
  /// What is checked before this returns: the header, the key, the section table and
  /// every block checksum (CacheReader), the `meta` section, and the columns read at
  /// open (`CacheLayout.ColumnSpec.atOpen`) with their values (`checkColumns`). The
  /// rows' own columns and the id tables are read and checked block by block when first
  /// used (CachedRows, BlockGate); `checkAll` reads and checks them all now instead, so
  /// that a cache with any block wrong is refused here (the headless commands, which
  /// read every row anyway and must not stop half-way through their output).
  static func read(_ location: Location, checkAll: Bool = true)
    throws(CacheFile.Rejection) -> CorpusLoader.Result
  {
    let reader = try CacheFile.open(
      location.path, magic: CacheLayout.magic, key: location.key,
      maximumBytes: location.maximumBytes)
    let rows = CachedRows(
      reader: reader,
      records: try reader.entry(CacheLayout.firstDay, .int32).count)
    let (meta, links, columns0) = try readMetaAndColumns(
      location, reader, rows)
    var columns = columns0
    guard meta.records == rows.records else {
      throw .init(reason: "meta and columns disagree on the record count")
    }
    try checkColumns(columns, parties: meta.parties.count)
    let opened = try openDataFiles(location, meta)
    installRows(&columns, rows, files: meta.recordFiles.map { opened[$0] })
    let tables = try readIDTables(
      counts: meta.tableCounts, idHash: columns.idHash, rows: rows)
    let sources = try readSources(
      count: meta.sources, fill: meta.sourceTableFill, opened: opened,
      rows: rows)
    if checkAll {
      rows.gate?.ensureAll()
      guard checkFill(tables, counts: meta.tableCounts), sources.checkAll(),
        rows.problem == nil
      else { throw .init(reason: "a block of rows or ids does not hold") }
    }
    let store = RecordStore(
      columns: columns.store, idIndex: IDIndex(tables: tables),
      disputedBy: links.disputedBy, revisedBy: links.revisedBy,
      contested: links.contested,
      owners: [rows] + opened.compactMap { $0 })
    let corpus = Corpus(
      parties: meta.parties, sources: SourceList(cached: sources), store: store)
    return CorpusLoader.Result(
      corpus: corpus, issues: meta.issues, files: meta.files,
      failedFiles: meta.failedFiles, leftOut: meta.leftOut)
  }

  /// `meta` and the links read and checked on one core while the columns read at open
  /// are read and checked on the other.
  static func readMetaAndColumns(
    _ location: Location, _ reader: CacheReader, _ rows: CachedRows
  ) throws(CacheFile.Rejection) -> (CacheMeta, CacheLinks, CacheColumns) {
    let meta = Mutex<Result<CacheMeta, CacheFile.Rejection>?>(nil)
    let links = Mutex<Result<CacheLinks, CacheFile.Rejection>?>(nil)
    let columns = Mutex<Result<CacheColumns, CacheFile.Rejection>?>(nil)
    let fileCount = location.files.count
    DispatchQueue.concurrentPerform(iterations: 2) { k in
      if k == 0 {
        let read = Result { () throws(CacheFile.Rejection) in
          let bytes = try reader.column(CacheLayout.meta, UInt8.self)
          var r = ByteReader(
            UnsafeRawBufferPointer(start: bytes.values, count: bytes.count))
          return try readMeta(&r, fileCount: fileCount)
        }
        meta.withLock { $0 = read }
        let linked = Result { () throws(CacheFile.Rejection) in
          try readLinks(reader, records: rows.records)
        }
        links.withLock { $0 = linked }
      } else {
        let read = Result { () throws(CacheFile.Rejection) in
          try readColumns(
            CacheLayout.Source(reader: reader, rows: rows),
            records: rows.records)
        }
        columns.withLock { $0 = read }
      }
    }
    guard let m = meta.withLock({ $0 }), let l = links.withLock({ $0 }),
      let c = columns.withLock({ $0 })
    else {
      throw .init(reason: "cannot read it")
    }
    return (try m.get(), try l.get(), try c.get())
  }

  /// The declared columns, each with the count its rule asks for (CacheLayout.Count); the
  /// lists' lengths are checked against their start columns by `checkColumns` (read at
  /// open) or by CachedRows (read by block).
  static func readColumns(_ source: CacheLayout.Source, records n: Int)
    throws(CacheFile.Rejection) -> CacheColumns
  {
    var c = CacheColumns(store: RecordStore.Columns(count: 0))
    for spec in CacheLayout.columns {
      let count = try spec.install(&c, source)
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
    let needed = Set(meta.recordFiles + meta.sourceFiles)
    for k in needed.sorted() {
      guard
        // No huge pages and 16 KB windows: a screen reads a window per row shown, far
        // apart, and each would make a whole 2 MB page resident (and cleared).
        case .success(let f) = FileBytes.deferred(
          location.directory + "/" + location.files[k], hugePages: false,
          window: FileBytes.rowWindow),
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

  /// The id index tables, read block by block when a lookup first probes a block, and
  /// checked then (`checkSlots`): a block that fails reads as empty slots, and the rows
  /// report the cache as not matching. No lookup can fail to end or read outside the
  /// store whatever the slots hold (`ByteKeyTable.find` probes each slot at most once
  /// and passes over values that name no record); a power-of-two size is checked here.
  static func readIDTables(
    counts: [Int], idHash: Column<UInt32>, rows: CachedRows
  ) throws(CacheFile.Rejection) -> [ByteKeyTable] {
    var tables: [ByteKeyTable] = []
    let (hashes, n) = (idHash.values, idHash.count)
    for (k, fill) in counts.enumerated() {
      let split = counts.count == 1 ? -1 : k
      let slots = try rows.section(CacheLayout.idTable + UInt32(k), UInt64.self)
      {
        checkSlots($0, $1, hashes: hashes, records: n, table: split)
      }
      guard slots.count >= 2, slots.count & (slots.count - 1) == 0 else {
        throw .init(reason: "an id table has a bad size")
      }
      tables.append(
        ByteKeyTable(slots: slots, count: fill, values: Int32(clamping: n)))
    }
    return tables
  }

  /// Whether each used slot of `range` names a record (below `records`) whose id hash
  /// it carries, and with two tables (`table` 0 or 1) one whose hash's top bit picks it.
  static func checkSlots(
    _ slots: UnsafePointer<UInt64>, _ range: Range<Int>,
    hashes: UnsafePointer<UInt32>, records: Int, table: Int
  ) -> Bool {
    for i in range where slots[i] != 0 {
      let low = UInt32(truncatingIfNeeded: slots[i])
      guard low != ByteKeyTable.removed else { continue }
      let v = Int(low) - 1
      let hash = UInt32(truncatingIfNeeded: slots[i] >> 32)
      guard v >= 0, v < records, hashes[v] == hash,
        table < 0 || Int(hash >> 31) == table
      else { return false }
    }
    return true
  }

  /// Every table's used slots counted (all read now): as many as `meta` says, and at
  /// least one empty slot. For a whole check at open.
  static func checkFill(_ tables: [ByteKeyTable], counts: [Int]) -> Bool {
    zip(tables, counts).allSatisfy { table, fill in
      let slots = table.rawSlots
      slots.ensureAll()
      var used = 0
      for k in 0..<slots.count where slots.values[k] != 0 { used += 1 }
      return used == fill && used < slots.count
    }
  }
}
