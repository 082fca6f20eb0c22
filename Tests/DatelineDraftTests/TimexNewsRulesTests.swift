import DatelineCore
import XCTest

@testable import DatelineDraft

/// The rules of `timex-news.patterns` and the context guards, one row each: a sentence,
/// its publication date, the expression expected in it and its value and precision (a
/// nil text: no expression at all).
final class TimexNewsRulesTests: XCTestCase {
  struct Row {
    var sentence: String
    var published: String
    var text: String?
    var value: String? = nil
    var precision: TimexPrecision = .none
    var kind: TimexValue.Kind? = nil
    var line: UInt = #line
  }

  let rows: [Row] = [
    // Weekends: "this" is the publication week's, "next" the coming one early in the week.
    Row(
      sentence:
        "Commuters face disruption this weekend after talks broke down.",
      published: "2019-10-25",
      text: "this weekend", value: "2019-W43", precision: .week),
    Row(
      sentence: "The fair goes ahead next weekend.", published: "2024-09-01",
      text: "next weekend", value: "2024-W36",
      precision: .week),
    Row(
      sentence: "They can clinch it at Miami next weekend.",
      published: "2022-01-03", text: "next weekend",
      value: "2022-W01", precision: .week),
    Row(
      sentence: "Temperatures should fall by the weekend.",
      published: "2024-09-01", text: "the weekend",
      value: "2024-W36", precision: .week),
    Row(
      sentence: "The campus will stay closed through the weekend.",
      published: "2017-08-26", text: "the weekend",
      value: "2017-W34", precision: .week),
    Row(
      sentence: "They met last weekend.", published: "2023-10-30",
      text: "last weekend", value: "2023-W43",
      precision: .week),
    // "this" keeps a season in the publication year whatever the tense.
    Row(
      sentence: "The fair will go ahead despite drought this summer.",
      published: "2024-09-01", text: "this summer",
      value: "2024", precision: .season),
    // Quarters: a year written, a direction, else the tense's nearest.
    Row(
      sentence:
        "Harwell reported a smaller-than-expected loss for the fourth quarter.",
      published: "2022-03-15",
      text: "the fourth quarter", value: "2021", precision: .quarter),
    Row(
      sentence: "Margins should improve in the second quarter.",
      published: "2022-03-15", text: "the second quarter",
      value: "2022", precision: .quarter),
    Row(
      sentence: "Growth will pick up in Q3.", published: "2025-02-11",
      text: "Q3", value: "2025", precision: .quarter),
    Row(
      sentence: "Sales rose from Q2 of last year.", published: "2022-03-15",
      text: "Q2 of last year", value: "2021",
      precision: .quarter),
    Row(
      sentence: "Brent fell 4% in the fourth quarter of last year.",
      published: "2025-02-11",
      text: "the fourth quarter of last year", value: "2024",
      precision: .quarter),
    Row(
      sentence: "Revenue in Q3 2023 was flat.", published: "2024-05-01",
      text: "Q3 2023", value: "2023",
      precision: .quarter),
    Row(
      sentence: "Growth slows in the current quarter.", published: "2016-04-20",
      text: "the current quarter",
      value: "2016", precision: .quarter),
    Row(
      sentence: "In the first three months of the year, it added members.",
      published: "2016-04-20",
      text: "the first three months of the year", value: "2016",
      precision: .quarter),
    Row(
      sentence: "Profit doubled in the first six months of 2023.",
      published: "2024-05-01",
      text: "the first six months of 2023", value: "2023", precision: .quarter),
    Row(
      sentence:
        "Jones completed 22 passes before sitting out the fourth quarter.",
      published: "2022-01-03", text: nil),
    // Counted from the last date mentioned.
    Row(
      sentence: "The plant closed in 2019. A year earlier, it had been sold.",
      published: "2024-05-01",
      text: "A year earlier", value: "2018", precision: .year),
    Row(
      sentence:
        "Prices are due on Wednesday, followed by producer prices a day later.",
      published: "2025-02-11",
      text: "a day later", value: "2025-02-13", precision: .day),
    Row(
      sentence:
        "The firm opened in March 2020. That month, it hired 40 people.",
      published: "2024-05-01",
      text: "That month", value: "2020-03", precision: .month),
    Row(
      sentence: "The law passed in 2010. The following year, it was repealed.",
      published: "2024-05-01",
      text: "The following year", value: "2011", precision: .year),
    // Holidays, looked up like a date without a year.
    Row(
      sentence: "Millions traveled over the Christmas holiday.",
      published: "2020-12-30", text: "Christmas",
      value: "2020-12-25", precision: .day),
    Row(
      sentence: "Stores will open on Thanksgiving.", published: "2023-11-01",
      text: "Thanksgiving", value: "2023-11-23",
      precision: .day),
    Row(
      sentence: "It was recorded on the Fourth of July.",
      published: "2023-05-18", text: "the Fourth of July",
      value: "2022-07-04", precision: .day),
    Row(
      sentence: "Services were held on Easter Sunday.", published: "2024-04-10",
      text: "Easter Sunday",
      value: "2024-03-31", precision: .day),
    Row(
      sentence: "Cuomo said the New Year's Eve celebration would go ahead.",
      published: "2020-12-30",
      text: "New Year's Eve", value: "2020-12-31", precision: .day),
    Row(
      sentence: "Ballots were dropped off on Election Day.",
      published: "2018-11-08", text: "Election Day",
      value: "2018-11-06", precision: .day),
    Row(
      sentence: "Crowds gathered on Memorial Day.", published: "2024-06-01",
      text: "Memorial Day", value: "2024-05-27",
      precision: .day),
    Row(
      sentence: "Sales peaked at Christmas 2019.", published: "2024-06-01",
      text: "Christmas 2019", value: "2019-12-25",
      precision: .day),
    // Clock times with a zone or a weekday.
    Row(
      sentence: "Results will be posted at 5 p.m. Friday.",
      published: "2018-11-08", text: "5 p.m. Friday",
      value: "2018-11-09", precision: .day),
    Row(
      sentence: "The index closed at 4 p.m. ET on Friday.",
      published: "2024-08-05", text: "4 p.m. ET",
      value: "2024-08-02", precision: .day),
    Row(
      sentence: "Trading opened at 1430 GMT.", published: "2024-08-05",
      text: "1430 GMT", value: "2024-08-05",
      precision: .day),
    // Durations: bare plural units, fractions, "multi-day".
    Row(
      sentence: "I've been clear for months.", published: "2021-06-07",
      text: "months", kind: .duration),
    Row(
      sentence: "More than 50 strike days were held.", published: "2019-10-25",
      text: nil),
    Row(
      sentence: "Shares fell in after-hours trading.", published: "2024-06-10",
      text: nil),
    Row(
      sentence: "He was sentenced to 5 1/2 years in prison.",
      published: "2023-05-18", text: "5 1/2 years",
      kind: .duration),
    Row(
      sentence: "The works lasted two and a half years.",
      published: "2023-05-18", text: "two and a half years",
      kind: .duration),
    Row(
      sentence: "This is going to be a multi-day event.",
      published: "2017-08-26", text: "multi-day", kind: .duration),
    // Frequencies.
    Row(
      sentence: "Their money is spent honestly, every day.",
      published: "2026-07-09", text: "every day", kind: .set),
    Row(
      sentence: "It was the second-highest daily toll.",
      published: "2020-12-30", text: "daily", kind: .set),
    // Two-digit decades that are ages or readings.
    Row(
      sentence: "The man, in his 20s, had no travel history.",
      published: "2020-12-30", text: nil),
    Row(
      sentence: "Temperatures should fall into the 70s.",
      published: "2024-09-01", text: nil),
    Row(
      sentence: "The band was big in the '70s.", published: "2024-09-01",
      text: "the '70s", precision: .decade),
    // Tense cues: modals, participles after "be", compounds, reporting verbs.
    Row(
      sentence: "Most Americans could be vaccinated by late spring.",
      published: "2020-12-30", text: "late spring",
      value: "2021", precision: .season),
    Row(
      sentence: "Officials warned the worst may still be ahead in January.",
      published: "2020-12-30", text: "January",
      value: "2021-01", precision: .month),
    Row(
      sentence: "A key moderate said Sunday he would not support it.",
      published: "2021-06-07", text: "Sunday",
      value: "2021-06-06", precision: .day),
    Row(
      sentence: "Republicans in May blocked the commission.",
      published: "2021-06-07", text: "May", value: "2021-05",
      precision: .month),
    Row(
      sentence:
        "Talks will resume, diplomats said, possibly as early as April 8.",
      published: "2024-03-14",
      text: "April 8", value: "2024-04-08", precision: .day),
    Row(
      sentence: "\"We will appeal,\" Ellison said in a statement Wednesday.",
      published: "2023-12-07",
      text: "Wednesday", value: "2023-12-06", precision: .day),
    // A month named alone that is part of a name or the subject of a speech verb.
    Row(
      sentence: "Theresa May declined to resign.", published: "2018-11-08",
      text: nil),
    Row(
      sentence: "May said the deal was dead.", published: "2018-11-08",
      text: nil),
    Row(
      sentence: "Jan Smith declined to comment.", published: "2018-11-08",
      text: nil),
    Row(
      sentence: "The March Madness tournament starts soon.",
      published: "2018-11-08", text: nil),
    Row(
      sentence: "February was our best month in two years.",
      published: "2022-03-15", text: "February",
      value: "2022-02", precision: .month),
    // References, and the week of a date.
    Row(
      sentence: "These days, few people write letters.",
      published: "2024-01-01", text: "These days", kind: .reference),
    Row(
      sentence: "It will not happen in the near future.",
      published: "2024-01-01", text: "the near future",
      kind: .reference),
    Row(
      sentence: "He will bring the bill to the floor the week of June 21.",
      published: "2021-06-07",
      text: "the week of June 21", value: "2021-W25", precision: .week),
  ]

