/// A calendar day in the proleptic Gregorian calendar, stored as a day number.
///
/// Dates in SCHEMA.md are calendar dates, never instants: no time zone, no `Date`.
/// Day 0 is 1970-01-01, so days compare and subtract as plain integers.
public struct CalendarDay: Hashable, Comparable, Sendable,
  CustomStringConvertible
{
  /// Days since 1970-01-01 (negative before it).
  public let dayNumber: Int32

  public init(dayNumber: Int32) { self.dayNumber = dayNumber }

  /// The day for a year, month and day, or nil when that day does not exist (2023-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDay.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.dayNumber = Int32(
      CalendarDay.daysFromCivil(year: year, month: month, day: day))
  }

  public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
    a.dayNumber < b.dayNumber
  }

  public var year: Int { civil.year }
  public var month: Int { civil.month }
  public var day: Int { civil.day }

  /// ISO weekday: 1 = Monday … 7 = Sunday.
  public var weekday: Int {
    let w = (Int(dayNumber) + 3) % 7  // 1970-01-01 was a Thursday (ISO 4).
    return (w < 0 ? w + 7 : w) + 1
  }

  public func adding(days: Int) -> CalendarDay {
    CalendarDay(dayNumber: dayNumber + Int32(days))
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let c = civil
    return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
  }

  public var civil: (year: Int, month: Int, day: Int) {
    CalendarDay.civilFromDays(Int(dayNumber))
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  // Howard Hinnant's days_from_civil / civil_from_days: exact for every Gregorian date.
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}

@inline(__always) func pad(_ n: Int, _ width: Int) -> String {
  let s = String(n)
  return s.count >= width
    ? s : String(repeating: "0", count: width - s.count) + s
}
