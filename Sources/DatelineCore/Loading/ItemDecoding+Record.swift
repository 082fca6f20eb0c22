import Foundation

/// A record item's members: its keys are the field table's (`RecordField`).
extension ItemDecoding {
  /// A record, or nil with its problems in `r`.
  ///
  /// Guarantees: every rule of SCHEMA.md "Record" that one item can break is checked,
  /// in the order of its members below (the problems come out in that order), and a
  /// record is returned only when none of them is an error.
  static func record(_ node: JSONNode, _ r: inout ItemReader) -> Record? {
    r.scan(node, path: "$")
    guard let f = r.fields(node, path: "$", known: recordFields) else {
      return nil
    }
    let id: Record.ID? = r.id(f, "id", required: true)
    let dates = dateMembers(f, &r)
    let kind = r.enumValue(f, "kind", Record.Kind.self, required: true)
    let parties = partyRefs(f, &r)
    let headline = headlineValue(f, &r)
    let summary = r.string(f, "summary")
    let attribution = attributionValue(f, &r)
    let source: Source.ID? = r.id(f, "source", required: true)
    var quote: Quote? = nil
    if let q = f["quote"] { quote = quoteValue(q, path: f.path("quote"), &r) }
    let also = alsoValue(f, &r)
    let tags = r.strings(f, "tags")
    let related: [Record.ID] = r.ids(f, "related")
    let disputes: [Record.ID] = r.ids(f, "disputes")
    let revises: [Record.ID] = r.ids(f, "revises")
    let figures = figuresValue(f, &r)
    guard let id, let date = dates.date, let kind, let headline, let source,
      !parties.isEmpty, !r.hasError
    else {
      return nil
    }
    return Record(
      id: id, date: date, endDate: dates.endDate, time: dates.time,
      utcOffset: dates.utcOffset, dateApprox: dates.approx,
      dateInferred: dates.inferred, dateNote: dates.note, kind: kind,
      parties: parties, headline: headline, summary: summary,
      attribution: attribution, source: source, quote: quote, also: also,
      tags: tags, related: related, disputes: disputes, revises: revises,
      figures: figures)
  }

  /// What a record's date members say (SCHEMA.md `date` to `end_date`).
  struct DateMembers {
    var date: RecordDate?
    var endDate: RecordDate?
    var time: TimeOfDay?
    var utcOffset: String?
    var approx = false
    var inferred = false
    var note: String?
  }

  /// The date members, each checked alone and against the others.
  ///
  /// Guarantees: `date` carries `date_precision` (week) when that is allowed; `time`
  /// and `utc_offset` are kept only as written rules allow, and an `end_date` before
  /// the date is an error; problems come out in the order date, date_precision, time,
  /// utc_offset, date_approx, date_inferred, date_note, end_date.
  static func dateMembers(_ f: ItemReader.Fields, _ r: inout ItemReader)
    -> DateMembers
  {
    var m = DateMembers()
    m.date = dayDate(f, &r)
    m.time = timeValue(f, date: m.date, &r)
    m.utcOffset = r.string(f, "utc_offset")
    if let o = m.utcOffset {
      if !TimeOfDay.isValidOffset(o) {
        r.error(
          f.path("utc_offset"), "expected +HH:MM or -HH:MM, got \(quoted(o))")
      } else if !f.has("time") {
        r.error(f.path("utc_offset"), "utc_offset is allowed only beside time")
      }
    }
    m.approx = r.bool(f, "date_approx") ?? false
    m.inferred = r.bool(f, "date_inferred") ?? false
    m.note = r.string(f, "date_note")
    m.endDate = r.date(f, "end_date")
    if let d = m.date, let e = m.endDate, e.firstDay < d.firstDay {
      r.error(
        f.path("end_date"),
        "expected a date not before \(d) (the date), got \(quoted(e.description))"
      )
    }
    return m
  }

  /// `date`, made a week by `date_precision` ("week", only on a day date).
  static func dayDate(_ f: ItemReader.Fields, _ r: inout ItemReader)
    -> RecordDate?
  {
    var date = r.date(f, "date", required: true)
    guard let p = f["date_precision"] else { return date }
    guard case .string("week") = p.value else {
      r.error(f.path("date_precision"), "expected \"week\", got \(p.summary)")
      return date
    }
    if let d = date {
      if d.precision == .day {
        date = RecordDate(firstDay: d.firstDay, precision: .week)
      } else {
        r.error(
          f.path("date_precision"),
          "\"week\" needs a day date (YYYY-MM-DD), got \(quoted(d.description))"
        )
      }
    }
    return date
  }

  /// `time`: HH:MM, allowed only on a date of precision day.
  static func timeValue(
    _ f: ItemReader.Fields, date: RecordDate?, _ r: inout ItemReader
  ) -> TimeOfDay? {
    guard let t = f["time"] else { return nil }
    var time: TimeOfDay? = nil
    if case .string(let s) = t.value, let v = TimeOfDay(s) {
      time = v
    } else {
      r.error(
        f.path("time"), "expected HH:MM from 00:00 to 23:59, got \(t.summary)")
    }
    if let d = date, d.precision != .day {
      r.error(f.path("time"), "a time needs a date of precision day")
    }
    return time
  }

  /// `headline`: a non-empty string of at most 100 columns.
  static func headlineValue(_ f: ItemReader.Fields, _ r: inout ItemReader)
    -> String?
  {
    let headline = r.string(f, "headline", required: true, nonEmpty: true)
    if let h = headline, DisplayWidth.of(Sanitizer.clean(h)) > 100 {
      r.error(
        f.path("headline"),
        "expected at most 100 columns, got \(DisplayWidth.of(Sanitizer.clean(h)))"
      )
    }
    return headline
  }
}
