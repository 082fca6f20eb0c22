import DatelineCore
import DatelineDraft
import XCTest

func day(_ s: String) -> CalendarDay {
  guard let d = RecordDate.parse(s)?.firstDay else {
    fatalError("bad test date \(s)")
  }
  return d
}

/// Resolution rules, one row each: a sentence, its publication date, the expression
/// expected in it, and its value, precision, approx flag and tense.
final class TimexResolutionTests: XCTestCase {
  struct Row {
    var sentence: String
    var published: String
    var text: String
    var value: String?
    var precision: TimexPrecision
    var approx = false
    var tense: Tense? = nil
    var line: UInt = #line
  }

  let rows: [Row] = [
    // Weekdays look back from the publication day, forward for the future.
    Row(
      sentence: "Talks resumed on Tuesday.", published: "2023-12-13",
      text: "Tuesday", value: "2023-12-12",
      precision: .day, tense: .past),
    Row(
      sentence: "Talks resumed Wednesday.", published: "2023-12-13",
      text: "Wednesday", value: "2023-12-13",
      precision: .day),
    Row(
      sentence: "Officials met Friday.", published: "2023-12-13",
      text: "Friday", value: "2023-12-08", precision: .day),
    Row(
      sentence: "Biden is set to meet them on Wednesday.",
      published: "2023-12-12", text: "Wednesday",
      value: "2023-12-13", precision: .day, tense: .future),
    Row(
      sentence: "The court will rule on Monday.", published: "2023-12-13",
      text: "Monday", value: "2023-12-18",
      precision: .day, tense: .future),
    Row(
      sentence: "It happened last Tuesday.", published: "2023-12-12",
      text: "last Tuesday", value: "2023-12-05",
      precision: .day),
    Row(
      sentence: "Stocks fell early Thursday.", published: "2023-04-27",
      text: "early Thursday", value: "2023-04-27",
      precision: .day),
    Row(
      sentence: "He left on Thursday night.", published: "2024-02-02",
      text: "Thursday night", value: "2024-02-01",
      precision: .day),
    // Days and periods named from the publication day.
    Row(
      sentence: "Yesterday the storm hit.", published: "2024-01-10",
      text: "Yesterday", value: "2024-01-09",
      precision: .day),
    Row(
      sentence: "The vote is tomorrow.", published: "2024-01-10",
      text: "tomorrow", value: "2024-01-11", precision: .day
    ),
    Row(
      sentence: "They met last week.", published: "2023-12-13",
      text: "last week", value: "2023-W49", precision: .week),
    Row(
      sentence: "They meet this week.", published: "2024-01-01",
      text: "this week", value: "2024-W01", precision: .week),
    Row(
      sentence: "Talks broke down earlier this month.", published: "2023-12-12",
      text: "earlier this month",
      value: "2023-12", precision: .month, approx: true),
    Row(
      sentence: "Prices rose last month.", published: "2024-01-10",
      text: "last month", value: "2023-12",
      precision: .month),
    Row(
      sentence: "It was founded last year.", published: "2024-01-10",
      text: "last year", value: "2023", precision: .year
    ),
    Row(
      sentence: "It opens next year.", published: "2024-01-10",
      text: "next year", value: "2025", precision: .year),
    Row(
      sentence: "It happened three weeks ago.", published: "2024-01-10",
      text: "three weeks ago", value: "2023-W51",
      precision: .week, approx: true),
    Row(
      sentence: "It happened two years ago.", published: "2024-01-10",
      text: "two years ago", value: "2022",
      precision: .year, approx: true),
    Row(
      sentence: "Nine died over the weekend.", published: "2023-10-30",
      text: "the weekend", value: "2023-W43",
      precision: .week),
    // Months and dates without a year: past back, future forward, else the nearer one.
    Row(
      sentence: "Hostages were abducted on October 7.", published: "2023-12-12",
      text: "October 7", value: "2023-10-07",
      precision: .day),
    Row(
      sentence: "The summit begins Jan. 15.", published: "2023-12-12",
      text: "Jan. 15", value: "2024-01-15",
      precision: .day),
    Row(
      sentence: "The law passed in March.", published: "2023-12-12",
      text: "March", value: "2023-03", precision: .month),
    Row(
      sentence: "The law will take effect in March.", published: "2023-12-12",
      text: "March", value: "2024-03",
      precision: .month),
    Row(
      sentence: "Prices peak in mid-December.", published: "2023-11-02",
      text: "mid-December", value: "2023-12",
      precision: .month, approx: true),
    Row(
      sentence: "It happened last October.", published: "2023-12-12",
      text: "last October", value: "2023-10",
      precision: .month),
    // Explicit dates in the common news forms.
    Row(
      sentence: "It ended Dec. 1.", published: "2023-12-12", text: "Dec. 1",
      value: "2023-12-01", precision: .day),
    Row(
      sentence: "On 12 December 2023 it ended.", published: "2024-05-01",
      text: "12 December 2023", value: "2023-12-12",
      precision: .day),
    Row(
      sentence: "On December 12, 2023, it ended.", published: "2024-05-01",
      text: "December 12, 2023",
      value: "2023-12-12", precision: .day),
    Row(
      sentence: "Filed 2023-12-12.", published: "2024-05-01",
      text: "2023-12-12", value: "2023-12-12", precision: .day),
    Row(
      sentence: "Filed 12/11/2023 in court.", published: "2024-05-01",
      text: "12/11/2023", value: "2023-12-11",
      precision: .day),
    Row(
      sentence: "The firm began in December 2019.", published: "2024-05-01",
      text: "December 2019", value: "2019-12",
      precision: .month),
    Row(
      sentence: "A similar bill failed in 2019.", published: "2024-05-01",
      text: "2019", value: "2019", precision: .year
    ),
    Row(
      sentence: "Sales fell in the third quarter of 2023.",
      published: "2024-05-01", text: "the third quarter of 2023",
      value: "2023", precision: .quarter),
    // Seasons and decades carry their year (a season) or no value (a decade).
    Row(
      sentence: "Sales fell this spring.", published: "2023-07-01",
      text: "this spring", value: "2023",
      precision: .season, approx: true),
    Row(
      sentence: "Sales fell last summer.", published: "2023-07-21",
      text: "last summer", value: "2022",
      precision: .season, approx: true),
    Row(
      sentence: "In the 1990s the firm grew.", published: "2023-07-21",
      text: "the 1990s", value: nil,
      precision: .decade, approx: true),
    // Durations and references have no calendar value.
    Row(
      sentence: "The talks lasted three weeks.", published: "2023-07-21",
      text: "three weeks", value: nil,
      precision: .none),
    Row(
      sentence: "A two-day summit opened.", published: "2023-07-21",
      text: "two-day", value: nil, precision: .none),
    Row(
      sentence: "It took more than 48 hours.", published: "2023-07-21",
      text: "more than 48 hours", value: nil,
      precision: .none),
    Row(
      sentence: "It is over now.", published: "2023-07-21", text: "now",
      value: nil, precision: .none),
    Row(
      sentence: "Overtures made in recent days failed.",
      published: "2023-12-12", text: "recent days", value: nil,
      precision: .none, approx: true),
    // Clock times take the day of a date in their sentence.
    Row(
      sentence: "Polls closed at 8 p.m. on Tuesday.", published: "2022-11-09",
      text: "8 p.m.", value: "2022-11-08",
      precision: .day),
  ]

