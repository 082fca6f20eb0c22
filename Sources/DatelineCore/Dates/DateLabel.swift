/// How a record's date is written in a timeline column or a detail pane.
///
/// One formatter for the screen and the command line: `2023-12-12`, `2023-12 ~` (about a
/// month), `wk 2023-12-04`, spans `2023-11-24…11-30`, a time as `2023-12-12 14:30`.
public enum DateLabel {
  /// The compact form for timeline rows.
  public static func compact(_ r: Record) -> String {
    compact(
      date: r.date, end: r.endDate, minutes: r.time?.minutes,
      approx: r.dateApprox)
  }

  /// The same from the parts (the record store's columns hold only these).
  static func compact(
    date: RecordDate, end: RecordDate?, minutes: Int16?, approx: Bool
  ) -> String {
    var s = base(date)
    if let e = end { s += "…" + shortened(e, after: date) }
    if let m = minutes {
      s += " " + pad(Int(m) / 60, 2) + ":" + pad(Int(m) % 60, 2)
    }
    if approx { s += " ~" }
    return s
  }

  /// A date on its own: `2023-12-12`, `wk 2023-12-04`, `2023-12`, `2023`.
  public static func base(_ d: RecordDate) -> String {
    d.precision == .week ? "wk " + d.description : d.description
  }

  /// The end of a span without what it shares with the start (same year: `11-30`).
  static func shortened(_ e: RecordDate, after d: RecordDate) -> String {
    let full = base(e)
    return dropsSharedYear(e, after: d) ? String(full.dropFirst(5)) : full
  }

  /// Whether the end `e` of a span from `d` is written without the `YYYY-` it shares
  /// (`shortened`, and its width in `shortenedWidth`).
  static func dropsSharedYear(_ e: RecordDate, after d: RecordDate) -> Bool {
    (e.precision == .day || e.precision == .month)
      && e.firstDay.year == d.firstDay.year && d.precision != .year
  }

  /// The long form for detail views: what is known and how.
  public static func long(_ r: Record) -> String {
    var s: String
    switch r.date.precision {
    case .day: s = r.date.description
    case .week: s = "the week of \(r.date.description)"
    case .month:
      s = "\(monthName(r.date.firstDay.month)) \(r.date.firstDay.year)"
    case .year: s = "the year \(r.date.description)"
    }
    if let e = r.endDate {
      s +=
        " to "
        + (e.precision == .week
          ? "the week of " + e.description : e.description)
    }
    if let t = r.time {
      s += " at \(t)" + (r.utcOffset.map { " (UTC\($0))" } ?? "")
    }
    var flags: [String] = []
    if r.dateApprox { flags.append("approximate") }
    if r.dateInferred { flags.append("inferred") }
    if !flags.isEmpty { s += " (" + flags.joined(separator: ", ") + ")" }
    return s
  }

  public static func monthName(_ m: Int) -> String {
    [
      "January", "February", "March", "April", "May", "June", "July", "August",
      "September",
      "October", "November", "December",
    ][max(0, min(11, m - 1))]
  }

  /// `December 2023`, for the timeline's month separators.
  public static func monthHeading(_ d: CalendarDay) -> String {
    "\(monthName(d.month)) \(d.year)"
  }
}
