import DatelineCore

/// Whether the clause around an expression speaks of the past or the future; decides
/// which way a weekday or a month without a year is looked up.
public enum Tense: String, Sendable, CaseIterable {
  case past, future, unknown
}

/// How fine a resolved expression is. `none` for durations and references ("now").
public enum TimexPrecision: String, Sendable {
  case day, week, month, season, quarter, year, decade, none
}

/// What an expression means on the calendar, and how that was worked out.
public struct TimexValue: Sendable, Equatable {
  public enum Kind: String, Sendable {
    /// A point or period on the calendar ("Tuesday", "last year").
    case date
    /// A length of time ("three weeks", "two-day").
    case duration
    /// A vague reference to now or the recent past ("now", "in recent days").
    case reference
    /// A frequency ("every week", "daily"): TIMEX3 type SET.
    case set
  }

  public var kind: Kind
  /// The interface value: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-Www` or nil.
  public var value: String?
  public var precision: TimexPrecision
  /// "about": a part of a period ("early December") or a loose count ("two years ago").
  public var approx: Bool
  /// Some of the value came from the publication date or the text around it.
  public var inferred: Bool
  /// The days a record dated by this expression covers (nil when it names none).
  public var firstDay: CalendarDay?
  public var lastDay: CalendarDay?

  public init(
    kind: Kind, value: String?, precision: TimexPrecision, approx: Bool = false,
    inferred: Bool = false,
    firstDay: CalendarDay? = nil, lastDay: CalendarDay? = nil
  ) {
    self.kind = kind
    self.value = value
    self.precision = precision
    self.approx = approx
    self.inferred = inferred
    self.firstDay = firstDay
    self.lastDay = lastDay
  }

  static let duration = TimexValue(
    kind: .duration, value: nil, precision: .none)

  static func day(_ d: CalendarDay, inferred: Bool, approx: Bool = false)
    -> TimexValue
  {
    TimexValue(
      kind: .date, value: d.description, precision: .day, approx: approx,
      inferred: inferred, firstDay: d, lastDay: d)
  }

  static func week(
    containing d: CalendarDay, inferred: Bool, approx: Bool = false
  ) -> TimexValue {
    let monday = d.startOfWeek
    let thursday = monday.adding(days: 3)
    let week = (thursday.dayNumber - thursday.startOfYear.dayNumber) / 7 + 1
    return TimexValue(
      kind: .date, value: "\(thursday.year)-W\(week < 10 ? "0" : "")\(week)",
      precision: .week, approx: approx,
      inferred: inferred, firstDay: monday, lastDay: monday.adding(days: 6))
  }

  static func month(year: Int, month: Int, inferred: Bool, approx: Bool = false)
    -> TimexValue?
  {
    guard let first = CalendarDay(year: year, month: month, day: 1) else {
      return nil
    }
    let last = first.adding(
      days: CalendarDay.daysIn(month: month, year: year) - 1)
    return TimexValue(
      kind: .date, value: String(first.description.prefix(7)),
      precision: .month, approx: approx, inferred: inferred,
      firstDay: first, lastDay: last)
  }

  static func year(_ year: Int, inferred: Bool, approx: Bool = false)
    -> TimexValue?
  {
    guard let first = CalendarDay(year: year, month: 1, day: 1),
      let last = CalendarDay(year: year, month: 12, day: 31)
    else { return nil }
    return TimexValue(
      kind: .date, value: String(first.description.prefix(4)), precision: .year,
      approx: approx, inferred: inferred,
      firstDay: first, lastDay: last)
  }

  /// Months `first`…`last` (the last may be in the next year), valued by the first's year,
  /// as a truncated TIMEX3 season or quarter value would be.
  static func months(
    year: Int, first: Int, last: Int, precision: TimexPrecision, inferred: Bool,
    approx: Bool
  ) -> TimexValue? {
    guard
      let start = TimexValue.month(
        year: year, month: first, inferred: inferred),
      let end = TimexValue.month(
        year: last < first ? year + 1 : year, month: last, inferred: inferred)
    else { return nil }
    return TimexValue(
      kind: .date, value: String(year), precision: precision, approx: approx,
      inferred: inferred,
      firstDay: start.firstDay, lastDay: end.lastDay)
  }
}
