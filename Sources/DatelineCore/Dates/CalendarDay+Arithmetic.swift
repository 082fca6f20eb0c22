/// Calendar steps on days: months and years, and the start of a week, month or year.
///
/// Used by the time keys (`}` next month, `t -1m`) and the density strip's buckets.
/// Adding a month to 31 January gives the last day of February, as calendars and people
/// do, rather than spilling into March.
extension CalendarDay {
  /// The same day `n` months later (or earlier), clamped to the end of a shorter month;
  /// nil outside years 1…9999.
  public func adding(months n: Int) -> CalendarDay? {
    let c = civil
    let total = c.year * 12 + (c.month - 1) + n
    let year = total >= 0 ? total / 12 : (total - 11) / 12
    let month = total - year * 12 + 1
    guard (1...9999).contains(year) else { return nil }
    return CalendarDay(
      year: year, month: month,
      day: min(c.day, CalendarDay.daysIn(month: month, year: year)))
  }

  /// The same day `n` years later (29 February becomes 28 February in a common year).
  public func adding(years n: Int) -> CalendarDay? { adding(months: n * 12) }

  /// The Monday of this day's ISO week.
  public var startOfWeek: CalendarDay { adding(days: 1 - weekday) }

  /// The first of this day's month.
  public var startOfMonth: CalendarDay { adding(days: 1 - day) }

  /// 1 January of this day's year.
  public var startOfYear: CalendarDay {
    CalendarDay(year: year, month: 1, day: 1) ?? self
  }
}
