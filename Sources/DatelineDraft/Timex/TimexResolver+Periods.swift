import DatelineCore

/// Weekends, parts of years, holidays and expressions counted from the last date the text
/// mentioned: the resolutions `timex-news.patterns` adds.
extension TimexResolver {
  /// The Saturday of the weekend meant. "this weekend" is the one of the publication's ISO
  /// week; "next weekend" the coming one when written early in the week (Monday to
  /// Wednesday), else the one of the week after; "last weekend" the one of the week before;
  /// a bare "the weekend" (`direction` nil) the last one for the past and the coming one for
  /// the future (on a Saturday, that weekend either way; on a Sunday, the next one ahead).
  func weekendSaturday(direction: Int?) -> CalendarDay {
    let thisWeeks = published.startOfWeek.adding(days: 5)
    switch direction {
    case 0?: return thisWeeks
    case let n? where n > 0:
      return published.weekday <= 3 ? thisWeeks : thisWeeks.adding(days: 7 * n)
    case let n? where n < 0: return thisWeeks.adding(days: 7 * n)
    default:
      if tense == .future {
        return published.weekday == 7 ? thisWeeks.adding(days: 7) : thisWeeks
      }
      return published.adding(days: -((published.weekday - 6 + 7) % 7))
    }
  }

  /// "a year earlier", "two days later", "that month", "the following week": a shift from
  /// the last date mentioned before (the publication date when there is none), at the
  /// unit's precision.
  func relative(_ c: [String: String], _ o: [String: String]) -> TimexValue? {
    let unit = c["units"] ?? c["unit"] ?? "day"
    let count = Int(o["n"] ?? c["num"] ?? c["numbers"] ?? "1") ?? 1
    let sign =
      ["earlier", "previous", "before"].contains(c["side"] ?? "") ? -1 : 1
    let base = reference?.firstDay ?? published
    let n = o["n"] != nil ? count : sign * count
    switch unit {
    case "day": return .day(base.adding(days: n), inferred: true)
    case "week":
      return .week(containing: base.adding(days: 7 * n), inferred: true)
    case "month":
      guard let d = base.adding(months: n) else { return nil }
      return .month(year: d.year, month: d.month, inferred: true)
    case "year": return .year(base.year + n, inferred: true)
    default:
      return TimexValue(
        kind: .reference, value: nil, precision: .none, approx: true,
        inferred: true)
    }
  }

  /// A holiday: in the year written with it, else the one before or after as "last" or
  /// "next" says, else the occurrence the tense points to (as for "October 7").
  func holiday(_ c: [String: String], _ o: [String: String]) -> TimexValue? {
    guard let rule = HolidayRule(c["holidays"] ?? o["rule"] ?? "") else {
      return nil
    }
    if let y = Int(c["year"] ?? "") {
      return rule.day(in: y).map { .day($0, inferred: false) }
    }
    let y = published.year
    let candidates = [y - 1, y, y + 1].compactMap { rule.day(in: $0) }
    let day: CalendarDay?
    let direction: Int? = Int(c["directions"] ?? "")
    switch direction {
    case .some(-1): day = candidates.last { $0 < published }
    case .some(1): day = candidates.first { $0 > published }
    default:
      switch tense {
      case .past: day = candidates.last { $0 <= published }
      case .future: day = candidates.first { $0 >= published }
      case .unknown:
        day = candidates.min {
          abs($0.dayNumber - published.dayNumber)
            < abs($1.dayNumber - published.dayNumber)
        }
      }
    }
    return day.map { .day($0, inferred: true) }
  }

  /// "the first six months of 2023", "the last three months of the year": months of one
  /// year, valued by the year (the publication's when none is written).
  func yearPart(_ c: [String: String]) -> TimexValue? {
    guard let count = Int(c["num"] ?? c["numbers"] ?? ""),
      (1...12).contains(count)
    else { return nil }
    let year = Int(c["year"] ?? "") ?? published.year
    let first = c["edge"] == "last" ? 13 - count : 1
    return .months(
      year: year, first: first, last: first + count - 1, precision: .quarter,
      inferred: c["year"] == nil, approx: false)
  }

  /// The year of a part of a year (months `firstMonth`…`lastMonth`) written without one:
  /// for the past the latest that has begun by the publication date, for the future the
  /// first that has not ended, else the one nearest the publication date.
  func nearestYear(firstMonth: Int, lastMonth: Int) -> Int {
    let y = published.year
    let spans: [(year: Int, first: CalendarDay, last: CalendarDay)] = [
      y - 1, y, y + 1,
    ].compactMap { year in
      guard let first = CalendarDay(year: year, month: firstMonth, day: 1),
        let last = CalendarDay(
          year: year, month: lastMonth,
          day: CalendarDay.daysIn(month: lastMonth, year: year))
      else { return nil }
      return (year, first, last)
    }
    switch tense {
    case .past: return spans.last { $0.first <= published }?.year ?? y
    case .future: return spans.first { $0.last >= published }?.year ?? y
    case .unknown:
      func distance(_ s: (year: Int, first: CalendarDay, last: CalendarDay))
        -> Int32
      {
        published < s.first
          ? s.first.dayNumber - published.dayNumber
          : published > s.last ? published.dayNumber - s.last.dayNumber : 0
      }
      return spans.min { distance($0) < distance($1) }?.year ?? y
    }
  }
}
