import DatelineCore
import DatelineUI
import XCTest

extension UpdateTests {
  // MARK: - Density strip

  func testTheStripSitsUnderTheTimelineAndHToggles() throws {
    let s = try Seed.state()
    XCTAssertTrue(s.showStrip)
    // Two rows: the bars and the date axis.
    XCTAssertEqual(
      Layout(s).strip, Rect(column: 0, row: 21, columns: 80, rows: 2))
    XCTAssertEqual(Layout(s).timeline.rows, 21)
    let hidden = press("H", from: s)
    XCTAssertNil(Layout(hidden).strip)
    XCTAssertEqual(Layout(hidden).timeline.rows, 23)
    XCTAssertFalse(render(hidden).text.contains("per day"))
    XCTAssertTrue(press("H H", from: s).showStrip)
    XCTAssertNil(
      Layout(try Seed.state(size20x5)).strip,
      "a tiny timeline keeps its rows for records")
  }

  func testTheStripMarksTheSelectedDayAndDimsWhatTheFilterHides() throws {
    // Hamas; the last Hamas record is on the 12th
    let s = press("1 G", from: try Seed.state())
    let frame = render(s)
    let strip = try XCTUnwrap(Layout(s).strip)
    let row = frame.rowTexts(in: strip)[0]
    XCTAssertTrue(row.hasPrefix(" ▁                        ▁"), row)
    let selected = (strip.column..<strip.column + strip.columns).filter {
      frame[$0, strip.row].style == .reverse
    }
    XCTAssertEqual(selected.count, 1)
    let start = try XCTUnwrap(RecordDate.parse("2023-10-07")).firstDay.dayNumber
    let day = try XCTUnwrap(s.selectedRecord).firstDay.dayNumber
    XCTAssertEqual(
      selected.first, 1 + Int(day - start), "one column per day from 7 October")
    // 13 December has only Biden's meeting, which the Hamas filter hides: dim.
    XCTAssertEqual(frame[selected[0] + 1, strip.row].grapheme, "▁")
    XCTAssertTrue(frame[selected[0] + 1, strip.row].style.dim)
  }

  // MARK: - Date range

  func testRTypesARangeThatFiltersAndShowsAsAChip() throws {
    let s = press("r 2023-11..2023-12-01 Enter", from: try Seed.state())
    XCTAssertNil(s.prompt)
    XCTAssertEqual(s.query.dateRange.description, "2023-11..2023-12-01")
    XCTAssertEqual(
      s.shownIDs,
      [
        "first-round-talks", "first-round-cumbersome", "truce",
        "israel-resumes-operations", "doha-talks-collapse",
      ],
      "the month of December overlaps its first day")
    XCTAssertTrue(
      render(s).statusLine.contains("5/24  date:2023-11..2023-12-01"),
      render(s).statusLine)
    XCTAssertEqual(
      render(press("r", from: s)).statusLine,
      "date range (since..until, empty clears): 2023-11..2023-12-01",
      "r again edits the range")
    XCTAssertEqual(
      press("r C-u", from: s).prompt, .range(text: ""),
      "the pre-filled range is selected: C-u clears it")
    let cleared = press(
      "r " + String(repeating: "BSpace ", count: 19) + "Enter", from: s)
    XCTAssertTrue(cleared.query.isEmpty, "an empty range clears it")
  }

  func testABadRangeSaysHowToWriteOneAndChangesNothing() throws {
    let s = press("r next-week Enter", from: try Seed.state())
    XCTAssertTrue(s.query.isEmpty)
    XCTAssertEqual(
      s.message,
      "not a range: next-week (use 2023-11..2023-12-12, 2023-12.. or ..2023-12)"
    )
    let inverted = press("r 2023-12..2023-11 Enter", from: try Seed.state())
    XCTAssertEqual(
      inverted.rows.count, 24, "an inverted range is refused, not applied")
    XCTAssertEqual(
      inverted.message,
      "2023-12..2023-11: the range ends before it starts (not applied)")
  }

