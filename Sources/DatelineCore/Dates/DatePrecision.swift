/// How much of a date is known: a day, the 7 days from a day, a month or a year.
///
/// The order of the cases is the tie-break of SCHEMA.md "Order": finer precision first.
public enum DatePrecision: Int, Comparable, Sendable, CaseIterable,
  CustomStringConvertible
{
  case day = 0
  case week = 1
  case month = 2
  case year = 3

  public static func < (a: DatePrecision, b: DatePrecision) -> Bool {
    a.rawValue < b.rawValue
  }

  public var description: String {
    switch self {
    case .day: "day"
    case .week: "week"
    case .month: "month"
    case .year: "year"
    }
  }
}
