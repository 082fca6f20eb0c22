import DatelineCore
import XCTest

/// `t` targets (dates and `-1w`-style steps), calendar steps and typed date ranges.
final class JumpTargetTests: XCTestCase {
  func day(_ s: String) throws -> CalendarDay {
    try XCTUnwrap(RecordDate.parse(s)).firstDay
  }

  func testOffsetsParseWithASignACountAndAUnit() {
    let table: [(String, DateOffset?)] = [
      ("-1w", DateOffset(amount: -1, unit: .week)),
      ("+1m", DateOffset(amount: 1, unit: .month)),
      ("-3d", DateOffset(amount: -3, unit: .day)),
      ("+1y", DateOffset(amount: 1, unit: .year)),
      ("+12D", DateOffset(amount: 12, unit: .day)),
      ("-99999d", DateOffset(amount: -99999, unit: .day)),
      ("1w", nil), ("+w", nil), ("+1", nil), ("-1x", nil), ("+1.5d", nil),
      ("+-1d", nil), ("", nil),
      ("+123456d", nil), ("−1w", nil),
    ]
    for (text, expected) in table {
      XCTAssertEqual(DateOffset.parse(text), expected, text)
    }
  }

  func testJumpTargetsAreDatesOrOffsetsAndNothingElse() throws {
    XCTAssertEqual(
      JumpTarget.parse("2023-12"),
      .date(try XCTUnwrap(RecordDate.parse("2023-12"))))
    XCTAssertEqual(
      JumpTarget.parse(" -1w "), .offset(DateOffset(amount: -1, unit: .week)))
    XCTAssertNil(JumpTarget.parse("soon"))
    XCTAssertNil(JumpTarget.parse("2023-13"))
  }

  func testOffsetsCountFromTheSelectedDay() throws {
    let from = try day("2023-12-12")
    let table: [(String, String)] = [
      ("-1w", "2023-12-05"), ("+1w", "2023-12-19"), ("-3d", "2023-12-09"),
      ("+1m", "2024-01-12"),
      ("-1m", "2023-11-12"), ("+1y", "2024-12-12"), ("-12m", "2022-12-12"),
      ("+0d", "2023-12-12"),
    ]
    for (text, expected) in table {
      let target = try XCTUnwrap(JumpTarget.parse(text))
      XCTAssertEqual(target.day(from: from), try day(expected), text)
    }
    XCTAssertNil(
      JumpTarget.parse("-1w")?.day(from: nil), "an offset needs a selection")
    XCTAssertEqual(
      JumpTarget.parse("2023")?.day(from: nil), try day("2023-01-01"),
      "a date does not")
  }

  func testMonthStepsClampToTheEndOfAShorterMonth() throws {
    XCTAssertEqual(
      try day("2024-01-31").adding(months: 1), try day("2024-02-29"))
    XCTAssertEqual(
      try day("2023-01-31").adding(months: 1), try day("2023-02-28"))
    XCTAssertEqual(
      try day("2024-02-29").adding(years: 1), try day("2025-02-28"))
    XCTAssertEqual(
      try day("2024-03-31").adding(months: -1), try day("2024-02-29"))
    XCTAssertEqual(
      try day("2023-12-15").adding(months: -12), try day("2022-12-15"))
    XCTAssertNil(try day("9999-12-01").adding(months: 1), "past year 9999")
    XCTAssertNil(try day("0001-01-01").adding(days: 0).adding(months: -1))
    XCTAssertNil(DateOffset.parse("-1d")?.apply(to: try day("0001-01-01")))
  }

  func testWeekMonthAndYearStarts() throws {
    XCTAssertEqual(
      try day("2023-12-13").startOfWeek, try day("2023-12-11"),
      "a Wednesday's Monday")
    XCTAssertEqual(try day("2023-12-11").startOfWeek, try day("2023-12-11"))
    XCTAssertEqual(
      try day("2023-12-17").startOfWeek, try day("2023-12-11"),
      "Sunday ends the ISO week")
    XCTAssertEqual(try day("2023-12-13").startOfMonth, try day("2023-12-01"))
    XCTAssertEqual(try day("2023-12-13").startOfYear, try day("2023-01-01"))
  }

  // MARK: - Date ranges

  func testRangesParseInEveryTypedForm() throws {
    func d(_ s: String) throws -> RecordDate {
      try XCTUnwrap(RecordDate.parse(s))
    }
    let table: [(String, DateRange?)] = [
      (
        "2023-11..2023-12-12",
        DateRange(since: try d("2023-11"), until: try d("2023-12-12"))
      ),
      ("2023-12..", DateRange(since: try d("2023-12"))),
      ("..2023-12-12", DateRange(until: try d("2023-12-12"))),
      (
        "2023-11…2023-12",
        DateRange(since: try d("2023-11"), until: try d("2023-12"))
      ),
      (
        " 2023-11 .. 2023-12 ",
        DateRange(since: try d("2023-11"), until: try d("2023-12"))
      ),
      ("2023-12", DateRange(since: try d("2023-12"), until: try d("2023-12"))),
      ("", DateRange()), ("  ", DateRange()), ("..", DateRange()),
      ("2023-13..", nil), ("..soon", nil), ("last week", nil),
    ]
    for (text, expected) in table {
      XCTAssertEqual(DateRange.parse(text), expected, "\"\(text)\"")
    }
  }

  func testARangeReadsBackAsItParses() throws {
    for text in [
      "2023-11..2023-12-12", "2023-12..", "..2023-12-12", "2023-12",
      "2023..2024",
    ] {
      let range = try XCTUnwrap(DateRange.parse(text))
      XCTAssertEqual(range.description, text)
      XCTAssertEqual(DateRange.parse(range.description), range)
    }
    XCTAssertTrue(try XCTUnwrap(DateRange.parse("2023-12..2023-11")).isInverted)
    XCTAssertFalse(
      try XCTUnwrap(DateRange.parse("2023-12..2023-12-01")).isInverted)
  }
}