  func testEachRowResolvesAsExpected() {
    let tagger = TemporalTagger()
    for row in rows {
      let found = tagger.expressions(
        in: row.sentence, published: day(row.published))
      guard let text = row.text else {
        XCTAssertEqual(found.map(\.text), [], row.sentence, line: row.line)
        continue
      }
      guard let e = found.first(where: { $0.text == text }) else {
        XCTFail(
          "\"\(text)\" not found in \"\(row.sentence)\"; found \(found.map(\.text))",
          line: row.line)
        continue
      }
      XCTAssertEqual(e.value.value, row.value, row.sentence, line: row.line)
      XCTAssertEqual(
        e.value.precision, row.precision, row.sentence, line: row.line)
      if let kind = row.kind {
        XCTAssertEqual(e.value.kind, kind, row.sentence, line: row.line)
      }
    }
  }

  func testHolidayRulesGiveTheRightDays() {
    let cases: [(rule: String, year: Int, day: String)] = [
      ("12-25", 2020, "2020-12-25"), ("easter+0", 2024, "2024-03-31"),
      ("easter+0", 2025, "2025-04-20"),
      ("easter-2", 2016, "2016-03-25"), ("11/4/4", 2023, "2023-11-23"),
      ("5/1/-1", 2024, "2024-05-27"),
      ("9/1/1", 2024, "2024-09-02"), ("1/1/3", 2025, "2025-01-20"),
      ("11/2/1/2", 2018, "2018-11-06"),
      ("11/2/1/2", 2020, "2020-11-03"), ("11/2/1/2", 2022, "2022-11-08"),
    ]
    for c in cases {
      XCTAssertEqual(
        HolidayRule(c.rule)?.day(in: c.year)?.description, c.day,
        "\(c.rule) in \(c.year)")
    }
    XCTAssertNil(HolidayRule("13/1/1"))
    XCTAssertNil(HolidayRule("christmas"))
  }

  func testEveryHolidayInTheListHasARule() throws {
    let holidays = try RuleSet(language: "en").wordClass("holidays")
    for spelling in holidays.spellings() {
      let value = try XCTUnwrap(
        holidays.byFirstToken.values.flatMap { $0 }.first {
          $0.tokens.joined(separator: " ") == spelling
        }?.value)
      XCTAssertNotNil(
        HolidayRule(value)?.day(in: 2024), "\(spelling): \(value)")
    }
  }
}