  func testEachRowResolvesAsExpected() { Self.check(rows) }

  /// Each row's expression found in its sentence with its value, precision, approx flag
  /// and (when given) tense.
  static func check(_ rows: [Row]) {
    let tagger = TemporalTagger()
    for row in rows {
      let found = tagger.expressions(
        in: row.sentence, published: day(row.published))
      guard let e = found.first(where: { $0.text == row.text }) else {
        XCTFail(
          "\"\(row.text)\" not found in \"\(row.sentence)\"; found \(found.map(\.text))",
          line: row.line)
        continue
      }
      XCTAssertEqual(e.value.value, row.value, row.sentence, line: row.line)
      XCTAssertEqual(
        e.value.precision, row.precision, row.sentence, line: row.line)
      XCTAssertEqual(e.value.approx, row.approx, row.sentence, line: row.line)
      if let tense = row.tense {
        XCTAssertEqual(e.tense, tense, row.sentence, line: row.line)
      }
    }
  }

  func testABareNumberThatCountsIsNotAYear() {
    let found = TemporalTagger().expressions(
      in: "The firm had about 2000 employees and 1999 workers.",
      published: day("2024-01-01"))
    XCTAssertEqual(found.map(\.text), [])
  }

  func testOffsetsCountUnicodeScalarsAndEndIsExclusive() {
    let text = "Café “news” 🇺🇸 on Dec. 12, 2023."
    let found = TemporalTagger().expressions(
      in: text, published: day("2024-01-01"))
    XCTAssertEqual(found.count, 1)
    let scalars = Array(text.unicodeScalars)
    var slice = ""
    slice.unicodeScalars.append(
      contentsOf: scalars[found[0].start..<found[0].end])
    XCTAssertEqual(slice, "Dec. 12, 2023")
    XCTAssertEqual(found[0].start, 18)
  }

  func testExpressionsComeInTextOrderAndDoNotOverlap() {
    let text =
      "From Nov. 24 to Nov. 30 a truce held; it ended Dec. 1, three weeks ago."
    let found = TemporalTagger().expressions(
      in: text, published: day("2023-12-21"))
    XCTAssertEqual(
      found.map(\.text), ["Nov. 24", "Nov. 30", "Dec. 1", "three weeks ago"])
    XCTAssertEqual(found.map(\.start), found.map(\.start).sorted())
    for (a, b) in zip(found, found.dropFirst()) {
      XCTAssertLessThanOrEqual(a.end, b.start)
    }
  }
}
