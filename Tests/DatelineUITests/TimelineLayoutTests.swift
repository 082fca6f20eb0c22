import DatelineCore
import XCTest

@testable import DatelineUI

/// Layout that adapts (issue 14): the date column, headlines scrolled sideways, and a
/// grown window filled with records; at 20x5, 80x24 and 200x50.
final class TimelineLayoutTests: XCTestCase {
  static let sizes = PaneModelTests.sizes

  /// The drawn row of the record with `id`, or nil when it is not on screen.
  func row(of id: Record.ID, in s: BrowserState) -> String? {
    guard
      let headline = s.corpus.records.first(where: { $0.id == id })?.headline
    else { return nil }
    let frame = render(s)
    return (0..<max(0, s.size.rows - 1)).map { frame.row($0) }.first {
      $0.contains(String(headline.prefix(8)))
    }
  }

  func testOneLongSpanIsShortenedInItsRowInsteadOfWideningTheDateColumn() throws
  {
    // The date column never takes more than half a narrow pane.
    XCTAssertEqual(
      TimelineColumns(try Seed.state(Size(columns: 20, rows: 5)), width: 20)
        .dateWidth, 8)
    // The seed's first span reads 2023-10-07…11-30 ~ (18 columns); single dates need at
    // most 15 (wk 2023-12-06 ~), so the column is 15 wide and the span shows its start.
    let s = try Seed.state(Size(columns: 80, rows: 24))
    let columns = TimelineColumns(s, width: 80).dateWidth
    XCTAssertEqual(columns, 15)
    let span = try XCTUnwrap(render(s).row(2))
    XCTAssertTrue(span.hasPrefix(" 2023-10-07… ~   ●"), span)
    // Every record's headline starts in the same column, where the layout says.
    let frame = render(s)
    let start = TimelineColumns(s, width: 80).headlineStart
    for r in 0..<Layout(s).timeline.rows where !frame.row(r).hasPrefix("──") {
      let i = try XCTUnwrap(TimelinePane.row(s, at: r, in: Layout(s).timeline))
      let cells = (start..<start + 4).map { frame[$0, r].grapheme }.joined()
      XCTAssertEqual(
        cells, String(s.corpus.records[s.rows[i]].headline.prefix(4)),
        "row \(r): \(frame.row(r))")
    }
  }

  func testWhenSpansAreMostRowsTheColumnShowsThemWhole() {
    XCTAssertEqual(DateColumn.shortened("2023-10-07…11-30 ~"), "2023-10-07… ~")
    XCTAssertEqual(DateColumn.shortened("2023-11-24…11-30"), "2023-11-24…")
    XCTAssertEqual(
      DateColumn.label("2023-10-07…11-30 ~", width: 15), "2023-10-07… ~")
    XCTAssertEqual(
      DateColumn.label("2023-10-07…11-30 ~", width: 11), "2023-10-07…")
    XCTAssertEqual(DateColumn.label("2023-12-12", width: 15), "2023-12-12")
  }

  func testRightScrollsHalfTheHeadlineColumnAndMarksBothCuts() throws {
    for size in Self.sizes {
      // At 200x50 the headlines fit beside nothing: open the detail so the timeline is narrower.
      let keys = size == PaneModelTests.size200x50 ? "Enter Tab" : ""
      let start = press(keys, from: try Seed.state(size))
      let step = start.headlineColumns / 2
      let right = press("Right", from: start)
      XCTAssertEqual(
        right.headlineOffset, min(max(1, step), start.maxHeadlineOffset),
        "\(size)")
      XCTAssertEqual(
        press("l", from: start).headlineOffset, right.headlineOffset,
        "\(size): l is →")
      XCTAssertEqual(
        press("Right Left", from: start).headlineOffset, 0,
        "\(size): ← comes back")
      XCTAssertEqual(
        press("Right h", from: start).headlineOffset, 0, "\(size): h is ←")
      XCTAssertEqual(
        press("Left", from: start).headlineOffset, 0, "\(size): never below 0")
      let far = press(
        Array(repeating: "l", count: 40).joined(separator: " "), from: start)
      XCTAssertEqual(
        far.headlineOffset, start.maxHeadlineOffset,
        "\(size): stops at the longest headline's end")
      // j, g and Home move the selection and keep the offset (as lnav keeps its column).
      XCTAssertEqual(
        press("j g Home", from: right).headlineOffset, right.headlineOffset,
        "\(size)")
      XCTAssertEqual(press("j g Home", from: right).selection, 0, "\(size)")
      assertGolden(render(right), "headline-scrolled")
      if size.rows > 5 {
        let frame = render(right)
        let cut = (0..<size.rows - 1).map { frame.row($0) }.filter {
          $0.contains("…") && !$0.hasPrefix("──")
        }
        XCTAssertFalse(cut.isEmpty, "\(size): scrolled rows show the cut mark")
      }
    }
  }

  func testTheFartherRowsOfAWideWindowHaveNothingToScroll() throws {
    let s = press("l", from: try Seed.state(PaneModelTests.size200x50))
    XCTAssertEqual(s.headlineOffset, 0)
    XCTAssertEqual(s.message, "the headlines fit: nothing to scroll")
  }

