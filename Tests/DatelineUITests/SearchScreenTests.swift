import DatelineCore
import Foundation
import XCTest

@testable import DatelineUI

/// Search that tells you where you are (issue 14): matches highlighted in the headline
/// (also beyond the cut), the detail and the source pane; the field that matched named;
/// `F` and `:filter-in`/`:filter-out`; `n`/`N` and the count in pieces between keys.
final class SearchScreenTests: XCTestCase {
  /// Renders `keys` at 20x5, 80x24 and 200x50, checks the golden, and hands on each state.
  func screens(
    _ name: String, keys: String, file: StaticString = #filePath,
    line: UInt = #line,
    check: (BrowserState, Frame) throws -> Void
  ) throws {
    for size in PaneModelTests.sizes {
      let state = press(keys, from: try Seed.state(size))
      let frame = render(state)
      assertGolden(frame, name, file: file, line: line)
      assertSound(frame, "\(name) at \(size):", file: file, line: line)
      try check(state, frame)
    }
  }

  // MARK: - The headline's cut

  func testAHeadlineThatFitsIsDrawnWhole() {
    let cut = HeadlineCut("Hamas refuses", words: ["hamas"], columns: 20)
    XCTAssertEqual(cut.drawn, "Hamas refuses")
    XCTAssertFalse(
      cut.window.cutLeft || cut.window.cutRight || cut.matchLeft
        || cut.matchRight)
    XCTAssertEqual(cut.matches.map { String(cut.drawn[$0]) }, ["Hamas"])
  }

  func testAMatchBeyondTheCutMarksTheEllipsis() {
    let cut = HeadlineCut(
      "Hamas refuses to free the women, calling them soldiers",
      words: ["soldiers"], columns: 20)
    XCTAssertEqual(cut.drawn, "Hamas refuses to fr…")
    XCTAssertTrue(cut.matchRight, "the … at the cut is drawn as a match")
    XCTAssertTrue(cut.matches.isEmpty)
    var frame = Frame(size: Size(columns: 20, rows: 1))
    cut.draw(
      at: Position(column: 0, row: 0), style: .plain, match: .underline,
      into: &frame)
    XCTAssertEqual(frame[19, 0].style, .underline)
    XCTAssertEqual(frame[18, 0].style, .plain)
  }

  func testTheSelectedRowSlidesSoTheMatchShows() {
    let headline =
      "Hamas refuses to free the women, calling them soldiers of the army"
    let cut = HeadlineCut(
      headline, words: ["soldiers"], columns: 20, follow: true)
    XCTAssertTrue(cut.window.cutLeft)
    XCTAssertEqual(
      cut.matches.map { String(cut.drawn[$0]) }, ["soldiers"], cut.drawn)
    XCTAssertLessThanOrEqual(DisplayWidth.of(cut.drawn), 20)
    // Near the end of the headline, the window ends with it (no right cut).
    let end = HeadlineCut(
      "Hamas refuses to free the women, calling them soldiers",
      words: ["soldiers"], columns: 20, follow: true)
    XCTAssertFalse(end.window.cutRight)
    XCTAssertTrue(end.drawn.hasSuffix("soldiers"), end.drawn)
    XCTAssertEqual(DisplayWidth.of(end.drawn), 20)
  }

  func testAHandScrollIsKeptAndAMatchOnlyMovesTheTextFurther() {
    let headline =
      "abcdefghij klmnopqrst uvwxyz soldiers 0123456789 and more text after it"
    let scrolled = HeadlineCut(headline, words: [], columns: 20, offset: 10)
    XCTAssertTrue(scrolled.drawn.hasPrefix("…klmno"), scrolled.drawn)
    // A match already on screen after the scroll: nothing moves.
    let kept = HeadlineCut(
      headline, words: ["uvw"], columns: 20, offset: 10, follow: true)
    XCTAssertEqual(kept.drawn, scrolled.drawn)
    // Scrolled past the match: it is not brought back; the left … says it is there.
    let past = HeadlineCut(
      headline, words: ["abc"], columns: 20, offset: 30, follow: true)
    XCTAssertTrue(past.matchLeft)
    XCTAssertTrue(past.matches.isEmpty)
  }

  func testWideGlyphsNeverOverflowTheColumns() {
    let headline =
      String(repeating: "日本語", count: 10) + " needle "
      + String(repeating: "漢字", count: 10)
    for columns in 1...30 {
      for follow in [false, true] {
        let cut = HeadlineCut(
          headline, words: ["needle"], columns: columns, follow: follow)
        XCTAssertLessThanOrEqual(
          DisplayWidth.of(cut.drawn), columns,
          "\(columns) \(follow): \(cut.drawn)")
        if follow && columns >= 10 {
          XCTAssertEqual(
            cut.matches.map { String(cut.drawn[$0]) }, ["needle"], "\(columns)")
        }
      }
    }
  }

  // MARK: - Screens

  func testTheSelectedHeadlineShowsAMatchBeyondItsWidth() throws {
    try screens("search-beyond", keys: "/ soldiers Enter") { state, frame in
      XCTAssertEqual(state.selectedID, "hamas-soldiers-claim")
      let bar = try XCTUnwrap(
        (0..<(state.size.rows - 1)).first { frame[0, $0].grapheme == "▸" })
      XCTAssertTrue(
        frame.row(bar).contains("sold"), "\(state.size): \(frame.row(bar))")
      XCTAssertTrue(
        (0..<state.size.columns).contains {
          frame[$0, bar].style.underline && frame[$0, bar].grapheme == "s"
        },
        "\(state.size)")
    }
  }

