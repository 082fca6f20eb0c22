import DatelineCore
import DatelineUI
import XCTest

/// The reducer, key by key: fold keys over a state (`press`) and check the state and, where
/// it shows, the frame. Split by concern into `UpdateTests+<Aspect>.swift`.
final class UpdateTests: XCTestCase {
  // MARK: - Moving the selection

  func testJAndDownMoveTheSelectionDownOneRecord() throws {
    let s = try Seed.state()
    XCTAssertEqual(press("j", from: s).selection, 1)
    XCTAssertEqual(press("Down", from: s).selection, 1)
    XCTAssertEqual(press("j j j", from: s).selection, 3)
  }

  func testKAndUpMoveTheSelectionUpAndStopAtTheFirstRecord() throws {
    let s = try Seed.state()
    XCTAssertEqual(press("j j k", from: s).selection, 1)
    XCTAssertEqual(press("j j Up", from: s).selection, 1)
    XCTAssertEqual(press("k", from: s).selection, 0)
    XCTAssertEqual(press("Up Up", from: s).selection, 0)
  }

  func testJStopsAtTheLastRecord() throws {
    let s = press("G j j", from: try Seed.state())
    XCTAssertEqual(s.selection, 23)
    XCTAssertEqual(s.selectedID, "biden-families-meeting")
  }

  func testPageDownSpaceAndCtrlFMoveByOneScreenLessOneLine() throws {
    for size in [size80x24, size40x10] {
      let s = try Seed.state(size)
      let page = ResultRow(Layout(s).timeline.rows - 1)
      for key in ["PageDown", "Space", "C-f"] {
        XCTAssertEqual(press(key, from: s).selection, page, "\(key) at \(size)")
      }
    }
    XCTAssertEqual(
      press("PageDown PageDown", from: try Seed.state()).selection, 23,
      "a page past the end stops on the last record")
  }

  func testPageUpBAndCtrlBMoveBackByOneScreen() throws {
    let s = press("G", from: try Seed.state(size40x10))
    let page = Layout(s).timeline.rows - 1
    for key in ["PageUp", "b", "C-b"] {
      XCTAssertEqual(press(key, from: s).selection, ResultRow(23 - page), key)
    }
    XCTAssertEqual(press("PageUp PageUp PageUp PageUp", from: s).selection, 0)
  }

  func testGAndHomeSelectTheFirstRecordAndCapitalGAndEndTheLast() throws {
    let s = try Seed.state()
    XCTAssertEqual(press("G", from: s).selection, 23)
    XCTAssertEqual(press("End", from: s).selection, 23)
    XCTAssertEqual(press("G g", from: s).selection, 0)
    XCTAssertEqual(press("End Home", from: s).selection, 0)
  }

  func testSelectingTheLastRecordScrollsItToTheBottomOfTheTimeline() throws {
    let s = press("G", from: try Seed.state())
    XCTAssertGreaterThan(s.top, 0)
    let frame = render(s)
    let timeline = Layout(s).timeline
    let bars = frame.rows(styled: .reverse, in: timeline)
    XCTAssertEqual(bars.count, 1)
    let bar = try XCTUnwrap(bars.first)
    XCTAssertTrue(
      frame.row(bar).contains("Biden set to meet families"), frame.row(bar))
    // Below the bar at most one row stays empty: a month heading and its first record need two.
    XCTAssertTrue(
      ((bar + 1)..<timeline.rows).allSatisfy { frame.row($0).isEmpty },
      frame.text)
    XCTAssertLessThanOrEqual(timeline.rows - 1 - bar, 1, frame.text)
  }

  func testTheWheelMovesTheTimelineSelectionByThree() throws {
    let s = try Seed.state()
    XCTAssertEqual(press("WheelDown", from: s).selection, 3)
    XCTAssertEqual(press("WheelDown WheelDown WheelUp", from: s).selection, 3)
    XCTAssertEqual(press("WheelUp", from: s).selection, 0)
  }

  func testTheWheelScrollsTheFocusedPaneInsteadOfTheTimeline() throws {
    let s = try Seed.state()
    let wheeled = press("o WheelDown", from: s)
    XCTAssertEqual(wheeled.selection, 0)
    XCTAssertNotNil(wheeled.sourceScroll)
    XCTAssertEqual(wheeled.sourceScroll, press("o j j j", from: s).sourceScroll)
    XCTAssertEqual(
      press("j j Enter WheelDown", from: s).detailScroll, 3,
      "the wheel scrolls the detail by three lines")
    XCTAssertEqual(press("j j Enter WheelDown", from: s).selection, 2)
  }

  // MARK: - Resize

  func testAResizeKeepsTheSelectedRecordOnScreen() throws {
    let start = press("G", from: try Seed.state())
    for size in [
      size40x10, Size(columns: 80, rows: 5), size20x5,
      Size(columns: 30, rows: 7), size120x40,
    ] {
      let s = update(start, .resize(size))
      XCTAssertEqual(s.size, size)
      XCTAssertEqual(s.selectedID, "biden-families-meeting")
      let frame = render(s)
      XCTAssertEqual(
        frame.rows(styled: .reverse, in: Layout(s).timeline).count, 1,
        "the selection bar is drawn at \(size):\n\(frame.text)")
    }
  }

  func testAResizeBelowTheMinimumAndBackKeepsTheState() throws {
    let start = press("j j j Enter", from: try Seed.state())
    let tiny = update(start, .resize(Size(columns: 10, rows: 3)))
    XCTAssertTrue(render(tiny).text.contains("terminal"), render(tiny).text)
    let back = update(tiny, .resize(size80x24))
    XCTAssertEqual(back.selection, 3)
    XCTAssertEqual(back.pane, .detail)
    XCTAssertEqual(Layout(back), Layout(start))
  }

  func testTheNextKeyClearsAMessage() throws {
    let s = press("n", from: try Seed.state())
    XCTAssertNotNil(s.message)
    XCTAssertNil(press("j", from: s).message)
  }
}