  func testGrowingTheWindowClampsTheOffsetAndShrinkingKeepsIt() throws {
    let narrow = press(
      "l l l l l l l l l l", from: try Seed.state(Size(columns: 60, rows: 24)))
    XCTAssertGreaterThan(narrow.headlineOffset, 0)
    let wide = update(narrow, .resize(Size(columns: 120, rows: 24)))
    XCTAssertEqual(
      wide.headlineOffset, wide.maxHeadlineOffset,
      "clamped when the window grows")
    XCTAssertLessThan(wide.headlineOffset, narrow.headlineOffset)
    let huge = update(narrow, .resize(Size(columns: 200, rows: 50)))
    XCTAssertEqual(huge.headlineOffset, 0, "everything fits: no offset")
    let back = update(narrow, .resize(Size(columns: 50, rows: 24)))
    XCTAssertEqual(
      back.headlineOffset, narrow.headlineOffset,
      "shrinking keeps what the reader chose")
    assertSound(render(wide), "wide")
  }

  func testAfterGrowingTheWindowEveryRecordThatFitsIsShown() throws {
    // 24 records and 3 month separators need 27 rows; the strip one more.
    for from in [
      Size(columns: 20, rows: 5), Size(columns: 80, rows: 10),
      Size(columns: 80, rows: 24),
    ] {
      let bottom = press("G", from: try Seed.state(from))
      XCTAssertGreaterThan(bottom.top, 0, "\(from)")
      for to in [Size(columns: 80, rows: 40), Size(columns: 200, rows: 50)] {
        let grown = update(bottom, .resize(to))
        XCTAssertEqual(
          grown.top, 0, "\(from) → \(to): scrolled back to the first record")
        XCTAssertEqual(grown.selection, 23)
        let frame = render(grown)
        XCTAssertTrue(
          frame.row(0).hasPrefix("── October 2023"), "\(from) → \(to)")
        let last = try XCTUnwrap(grown.selectedRecord?.headline)
        XCTAssertTrue(
          (0..<to.rows - 1).contains {
            frame.row($0).contains(String(last.prefix(10)))
          })
      }
      // With a pane open below, the timeline grows too and its last line is used.
      let withPane = press("G Enter", from: try Seed.state(from))
      for to in [Size(columns: 80, rows: 60), Size(columns: 200, rows: 50)] {
        let grown = update(withPane, .resize(to))
        let height = grown.timelineRows
        XCTAssertTrue(
          grown.top == 0
            || grown.linesFrom(grown.top, limit: height + 1) >= height,
          "\(from) → \(to) with the detail open")
        XCTAssertLessThan(grown.top, withPane.top, "\(from) → \(to)")
      }
    }
  }
}

/// The density strip's date axis (issue 14), as `dateline list --histogram` prints it.
final class StripAxisTests: XCTestCase {
  func testTheAxisPutsTheFirstDateUnderTheFirstBarAndTheLastEndingUnderTheLast()
    throws
  {
    for size in PaneModelTests.sizes {
      let s = try Seed.state(size)
      let frame = render(s)
      assertGolden(frame, "strip-axis")
      guard let strip = Layout(s).strip else {
        XCTAssertEqual(size, size20x5, "only the tiny screen has no strip")
        continue
      }
      XCTAssertEqual(strip.rows, 2, "\(size)")
      let bars = frame.row(strip.row)
      let axis = frame.row(strip.row + 1)
      XCTAssertTrue(axis.hasPrefix(" 2023-10-07 "), "\(size): \(axis)")
      XCTAssertTrue(axis.contains("per day, █ = 16"), "\(size): \(axis)")
      let lastBar = Array(bars).lastIndex { Sparkline.levels.contains($0) }
      XCTAssertEqual(
        Array(axis).count - 1, lastBar,
        "\(size): 2023-12-13 ends under the last bar:\n\(bars)\n\(axis)")
      XCTAssertTrue(axis.hasSuffix("2023-12-13"), "\(size): \(axis)")
    }
  }

  func testNarrowBarsGetTheDatesSideBySideAndTheLegendStaysBesideThem() {
    XCTAssertEqual(
      StripAxis.line(
        first: "2023-10-02", last: "2023-12-11", legend: "per week, █ = 17",
        width: 11, room: 39),
      "2023-10-02 … 2023-12-11")
    XCTAssertEqual(
      StripAxis.line(
        first: "2023", last: "2023", legend: "per year, █ = 2", width: 1,
        room: 30),
      "2023   per year, █ = 2")
    XCTAssertEqual(
      StripAxis.line(
        first: "2023-10-02", last: "2023-12-11", legend: "per week, █ = 17",
        width: 24, room: 39),
      "2023-10-02    2023-12-11")
    XCTAssertEqual(
      StripAxis.line(
        first: "2023-10-02", last: "2023-12-11", legend: "per week, █ = 17",
        width: 80, room: 20),
      "2023-10-02…")
  }

  func testOnSixRowsTheStripKeepsOneRowForTheBars() throws {
    let s = try Seed.state(Size(columns: 60, rows: 7))
    XCTAssertEqual(Layout(s).strip?.rows, 1)
    XCTAssertTrue(
      render(s).row(5).contains(" per week, █ = 17"),
      "the legend beside the bars: \(render(s).row(5))")
  }
}
