import DatelineCore
import DatelineUI
import XCTest

extension UpdateTests {
  // MARK: - Detail and source panes

  func testEnterOpensTheDetailOfTheSelectedRecordAndFocusesIt() throws {
    let s = press("j Enter", from: try Seed.state())
    XCTAssertEqual(s.pane, .detail)
    XCTAssertEqual(s.focus, .pane)
    let frame = render(s)
    let pane = try XCTUnwrap(Layout(s).pane)
    XCTAssertEqual(
      frame.rowTexts(in: pane).first,
      " Detail (Esc: timeline, Enter: follow link)")
    XCTAssertTrue(
      frame.rowTexts(in: pane)[1].hasPrefix(
        " First round of hostage negotiations"), frame.text)
  }

  func testOTogglesTheSourcePaneAndMovesFocusToIt() throws {
    let s = try Seed.state()
    let open = press("o", from: s)
    XCTAssertEqual(open.pane, .source)
    XCTAssertEqual(open.focus, .pane)
    let closed = press("o o", from: s)
    XCTAssertNil(closed.pane)
    XCTAssertEqual(closed.focus, .timeline)
    XCTAssertEqual(
      press("Enter o", from: s).pane, .source,
      "o over an open detail shows the source")
  }

  func testTabMovesFocusBetweenTimelineAndPaneOnlyWhenAPaneIsOpen() throws {
    let s = try Seed.state()
    XCTAssertEqual(press("Enter", from: s).focus, .pane)
    XCTAssertEqual(press("Enter Tab", from: s).focus, .timeline)
    XCTAssertEqual(press("Enter", from: s).focus, .pane)
    XCTAssertEqual(press("Tab", from: s).focus, .timeline)
    let title = render(press("Enter", from: s)).rowTexts(
      in: try XCTUnwrap(Layout(press("Enter", from: s)).pane))[0]
    XCTAssertEqual(title, " Detail (Esc: timeline, Enter: follow link)")
  }

  func testZMaximisesTheFocusedPaneAndZAgainRestoresIt() throws {
    let s = try Seed.state()
    let big = press("Enter z", from: s)
    XCTAssertTrue(big.maximized)
    XCTAssertEqual(
      Layout(big).pane, Rect(column: 0, row: 0, columns: 80, rows: 23))
    XCTAssertTrue(Layout(big).timeline.isEmpty)
    let back = press("Enter z z", from: s)
    XCTAssertFalse(back.maximized)
    XCTAssertEqual(render(back), render(press("Enter", from: s)))
  }

  func testZWithTheTimelineFocusedGivesTheTimelineTheWholeScreen() throws {
    let s = press("Enter Tab z", from: try Seed.state())
    XCTAssertTrue(s.maximized)
    XCTAssertNil(Layout(s).pane)
    XCTAssertEqual(
      Layout(s).timeline.rows, 21,
      "all rows but the status line and the density strip's two")
    XCTAssertEqual(
      Layout(s).strip, Rect(column: 0, row: 21, columns: 80, rows: 2))
  }

  func testEscapeGivesFocusBackToTheTimelineAndASecondEscapeClosesThePane()
    throws
  {
    let s = press("Enter z Escape Escape", from: try Seed.state())
    XCTAssertNil(s.pane)
    XCTAssertEqual(s.focus, .timeline)
    XCTAssertFalse(s.maximized)
    XCTAssertNotNil(press("o Escape", from: try Seed.state()).pane)
    XCTAssertNil(press("o Escape Escape", from: try Seed.state()).pane)
  }

  func testQClosesThePaneFirstAndThenQuits() throws {
    let s = try Seed.state()
    let once = press("Enter q", from: s)
    XCTAssertNil(once.pane)
    XCTAssertFalse(once.quit)
    XCTAssertTrue(press("Enter q q", from: s).quit)
    XCTAssertFalse(
      press("o q", from: s).quit, "q in the focused source closes it")
    XCTAssertTrue(press("q", from: s).quit)
  }

  func testCapitalQAndCtrlCQuitAtOnceFromAnywhere() throws {
    let s = try Seed.state()
    for keys in ["Q", "C-c", "Enter Q", "o Q", "p Q"] {
      XCTAssertTrue(press(keys, from: s).quit, keys)
    }
    XCTAssertFalse(
      press("/ C-c", from: s).quit, "C-c in a prompt cancels the prompt")
  }

  func testJAndKInTheFocusedDetailMoveBetweenLinksWithinBounds() throws {
    // first-round-talks relates to three records; at 200x50 its whole detail is on screen.
    let s = press("j Enter", from: try Seed.state(Size(columns: 200, rows: 50)))
    XCTAssertEqual(s.selectedID, "first-round-talks")
    XCTAssertEqual(s.detailLink, 0)
    XCTAssertEqual(press("j", from: s).detailLink, 1)
    XCTAssertEqual(press("j j j j j", from: s).detailLink, 2)
    XCTAssertEqual(press("j k k", from: s).detailLink, 0)
    XCTAssertEqual(
      press("j j j", from: s).selection, 1,
      "j in the pane does not move the timeline")
  }

