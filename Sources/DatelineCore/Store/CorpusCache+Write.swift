import Foundation

/// The record columns as the cache stores them, with the id tables and the data files the
/// records lie in (indexes into the directory's file list).
struct PlacedColumns {
  var columns: CacheColumns
  var tables: [ByteKeyTable]
  /// For each value of the `file` column, the index of that data file in the load's list.
  var recordFiles: [Int]
  /// The index in the load's list of each mapped data file, by identity.
  var fileIndex: [ObjectIdentifier: Int]
}

extension CorpusCache {
  /// The store's columns plus the places that replace its pointers: for each record, the
  /// data file (`file`, an index into `recordFiles`) and offset of its bytes, and its id
  /// as bytes with start offsets and hashes. Nil when a record's bytes are not in a data
  /// file of `files` (nothing is cached then).
  static func placeRecords(_ store: RecordStore, files: [String])
    -> PlacedColumns?
  {
    let byName = Dictionary(
      files.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var mapped: [FileBytes] = []
    var fileIndex: [ObjectIdentifier: Int] = [:]
    var recordFiles: [Int] = []
    for case let f as FileBytes in store.owners where f.holdsData {
      guard let k = byName[(f.path as NSString).lastPathComponent] else {
        return nil
      }
      fileIndex[ObjectIdentifier(f)] = k
      mapped.append(f)
      recordFiles.append(k)
    }
    guard mapped.count < Int(UInt16.max) else { return nil }
    let n = store.count
    var c = CacheColumns(store: store.columns)
    c.file = Column(uninitialized: n)
    c.offset = Column(uninitialized: n)
    c.idStart = Column(uninitialized: n + 1)
    c.idHash = Column(uninitialized: n)
    var idBytes: [UInt8] = []
    idBytes.reserveCapacity(n * 10)
    c.idStart.base[0] = 0
    var k = 0
    for i in 0..<n {
      guard let p = store.items[i] else { return nil }
      if !mapped[k].contains(p) {
        guard let found = mapped.firstIndex(where: { $0.contains(p) }) else {
          return nil
        }
        k = found
      }
      c.file.base[i] = UInt16(k)
      c.offset.base[i] = Int64(mapped[k].bytes.start.distance(to: p))
      let id = store.ids[i]
      idBytes.append(
        contentsOf: UnsafeBufferPointer(start: id.pointer, count: id.count))
      guard idBytes.count <= Int(UInt32.max) else { return nil }
      c.idStart.base[i + 1] = UInt32(idBytes.count)
      c.idHash.base[i] = id.hash
    }
    c.idBytes = Column(idBytes)
    return PlacedColumns(
      columns: c, tables: store.idIndex.tables,
      recordFiles: recordFiles,
      fileIndex: fileIndex)
  }

  /// The `meta` section: counts, issues, parties, the record files, the source files,
  /// the source count and their id table's fill count, the record count and the id
  /// tables' fill counts, in that order (`readMeta` reads them back).
  static func encodeMeta(
    _ result: CorpusLoader.Result, columns placed: PlacedColumns,
    sources: EncodedSources
  ) -> ByteWriter {
    var out = ByteWriter()
    for v in [result.files, result.failedFiles, result.leftOut] { out.int(v) }
    encodeIssues(result.issues, &out)
    encodeParties(result.corpus.parties, &out)
    for list in [placed.recordFiles, sources.files] {
      out.int(list.count)
      for k in list { out.int(k) }
    }
    out.int(sources.starts.count - 1)
    out.int(sources.table.count)
    out.int(result.corpus.store.count)
    out.int(placed.tables.count)
    for t in placed.tables { out.int(t.count) }
    return out
  }

  static func encodeIssues(_ issues: [LoadIssue], _ out: inout ByteWriter) {
    out.int(issues.count)
    for issue in issues {
      out.bool(issue.isError)
      out.string(issue.file)
      switch issue.place {
      case .file: out.u64(0)
      case .position(let l, let c):
        out.u64(1)
        out.int(l)
        out.int(c)
      case .item(let i, let id):
        out.u64(2)
        out.int(i)
        out.optional(id)
      case .line(let l, let id):
        out.u64(3)
        out.int(l)
        out.optional(id)
      }
      out.optional(issue.path)
      out.string(issue.message)
    }
  }

  static func encodeParties(_ parties: [Party], _ out: inout ByteWriter) {
    out.int(parties.count)
    for p in parties {
      for s in [p.id.rawValue, p.name, p.label, p.kind.rawValue] {
        out.string(s)
      }
      out.int(p.aliases.count)
      for a in p.aliases { out.string(a) }
      out.optional(p.parent?.rawValue)
      out.int(p.key ?? -1)
      out.optional(p.color?.rawValue)
    }
  }
}

extension FileBytes {
  /// Whether `p` points into this mapping.
  func contains(_ p: UnsafeRawPointer) -> Bool {
    guard let base else { return false }
    return p >= base && p < base + count
  }
}

extension RecordStore {
  /// The columns this store was made from (to write them to the cache).
  var columns: Columns {
    var c = Columns(count: 0)
    c.firstDay = firstDay
    c.lastDay = lastDay
    c.precision = precision
    c.time = time
    c.ids = ids
    c.involvedStart = involvedStart
    c.involved = involved
    c.items = items
    c.lengths = lengths
    c.depthBases = depthBases
    c.basis = basis
    c.sourceCount = sourceCount
    c.figureCount = figureCount
    c.dateFlags = dateFlags
    return c
  }
}
