/// Records as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).
///
/// Each record is an event: `start_date` (and `end_date` for a span) with only the parts
/// its precision knows (a month-precision record has no `day`), `display_date` as the
/// timeline shows it, `text` (the headline; the summary and attribution as text),
/// `group` the first party's label, `media` the quote as a blockquote with the outlet as
/// credit, and `unique_id` the record id. Strings are JSON-escaped and HTML-escaped,
/// since TimelineJS renders `text` and the blockquote as HTML.
public enum TimelineJSExport {
  public static func render(rows: [Int], of corpus: Corpus, title: String)
    -> String
  {
    let events = rows.map { "    " + event(corpus.records[$0], corpus: corpus) }
    return "{\"title\": {\"text\": {\"headline\": "
      + JSONWriter.string(html(title)) + "}},\n  \"events\": [\n"
      + events.joined(separator: ",\n") + (events.isEmpty ? "" : "\n")
      + "  ]}\n"
  }

  static func event(_ r: Record, corpus: Corpus) -> String {
    var o = JSONWriter()
    o.raw("start_date", date(r.date, label: DateLabel.compact(r)))
    if let end = r.endDate { o.raw("end_date", date(end, label: nil)) }
    var text = JSONWriter()
    text.field("headline", html(r.headline))
    var body: [String] = []
    if let s = r.summary { body.append(html(s)) }
    if let a = r.attribution {
      body.append(
        "According to " + html(a.text) + " (" + a.basis.rawValue + ")")
    }
    if !body.isEmpty {
      text.field("text", body.map { "<p>" + $0 + "</p>" }.joined())
    }
    o.raw("text", text.object)
    if let first = r.parties.first {
      o.field(
        "group",
        Sanitizer.clean(corpus.party(first.id)?.label ?? first.id.rawValue))
    }
    if let q = r.quote {
      var media = JSONWriter()
      media.field("url", "<blockquote>" + html(q.exact) + "</blockquote>")
      if let s = corpus.source(r.source) {
        media.field("credit", html(s.outlet))
        media.field("caption", html(s.title))
        if let u = s.url, u.hasPrefix("https://") || u.hasPrefix("http://") {
          media.field("link", u)
        }
      }
      o.raw("media", media.object)
    }
    o.field("unique_id", r.id.rawValue)
    return o.object
  }

  /// A TimelineJS date: year, and month and day when the precision has them.
  static func date(_ d: RecordDate, label: String?) -> String {
    let (y, m, day) = d.firstDay.civil
    var o = JSONWriter()
    o.field("year", String(y))
    if d.precision != .year { o.field("month", String(m)) }
    if d.precision == .day || d.precision == .week {
      o.field("day", String(day))
    }
    if let label { o.field("display_date", Sanitizer.clean(label)) }
    return o.object
  }

  /// Sanitized and HTML-escaped (the report's escaping).
  static func html(_ s: String) -> String {
    ChronologyReport.escape(Sanitizer.clean(s, newlines: .flatten))
  }
}
