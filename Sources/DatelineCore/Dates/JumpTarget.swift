/// Where `t` (jump to a date) goes: a date as written, or a step from the selected record.
///
/// `2023`, `2023-12`, `2023-12-12` are dates (SCHEMA.md forms); `-1w`, `+1m`, `-3d`,
/// `+1y` count days, weeks, months or years from the selection's first day, so a reader
/// can say "a week earlier" without working out the date.
public enum JumpTarget: Sendable, Hashable {
  case date(RecordDate)
  case offset(DateOffset)

  /// Parses what was typed at the `t` prompt (surrounding blanks ignored); nil when it is
  /// neither form.
  public static func parse(_ text: String) -> JumpTarget? {
    let t = text.trimmingBlanks
    if let d = RecordDate.parse(t) { return .date(d) }
    if let o = DateOffset.parse(t) { return .offset(o) }
    return nil
  }

  /// The first day to look for a record on or after, given the selected record's day.
  public func day(from selected: CalendarDay?) -> CalendarDay? {
    switch self {
    case .date(let d): return d.firstDay
    case .offset(let o): return selected.flatMap(o.apply)
    }
  }
}

/// A signed count of days, weeks, months or years: `-1w`, `+3d`, `+1m`, `-2y`.
public struct DateOffset: Sendable, Hashable, CustomStringConvertible {
  public enum Unit: Character, Sendable, Hashable, CaseIterable {
    case day = "d"
    case week = "w"
    case month = "m"
    case year = "y"
  }

  public var amount: Int
  public var unit: Unit

  public init(amount: Int, unit: Unit) {
    self.amount = amount
    self.unit = unit
  }

  /// `+1w` / `-3d`: a sign, 1 to 5 digits, a unit letter. The sign is required, so a bare
  /// number is never mistaken for a year.
  public static func parse(_ text: String) -> DateOffset? {
    let chars = Array(text)
    guard chars.count >= 3, chars.count <= 7, let sign = chars.first,
      sign == "+" || sign == "-",
      let unitChar = chars.last,
      let unit = Unit(rawValue: Character(unitChar.lowercased()))
    else { return nil }
    let digits = chars.dropFirst().dropLast()
    guard digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let n = Int(String(digits))
    else { return nil }
    return DateOffset(amount: sign == "-" ? -n : n, unit: unit)
  }

  /// The day this offset leads to from `day`; nil when it leaves years 1…9999.
  public func apply(to day: CalendarDay) -> CalendarDay? {
    switch unit {
    case .day: return bounded(Int(day.dayNumber) + amount)
    case .week: return bounded(Int(day.dayNumber) + amount * 7)
    case .month: return day.adding(months: amount)
    case .year: return day.adding(years: amount)
    }
  }

  private func bounded(_ n: Int) -> CalendarDay? {
    let lo = CalendarDay.daysFromCivil(year: 1, month: 1, day: 1)
    let hi = CalendarDay.daysFromCivil(year: 9999, month: 12, day: 31)
    return (lo...hi).contains(n) ? CalendarDay(dayNumber: Int32(n)) : nil
  }

  public var description: String {
    (amount < 0 ? "-" : "+") + String(abs(amount)) + String(unit.rawValue)
  }
}

extension String {
  /// Without leading and trailing spaces and tabs (no Foundation needed).
  var trimmingBlanks: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