  func testPageDownInTheFocusedDetailScrollsItsText() throws {
    let s = press("j Enter PageDown", from: try Seed.state(size40x10))
    XCTAssertGreaterThan(s.detailScroll, 0)
    XCTAssertEqual(s.detailLink, 0)
    XCTAssertEqual(press("PageUp PageUp", from: s).detailScroll, 0)
  }

  func testJInTheFocusedSourceScrollsItsTextByOneLine() throws {
    let s = press("o", from: try Seed.state())
    let body = try XCTUnwrap(Layout(s).pane).inset(top: 3, left: 1, right: 1)
    let before = render(s).rowTexts(in: body)
    let after = press("j", from: s)
    XCTAssertEqual(
      Array(render(after).rowTexts(in: body).prefix(body.rows - 1)),
      Array(before.dropFirst()))
    XCTAssertEqual(
      press("j k", from: s).sourceScroll.map { $0 + 1 }, after.sourceScroll)
  }

  func testMovingToAnotherRecordResetsThePaneScroll() throws {
    let s = press("Enter j Tab j", from: try Seed.state())
    XCTAssertEqual(s.selection, 1)
    XCTAssertEqual(s.detailLink, 0)
    XCTAssertEqual(s.detailScroll, 0)
  }

  // MARK: - Following links

  func testFollowingTheDisputesLinkSelectsTheDisputedRecord() throws {
    // 120x40: the claim's detail lists what it disputes first, so the link back is lower.
    let start = selecting(
      "israel-rejects-soldiers-claim", in: try Seed.state(size120x40))
    let s = press("Enter Enter", from: start)
    XCTAssertEqual(s.selectedID, "hamas-soldiers-claim")
    XCTAssertEqual(s.pane, .detail)
    XCTAssertEqual(s.detailLink, 0)
    let frame = render(s)
    XCTAssertTrue(
      frame.text.contains("Disputed by:"),
      "the target shows the link back:\n\(frame.text)")
  }

  func testJThenEnterFollowsTheSecondLink() throws {
    let s = press(
      "Enter G g j Enter",
      from: selecting(
        "israel-rejects-soldiers-claim", in: try Seed.state(size120x40)))
    XCTAssertEqual(s.selectedID, "israel-women-first")
  }

  func testFollowingALinkToAFilteredOutRecordClearsTheFilters() throws {
    // Israel (2) shows israel-rejects-soldiers-claim but not the Hamas claim it disputes.
    let filtered = selecting(
      "israel-rejects-soldiers-claim", in: press("2", from: try Seed.state()))
    XCTAssertEqual(filtered.selectedID, "israel-rejects-soldiers-claim")
    XCTAssertFalse(filtered.shownIDs.contains("hamas-soldiers-claim"))
    let s = press("Enter Enter", from: filtered)
    XCTAssertEqual(s.selectedID, "hamas-soldiers-claim")
    XCTAssertTrue(s.query.parties.isEmpty)
    XCTAssertEqual(s.message, "filters cleared to show hamas-soldiers-claim")
    XCTAssertTrue(
      render(s).statusLine.contains("filters cleared"), render(s).statusLine)
  }

  func testEnterOnADetailWithoutLinksSaysSo() throws {
    let s = press("j Enter Enter", from: try WideFixture.state(size80x24))
    XCTAssertEqual(s.selectedID, "emoji")
    XCTAssertEqual(s.message, "no link here")
  }

  // MARK: - The selection stays in view when the layout changes

  func testOpeningADetailKeepsTheSelectedRecordVisibleInTheTimeline() throws {
    for size in [size80x24, size40x10, size20x5] {
      let start = selecting(
        "israel-rejects-soldiers-claim", in: try Seed.state(size))
      for keys in ["Enter", "o", "Enter"] {
        let s = press(keys, from: start)
        let timeline = Layout(s).timeline
        let frame = render(s)
        let bar =
          s.focus == .timeline
          ? Style.reverse : Style(bold: true, underline: true)
        XCTAssertEqual(
          frame.rows(styled: bar, in: timeline).count, 1,
          "after \(keys) at \(size) the selected record (\(s.selection), top \(s.top)) is on screen:\n\(frame.text)"
        )
      }
    }
  }
}

extension Rect {
  /// The rectangle less some rows at the top and columns at the sides.
  func inset(top: Int = 0, left: Int = 0, right: Int = 0) -> Rect {
    Rect(
      column: column + left, row: row + top, columns: columns - left - right,
      rows: rows - top)
  }
}
