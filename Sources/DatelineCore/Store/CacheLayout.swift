/// The declared layout of the corpus cache: which sections a cache file has, in which
/// order, with which element type and count. The writer (CorpusCache.write) and the reader
/// (CorpusCache.read) both walk `columns`, so a column is added here in one line, and a
/// column of RecordStore.Columns that is not here fails CacheLayoutTests.
///
/// Sections, in file order: `meta` (ByteWriter values: counts, issues, parties, the data
/// files records and source texts lie in, the source count), the columns below, the id
/// index tables (`idTable`, one or two, their fill counts in `meta`), the links, then
/// the sources and their id table.
///
/// Each column says when it is read: `atOpen` (whole, before the first screen: what
/// filters, counts and the density strip sweep over every record) or by block (a block
/// of rows when one of its rows is first used: CachedRows).
enum CacheLayout {
  static let magic: UInt64 = 0x3445_4843_4143_4C44  // "DLCACHE4"
  static let meta: UInt32 = 1
  /// A column with one entry per record, whose count says how many there are.
  static let firstDay: UInt32 = 2
  static let idTable: UInt32 = 100
  /// The links (CorpusCache+Links): disputed-by keys, starts and lists (19–21), the
  /// same for revised-by (22–24), then the contested records.
  static let links: UInt32 = 19
  static let contested: UInt32 = 25
  /// The sources (CorpusCache+Sources): where each starts in the bytes, the bytes,
  /// and the id table.
  static let sourceStarts: UInt32 = 26
  static let sourceBytes: UInt32 = 27
  static let sourceTable: UInt32 = 110

  /// How many elements a column has, for a corpus of `n` records.
  enum Count {
    /// One per record.
    case records
    /// One per record and one more (the start offsets of a CSR list).
    case recordsPlusOne
    /// As many as the list it indexes needs, given by the start column `start` (a
    /// `recordsPlusOne` column read the same way).
    case listed(start: UInt32)
  }

  /// Where the reader takes a column from: the cache file whole, or block by block.
  struct Source {
    let reader: CacheReader
    let rows: CachedRows

    func column<T: CacheElementType>(
      _ id: UInt32, _: T.Type, count: Count, atOpen: Bool
    ) throws(CacheFile.Rejection) -> Column<T> {
      if atOpen {
        let whole = try reader.column(id, T.self)
        return Column(
          viewing: whole.values, count: whole.count, owner: whole.storage)
      }
      return try rows.column(id, T.self, count: count)
    }
  }

  /// One column: its section id, name, element type, count rule, when it is read, and
  /// where it lives in CacheColumns (read from there to write, put there when read).
  struct ColumnSpec {
    let id: UInt32
    let name: String
    let element: CacheElement
    let count: Count
    let atOpen: Bool
    let bytes: (CacheColumns) -> UnsafeRawBufferPointer
    let install: (inout CacheColumns, Source) throws(CacheFile.Rejection) -> Int

    init<T: CacheElementType>(
      _ id: UInt32, _ name: String,
      _ path: WritableKeyPath<CacheColumns, Column<T>>, _ count: Count,
      atOpen: Bool = false
    ) {
      self.id = id
      self.name = name
      element = T.cacheElement
      self.count = count
      self.atOpen = atOpen
      bytes = { c in
        c[keyPath: path].ensureAll()
        return UnsafeRawBufferPointer(
          start: c[keyPath: path].values,
          count: c[keyPath: path].count * MemoryLayout<T>.stride)
      }
      install = {
        (c: inout CacheColumns, source: Source) throws(CacheFile.Rejection)
          -> Int in
        let column = try source.column(
          id, T.self, count: count, atOpen: atOpen)
        c[keyPath: path] = column
        return column.count
      }
    }
  }

  /// The record columns, in file order (ids 2 …; never reuse an id for another meaning).
  static var columns: [ColumnSpec] {
    [
      ColumnSpec(
        firstDay, "firstDay", \.store.firstDay, .records, atOpen: true),
      ColumnSpec(3, "lastDay", \.store.lastDay, .records, atOpen: true),
      ColumnSpec(4, "precision", \.store.precision, .records),
      ColumnSpec(5, "time", \.store.time, .records),
      ColumnSpec(
        6, "involvedStart", \.store.involvedStart, .recordsPlusOne, atOpen: true
      ),
      ColumnSpec(
        7, "involved", \.store.involved, .listed(start: 6), atOpen: true),
      ColumnSpec(8, "lengths", \.store.lengths, .records),
      ColumnSpec(9, "depthBases", \.store.depthBases, .records),
      ColumnSpec(10, "basis", \.store.basis, .records, atOpen: true),
      ColumnSpec(
        11, "sourceCount", \.store.sourceCount, .records, atOpen: true),
      ColumnSpec(
        12, "figureCount", \.store.figureCount, .records, atOpen: true),
      ColumnSpec(13, "dateFlags", \.store.dateFlags, .records),
      ColumnSpec(14, "file", \.file, .records),
      ColumnSpec(15, "offset", \.offset, .records),
      ColumnSpec(16, "idStart", \.idStart, .recordsPlusOne),
      ColumnSpec(17, "idHash", \.idHash, .records, atOpen: true),
      ColumnSpec(18, "idBytes", \.idBytes, .listed(start: 16)),
    ]
  }

  /// Columns of RecordStore.Columns that are not stored because the reader makes them
  /// from stored ones (`items` from `file` and `offset`, `ids` from the id columns) or
  /// because a cached corpus never has them (`held`).
  static let derivedStoreColumns: Set<String> = ["items", "ids", "held"]
}

/// The record store's columns plus the ones the cache keeps instead of pointers: which
/// data file (an index into the files the reader opens) and where in it each record
/// is, and the ids as one byte list with start offsets and hashes.
struct CacheColumns {
  var store: RecordStore.Columns
  var file = Column<UInt16>([])
  var offset = Column<Int64>([])
  var idStart = Column<UInt32>([])
  var idHash = Column<UInt32>([])
  var idBytes = Column<UInt8>([])
}
