import DatelineCore
import DatelineUI
import XCTest

/// Golden screens of the seed data: every pane and state at 80×24, 120×40, 40×10 and 20×5.
///
/// Each test presses the same keys as `dateline screen --size WxH --keys "…" --attrs` and
/// compares with `Golden/<name>.<W>x<H>.txt`; record with `DATELINE_RECORD=1`.
final class SeedScreenTests: XCTestCase {
  /// Renders `keys` at every golden size, checks the golden and the frame's soundness, and
  /// hands each state and frame to `check` for the test's own assertions.
  func screens(
    _ name: String, keys: String, sizes: [Size] = goldenSizes,
    file: StaticString = #filePath, line: UInt = #line,
    check: (BrowserState, Frame) throws -> Void = { _, _ in }
  ) throws {
    for size in sizes {
      let state = press(
        keys, from: try Seed.state(size, file: file, line: line))
      let frame = render(state)
      assertGolden(frame, name, file: file, line: line)
      assertSound(frame, "\(name) at \(size):", file: file, line: line)
      XCTAssertFalse(
        frame.statusLine.isEmpty && size.rows > 4,
        "\(name) at \(size): status line is empty", file: file, line: line)
      try check(state, frame)
    }
  }

  func testTheInitialTimelineShowsTheFirstRecordsUnderTheirMonth() throws {
    try screens("timeline-initial", keys: "") { state, frame in
      XCTAssertEqual(state.selection, 0)
      XCTAssertTrue(
        frame.row(0).hasPrefix("── October 2023"),
        "\(state.size): \(frame.row(0))")
      if state.size.columns >= 40 {
        XCTAssertTrue(
          frame.statusLine.contains("24/24"),
          "\(state.size): \(frame.statusLine)")
      }
    }
  }

  func testMovingDownTwentyRecordsScrollsPastTheMonthSeparators() throws {
    try screens(
      "timeline-scrolled",
      keys: Array(repeating: "j", count: 20).joined(separator: " ")
    ) { state, frame in
      XCTAssertEqual(state.selection, 20)
      // 24 records and 3 month separators need 27 rows; only 120x40 has them all.
      if state.size.rows - 1 < 27 {
        XCTAssertGreaterThan(
          state.top, 0, "\(state.size): the timeline scrolled")
      }
      let headline = try XCTUnwrap(state.selectedRecord?.headline)
      let reversed = frame.rows(
        styled: .reverse,
        in: Rect(
          column: 0, row: 0, columns: state.size.columns,
          rows: state.size.rows - 1))
      XCTAssertEqual(reversed.count, 1, "\(state.size): one selection bar")
      if let r = reversed.first, state.size.columns >= 40 {
        XCTAssertTrue(
          frame.row(r).contains(String(headline.prefix(5))),
          "\(state.size): bar on \(headline): \(frame.row(r))")
      }
      if state.size.rows - 1 < 27 {
        XCTAssertFalse(
          frame.row(0).hasPrefix("── October"),
          "\(state.size): October scrolled away")
      }
    }
  }

  func testEnterOpensTheDetailBelowAt80x24AndBesideAt120x40() throws {
    try screens("detail", keys: "j j Enter") { state, frame in
      XCTAssertEqual(state.pane, .detail)
      let layout = Layout(state)
      let pane = try XCTUnwrap(layout.pane)
      if state.size == size80x24 || state.size == size40x10
        || state.size == size20x5
      {
        XCTAssertFalse(layout.paneBeside)
        XCTAssertEqual(pane.column, 0)
        XCTAssertGreaterThan(pane.row, 0)
        XCTAssertTrue(
          frame.row(pane.row).hasPrefix(" Detail"),
          "\(state.size): \(frame.row(pane.row))")
      }
      if state.size == size120x40 {
        XCTAssertTrue(layout.paneBeside)
        XCTAssertEqual(pane.row, 0)
        XCTAssertEqual(frame[pane.column - 1, 5].grapheme, "│")
        XCTAssertTrue(frame.rowTexts(in: pane)[0].hasPrefix(" Detail"))
      }
      if state.size.rows >= 10 {
        let headline = try XCTUnwrap(state.selectedRecord?.headline)
        XCTAssertTrue(
          frame.rowTexts(in: pane).joined(separator: " ").contains(
            String(headline.prefix(15))))
      }
    }
  }

