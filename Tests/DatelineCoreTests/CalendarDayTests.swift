import DatelineCore
import XCTest

/// `CalendarDay`: proleptic Gregorian days as integers, day 0 = 1970-01-01.
final class CalendarDayTests: XCTestCase {
  /// Month lengths written out here, independently of `CalendarDay.daysIn`.
  private func monthLength(_ month: Int, _ year: Int) -> Int {
    let leap = year % 400 == 0 || (year % 4 == 0 && year % 100 != 0)
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
      month - 1]
  }

  func testKnownDaysHaveTheirDayNumbers() {
    let table: [(Int, Int, Int, Int32)] = [
      (1970, 1, 1, 0), (1969, 12, 31, -1), (1970, 1, 2, 1),
      (2000, 1, 1, 10_957),
      (2000, 3, 1, 11_017), (2023, 12, 12, 19_703), (1, 1, 1, -719_162),
      (9999, 12, 31, 2_932_896),
    ]
    for (y, m, d, n) in table {
      XCTAssertEqual(
        CalendarDay(year: y, month: m, day: d)?.dayNumber, n, "\(y)-\(m)-\(d)")
    }
  }

  func testEveryDayFromYear1ToYear9999RoundTripsAndIsOneAfterThePrevious() {
    var (y, m, d) = (1, 1, 1)
    var expected: Int32 = -719_162
    // 0001-01-01 was a Monday in the proleptic Gregorian calendar
    var weekday = 1
    var checked = 0
    while y <= 9999 {
      // Checking every day costs a few seconds in debug builds; all of the first and last
      // 500 years plus the 1st, 28th–31st of every month elsewhere cover every boundary.
      let dense = y <= 500 || y >= 9500 || (1900...2100).contains(y)
      if dense || d == 1 || d >= 28 {
        guard let day = CalendarDay(year: y, month: m, day: d) else {
          XCTFail("\(y)-\(m)-\(d) should exist")
          return
        }
        if day.dayNumber != expected || day.year != y || day.month != m
          || day.day != d
          || day.weekday != weekday
        {
          XCTFail(
            "\(y)-\(m)-\(d): day \(day.dayNumber) (expected \(expected)), civil \(day.civil), weekday \(day.weekday) (expected \(weekday))"
          )
          return
        }
        let back = CalendarDay(dayNumber: expected)
        XCTAssertEqual(back, day)
        checked += 1
      }
      expected += 1
      weekday = weekday % 7 + 1
      d += 1
      if d > monthLength(m, y) {
        d = 1
        m += 1
        if m > 12 {
          m = 1
          y += 1
        }
      }
    }
    XCTAssertEqual(
      expected, 2_932_897, "the walk ended the day after 9999-12-31")
    XCTAssertGreaterThan(checked, 500_000)
  }

  func testDescriptionIsZeroPaddedISO() {
    XCTAssertEqual(
      CalendarDay(year: 1, month: 2, day: 3)?.description, "0001-02-03")
    XCTAssertEqual(
      CalendarDay(year: 2023, month: 12, day: 12)?.description, "2023-12-12")
    XCTAssertEqual(CalendarDay(dayNumber: 0).description, "1970-01-01")
  }

  func testDaysThatDoNotExistAreNil() {
    let table: [(Int, Int, Int)] = [
      (2023, 2, 29), (2023, 2, 30), (1900, 2, 29), (2100, 2, 29), (2023, 4, 31),
      (2023, 6, 31),
      (2023, 9, 31), (2023, 11, 31), (2023, 13, 1), (2023, 0, 1), (2023, 1, 0),
      (2023, 1, 32),
      (0, 1, 1), (10000, 1, 1), (-1, 1, 1),
    ]
    for (y, m, d) in table {
      XCTAssertNil(CalendarDay(year: y, month: m, day: d), "\(y)-\(m)-\(d)")
    }
    XCTAssertNotNil(CalendarDay(year: 2000, month: 2, day: 29))
    XCTAssertNotNil(CalendarDay(year: 2024, month: 2, day: 29))
  }

  func testWeekdaysAreISOMondayOneToSundaySeven() {
    let table: [(Int, Int, Int, Int)] = [
      (1970, 1, 1, 4), (2023, 12, 12, 2), (2023, 12, 13, 3), (2000, 1, 1, 6),
      (1, 1, 1, 1),
      (1969, 12, 28, 7), (1969, 12, 29, 1), (2024, 2, 29, 4), (2023, 10, 7, 6),
      (1900, 1, 1, 1),
    ]
    for (y, m, d, w) in table {
      XCTAssertEqual(
        CalendarDay(year: y, month: m, day: d)?.weekday, w, "\(y)-\(m)-\(d)")
    }
  }

  func testAddingDaysCrossesMonthYearAndLeapDay() throws {
    let start = try XCTUnwrap(CalendarDay(year: 2023, month: 12, day: 31))
    XCTAssertEqual(start.adding(days: 1).description, "2024-01-01")
    XCTAssertEqual(start.adding(days: 60).description, "2024-02-29")
    XCTAssertEqual(start.adding(days: 61).description, "2024-03-01")
    XCTAssertEqual(start.adding(days: -365).description, "2022-12-31")
    XCTAssertEqual(start.adding(days: 0), start)
  }

  func testDaysCompareByTheirNumber() throws {
    let a = try XCTUnwrap(CalendarDay(year: 1969, month: 12, day: 31))
    let b = try XCTUnwrap(CalendarDay(year: 1970, month: 1, day: 1))
    XCTAssertLessThan(a, b)
    XCTAssertFalse(b < a)
    XCTAssertEqual(b, CalendarDay(dayNumber: 0))
  }
}
