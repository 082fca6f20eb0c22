import DatelineCore

/// Turns a pattern's action and captures into a calendar value, looking from the
/// publication date the way news is written (see `timex.patterns` for each action).
struct TimexResolver {
  var published: CalendarDay
  var tense: Tense
  /// The last day-precise date mentioned before, for "the next day".
  var anchor: CalendarDay?
  /// The last date of any precision mentioned before, for "a year earlier", "that month".
  var reference: TimexValue? = nil

  func resolve(
    action: String, captures c: [String: String], options o: [String: String]
  ) -> TimexValue? {
    let approx = c["modifiers"] != nil || o["approx"] == "true"
    switch action {
    case "date": return date(c, approx: approx)
    case "weekday": return weekday(c)
    case "shift":
      return shift(
        unit: o["unit"] ?? c["units"] ?? "day",
        by: int(o["n"] ?? c["daywords"] ?? c["directions"]) ?? 0, approx: approx
      )
    case "ago":
      let n = int(c["num"] ?? c["numbers"]) ?? 1
      return shift(unit: c["units"] ?? "day", by: -n, approx: true)
    case "anchor":
      return .day(
        (anchor ?? published).adding(days: int(o["n"]) ?? 0), inferred: true)
    case "weekend":
      return .week(
        containing: weekendSaturday(direction: nil), inferred: true,
        approx: approx)
    case "relative": return relative(c, o)
    case "holiday": return holiday(c, o)
    case "yearpart": return yearPart(c)
    case "weekof":
      return date(c, approx: false)?.firstDay.map {
        .week(containing: $0, inferred: true)
      }
    case "set": return TimexValue(kind: .set, value: nil, precision: .none)
    case "season": return season(c, approx: true)
    case "decade": return decade(c)
    case "quarter": return quarter(c, months: 3)
    case "half": return quarter(c, months: 6)
    case "time": return .day(published, inferred: true)
    case "recent":
      return TimexValue(
        kind: .reference, value: nil, precision: .none, approx: true,
        inferred: true)
    case "ref":
      return TimexValue(
        kind: .reference, value: nil, precision: .none, inferred: true)
    default: return .duration
    }
  }

  private func int(_ s: String?) -> Int? { s.flatMap { Int($0) } }

  private func date(_ c: [String: String], approx: Bool) -> TimexValue? {
    let month = int(c["months"] ?? c["month"])
    let day = int(c["day"])
    let year = int(c["year"])
    switch (year, month, day) {
    case (let y?, let m?, let d?):
      return CalendarDay(year: y, month: m, day: d).map {
        .day($0, inferred: false, approx: approx)
      }
    case (nil, let m?, let d?):
      guard let d0 = nearest({ CalendarDay(year: $0, month: m, day: d) }) else {
        return nil
      }
      return .day(d0, inferred: true, approx: approx)
    case (let y?, let m?, nil):
      return .month(year: y, month: m, inferred: false, approx: approx)
    case (nil, let m?, nil):
      if let direction = int(c["directions"]) {
        // "last October": the latest one before this month; "next": the first after it.
        let y =
          published.year + direction
          + (direction < 0 && m < published.month ? 1 : 0)
          - (direction > 0 && m > published.month ? 1 : 0)
        return .month(year: y, month: m, inferred: true, approx: approx)
      }
      guard let first = nearest({ CalendarDay(year: $0, month: m, day: 1) })
      else { return nil }
      return .month(year: first.year, month: m, inferred: true, approx: approx)
    case (let y?, nil, _):
      return .year(y, inferred: false, approx: approx)
    default: return nil
    }
  }

  /// The occurrence of a yearly date that the tense points to: on or before the
  /// publication date for the past, on or after for the future, else the nearer one
  /// (a month counts as near from its first day to its last).
  private func nearest(_ make: (Int) -> CalendarDay?) -> CalendarDay? {
    let y = published.year
    let candidates = [y - 1, y, y + 1].compactMap(make)
    let monthly = candidates.first.map { $0.day == 1 } ?? false
    func lastDay(_ d: CalendarDay) -> CalendarDay {
      monthly
        ? d.adding(days: CalendarDay.daysIn(month: d.month, year: d.year) - 1)
        : d
    }
    switch tense {
    case .past: return candidates.last { $0 <= published }
    case .future: return candidates.first { lastDay($0) >= published }
    case .unknown:
      return candidates.min {
        distance($0, lastDay($0)) < distance($1, lastDay($1))
      }
    }
  }

  private func distance(_ first: CalendarDay, _ last: CalendarDay) -> Int32 {
    if published < first { return first.dayNumber - published.dayNumber }
    if published > last { return published.dayNumber - last.dayNumber }
    return 0
  }

