import XCTest

@testable import DatelineCore

/// `DateLabel.compactWidth` counts what `DateLabel.compact` builds: every start
/// precision, every end precision in the same year and another, times, approximate
/// dates, and years outside four digits (a store's day numbers can hold them).
final class DateLabelWidthTests: XCTestCase {
  func testTheWidthOfEveryShapeOfLabelIsTheWidthOfTheLabelBuilt() {
    let days: [Int32] = [
      -719_162, 0, 19_695, 19_723, 19_999, 2_932_896, 3_000_000, -800_000,
    ]
    let precisions: [DatePrecision] = [.day, .week, .month, .year]
    var starts: [RecordDate] = []
    for d in days {
      for p in precisions {
        starts.append(
          RecordDate(firstDay: CalendarDay(dayNumber: d), precision: p))
      }
    }
    var checked = 0
    for date in starts {
      var ends: [RecordDate?] = [nil]
      for later: Int32 in [3, 40, 400] {
        for p in precisions {
          ends.append(
            RecordDate.ending(
              on: CalendarDay(dayNumber: date.firstDay.dayNumber + later),
              precision: p))
        }
      }
      for end in ends {
        for minutes: Int16? in [nil, 0, 59, 600, 1439] {
          for approx in [false, true] {
            let label = DateLabel.compact(
              date: date, end: end, minutes: minutes, approx: approx)
            let width = DateLabel.compactWidth(
              date: date, end: end, minutes: minutes, approx: approx)
            let start = DateLabel.base(date) + "…" + (approx ? " ~" : "")
            XCTAssertEqual(width.whole, DisplayWidth.of(label), label)
            XCTAssertEqual(width.isSpan, end != nil, label)
            XCTAssertEqual(
              width.shortened,
              end == nil ? DisplayWidth.of(label) : DisplayWidth.of(start),
              label)
            checked += 1
          }
        }
      }
    }
    XCTAssertEqual(checked, 32 * 13 * 5 * 2)
  }
}
