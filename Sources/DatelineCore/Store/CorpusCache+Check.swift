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

  /// The columns read at open (CacheLayout's `atOpen`): the party lists and their
  /// indexes, the days, the attribution basis. The rows' own columns are checked block by
  /// block as they are read (`checkRows`).
  static func checkColumns(_ c: CacheColumns, parties: Int)
    throws(CacheFile.Rejection)
  {
    try checkList(
      c.store.involvedStart, length: c.store.involved.count, "involved")
    let involved = c.store.involved.values
    for k in 0..<c.store.involved.count where Int(involved[k]) >= parties {
      throw .init(reason: "a record involves no party")
    }
    try checkDays(c.store)
    let bases = Attribution.Basis.allCases.count
    let basis = c.store.basis.values
    for i in 0..<c.store.basis.count where Int(basis[i]) >= bases {
      throw .init(reason: "record \(i) has a value out of range")
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

  /// Days inside the calendar and in order.
  static func checkDays(_ s: RecordStore.Columns) throws(CacheFile.Rejection) {
    let (first, last) = (s.firstDay.values, s.lastDay.values)
    for i in 0..<s.firstDay.count {
      guard dayRange.contains(first[i]), dayRange.contains(last[i]),
        first[i] <= last[i]
      else { throw .init(reason: "record \(i) has a date out of range") }
    }
  }
}
