import DatelineCore
import XCTest

@testable import DatelineUI

/// The mouse (issue 14): a click selects a row or focuses a pane, the wheel scrolls the
/// pane under the pointer (3 lines, 1 with Shift), a click on a status chip removes that
/// filter; at 20x5, 80x24 and 200x50.
final class MouseTests: XCTestCase {
  static let sizes = PaneModelTests.sizes

  func mouse(
    _ action: MouseInput.Action, _ column: Int, _ row: Int, shift: Bool = false
  ) -> Key {
    .mouse(
      MouseInput(action, at: Position(column: column, row: row), shift: shift))
  }

  /// The screen row on which the record at `rows[i]` is drawn.
  func screenRow(of i: ResultRow, in s: BrowserState) -> Int? {
    let rect = Layout(s).timeline
    return (rect.row..<rect.row + rect.rows).first {
      TimelinePane.row(s, at: $0, in: rect) == i
        && !render(s).row($0).hasPrefix("──")
    }
  }

  func testAClickOnARowSelectsItAndAClickOnAMonthHeadingSelectsTheMonthsFirst()
    throws
  {
    for size in Self.sizes {
      let s = try Seed.state(size)
      // At 20x5 the third record is below the screen.
      let last: ResultRow = size.rows > 5 ? 2 : 1
      let row = try XCTUnwrap(screenRow(of: last, in: s), "\(size)")
      let clicked = press([mouse(.press, 5, row)], from: s)
      XCTAssertEqual(clicked.selection, last, "\(size)")
      let frame = render(clicked)
      XCTAssertTrue(
        frame.row(row).hasPrefix("▸"),
        "\(size): the pointer is on the clicked row: \(frame.row(row))")
      // Row 0 is October's heading: its first record.
      XCTAssertEqual(
        press([mouse(.press, 3, 0)], from: press("j", from: s)).selection, 0,
        "\(size)")
      // Below the last record (or on the status line with no chip): nothing changes.
      XCTAssertEqual(
        press([mouse(.press, 0, size.rows - 1)], from: press("j", from: s))
          .selection, 1, "\(size)")
    }
  }

  func testAClickFocusesThePaneAndAClickOnTheTimelineGivesTheKeysBack() throws {
    for size in Self.sizes where size.rows > 5 {
      let open = press("j Enter", from: try Seed.state(size))
      XCTAssertEqual(open.focus, .pane)
      let layout = Layout(open)
      let pane = try XCTUnwrap(layout.pane)
      let back = press(
        [mouse(.press, layout.timeline.column + 2, layout.timeline.row + 1)],
        from: open)
      XCTAssertEqual(back.focus, .timeline, "\(size)")
      XCTAssertEqual(
        back.selection, 0, "\(size): the click selected the first record")
      let again = press(
        [mouse(.press, pane.column + 2, pane.row + 2)], from: back)
      XCTAssertEqual(again.focus, .pane, "\(size)")
      XCTAssertEqual(again.pane, .detail)
      XCTAssertTrue(
        render(again).row(pane.row).contains("Esc: timeline"),
        "\(size): the title says the pane has the keys")
    }
  }