  func testGreaterAndLessSetTheRangeFromAndToTheSelection() throws {
    let s = selecting("truce", in: try Seed.state())
    let from = press(">", from: s)
    XCTAssertEqual(from.query.dateRange.description, "2023-11-24..")
    XCTAssertEqual(from.selectedID, "truce")
    XCTAssertEqual(
      from.shownIDs.first, "first-round-talks",
      "a span that overlaps the 24th still counts")
    let both = press("> G <", from: s)
    XCTAssertEqual(both.query.dateRange.description, "2023-11-24..2023-12-13")
    XCTAssertTrue(
      render(both).statusLine.contains("date:2023-11-24..2023-12-13"),
      render(both).statusLine)
    let to = press("<", from: s)
    XCTAssertEqual(to.shownIDs.last, "truce")
    XCTAssertTrue(
      press("> 0", from: s).query.isEmpty, "0 clears the range with the rest")
  }

  // MARK: - Attribution basis

  func testACyclesTheBasisFilterAndShowsItAsAChip() throws {
    let s = try Seed.state()
    let expected: [(String, Int)] = [
      ("named", 1), ("official", 11), ("anonymous", 4), ("unattributed", 8),
    ]
    var state = s
    for (basis, count) in expected {
      state = press("A", from: state)
      XCTAssertEqual(
        state.query.facets.basis,
        [try XCTUnwrap(Attribution.Basis(rawValue: basis))])
      XCTAssertEqual(state.rows.count, count, basis)
      XCTAssertTrue(
        render(state).statusLine.contains("basis:\(basis)"),
        render(state).statusLine)
    }
    state = press("A", from: state)
    XCTAssertTrue(state.query.isEmpty, "after unattributed, no basis filter")
    XCTAssertEqual(state.rows.count, 24)
    XCTAssertTrue(press("A A A 0", from: s).query.isEmpty)
    XCTAssertEqual(
      press("A A A", from: s).shownIDs,
      [
        "hamas-unresponsive", "israel-pressure-view", "israel-women-first",
        "talks-continue",
      ])
  }

  // MARK: - Figures

  func testFOpensTheFiguresOfTheSelectedRecordInTimeOrder() throws {
    let s = press("f", from: selecting("pmo-135-116", in: try Seed.state()))
    XCTAssertEqual(s.pane, .figures)
    XCTAssertEqual(s.focus, .pane)
    let pane = try XCTUnwrap(Layout(s).pane)
    let rows = render(s).rowTexts(in: pane)
    XCTAssertEqual(
      rows[0],
      " Figures (Tab: timeline, Enter: go to the record, d: its disputes, f: close)"
    )
    XCTAssertEqual(rows[1], " hostages remaining in Gaza  ▁█  ▁ 100  █ 135")
    XCTAssertTrue(
      rows[2].hasPrefix(
        "  2023-12-12  more than 100 people  “believed”, no source given [unattributed]"
      ), rows[2])
    XCTAssertTrue(
      rows[3].hasPrefix(
        "  2023-12-12  135 people            Israeli PMO [official]"), rows[3])
    XCTAssertEqual(rows[5], " hostages alive in Gaza  ▄  116")
    XCTAssertNil(press("f", from: s).pane, "f again closes it")
    let none = press("f", from: try Seed.state())
    XCTAssertNil(none.pane)
    XCTAssertEqual(none.message, "this record states no figures")
  }

  func testInTheFocusedFiguresPaneJAndEnterGoToAnotherStatement() throws {
    let s = press("f", from: selecting("pmo-135-116", in: try Seed.state()))
    XCTAssertEqual(s.focus, .pane)
    let other = press("k Enter", from: s)
    XCTAssertEqual(other.selectedID, "more-than-100-held")
    XCTAssertEqual(
      other.pane, .figures, "the pane stays, now around the other record")
    XCTAssertEqual(press("BSpace", from: other).selectedID, "pmo-135-116")
  }

  func testTheFiguresPaneMarksRevisionsAndDisputes() throws {
    let s = press(
      "f z",
      from: selecting("count-251", in: try FeatureFixture.state(size120x40)))
    let text = render(s).rowTexts(in: try XCTUnwrap(Layout(s).pane)).joined(
      separator: "\n")
    XCTAssertTrue(text.contains("captives held  ▅▁█"), text)
    XCTAssertTrue(
      text.contains("200–250 people  Front [official] ⇄ disputed"), text)
    XCTAssertTrue(
      text.contains("251 people      Ministry [official] ↻ revises 2024-03-01"),
      text)
  }
}