  func testTabFocusesTheDetailAndJSelectsTheSecondLink() throws {
    // G scrolls to the end, where the links are; j then steps to the second one.
    try screens("detail-link", keys: "t 2023-12-12 Enter j j j j j Enter G j") {
      state, frame in
      XCTAssertEqual(state.selectedID, "israel-rejects-soldiers-claim")
      XCTAssertEqual(state.focus, .pane)
      if state.size.rows >= 24 {
        XCTAssertEqual(state.detailLink, 1)
        let pane = try XCTUnwrap(Layout(state).pane)
        let body = Rect(
          column: pane.column + 1, row: pane.row + 1, columns: pane.columns - 1,
          rows: pane.rows - 1)
        let bars = (body.row..<(body.row + body.rows)).filter {
          frame[body.column, $0].style == .reverse
        }
        XCTAssertFalse(
          bars.isEmpty, "\(state.size): the selected link is drawn reversed")
        XCTAssertTrue(
          bars.first.map { frame.row($0).contains("Related:") } ?? false,
          "\(state.size): the Related link is selected")
      }
    }
  }

  func testMaximisingTheFocusedDetailGivesItTheWholeScreen() throws {
    try screens("detail-maximized", keys: "j j Enter z") { state, frame in
      XCTAssertTrue(state.maximized)
      XCTAssertEqual(
        Layout(state).pane,
        Rect(
          column: 0, row: 0, columns: state.size.columns,
          rows: state.size.rows - 1))
      XCTAssertTrue(
        frame.row(0).hasPrefix(" Detail"), "\(state.size): \(frame.row(0))")
    }
  }

  func testTheSourcePaneHighlightsExactlyTheQuote() throws {
    try screens("source", keys: "/ soldiers Enter o") { state, frame in
      XCTAssertEqual(state.pane, .source)
      XCTAssertEqual(state.focus, .pane)
      let quote = try XCTUnwrap(state.selectedRecord?.quote?.exact)
      let pane = try XCTUnwrap(Layout(state).pane)
      // The quote is bold reverse; the search's word inside it is also underlined.
      let body = Rect(
        column: pane.column, row: pane.row + 3, columns: pane.columns,
        rows: max(0, pane.rows - 3))
      let lit = styledText(frame, in: body) { $0.reverse && $0.bold }
      let words = quote.split(whereSeparator: \.isWhitespace).joined(
        separator: " ")
      if lit.contains("soldiers") {
        XCTAssertEqual(
          styledText(frame, in: body) { $0.reverse && $0.underline },
          "soldiers", "\(state.size)")
      }
      if state.size.rows >= 24 {
        XCTAssertEqual(
          lit, words, "\(state.size): highlighted cells are the quote")
      } else if !lit.isEmpty {
        XCTAssertTrue(
          words.contains(lit),
          "\(state.size): highlighted \(lit) is part of the quote")
      }
    }
  }

