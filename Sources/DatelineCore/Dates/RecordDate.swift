/// A date as written in the data: a day, week, month or year.
///
/// SCHEMA.md: the string's length gives the precision (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`);
/// `date_precision: "week"` widens a day date to the 7 days starting that day.
public struct RecordDate: Hashable, Sendable, CustomStringConvertible {
  /// The first day covered (a month's 1st, a year's 1 January).
  public let firstDay: CalendarDay
  public let precision: DatePrecision

  public init(firstDay: CalendarDay, precision: DatePrecision) {
    self.firstDay = firstDay
    self.precision = precision
  }

  /// The date of this precision whose last day is `last` (an end date from its last day).
  static func ending(on last: CalendarDay, precision: DatePrecision)
    -> RecordDate
  {
    let c = last.civil
    switch precision {
    case .day: return RecordDate(firstDay: last, precision: .day)
    case .week:
      return RecordDate(firstDay: last.adding(days: -6), precision: .week)
    case .month:
      return RecordDate(
        firstDay: CalendarDay(year: c.year, month: c.month, day: 1) ?? last,
        precision: .month)
    case .year:
      return RecordDate(
        firstDay: CalendarDay(year: c.year, month: 1, day: 1) ?? last,
        precision: .year)
    }
  }

  /// The last day covered by this date at its precision.
  public var lastDay: CalendarDay {
    switch precision {
    case .day: return firstDay
    case .week: return firstDay.adding(days: 6)
    case .month:
      let c = firstDay.civil
      return firstDay.adding(
        days: CalendarDay.daysIn(month: c.month, year: c.year) - 1)
    case .year:
      let y = firstDay.year
      return CalendarDay(year: y, month: 12, day: 31) ?? firstDay
    }
  }

  /// The text as written in the data (`2023-12-04`, `2023-12`, `2023`); weeks as their day.
  public var description: String {
    let c = firstDay.civil
    switch precision {
    case .day, .week: return firstDay.description
    case .month: return "\(pad(c.year, 4))-\(pad(c.month, 2))"
    case .year: return pad(c.year, 4)
    }
  }

  /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` exactly: fixed digit counts, real calendar days.
  ///
  /// `2023-1-5`, `2023-02-30` and ` 2023` are all nil; no lenient parsing.
  public static func parse(_ text: String) -> RecordDate? {
    let u = Array(text.utf8)
    func digits(_ r: Range<Int>) -> Int? {
      var n = 0
      for i in r {
        let b = u[i]
        guard b >= 0x30, b <= 0x39 else { return nil }
        n = n * 10 + Int(b - 0x30)
      }
      return n
    }
    switch u.count {
    case 4:
      guard let y = digits(0..<4),
        let d = CalendarDay(year: y, month: 1, day: 1)
      else { return nil }
      return RecordDate(firstDay: d, precision: .year)
    case 7:
      guard u[4] == 0x2D, let y = digits(0..<4), let m = digits(5..<7),
        let d = CalendarDay(year: y, month: m, day: 1)
      else { return nil }
      return RecordDate(firstDay: d, precision: .month)
    case 10:
      guard u[4] == 0x2D, u[7] == 0x2D, let y = digits(0..<4),
        let m = digits(5..<7),
        let dd = digits(8..<10), let d = CalendarDay(year: y, month: m, day: dd)
      else { return nil }
      return RecordDate(firstDay: d, precision: .day)
    default:
      return nil
    }
  }

  /// A date used as a query bound: `since` takes its first day, `until` its last.
  public static func parseBound(_ text: String) -> RecordDate? { parse(text) }
}