  private func weekday(_ c: [String: String]) -> TimexValue? {
    guard let w = int(c["weekdays"]) else { return nil }
    let offsetBack = (published.weekday - w + 7) % 7
    let offsetForward = (w - published.weekday + 7) % 7
    let direction = int(c["directions"])
    var day: CalendarDay
    switch direction {
    case -1: day = published.adding(days: -(offsetBack == 0 ? 7 : offsetBack))
    case 1: day = published.adding(days: offsetForward == 0 ? 7 : offsetForward)
    default:
      day =
        tense == .future
        ? published.adding(days: offsetForward)
        : published.adding(days: -offsetBack)
    }
    return .day(day, inferred: true)
  }

  private func shift(unit: String, by n: Int, approx: Bool) -> TimexValue? {
    switch unit {
    case "day":
      return .day(published.adding(days: n), inferred: true, approx: approx)
    case "week":
      return .week(
        containing: published.adding(days: 7 * n), inferred: true,
        approx: approx)
    case "weekend":
      return .week(
        containing: weekendSaturday(direction: n), inferred: true,
        approx: approx)
    case "month":
      guard let d = published.adding(months: n) else { return nil }
      return .month(
        year: d.year, month: d.month, inferred: true, approx: approx)
    case "year":
      return .year(published.year + n, inferred: true, approx: approx)
    case "decade":
      let start = (published.year / 10 + n) * 10
      return TimexValue(
        kind: .date, value: nil, precision: .decade, approx: approx,
        inferred: true,
        firstDay: CalendarDay(year: start, month: 1, day: 1),
        lastDay: CalendarDay(year: start + 9, month: 12, day: 31))
    case "quarter":
      let q = (published.month - 1) / 3 + n
      let year = published.year + (q < 0 ? -1 : q / 4)
      let first = ((q % 4) + 4) % 4 * 3 + 1
      return .months(
        year: year, first: first, last: first + 2, precision: .quarter,
        inferred: true, approx: approx)
    default:
      return TimexValue(
        kind: .reference, value: nil, precision: .none, approx: approx,
        inferred: true)
    }
  }

  private func season(_ c: [String: String], approx: Bool) -> TimexValue? {
    let bounds = (c["seasons"] ?? "").split(separator: "-").compactMap {
      Int($0)
    }
    guard bounds.count == 2 else { return nil }
    let (first, last) = (bounds[0], bounds[1])
    let year: Int
    if let y = int(c["year"]) {
      year = y
    } else {
      // The season's start in the publication year, then moved as direction or tense says.
      let wraps = last < first
      var y = published.year - (wraps && published.month <= last ? 1 : 0)
      let start = CalendarDay(year: y, month: first, day: 1) ?? published
      // "this summer" is the publication year's whatever the tense; a bare "the summer" moves.
      let direction = int(c["directions"])
      if direction == -1
        || (direction == nil && tense == .past && start > published)
      {
        y -= 1
      }
      if direction == 1
        || (direction == nil && tense == .future
          && lastMonthEnds(y, last, wraps) < published)
      {
        y += 1
      }
      year = y
    }
    return .months(
      year: year, first: first, last: last, precision: .season,
      inferred: c["year"] == nil, approx: approx)
  }

  private func lastMonthEnds(_ year: Int, _ month: Int, _ wraps: Bool)
    -> CalendarDay
  {
    let y = wraps ? year + 1 : year
    return CalendarDay(
      year: y, month: month, day: CalendarDay.daysIn(month: month, year: y))
      ?? published
  }

  private func decade(_ c: [String: String]) -> TimexValue? {
    guard let start = int(c["decade"]) else { return nil }
    return TimexValue(
      kind: .date, value: nil, precision: .decade, approx: true,
      inferred: false,
      firstDay: CalendarDay(year: start, month: 1, day: 1),
      lastDay: CalendarDay(year: start + 9, month: 12, day: 31))
  }

  /// "the third quarter" (months: 3) or "the first half" (months: 6) of a year: the year
  /// named, or the one a direction names ("of last year"), else the one the tense points to
  /// ("reported a loss for the fourth quarter" in March is last year's).
  private func quarter(_ c: [String: String], months: Int) -> TimexValue? {
    guard let q = int(c["ordinals"] ?? c["quarters"]),
      (1...(12 / months)).contains(q)
    else { return nil }
    let (first, last) = ((q - 1) * months + 1, q * months)
    var inferred = true
    let year: Int
    if let y = int(c["year"]) {
      year = y
      inferred = false
    } else if let d = int(c["directions"]) {
      year = published.year + d
    } else {
      year = nearestYear(firstMonth: first, lastMonth: last)
    }
    return .months(
      year: year, first: first, last: last, precision: .quarter,
      inferred: inferred, approx: false)
  }
}