  func testThePartyListShowsEveryPartyWithItsKeyAndCount() throws {
    try screens("parties", keys: "p") { state, frame in
      XCTAssertEqual(state.overlay, .parties(cursor: 0))
      if state.size.rows >= 24 {
        let text = frame.text
        XCTAssertTrue(text.contains("[ ] 1 Hamas"), text)
        for party in state.partyListOrder {
          XCTAssertTrue(
            text.contains(party.name), "\(party.name) listed at \(state.size)")
        }
        let hamasRow = try XCTUnwrap(
          frame.lines.first { $0.contains("[ ] 1 Hamas ") })
        let count = try XCTUnwrap(state.counts["hamas"])
        // Counted by hand from the data: Hamas and its two child parties.
        let hamasFamily: Set<Party.ID> = [
          "hamas", "hamas-political", "hamas-gaza-leaders",
        ]
        XCTAssertEqual(
          count,
          state.corpus.records.filter {
            $0.parties.contains { hamasFamily.contains($0.id) }
          }.count)
        XCTAssertEqual(count, 16)
        XCTAssertNotNil(
          hamasRow.range(
            of: #"\[ \] 1 Hamas +16 │"#, options: .regularExpression), hamasRow)
      }
    }
  }

  func testTheDigitOneFiltersToHamasWithAChipAndTheCountInTheStatusLine() throws
  {
    try screens("filter-hamas", keys: "1") { state, frame in
      XCTAssertEqual(state.query.parties.selected, ["hamas"])
      XCTAssertLessThan(state.rows.count, state.corpus.records.count)
      if state.size.columns >= 40 {
        XCTAssertTrue(
          frame.statusLine.contains("\(state.rows.count)/24"), frame.statusLine)
      }
      if state.size.columns >= 80 {
        XCTAssertTrue(frame.statusLine.contains("[Hamas]"), frame.statusLine)
      }
    }
  }

  func testQuestionMarkShowsTheHelpOverlay() throws {
    try screens("help", keys: "?") { state, frame in
      XCTAssertEqual(state.overlay, .help)
      if state.size.rows >= 24 {
        XCTAssertTrue(frame.text.contains("any key closes"), frame.text)
      }
    }
  }

  func testTheSearchPromptShowsWhatIsTypedWithACursor() throws {
    try screens("search-typing", keys: "/ hamas") { state, frame in
      XCTAssertEqual(state.prompt, .search(text: "hamas", origin: 0))
      XCTAssertEqual(frame.statusLine, "/hamas")
    }
  }

  func testASubmittedSearchHighlightsTheMatchesInHeadlines() throws {
    try screens("search-done", keys: "/ hamas Enter") { state, frame in
      XCTAssertNil(state.prompt)
      XCTAssertEqual(state.search, "hamas")
      if state.size.columns >= 80 {
        let lit = highlightedRuns(
          frame, code: "BUf3",
          in: Rect(
            column: 0, row: 0, columns: state.size.columns,
            rows: state.size.rows - 1))
        XCTAssertFalse(
          lit.isEmpty, "some match is highlighted at \(state.size)")
        // A match cut at the right edge ends in the `…` that marks it (HeadlineCut).
        for run in lit {
          let word = run.lowercased()
          XCTAssertTrue(
            word == "hamas"
              || (word.hasSuffix("…") && "hamas".hasPrefix(word.dropLast())),
            "\(state.size): \(run)")
        }
        XCTAssertTrue(frame.statusLine.contains("/hamas"), frame.statusLine)
      }
    }
  }

  func testTheJumpPromptShowsWhatIsTyped() throws {
    try screens("jump-typing", keys: "t 2023-12") { state, frame in
      XCTAssertEqual(state.prompt, .jump(text: "2023-12"))
      // The end of what is typed and the cursor stay in view; the front gives way ("…").
      let full = "jump to date (empty cancels): 2023-12"
      XCTAssertEqual(
        frame.statusLine,
        full.count + 1 <= state.size.columns ? full : "…2023-12")
    }
  }

  func testJumpingToDecember2023SelectsItsFirstRecord() throws {
    try screens("jump-done", keys: "t 2023-12 Enter") { state, frame in
      XCTAssertEqual(state.selectedID, "israel-resumes-operations")
    }
  }

  func testBelow20x5TheScreenSaysTheTerminalIsTooSmall() throws {
    try screens("too-small", keys: "", sizes: [Size(columns: 19, rows: 4)]) {
      state, frame in
      XCTAssertTrue(
        frame.text.replacingOccurrences(of: "\n", with: " ").contains(
          "too small"), frame.text)
    }
  }

  func testA1x1TerminalGetsOneCellWithoutCrashing() throws {
    for keys in [
      "", "j j Enter", "o", "p", "?", "/ hamas", "t 2023", "j j Enter z",
    ] {
      let frame = render(
        press(keys, from: try Seed.state(Size(columns: 1, rows: 1))))
      XCTAssertEqual(frame.cells.count, 1)
      XCTAssertEqual(frame.lines, ["t"], "keys \(keys)")
    }
  }
}

/// The text of the cells whose style code is `code`, per run, inside `rect`.
///
/// Read from `Frame.styleRuns` (`row 3: 4-17 RB`), so it checks what a golden file records.
func highlightedRuns(_ frame: Frame, code: String, in rect: Rect) -> [String] {
  var out: [String] = []
  for run in frame.styleRuns {
    // "row R: A-B CODE"
    let parts = run.split(separator: " ")
    guard parts.count == 4, parts[3] == code,
      let r = Int(parts[1].dropLast()),
      case let span = parts[2].split(separator: "-"), span.count == 2,
      let a = Int(span[0]), let b = Int(span[1]),
      r >= rect.row, r < rect.row + rect.rows
    else { continue }
    var s = ""
    for c in max(a, rect.column)...min(b, rect.column + rect.columns - 1)
    where frame[c, r].width > 0 {
      s += frame[c, r].grapheme
    }
    out.append(s)
  }
  return out
}

/// The highlighted runs joined as a wrapped passage reads: one space where a line broke.
/// The text of the cells in `rect` whose style passes `test`, each row's runs trimmed and
/// joined by spaces.
func styledText(_ frame: Frame, in rect: Rect, where test: (Style) -> Bool)
  -> String
{
  var runs: [String] = []
  for r in rect.row..<(rect.row + rect.rows) {
    var s = ""
    for c in rect.column..<(rect.column + rect.columns)
    where frame[c, r].width > 0 {
      if test(frame[c, r].style) {
        s += frame[c, r].grapheme
      } else if !s.isEmpty {
        runs.append(s)
        s = ""
      }
    }
    if !s.isEmpty { runs.append(s) }
  }
  return runs.map { $0.trimmingCharacters(in: .whitespaces) }.filter {
    !$0.isEmpty
  }.joined(separator: " ")
}

func highlightedText(_ frame: Frame, code: String, in rect: Rect) -> String {
  highlightedRuns(frame, code: code, in: rect).map {
    $0.trimmingCharacters(in: .whitespaces)
  }
  .joined(separator: " ")
}
