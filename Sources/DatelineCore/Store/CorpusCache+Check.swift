/// The checks on the column values a store trusts (indexes, enum raw values, list offsets):
/// a cache whose checksums hold but whose values are wrong (a bug, or a planted file) is
/// refused here instead of crashing or misleading a later read.
extension CorpusCache {
  /// The earliest and latest days a record can have (years 1 to 9999, SCHEMA.md).
  static let dayRange: ClosedRange<Int32> = {
    let first = CalendarDay(year: 1, month: 1, day: 1)?.dayNumber ?? Int32.min
    let last =
      CalendarDay(year: 9999, month: 12, day: 31)?.dayNumber ?? Int32.max
    return first...last
  }()

  static func checkColumns(_ c: CacheColumns, parties: Int, recordFiles: Int)
    throws(CacheFile.Rejection)
  {
    try checkList(
      c.store.involvedStart, length: c.store.involved.count, "involved")
    try checkList(c.idStart, length: c.idBytes.count, "idStart")
    for k in 0..<c.store.involved.count
    where Int(c.store.involved[k]) >= parties {
      throw .init(reason: "a record involves no party")
    }
    try checkDates(c.store)
    try checkIDs(c)
    let bases = Attribution.Basis.allCases.count
    let s = c.store
    for i in 0..<s.firstDay.count {
      guard Int(c.file[i]) < recordFiles, s.lengths[i] > 0,
        (0..<64).contains(s.depthBases[i]),
        Int(s.basis[i]) < bases
      else { throw .init(reason: "record \(i) has a value out of range") }
    }
  }

  /// A CSR start column: starts at 0, never goes down, ends at the list's `length`.
  static func checkList(_ start: Column<UInt32>, length: Int, _ name: String)
    throws(CacheFile.Rejection)
  {
    guard let first = start.first, first == 0,
      Int(start[start.count - 1]) == length
    else {
      throw .init(reason: "column \(name) does not match its list")
    }
    for i in 1..<start.count where start[i] < start[i - 1] {
      throw .init(reason: "column \(name) goes down")
    }
  }

  /// Days inside the calendar and in order, precisions and times that exist.
  static func checkDates(_ s: RecordStore.Columns) throws(CacheFile.Rejection) {
    for i in 0..<s.firstDay.count {
      guard dayRange.contains(s.firstDay[i]), dayRange.contains(s.lastDay[i]),
        s.firstDay[i] <= s.lastDay[i],
        s.precision[i] <= 3, s.time[i] < 24 * 60
      else { throw .init(reason: "record \(i) has a date out of range") }
    }
  }

  /// Each id's bytes hash to the hash stored for it (so ids and their lookups are the
  /// ones written, whatever the starts and bytes hold).
  static func checkIDs(_ c: CacheColumns) throws(CacheFile.Rejection) {
    let base = c.idBytes.values
    for i in 0..<c.idHash.count {
      let lo = Int(c.idStart[i])
      guard
        ByteKeyTable.hash(base + lo, Int(c.idStart[i + 1]) - lo) == c.idHash[i]
      else {
        throw .init(reason: "record \(i) has a wrong id hash")
      }
    }
  }
}
