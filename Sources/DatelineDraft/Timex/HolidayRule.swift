import DatelineCore

/// The day of a holiday in a given year, from a `holidays.words` value: a fixed day
/// ("12-25"), the N-th weekday of a month ("11/4/4", "5/1/-1", "11/2/1/2" counting from the
/// 2nd), or a day counted from Western Easter ("easter-2").
struct HolidayRule: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case fixed(month: Int, day: Int)
    case nthWeekday(month: Int, weekday: Int, n: Int, from: Int)
    case easter(offset: Int)
  }

  var kind: Kind

  init?(_ text: String) {
    if text.hasPrefix("easter") {
      guard
        let k = Int(text.dropFirst(6).replacingOccurrences(of: "+", with: ""))
      else { return nil }
      kind = .easter(offset: k)
    } else if text.contains("/") {
      let parts = text.split(separator: "/").compactMap { Int($0) }
      guard parts.count == 3 || parts.count == 4, (1...12).contains(parts[0]),
        (1...7).contains(parts[1])
      else {
        return nil
      }
      kind = .nthWeekday(
        month: parts[0], weekday: parts[1], n: parts[2],
        from: parts.count == 4 ? parts[3] : 1)
    } else {
      let parts = text.split(separator: "-").compactMap { Int($0) }
      guard parts.count == 2 else { return nil }
      kind = .fixed(month: parts[0], day: parts[1])
    }
  }

  func day(in year: Int) -> CalendarDay? {
    switch kind {
    case .fixed(let month, let day):
      return CalendarDay(year: year, month: month, day: day)
    case .easter(let offset):
      return Self.easter(year).map { $0.adding(days: offset) }
    case .nthWeekday(let month, let weekday, let n, let from):
      if n > 0 {
        guard let start = CalendarDay(year: year, month: month, day: from)
        else { return nil }
        let first = start.adding(days: (weekday - start.weekday + 7) % 7)
        let d = first.adding(days: 7 * (n - 1))
        return d.month == month ? d : nil
      }
      guard
        let end = CalendarDay(
          year: year, month: month,
          day: CalendarDay.daysIn(month: month, year: year))
      else {
        return nil
      }
      return end.adding(days: -((end.weekday - weekday + 7) % 7) + 7 * (n + 1))
    }
  }

  /// Western Easter Sunday (the anonymous Gregorian computus).
  static func easter(_ y: Int) -> CalendarDay? {
    let a = y % 19
    let b = y / 100
    let c = y % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let month = (h + l - 7 * m + 114) / 31
    let day = (h + l - 7 * m + 114) % 31 + 1
    return CalendarDay(year: y, month: month, day: day)
  }
}
