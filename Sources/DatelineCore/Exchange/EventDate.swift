import Foundation

/// Reads the date cell of an event table in the forms public event datasets use.
///
/// Why more than SCHEMA.md's forms: ACLED exports write `12 December 2023`, GDELT writes
/// `20231212` (SQLDATE) and `202312` (MonthYear), databases write `2023-12-12 14:30:00`.
/// Forms that read differently in different countries (`12/11/2023`) are refused rather
/// than guessed.
public enum EventDate {
  /// The forms accepted, for messages.
  public static let forms =
    "YYYY, YYYY-MM, YYYY-MM-DD (a time after it is ignored), YYYY/MM/DD, YYYYMMDD, YYYYMM or D Month YYYY"

  static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september",
    "october", "november", "december",
  ]

  /// The date in `text`, or nil when it is in none of `forms` or not a real day.
  public static func parse(_ text: String) -> RecordDate? {
    let t = text.trimmingCharacters(in: .whitespaces)
    if let d = RecordDate.parse(t) { return d }
    let u = Array(t.utf8)
    let allDigits = !u.isEmpty && u.allSatisfy { (0x30...0x39).contains($0) }
    if allDigits && u.count == 8 {
      return RecordDate.parse(
        String(t.prefix(4)) + "-" + t.dropFirst(4).prefix(2) + "-" + t.suffix(2)
      )
    }
    if allDigits && u.count == 6 {
      return RecordDate.parse(String(t.prefix(4)) + "-" + t.suffix(2))
    }
    // `2023-12-12T14:30:00Z`, `2023-12-12 14:30`: the day; the time is not the event's.
    if u.count > 10, u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " "),
      let d = RecordDate.parse(String(t.prefix(10)))
    {
      return d
    }
    if u.count == 10, u[4] == UInt8(ascii: "/"), u[7] == UInt8(ascii: "/") {
      return RecordDate.parse(t.replacingOccurrences(of: "/", with: "-"))
    }
    return dayMonthYear(t)
  }

  /// `12 December 2023`, `3 Dec 2023`.
  static func dayMonthYear(_ t: String) -> RecordDate? {
    let parts = t.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 3, let day = Int(parts[0]), parts[2].count == 4,
      let year = Int(parts[2])
    else {
      return nil
    }
    let name = parts[1].lowercased()
    guard name.count >= 3,
      let month = months.firstIndex(where: {
        $0 == name || ($0.hasPrefix(name) && name.count == 3)
      }),
      let first = CalendarDay(year: year, month: month + 1, day: day)
    else { return nil }
    return RecordDate(firstDay: first, precision: .day)
  }
}
