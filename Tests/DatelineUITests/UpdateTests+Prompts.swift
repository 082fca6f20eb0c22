import DatelineCore
import DatelineUI
import XCTest

extension UpdateTests {
  /// Timeline positions of the records whose folded text holds every word of `query`.
  func matches(_ query: String, in s: BrowserState) -> [ResultRow] {
    s.rows.indices.filter {
      s.corpus.matches(TextSearch.words(query), record: s.rows[$0].offset)
    }
  }

  // MARK: - Search

  func testSlashSearchesIncrementallyFromWhereTheSearchBegan() throws {
    let s = try Seed.state()
    let typing = press("/ sold", from: s)
    XCTAssertEqual(typing.prompt, .search(text: "sold", origin: 0))
    XCTAssertEqual(typing.selectedID, "hamas-soldiers-claim")
    XCTAssertEqual(typing.selection, matches("sold", in: s).first)
    XCTAssertEqual(render(typing).statusLine, "/sold")
    // From further down, the first match after the origin wins.
    let later = press("t 2023-12-12 Enter j j j / soldiers", from: s)
    XCTAssertEqual(later.selectedID, "israel-rejects-soldiers-claim")
  }

  func testEnterConfirmsTheSearchAndHighlightsIt() throws {
    let s = press("/ refuses Enter", from: try Seed.state())
    XCTAssertNil(s.prompt)
    XCTAssertEqual(s.search, "refuses")
    XCTAssertEqual(s.selectedID, "hamas-soldiers-claim")
    let frame = render(s)
    XCTAssertTrue(frame.statusLine.contains("/refuses"), frame.statusLine)
    let lit = highlightedRuns(frame, code: "RBU", in: Layout(s).timeline)
    XCTAssertEqual(
      lit, ["refuses"],
      "the match in the selected headline:\n\(frame.styleRuns.joined(separator: "\n"))"
    )
  }

  func testEscapeCancelsTheSearchAndRestoresTheSelection() throws {
    let s = press("j / soldiers Escape", from: try Seed.state())
    XCTAssertNil(s.prompt)
    XCTAssertEqual(s.selection, 1)
  }

  func testCancellingASearchRestoresTheSearchThatWasActiveBefore() throws {
    let s = press("j / soldiers Escape", from: try Seed.state())
    XCTAssertEqual(
      s.search, "", "a cancelled search leaves no highlight and no n/N target")
    XCTAssertFalse(
      render(s).statusLine.contains("/soldiers"), render(s).statusLine)
    XCTAssertEqual(
      press("n", from: s).selection, 1,
      "n after a cancelled search has nothing to go to")
    let previous = press("/ hamas Enter / sold Escape", from: try Seed.state())
    XCTAssertEqual(
      previous.search, "hamas",
      "Escape gives back the confirmed search, as in less and vim")
  }

  func testBackspaceEditsTheSearchText() throws {
    let s = press("/ hamasx BSpace", from: try Seed.state())
    XCTAssertEqual(s.prompt, .search(text: "hamas", origin: 0))
    XCTAssertEqual(
      press("/ ab BSpace BSpace BSpace", from: try Seed.state()).prompt,
      .search(text: "", origin: 0))
  }

  func testNAndCapitalNVisitEveryMatchAndWrapAround() throws {
    let start = press("/ hamas Enter", from: try Seed.state())
    let all = matches("hamas", in: start)
    XCTAssertGreaterThanOrEqual(all.count, 3)
    XCTAssertEqual(start.selection, all[0])
    var s = start
    for i in 1..<all.count {
      s = press("n", from: s)
      XCTAssertEqual(s.selection, all[i], "n #\(i)")
      XCTAssertNil(s.message)
    }
    s = press("n", from: s)
    XCTAssertEqual(
      s.selection, all[0], "n after the last match wraps to the first")
    XCTAssertEqual(s.message, "search wrapped")
    s = press("N", from: s)
    XCTAssertEqual(
      s.selection, all[all.count - 1],
      "N before the first match wraps to the last")
    XCTAssertEqual(s.message, "search wrapped")
    XCTAssertEqual(press("N", from: s).selection, all[all.count - 2])
  }

  func testNWithoutASearchSaysHowToStartOne() throws {
    let s = press("j n", from: try Seed.state())
    XCTAssertEqual(s.selection, 1)
    XCTAssertEqual(s.message, "no search (press / to search)")
  }

