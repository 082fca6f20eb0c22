import DatelineCore

/// The date of a draft from the temporal expressions of its part of a sentence, with a
/// note saying how it was found (SCHEMA.md `date_note`).
struct DraftDating {
  struct Dated: Equatable {
    var date: String
    var week = false
    var endDate: String?
    var approx = false
    var inferred = false
    var note: String
  }

  var published: CalendarDay
  static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
  static let spanJoiners: Set<String> = [
    "to", "through", "until", "and", "-", "–", "—", "till",
  ]

  var publishedText: String {
    "\(Self.weekdays[published.weekday - 1]) \(published)"
  }

  static let finest: [TimexPrecision] = [
    .day, .week, .month, .season, .quarter, .year, .decade, .none,
  ]

  /// The finest expression of the main clause names the date (the first of equals: a
  /// "Tuesday" beats "this weekend", "July 25" beats "second-quarter"); a "from A to B" or
  /// "between A and B" pair makes a span. Without one, the publication date, inferred.
  func date(
    of part: Range<Int>, _ expressions: [TemporalExpression],
    _ a: TemporalTagger.Analysis, skipped: TemporalExpression?
  ) -> Dated {
    var usable = expressions.filter { e in
      e.action != "time" && (e.value.firstDay != nil || e.action == "recent")
    }
    if let rank = usable.map({
      Self.finest.firstIndex(of: $0.value.precision) ?? 9
    }).min(),
      let chosen = usable.first(where: {
        (Self.finest.firstIndex(of: $0.value.precision) ?? 9) == rank
      }),
      chosen != usable.first
    {
      usable = [chosen]
    }
    guard let first = usable.first else {
      let why =
        skipped.map { "“\($0.text)” dates a relative clause, not this one; " }
        ?? ""
      return Dated(
        date: published.description, inferred: true,
        note: why
          + "no date of its own in the sentence: the publication date, \(publishedText)."
      )
    }
    var dated = date(of: first)
    if usable.count > 1 {
      let second = usable[1]
      let between = a.tokens[first.tokens.upperBound..<second.tokens.lowerBound]
        .map(\.lower)
      let opener =
        first.tokens.lowerBound > part.lowerBound
        ? a.tokens[first.tokens.lowerBound - 1].lower : ""
      if between.count == 1, Self.spanJoiners.contains(between[0]),
        ["from", "between"].contains(opener) || between[0] != "and",
        let end = second.value.lastDay, let start = first.value.firstDay,
        end > start
      {
        dated.endDate = end.description
        if second.value.precision == .month || second.value.precision == .year {
          dated.endDate = String(
            end.description.prefix(second.value.precision == .month ? 7 : 4))
        }
        dated.note =
          "“\(a.text(first.start..<second.end))” in the text" + inference(first)
          + "."
        dated.inferred = first.value.inferred || second.value.inferred
      }
    }
    return dated
  }

  private func date(of e: TemporalExpression) -> Dated {
    let v = e.value
    let base = "“\(e.text)” in the text" + inference(e)
    if e.action == "recent" {
      let unit = e.text.split(separator: " ").last.map(String.init) ?? "days"
      if unit == "days" {
        return Dated(
          date: published.adding(days: -6).description, week: true,
          approx: true, inferred: true,
          note: base + ": the week up to the publication date, approximately.")
      }
      let month = String(published.description.prefix(unit == "years" ? 4 : 7))
      return Dated(
        date: month, approx: true, inferred: true,
        note: base + ": approximately.")
    }
    guard let firstDay = v.firstDay, let lastDay = v.lastDay else {
      return Dated(
        date: published.description, inferred: true,
        note: base + "; the publication date, \(publishedText).")
    }
    var d = Dated(
      date: firstDay.description, approx: v.approx, inferred: v.inferred,
      note: base + ".")
    switch v.precision {
    case .day: break
    case .week: d.week = true
    case .month: d.date = String(firstDay.description.prefix(7))
    case .year: d.date = String(firstDay.description.prefix(4))
    case .season, .quarter:
      d.date = String(firstDay.description.prefix(7))
      d.endDate = String(lastDay.description.prefix(7))
    case .decade:
      d.date = String(firstDay.description.prefix(4))
      d.endDate = String(lastDay.description.prefix(4))
    case .none: break
    }
    return d
  }

  /// How the publication date entered: "in an article published Wed 2023-12-13" and the
  /// direction the tense gave.
  private func inference(_ e: TemporalExpression) -> String {
    guard e.value.inferred else { return "" }
    let direction: String
    switch (e.action, e.tense) {
    case ("weekday", .future), ("date", .future):
      direction = ", looking forward (the clause speaks of the future)"
    case ("weekday", _): direction = ", the last one on or before it"
    case ("date", .past):
      direction = ", the last one on or before it (past tense)"
    case ("date", _): direction = ", the nearest one"
    default: direction = ""
    }
    return " in an article published \(publishedText)" + direction
  }
}