  func testTheWheelScrollsTheAreaUnderThePointerThreeLinesOrOneWithShift()
    throws
  {
    for size in Self.sizes {
      let s = try Seed.state(size)
      XCTAssertEqual(
        press([mouse(.wheelDown, 4, 1)], from: s).selection, 3, "\(size)")
      XCTAssertEqual(
        press([mouse(.wheelDown, 4, 1, shift: true)], from: s).selection, 1,
        "\(size)")
      XCTAssertEqual(
        press(
          [mouse(.wheelDown, 4, 1), mouse(.wheelUp, 4, 1, shift: true)], from: s
        ).selection, 2, "\(size)")
    }
    // The detail pane scrolls under the pointer while the timeline keeps the keys.
    for size in [
      size80x24, PaneModelTests.size100x24, PaneModelTests.size200x50,
    ] {
      let open = press(
        "j j j j j j j j j j j j j Enter Tab", from: try Seed.state(size))
      XCTAssertEqual(open.focus, .timeline)
      let pane = try XCTUnwrap(Layout(open).pane)
      let wheeled = press(
        [mouse(.wheelDown, pane.column + 3, pane.row + 3)], from: open)
      // At 200x50 the whole record fits beside the timeline: nothing to scroll.
      let view = DetailPane.viewport(open)
      let most = max(0, view.rows.count - view.height)
      XCTAssertEqual(wheeled.detailScroll, min(3, most), "\(size)")
      XCTAssertEqual(
        wheeled.selection, 13, "\(size): the timeline did not move")
      XCTAssertEqual(
        wheeled.focus, .timeline, "\(size): the wheel does not take focus")
      let one = press(
        [mouse(.wheelDown, pane.column + 3, pane.row + 3, shift: true)],
        from: open)
      XCTAssertEqual(one.detailScroll, min(1, most), "\(size)")
    }
  }

  func testAClickOnAStatusChipRemovesThatFilterOnly() throws {
    for size in Self.sizes {
      // Two parties (any), then a range: three chips, and the counts change with each.
      let s = press("1 2 r 2023-12 Enter", from: try Seed.state(size))
      let text = StatusText(s, columns: size.columns)
      let status = size.rows - 1
      XCTAssertFalse(s.query.parties.selected.isEmpty, "\(size)")
      guard let first = text.chips.first else {
        XCTFail("\(size): no chip drawn")
        continue
      }
      let clicked = press(
        [mouse(.press, first.columns.lowerBound, status)], from: s)
      XCTAssertEqual(
        clicked.query.parties.selected.count,
        s.query.parties.selected.count - 1, "\(size)")
      XCTAssertEqual(
        clicked.query.dateRange, s.query.dateRange, "\(size): the range stays")
      if let range = text.chips.first(where: { $0.removal == .dateRange }) {
        let cleared = press(
          [mouse(.press, range.columns.upperBound - 1, status)], from: s)
        XCTAssertTrue(cleared.query.dateRange.isEmpty, "\(size)")
        XCTAssertEqual(cleared.query.parties, s.query.parties, "\(size)")
      }
      // The chip's columns are where the status line draws its text.
      let line = render(s).row(status)
      let chars = Array(line)
      if first.columns.upperBound <= chars.count {
        XCTAssertEqual(chars[first.columns.lowerBound], "[", "\(size): \(line)")
      }
      // Between chips and on the counts nothing happens.
      XCTAssertEqual(
        press([mouse(.press, 1, status)], from: s).query, s.query, "\(size)")
    }
  }

  func testASearchChipClickEndsTheSearch() throws {
    let s = press("/ hamas Enter", from: try Seed.state(size80x24))
    let chip = try XCTUnwrap(
      StatusText(s, columns: 80).chips.first { $0.removal == .search })
    XCTAssertEqual(
      press([mouse(.press, chip.columns.lowerBound + 1, 23)], from: s).search,
      "")
  }

  func testMouseWordsParseForScreenKeys() {
    XCTAssertEqual(
      KeyNames.parse("Click@3,4 S-WheelDown@0,1 WheelUp@2,2"),
      [
        mouse(.press, 3, 4), mouse(.wheelDown, 0, 1, shift: true),
        mouse(.wheelUp, 2, 2),
      ])
    XCTAssertEqual(
      KeyNames.parse("Click@x,4"), "Click@x,4".map { Key.character($0) })
  }

  func testOverAListOnlyAClickClosesHelpAndPromptsIgnoreTheMouse() throws {
    let help = press("?", from: try Seed.state(size80x24))
    XCTAssertNotNil(
      press([mouse(.wheelDown, 3, 3)], from: help).overlay,
      "the wheel does not close help")
    XCTAssertNil(press([mouse(.press, 3, 3)], from: help).overlay)
    let prompt = press("/ ham", from: try Seed.state(size80x24))
    XCTAssertEqual(
      press([mouse(.press, 3, 3)], from: prompt).prompt, prompt.prompt)
  }
}
