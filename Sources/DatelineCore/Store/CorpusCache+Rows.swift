/// The rows' own columns of a store re-opened from the cache: checked, made into what
/// the store reads (each record's pointer into its data file, its id), or poisoned, a
/// block of rows at a time as CachedRows reads them.
extension CorpusCache {
  /// Where the rows' columns are (CachedRows' memory, alive as long as it is): raw
  /// addresses, so that the closures CachedRows keeps do not keep the columns (whose
  /// owner is CachedRows itself) alive in a cycle.
  struct RowColumns: @unchecked Sendable {
    let precision: UnsafeMutablePointer<UInt8>
    let time: UnsafeMutablePointer<Int16>
    let lengths: UnsafeMutablePointer<Int32>
    let depthBases: UnsafeMutablePointer<Int8>
    let dateFlags: UnsafeMutablePointer<UInt8>
    let file: UnsafeMutablePointer<UInt16>
    let offset: UnsafeMutablePointer<Int64>
    let idStart: UnsafeMutablePointer<UInt32>
    let idHash: UnsafeMutablePointer<UInt32>
    let idBytes: UnsafePointer<UInt8>
    let items: UnsafeMutablePointer<UnsafeRawPointer?>
    let ids: UnsafeMutablePointer<ByteRef>
    /// The data file of each value of `file` (nil: not opened, no record may be there).
    let files: [FileBytes?]

    init(
      _ c: CacheColumns, items: UnsafeMutablePointer<UnsafeRawPointer?>,
      ids: UnsafeMutablePointer<ByteRef>, files: [FileBytes?]
    ) {
      func w<T>(_ column: Column<T>) -> UnsafeMutablePointer<T> {
        UnsafeMutablePointer(mutating: column.values)
      }
      precision = w(c.store.precision)
      time = w(c.store.time)
      lengths = w(c.store.lengths)
      depthBases = w(c.store.depthBases)
      dateFlags = w(c.store.dateFlags)
      file = w(c.file)
      offset = w(c.offset)
      idStart = w(c.idStart)
      idHash = w(c.idHash)
      idBytes = c.idBytes.values
      self.items = items
      self.ids = ids
      self.files = files
    }
  }

  /// Gives `columns` the rows' derived columns (`items`, `ids`) and `rows` what checks,
  /// derives and poisons a block of them.
  static func installRows(
    _ columns: inout CacheColumns, _ rows: CachedRows, files: [FileBytes?]
  ) {
    let items = rows.derived(UnsafeRawPointer?.self)
    let ids = rows.derived(ByteRef.self)
    columns.store.items = items.view
    columns.store.ids = ids.view
    let c = RowColumns(columns, items: items.base, ids: ids.base, files: files)
    // Read at open, not kept by the store: alive as long as the rows (and the id
    // tables' checks, which hold the rows) may read them.
    rows.keep(columns.idHash.storage)
    rows.check = { checkRows(c, $0) }
    rows.derive = { deriveRows(c, $0) }
    rows.poison = { poisonRows(c, $0) }
  }

  /// Whether rows `range` hold values the store can trust: a data file that was opened
  /// and bytes inside it, a length, a depth, a precision and a time that exist, and ids
  /// whose bytes hash to the hash stored for them (their starts were checked to go up
  /// inside the id bytes when those were read).
  static func checkRows(_ c: RowColumns, _ range: Range<Int>) -> Bool {
    for i in range {
      let k = Int(c.file[i])
      guard k < c.files.count, let f = c.files[k], f.base != nil else {
        return false
      }
      let length = Int(c.lengths[i])
      let offset = Int(c.offset[i])
      guard length > 0, offset >= 0, offset <= f.count - length,
        (0..<64).contains(c.depthBases[i]), c.precision[i] <= 3,
        c.time[i] < 24 * 60
      else { return false }
      let lo = Int(c.idStart[i])
      guard
        ByteKeyTable.hash(c.idBytes + lo, Int(c.idStart[i + 1]) - lo)
          == c.idHash[i]
      else { return false }
    }
    return true
  }

  /// Each row's pointer into its data file and its id, from checked rows.
  static func deriveRows(_ c: RowColumns, _ range: Range<Int>) {
    for i in range {
      let base = c.files[Int(c.file[i])]?.base
      (c.items + i).initialize(to: base.map { $0 + Int(c.offset[i]) })
      let lo = Int(c.idStart[i])
      (c.ids + i).initialize(
        to: ByteRef(
          c.idBytes + lo, Int(c.idStart[i + 1]) - lo, hash: c.idHash[i]))
    }
  }

  /// Rows that failed their checks: no item (a read of it is refused), no length, an
  /// empty id, a day's precision and no time, so that nothing reads outside the store.
  static func poisonRows(_ c: RowColumns, _ range: Range<Int>) {
    for i in range {
      c.precision[i] = 0
      c.time[i] = -1
      c.lengths[i] = 0
      c.depthBases[i] = 0
      c.dateFlags[i] = 0
      c.file[i] = 0
      c.offset[i] = 0
      (c.items + i).initialize(to: nil)
      (c.ids + i).initialize(to: ByteRef(EmptyBytes.bytes, 0, hash: 0))
    }
  }
}
