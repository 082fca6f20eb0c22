extension DateLabel {
  /// How wide a compact label is on screen, counted from its parts without building it.
  ///
  /// Why: the timeline's date column is sized over the first 2,000 rows on every frame
  /// (`DateColumn.width`), and building each label as a string was ~1.4 ms of every frame.
  /// Every character of a compact label takes one column (digits, `-`, `:`, `wk `, ` ~`
  /// and `…`), so its width is its length; `DateLabelWidthTests` holds the two together.
  public struct Width: Equatable, Sendable {
    /// The whole label's width.
    public var whole: Int
    /// Whether the label is a span (a start, `…`, an end).
    public var isSpan: Bool
    /// A span as the date column shortens it: its start, `…`, and ` ~` when approximate
    /// (`DateColumn.shortened`); the whole width for any other label.
    public var shortened: Int
  }

  /// The width of `compact(date:end:minutes:approx:)`.
  static func compactWidth(
    date: RecordDate, end: RecordDate?, minutes: Int16?, approx: Bool
  ) -> Width {
    let start = baseWidth(date)
    var whole = start
    if let e = end { whole += 1 + shortenedWidth(e, after: date) }
    if let m = minutes {
      whole += 2 + padWidth(Int(m) / 60, 2) + padWidth(Int(m) % 60, 2)
    }
    if approx { whole += 2 }
    let cut = start + 1 + (approx ? 2 : 0)
    return Width(
      whole: whole, isSpan: end != nil, shortened: end == nil ? whole : cut)
  }

  /// The width of `base(d)`.
  static func baseWidth(_ d: RecordDate) -> Int {
    let c = d.firstDay.civil
    let year = padWidth(c.year, 4)
    let day = year + 2 + padWidth(c.month, 2) + padWidth(c.day, 2)
    switch d.precision {
    case .day: return day
    case .week: return 3 + day
    case .month: return year + 1 + padWidth(c.month, 2)
    case .year: return year
    }
  }

  /// The width of `shortened(e, after: d)`: the end's base less the `YYYY-` it shares.
  static func shortenedWidth(_ e: RecordDate, after d: RecordDate) -> Int {
    let full = baseWidth(e)
    return dropsSharedYear(e, after: d) ? max(0, full - 5) : full
  }

  /// The length of `pad(n, width)`: the digits and sign of `n`, at least `width`.
  static func padWidth(_ n: Int, _ width: Int) -> Int {
    var digits = n < 0 ? 2 : 1
    var rest = n.magnitude
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    return max(width, digits)
  }
}
