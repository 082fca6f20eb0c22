import DatelineCore

/// Moving by calendar (`]` `[` days, `}` `{` months), the date range (`r`, `>`, `<`) and the
/// attribution filter (`A`).
///
/// Rows are in timeline order, which sorts by first day (SCHEMA.md "Order"), so every
/// step is a binary search: the same cost for a million records as for twenty.
extension BrowserState {
  /// `]`: the first record of the next day that has records; `[`: of the previous one.
  mutating func jumpDay(forward: Bool) {
    jumpPeriod(
      forward: forward, name: "day", start: { $0 }, next: { $0.adding(days: 1) }
    )
  }

  /// `}`: the first record of the next month that has records; `{`: of the previous one.
  mutating func jumpMonth(forward: Bool) {
    jumpPeriod(
      forward: forward, name: "month", start: \.startOfMonth,
      next: { $0.adding(months: 1) })
  }

  /// The first record of the next (or previous) period that has records; a period is
  /// what `start` maps its days to, and `next` gives the start of the following one (nil
  /// past the calendar's end).
  private mutating func jumpPeriod(
    forward: Bool, name: String, start: (CalendarDay) -> CalendarDay,
    next: (CalendarDay) -> CalendarDay?
  ) {
    guard let day = selectedRecord?.firstDay else { return }
    let period = start(day)
    if forward {
      let i = next(period).map { firstRow(onOrAfter: $0) } ?? rows.endIndex
      guard i < rows.endIndex else {
        message = "no later \(name) with records"
        return
      }
      select(i)
    } else {
      let before = firstRow(onOrAfter: period)
      guard before > 0 else {
        message = "no earlier \(name) with records"
        return
      }
      select(firstRow(onOrAfter: start(corpus.firstDay(at: rows[before - 1]))))
    }
  }

  /// `>` (from) / `<` (to): one side of the range at the selected record's first day.
  mutating func setRange(fromSelection: Bool) {
    guard let day = selectedRecord?.firstDay else {
      message = "no record selected"
      return
    }
    var range = query.dateRange
    let date = RecordDate(firstDay: day, precision: .day)
    if fromSelection { range.since = date } else { range.until = date }
    applyRange(range)
  }

  /// Filters to `range`; a range that ends before it starts is refused with a message
  /// (the filter stays as it was), as the CLI refuses it with a usage error.
  mutating func applyRange(_ range: DateRange) {
    if range.isInverted {
      message =
        "\(range.description): the range ends before it starts (not applied)"
      return
    }
    var q = query
    q.dateRange = range
    applyQuery(q)
  }

  /// `A`: no basis filter → named → official → anonymous → unattributed → none again.
  mutating func cycleBasis() {
    let order = Attribution.Basis.allCases
    var q = query
    if q.facets.basis.count == 1, let current = q.facets.basis.first,
      let i = order.firstIndex(of: current)
    {
      q.facets.basis = i + 1 < order.count ? [order[i + 1]] : []
    } else {
      q.facets.basis = [order[0]]
    }
    applyQuery(q)
  }
}
