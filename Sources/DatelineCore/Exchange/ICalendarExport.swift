/// Records as iCalendar (RFC 5545): one all-day `VEVENT` per record.
///
/// Why all-day events: a record's date is a calendar date with a precision, never an
/// instant, so `DTSTART;VALUE=DATE` is the day it starts and `DTEND` (exclusive, the day
/// after its last) is written for records that cover more than one day (a week, a month,
/// a span). The `UID` is the record id, so a calendar that imports the file twice updates
/// events instead of doubling them. Text is sanitized like the screen, escaped (`\`, `;`,
/// `,`, newlines) and lines are folded at 75 octets without splitting a character;
/// lines end in CRLF.
public enum ICalendarExport {
  public static func render(rows: [Int], of corpus: Corpus) -> String {
    var out = [
      "BEGIN:VCALENDAR", "VERSION:2.0",
      "PRODID:-//dateline//timeline export//EN", "CALSCALE:GREGORIAN",
    ]
    for i in rows {
      let r = corpus.records[i]
      let first = corpus.firstDay(at: i)
      let last = corpus.lastDay(at: i)
      out.append("BEGIN:VEVENT")
      out.append("UID:" + text(r.id.rawValue) + "@dateline")
      // DTSTAMP is required; the record's first day keeps the file the same on every run.
      out.append("DTSTAMP:" + compact(first) + "T000000Z")
      out.append("DTSTART;VALUE=DATE:" + compact(first))
      if last != first {
        out.append("DTEND;VALUE=DATE:" + compact(last.adding(days: 1)))
      }
      out.append("SUMMARY:" + text(r.headline))
      var description: [String] = []
      if r.date.precision != .day || r.endDate != nil {
        description.append("Date: " + DateLabel.compact(r))
      }
      if let s = r.summary { description.append(s) }
      if let a = r.attribution {
        description.append("According to: \(a.text) [\(a.basis.rawValue)]")
      }
      if let q = r.quote { description.append("“\(q.exact)”") }
      if let s = corpus.source(r.source) {
        description.append(
          "Source: \(s.outlet), “\(s.title)”" + (s.url.map { ", " + $0 } ?? ""))
      }
      out.append("DESCRIPTION:" + text(description.joined(separator: "\n")))
      if let first = r.parties.first {
        out.append(
          "CATEGORIES:"
            + text(corpus.party(first.id)?.label ?? first.id.rawValue))
      }
      out.append("END:VEVENT")
    }
    out.append("END:VCALENDAR")
    return out.map(fold).joined()
  }

  /// `SUMMARY:` with `text` escaped and folded (for tests of hostile text).
  public static func summaryLine(_ text: String) -> String {
    fold("SUMMARY:" + self.text(text))
  }

  /// A content line folded (for tests).
  public static func foldedLine(_ line: String) -> String { fold(line) }

  /// `20231212`.
  static func compact(_ day: CalendarDay) -> String {
    day.description.replacingOccurrences(of: "-", with: "")
  }

  /// A TEXT value (RFC 5545 3.3.11): sanitized, then `\`, `;`, `,` and newlines escaped.
  static func text(_ s: String) -> String {
    var out = ""
    for c in Sanitizer.clean(s, newlines: .keep) {
      switch c {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n", "\r\n", "\r": out += "\\n"
      default: out.append(c)
      }
    }
    return out
  }

  /// A content line folded at 75 octets (RFC 5545 3.1), each piece ending in CRLF and
  /// continuation lines starting with a space; a character is never split.
  static func fold(_ line: String) -> String {
    var out = ""
    var width = 0
    for c in line.unicodeScalars {
      let n = String(c).utf8.count
      if width + n > 75 {
        out += "\r\n "
        width = 1
      }
      out.unicodeScalars.append(c)
      width += n
    }
    return out + "\r\n"
  }
}