  func testASearchWithoutMatchesSaysSoAndKeepsTheSelection() throws {
    let s = press("j / zzqx Enter", from: try Seed.state())
    XCTAssertEqual(s.selection, 1)
    XCTAssertEqual(s.message, "no match for zzqx")
    XCTAssertTrue(
      render(s).statusLine.contains("no match for zzqx"), render(s).statusLine)
  }

  func testSearchIgnoresCaseAndAccents() throws {
    let s = press("/ SOLDÍERS Enter", from: try Seed.state())
    XCTAssertEqual(s.selectedID, "hamas-soldiers-claim")
  }

  // MARK: - Jump to a date

  func testTJumpsToTheFirstRecordOnOrAfterTheFirstDayOfAMonth() throws {
    let s = press("t 2023-12 Enter", from: try Seed.state())
    XCTAssertNil(s.prompt)
    let december = try XCTUnwrap(CalendarDay(year: 2023, month: 12, day: 1))
    let expected = try XCTUnwrap(
      s.rows.firstIndex { s.corpus.records[$0].firstDay >= december })
    XCTAssertEqual(s.selection, expected)
    XCTAssertEqual(s.selectedID, "israel-resumes-operations")
  }

  func testTAcceptsAYearAndADay() throws {
    let s = press("G", from: try Seed.state())
    XCTAssertEqual(press("t 2023 Enter", from: s).selection, 0)
    XCTAssertEqual(
      press("t 2023-12-12 Enter", from: s).selectedID, "biden-tunnel-doubts")
    XCTAssertEqual(
      press("t 2023-12-13 Enter", from: s).selectedID, "biden-families-meeting")
    XCTAssertEqual(press("t 2023-11-02 Enter", from: s).selectedID, "truce")
  }

  func testTWithABadDateSaysSoAndStaysPut() throws {
    for bad in ["2023-13", "23-12", "2023-02-30", "soon"] {
      let s = press("j t \(bad) Enter", from: try Seed.state())
      XCTAssertEqual(s.selection, 1, bad)
      XCTAssertNil(s.prompt)
      XCTAssertEqual(
        s.message,
        "not a date: \(bad) (use YYYY, YYYY-MM, YYYY-MM-DD, or -1w, +1m, -3d, +1y)"
      )
    }
  }

  func testTAfterTheLastRecordSaysThereIsNone() throws {
    let s = press("j t 2030 Enter", from: try Seed.state())
    XCTAssertEqual(s.selection, 1)
    XCTAssertEqual(s.message, "no record on or after 2030")
  }

  func testEscapeCancelsTheJumpPrompt() throws {
    let s = press("j t 2023-12 Escape", from: try Seed.state())
    XCTAssertNil(s.prompt)
    XCTAssertEqual(s.selection, 1)
  }

  func testTheJumpPromptShowsTheEndOfWhatIsTypedWhenNarrow() throws {
    let s = press("t 2023-12-12", from: try Seed.state(size20x5))
    XCTAssertTrue(
      render(s).statusLine.contains("2023-12-12"),
      "the typed date stays visible: \(render(s).statusLine)")
  }

  // MARK: - Help

  func testQuestionMarkOpensTheHelpAndAnyKeyClosesIt() throws {
    let s = try Seed.state()
    XCTAssertEqual(press("?", from: s).overlay, .help)
    XCTAssertEqual(press("F1", from: s).overlay, .help)
    for key in ["j", "q", "Escape", "Enter", "1"] {
      let closed = press("? \(key)", from: s)
      XCTAssertNil(closed.overlay, key)
      XCTAssertEqual(closed.selection, 0, "\(key) only closes the help")
      XCTAssertFalse(closed.quit, key)
      XCTAssertTrue(closed.query.parties.isEmpty, key)
    }
  }

  func testTheHelpAt80x24ShowsEveryGroupOfKeys() throws {
    let text = render(press("?", from: try Seed.state())).text
    for group in [
      "Move", "Panes", "Links and marks", "Filter", "Search", "Markers",
      "Drafts, mouse, quit",
    ] {
      let inBox = text.split(separator: "\n").contains {
        $0.contains("│") && $0.contains(" \(group) ")
      }
      XCTAssertTrue(inBox, "the \(group) group is on screen:\n\(text)")
    }
  }

  func testNoHelpLineIsCutOffAt120Columns() throws {
    let text = render(press("?", from: try Seed.state(size120x40))).text
    XCTAssertTrue(text.contains("detail; on a link: follow"), text)
    XCTAssertTrue(text.contains("? ✗ #     claim, denial, figure"), text)
    XCTAssertTrue(text.contains("- BkSp    back to where a jump began"), text)
  }
}