  func testTheDetailPaneHighlightsTheWords() throws {
    try screens("search-detail", keys: "/ alive Enter Enter") { state, frame in
      XCTAssertEqual(state.pane, .detail)
      guard state.size.rows >= 24 else { return }
      let pane = try XCTUnwrap(Layout(state).pane)
      let lit = styledText(frame, in: pane) {
        $0 == Theme(useColor: true).match
      }
      XCTAssertFalse(lit.isEmpty, "\(state.size)")
      for word in lit.split(separator: " ") {
        XCTAssertEqual(word.lowercased(), "alive", "\(state.size)")
      }
    }
  }

  func testTheSourcePaneHighlightsTheWordsApartFromTheQuote() throws {
    try screens("search-source", keys: "/ hostages Enter j o") { state, frame in
      XCTAssertEqual(state.pane, .source)
      guard state.size.rows >= 24 else { return }
      let pane = try XCTUnwrap(Layout(state).pane)
      let theme = Theme(useColor: true)
      let lit = styledText(frame, in: pane) {
        $0 == theme.match || $0 == theme.quoteMatch
      }
      XCTAssertTrue(
        lit.lowercased().contains("hostages"), "\(state.size): \(lit)")
      XCTAssertNotEqual(theme.match, theme.highlight)
      XCTAssertNotEqual(theme.quoteMatch, theme.highlight)
    }
  }

  func testTheStatusLineNamesTheFieldThatMatched() throws {
    try screens("search-field", keys: "/ tzahal Enter") { state, frame in
      XCTAssertEqual(state.matchedFieldsLabel, "in party alias")
      if state.size.columns >= 80 {
        XCTAssertTrue(
          frame.statusLine.contains("/tzahal (match 1 of 2, in party alias)"),
          frame.statusLine)
      }
    }
    let s = press("/ hostages Enter", from: try Seed.state(size80x24))
    XCTAssertNil(s.matchedFieldsLabel, "the headline shows the word")
    let idf = try XCTUnwrap(
      press("/ tzahal Enter", from: try Seed.state(size80x24)).selectedRecord)
    let corpus = try Seed.corpus()
    XCTAssertEqual(
      SearchField.locate(
        ["tzahal", "idf", "nowhere"], in: idf, corpus: corpus),
      [.partyAlias, .party, nil])
    XCTAssertEqual(
      SearchField.locate(
        ["talk"], in: idf, corpus: corpus, annotation: "talks later"),
      [.annotation])
  }

  func testFTurnsTheSearchIntoAFilterAndZeroRemovesIt() throws {
    try screens("search-filter", keys: "/ hamas Enter F") { state, frame in
      let matcher = TextMatcher(["hamas"], corpus: state.corpus)
      let expected = state.corpus.records.indices.filter { matcher.matches($0) }
      XCTAssertEqual(state.rows.positions, expected)
      XCTAssertEqual(state.search, "")
      XCTAssertEqual(state.query.search, "hamas")
      XCTAssertEqual(
        state.highlightWords, ["hamas"], "the filter's words stay highlighted")
      if state.size.columns >= 80 {
        XCTAssertTrue(frame.statusLine.contains("in:hamas"), frame.statusLine)
      }
      XCTAssertEqual(
        press("0", from: state).rows.count, state.corpus.records.count)
      XCTAssertEqual(
        press(": clear Enter", from: state).rows.count,
        state.corpus.records.count)
    }
    let none = press("F", from: try Seed.state())
    XCTAssertEqual(
      none.message, "no search to filter by (press / to search, then F)")
    XCTAssertEqual(none.rows.count, none.corpus.records.count)
  }

  func testFilterInAndFilterOutCommandsMirrorTheCLI() throws {
    try screens("filter-out", keys: ": filter-out Space hamas Enter") {
      state, frame in
      let matcher = TextMatcher(["hamas"], corpus: state.corpus)
      XCTAssertEqual(
        state.rows.positions,
        state.corpus.records.indices.filter { !matcher.matches($0) })
      XCTAssertEqual(state.query.excluded, ["hamas"])
      if state.size.columns >= 80 {
        XCTAssertTrue(frame.statusLine.contains("out:hamas"), frame.statusLine)
      }
    }
    let s = try Seed.state()
    let both = press(
      ": filter-in Space hostages Enter : filter-out Space qatar Enter", from: s
    )
    let query = TimelineQuery(search: "hostages", excluded: ["qatar"])
    XCTAssertEqual(both.rows.positions, query.run(on: s.corpus))
    XCTAssertLessThan(
      both.rows.count,
      press(": filter-in Space hostages Enter", from: s).rows.count)
    XCTAssertEqual(
      press(": filter-out Enter", from: s).message,
      "usage: " + (BrowserCommand.named("filter-out")?.usage ?? ""))
    // A view keeps the filters, and opens them again as filters.
    let view = both.currentView(named: "v")
    XCTAssertTrue(view.searchFilters)
    let bytes = Array(view.jsonObject.utf8)
    let node = try bytes.withUnsafeBytes { try JSONParser.parse($0) }
    let decoded = try XCTUnwrap(SavedView.decode(node))
    XCTAssertEqual(decoded, view)
    var reopened = s
    reopened.open(decoded)
    XCTAssertEqual(reopened.rows, both.rows)
  }
}
