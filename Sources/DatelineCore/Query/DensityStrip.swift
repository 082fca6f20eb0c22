/// Records per day, week, month, quarter or year, for a one-line histogram of the timeline.
///
/// The bucket is the finest that fits the columns, so a strip always shows the whole data
/// at the width it has. A record counts in the bucket of its first day (SCHEMA.md
/// "Order" sorts by it too). Counting uses binary search on the timeline order instead of
/// a pass over the records, so the strip costs the same for 24 records as for a million:
/// a few hundred lookups per frame.
public struct DensityStrip: Sendable, Hashable {
  /// How much time one column covers.
  public enum Unit: Sendable, Hashable {
    case day, week, month, quarter
    /// One or more whole years per column.
    case years(Int)

    /// `day`, `week`, `month`, `quarter`, `year`, `5 years`.
    public var name: String {
      switch self {
      case .day: "day"
      case .week: "week"
      case .month: "month"
      case .quarter: "quarter"
      case .years(let n): n == 1 ? "year" : "\(n) years"
      }
    }
  }

  /// One column: the days it covers and how many records start in them.
  public struct Bucket: Sendable, Hashable {
    public var first: CalendarDay
    public var last: CalendarDay
    /// Records of the whole data whose first day is in the bucket.
    public var all: Int
    /// Of those, the records the current query shows.
    public var shown: Int
  }

  public let unit: Unit
  public let buckets: [Bucket]
  /// The largest `all` count: the scale of every glyph, so filtered bars compare with
  /// the whole.
  public let maximum: Int

  /// The strip of `corpus` with the query's result `shown` (indexes in timeline order),
  /// for at most `columns` columns.
  public init(corpus: Corpus, shown: [Int], columns: Int) {
    let total = corpus.records.count
    guard columns > 0, total > 0 else {
      unit = .day
      buckets = []
      maximum = 0
      return
    }
    let first = corpus.firstDay(at: 0)
    let last = corpus.firstDay(at: total - 1)
    let unit = DensityStrip.unit(from: first, to: last, columns: columns)
    var starts: [CalendarDay] = []
    var day = DensityStrip.floor(first, unit, anchor: first)
    while day <= last {
      starts.append(day)
      day = DensityStrip.next(day, unit)
    }
    func startOfRecord(_ i: Int) -> CalendarDay { corpus.firstDay(at: i) }
    var buckets: [Bucket] = []
    buckets.reserveCapacity(starts.count)
    var allLow = 0
    var shownLow = 0
    for (n, start) in starts.enumerated() {
      let end =
        n + 1 < starts.count
        ? starts[n + 1] : CalendarDay(dayNumber: last.dayNumber + 1)
      let allHigh = DensityStrip.lowerBound(total, below: end) {
        startOfRecord($0)
      }
      let shownHigh = DensityStrip.lowerBound(shown.count, below: end) {
        startOfRecord(shown[$0])
      }
      buckets.append(
        Bucket(
          first: start, last: end.adding(days: -1), all: allHigh - allLow,
          shown: shownHigh - shownLow))
      allLow = allHigh
      shownLow = shownHigh
    }
    self.unit = unit
    self.buckets = buckets
    self.maximum = buckets.map(\.all).max() ?? 0
  }

  /// The column whose days hold `day`, if the strip covers it.
  public func bucket(containing day: CalendarDay) -> Int? {
    guard let f = buckets.first, let l = buckets.last, day >= f.first,
      day <= l.last
    else { return nil }
    return DensityStrip.lowerBound(buckets.count, below: day.adding(days: 1)) {
      buckets[$0].first
    } - 1
  }

  /// How a bucket's start is written for this unit: `2023-12-12`, `2023-12`, `2023-Q4`, `2023`.
  public func label(of bucket: Bucket) -> String {
    let d = bucket.first
    switch unit {
    case .day, .week: return d.description
    case .month: return RecordDate(firstDay: d, precision: .month).description
    case .quarter: return "\(pad(d.year, 4))-Q\((d.month - 1) / 3 + 1)"
    case .years: return pad(d.year, 4)
    }
  }

  /// The whole data's bars.
  public var allGlyphs: String {
    String(buckets.map { Sparkline.glyph($0.all, maximum: maximum) })
  }
  /// The shown records' bars on the same scale.
  public var shownGlyphs: String {
    String(buckets.map { Sparkline.glyph($0.shown, maximum: maximum) })
  }

  // MARK: - Buckets

  /// The finest unit whose buckets from `first` to `last` fit in `columns`.
  static func unit(from first: CalendarDay, to last: CalendarDay, columns: Int)
    -> Unit
  {
    for u in [Unit.day, .week, .month, .quarter, .years(1)]
    where count(from: first, to: last, u) <= columns {
      return u
    }
    let years = last.year - first.year + 1
    return .years((years + columns - 1) / columns)
  }

  static func count(from first: CalendarDay, to last: CalendarDay, _ unit: Unit)
    -> Int
  {
    switch unit {
    case .day: return Int(last.dayNumber - first.dayNumber) + 1
    case .week:
      return Int(last.startOfWeek.dayNumber - first.startOfWeek.dayNumber) / 7
        + 1
    case .month:
      return (last.year * 12 + last.month) - (first.year * 12 + first.month) + 1
    case .quarter:
      return (last.year * 4 + (last.month - 1) / 3)
        - (first.year * 4 + (first.month - 1) / 3) + 1
    case .years(let n): return (last.year - first.year) / n + 1
    }
  }

  /// The start of the bucket holding `day`; year groups count from the first year shown.
  static func floor(_ day: CalendarDay, _ unit: Unit, anchor: CalendarDay)
    -> CalendarDay
  {
    switch unit {
    case .day: return day
    case .week: return day.startOfWeek
    case .month: return day.startOfMonth
    case .quarter:
      return CalendarDay(
        year: day.year, month: (day.month - 1) / 3 * 3 + 1, day: 1) ?? day
    case .years(let n):
      let y = anchor.year + (day.year - anchor.year) / n * n
      return CalendarDay(year: y, month: 1, day: 1) ?? day
    }
  }

  /// The start of the next bucket (past year 9999, the day after the last).
  static func next(_ start: CalendarDay, _ unit: Unit) -> CalendarDay {
    let step: CalendarDay?
    switch unit {
    case .day: step = start.adding(days: 1)
    case .week: step = start.adding(days: 7)
    case .month: step = start.adding(months: 1)
    case .quarter: step = start.adding(months: 3)
    case .years(let n): step = start.adding(years: n)
    }
    return step ?? CalendarDay(dayNumber: Int32.max)
  }

  /// How many of the first `count` items (sorted by day) start before `day`.
  static func lowerBound(
    _ count: Int, below day: CalendarDay, _ dayOf: (Int) -> CalendarDay
  ) -> Int {
    var lo = 0
    var hi = count
    while lo < hi {
      let mid = (lo + hi) / 2
      if dayOf(mid) < day { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}
