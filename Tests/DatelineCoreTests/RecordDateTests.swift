import DatelineCore
import XCTest

/// SCHEMA.md "Record" `date`: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, the length gives the
/// precision; `date_precision: "week"` is the 7 days starting that day.
final class RecordDateTests: XCTestCase {
  func testValidDatesParseWithThePrecisionGivenByTheirLength() {
    let table:
      [(text: String, precision: DatePrecision, first: String, last: String)] =
        [
          ("2023-12-04", .day, "2023-12-04", "2023-12-04"),
          ("2024-02-29", .day, "2024-02-29", "2024-02-29"),
          ("2000-02-29", .day, "2000-02-29", "2000-02-29"),
          ("0001-01-01", .day, "0001-01-01", "0001-01-01"),
          ("9999-12-31", .day, "9999-12-31", "9999-12-31"),
          ("2023-12", .month, "2023-12-01", "2023-12-31"),
          ("2023-01", .month, "2023-01-01", "2023-01-31"),
          ("2023-02", .month, "2023-02-01", "2023-02-28"),
          ("2024-02", .month, "2024-02-01", "2024-02-29"),
          ("1900-02", .month, "1900-02-01", "1900-02-28"),
          ("2000-02", .month, "2000-02-01", "2000-02-29"),
          ("2023-04", .month, "2023-04-01", "2023-04-30"),
          ("2023-06", .month, "2023-06-01", "2023-06-30"),
          ("2023-09", .month, "2023-09-01", "2023-09-30"),
          ("2023-11", .month, "2023-11-01", "2023-11-30"),
          ("2023-07", .month, "2023-07-01", "2023-07-31"),
          ("2023-08", .month, "2023-08-01", "2023-08-31"),
          ("2023", .year, "2023-01-01", "2023-12-31"),
          ("2024", .year, "2024-01-01", "2024-12-31"),
          ("9999", .year, "9999-01-01", "9999-12-31"),
        ]
    for row in table {
      guard let date = RecordDate.parse(row.text) else {
        XCTFail("\(row.text) should parse")
        continue
      }
      XCTAssertEqual(date.precision, row.precision, row.text)
      XCTAssertEqual(date.firstDay.description, row.first, row.text)
      XCTAssertEqual(date.lastDay.description, row.last, row.text)
      XCTAssertEqual(date.description, row.text, "a date prints as written")
    }
  }

  func testInvalidFormsAndImpossibleDaysDoNotParse() {
    let table = [
      "2023-02-30", "2023-02-29", "1900-02-29", "2023-04-31", "2023-1-5",
      "2023-13-01", " 2023",
      "2023 ", "2023-12-1", "2023-1-05", "20231", "0000", "0000-01-01", "",
      "2023-00",
      "2023-12-00", "2023-12-32", "2023/12/01", "2023.12.01", "2023-12-01 ",
      "2023-12-01T10:00",
      "+2023", "-2023", "２０２３", "2023-12-3a", "abcd", "12-2023", "2023-12-01-",
      "99999",
      "2023-W49", "2023-12-1\u{0}",
    ]
    for text in table {
      XCTAssertNil(
        RecordDate.parse(text), "\(text.debugDescription) should not parse")
    }
  }

  func testAWeekCoversSevenDaysStartingItsDayAcrossMonthAndYearEnds() {
    let table: [(first: String, last: String)] = [
      ("2023-12-04", "2023-12-10"),
      ("2023-12-28", "2024-01-03"),
      ("2024-02-26", "2024-03-03"),  // leap February: 26, 27, 28, 29, 1, 2, 3
      ("2023-02-26", "2023-03-04"),
      ("2023-01-01", "2023-01-07"),
    ]
    for row in table {
      guard let day = RecordDate.parse(row.first) else {
        XCTFail(row.first)
        continue
      }
      let week = RecordDate(firstDay: day.firstDay, precision: .week)
      XCTAssertEqual(week.lastDay.description, row.last, row.first)
      XCTAssertEqual(week.lastDay.dayNumber - week.firstDay.dayNumber, 6)
      XCTAssertEqual(week.description, row.first, "a week prints as its day")
    }
  }

  func testPrecisionsOrderFromFinestToCoarsest() {
    XCTAssertEqual(
      DatePrecision.allCases.sorted(), [.day, .week, .month, .year])
    XCTAssertLessThan(DatePrecision.day, .week)
    XCTAssertLessThan(DatePrecision.week, .month)
    XCTAssertLessThan(DatePrecision.month, .year)
  }

  func testTimesOfDayParseOnlyAsHHMMWithinTheDay() {
    let valid = [("00:00", 0), ("09:30", 570), ("23:59", 1439), ("12:00", 720)]
    for (text, minutes) in valid {
      XCTAssertEqual(TimeOfDay(text)?.minutes, Int16(minutes), text)
      XCTAssertEqual(TimeOfDay(text)?.description, text)
    }
    for text in [
      "24:00", "12:60", "9:30", "09:3", "0930", "09-30", "", " 9:30", "09:30 ",
      "ab:cd", "99:99",
    ] {
      XCTAssertNil(TimeOfDay(text), text.debugDescription)
    }
  }

  func testUTCOffsetsMustBeSignedHHMM() {
    for text in ["+02:00", "-05:30", "+00:00", "+14:00", "-12:00"] {
      XCTAssertTrue(TimeOfDay.isValidOffset(text), text)
    }
    for text in [
      "+2:00", "02:00", "+02:60", "+15:00", "+0200", "Z", "", "+02:00 ", "UTC",
    ] {
      XCTAssertFalse(TimeOfDay.isValidOffset(text), text.debugDescription)
    }
  }
}
