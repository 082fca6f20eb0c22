/// A `since..until` range as a person types it and reads it back.
///
/// SCHEMA.md "Queries": the range is inclusive and matches records whose days overlap it.
/// Typed forms: `2023-11..2023-12-12`, `2023-12..` (from), `..2023-12-12` (to), a single
/// date (`2023-12`: that month), and an empty text, which clears the range. The screen's
/// `r` prompt and its status chip use this; the command line has `--since`/`--until`.
public struct DateRange: Sendable, Hashable, CustomStringConvertible {
  public var since: RecordDate?
  public var until: RecordDate?

  public init(since: RecordDate? = nil, until: RecordDate? = nil) {
    self.since = since
    self.until = until
  }

  public var isEmpty: Bool { since == nil && until == nil }

  /// Whether no day can match: the range ends before it starts.
  public var isInverted: Bool {
    guard let since, let until else { return false }
    return until.lastDay < since.firstDay
  }

  /// Parses a typed range; nil when a side is not a date.
  public static func parse(_ text: String) -> DateRange? {
    let t = text.trimmingBlanks
    if t.isEmpty { return DateRange() }
    let separator = t.firstRange(of: "..") ?? t.firstRange(of: "…")
    guard let separator else {
      guard let d = RecordDate.parse(t) else { return nil }
      return DateRange(since: d, until: d)
    }
    let left = String(t[..<separator.lowerBound]).trimmingBlanks
    let right = String(t[separator.upperBound...]).trimmingBlanks
    var range = DateRange()
    if !left.isEmpty {
      guard let d = RecordDate.parse(left) else { return nil }
      range.since = d
    }
    if !right.isEmpty {
      guard let d = RecordDate.parse(right) else { return nil }
      range.until = d
    }
    return range
  }

  /// `2023-11..2023-12-12`, `2023-12..`, `..2023-12-12`, or one date when both sides are
  /// the same; parsing it gives the range back.
  public var description: String {
    if let since, since == until { return since.description }
    return (since?.description ?? "") + ".." + (until?.description ?? "")
  }
}

extension TimelineQuery {
  /// The query's date bounds as one value.
  public var dateRange: DateRange {
    get { DateRange(since: since, until: until) }
    set {
      since = newValue.since
      until = newValue.until
    }
  }
}
