import DatelineCore
import DatelineUI
import XCTest

/// One pane model (issue 14): the focused pane takes every motion key and reaches its
/// first and last line exactly; opening a pane focuses it; Esc or Tab gives the keys back.
final class PaneModelTests: XCTestCase {
  static let size100x24 = Size(columns: 100, rows: 24)
  static let size200x50 = Size(columns: 200, rows: 50)
  /// The sizes issue 14 asks every item to be checked at.
  static let sizes = [size20x5, size80x24, size200x50]

  /// The detail pane's body rows as drawn, and the last row the pane has.
  func detailBody(_ s: BrowserState) throws -> (shown: [String], last: String) {
    let pane = try XCTUnwrap(Layout(s).pane)
    let body = Rect(
      column: pane.column + 1, row: pane.row + 1, columns: pane.columns - 1,
      rows: pane.rows - 1)
    let shown = render(s).rowTexts(in: body).filter { !$0.isEmpty }
    var probe = s
    probe.detailScroll = Int.max / 2
    let all = render(probe).rowTexts(in: body).filter { !$0.isEmpty }
    return (shown, try XCTUnwrap(all.last))
  }

  func testTheDetailPaneReachesItsLastLineWithJPageDownAndG() throws {
    // Issue 14 defect 1: at 100x24 on Data/, j×13 Enter, then j, PageDown or G.
    let start = press(
      Array(repeating: "j", count: 13).joined(separator: " ") + " Enter",
      from: try Seed.state(Self.size100x24))
    XCTAssertEqual(start.focus, .pane)
    for keys in [
      Array(repeating: "j", count: 60).joined(separator: " "),
      "PageDown PageDown PageDown PageDown", "G", "End",
      "C-f C-f C-f C-f", "C-d C-d C-d C-d C-d C-d",
    ] {
      let s = press(keys, from: start)
      let body = try detailBody(s)
      XCTAssertEqual(
        body.shown.last, body.last,
        "\(keys): the last line of the record is on screen")
      XCTAssertEqual(
        s.selection, 13, "\(keys): the timeline selection did not move")
    }
    // And back to the first line exactly.
    for keys in [
      "G g", "G Home", "G C-b C-b C-b C-b", "G C-u C-u C-u C-u C-u C-u",
    ] {
      let s = press(keys, from: start)
      XCTAssertEqual(s.detailScroll, 0, keys)
      XCTAssertEqual(
        try detailBody(s).shown.first, try detailBody(start).shown.first, keys)
    }
  }

  func testPageDownNeverScrollsPastTheEndSoPageUpComesBackAtOnce() throws {
    let start = press(
      "j j j j j j j j j j j j j Enter", from: try Seed.state(Self.size100x24))
    let bottom = press("G", from: start)
    XCTAssertEqual(
      press("G PageDown PageDown", from: start).detailScroll,
      bottom.detailScroll)
    XCTAssertLessThan(
      press("G k", from: start).detailScroll, bottom.detailScroll,
      "one k moves up from the end")
  }

  func testAFocusedPaneTakesGAndEndInsteadOfTheTimeline() throws {
    // Issue 14 defect 2: j×13 Enter Tab G selected record 24.
    let start = press(
      Array(repeating: "j", count: 13).joined(separator: " ") + " Enter",
      from: try Seed.state(Self.size100x24))
    for keys in [
      "G", "g", "Home", "End", "C-f", "C-b", "C-d", "C-u", "Space", "b",
      "PageDown",
    ] {
      XCTAssertEqual(press(keys, from: start).selection, 13, keys)
    }
    let source = press("o G", from: start)
    XCTAssertEqual(source.selection, 13)
    XCTAssertNotNil(source.sourceScroll)
  }

  func testOpeningAnyPaneFocusesItAndEscOrTabGivesTheKeysBack() throws {
    let s = try Seed.state()
    for open in ["Enter", "o", "f"] {
      let start = open == "f" ? selecting("pmo-135-116", in: s) : s
      let opened = press(open, from: start)
      XCTAssertNotNil(opened.pane, open)
      XCTAssertEqual(opened.focus, .pane, "\(open) focuses its pane")
      XCTAssertEqual(
        press("Escape", from: opened).focus, .timeline, "\(open) Escape")
      XCTAssertNotNil(
        press("Escape", from: opened).pane, "\(open) Escape keeps the pane open"
      )
      XCTAssertEqual(press("Tab", from: opened).focus, .timeline, "\(open) Tab")
      XCTAssertNil(
        press("Escape Escape", from: opened).pane,
        "\(open): a second Escape closes it")
    }
    // Issue 14 defect 3: `o Tab z` maximised the timeline; now Tab leaves the pane, so z
    // maximises the timeline only when the timeline has the keys.
    XCTAssertEqual(press("o z", from: s).focus, .pane)
    XCTAssertTrue(
      Layout(press("o z", from: s)).timeline.isEmpty,
      "o z maximises the source pane")
  }

  func testTheFocusedPaneHasATitleBarInColourAndInMonochrome() throws {
    for color in [true, false] {
      var s = try Seed.state()
      s.useColor = color
      let focused = press("Enter", from: s)
      let pane = try XCTUnwrap(Layout(focused).pane)
      let titleStyle = render(focused)[pane.column + pane.columns - 1, pane.row]
        .style
      XCTAssertTrue(
        titleStyle.reverse,
        "color \(color): the focused title is a bar to the last column")
      let unfocused = press("Enter Tab", from: s)
      XCTAssertFalse(
        render(unfocused)[pane.column + pane.columns - 1, pane.row].style
          .reverse, "color \(color)")
    }
  }

  func testPaneFocusScreensAtThreeSizes() throws {
    for size in Self.sizes {
      let s = press("j Enter G", from: try Seed.state(size))
      let frame = render(s)
      assertGolden(frame, "pane-focused-end", file: #filePath, line: #line)
      assertSound(frame, "\(size)")
      let unfocused = render(press("Tab", from: s))
      assertGolden(unfocused, "pane-unfocused", file: #filePath, line: #line)
    }
  }

  // MARK: - Date ranges (defect 4)

  func testAnInvertedRangeIsRefusedWithAMessageAndShowsNoSpanRecord() throws {
    let s = try Seed.state()
    let typed = press("r 2023-12..2023-11 Enter", from: s)
    XCTAssertEqual(typed.rows.count, 24, "the filter is not applied")
    XCTAssertTrue(typed.query.dateRange.isEmpty)
    XCTAssertTrue(
      render(typed).statusLine.contains("ends before it starts"),
      render(typed).statusLine)
    // `>` on a later record, then `<` on an earlier one: the second side is refused.
    let later = press("G >", from: s)
    let crossed = press("g <", from: later)
    XCTAssertEqual(crossed.query.dateRange, later.query.dateRange)
    XCTAssertTrue(
      crossed.message?.contains("ends before it starts") ?? false,
      crossed.message ?? "")
  }

  func testAnInvertedRangeMatchesNothingInTheQuery() throws {
    let corpus = try Seed.corpus()
    var q = TimelineQuery()
    q.dateRange = try XCTUnwrap(DateRange.parse("2024-10-07..2023-12-01"))
    XCTAssertEqual(q.run(on: corpus), [])
  }

  // MARK: - Disputes (defect 5)

  func testTheDetailPaneListsAMutualDisputeOnce() throws {
    let corpus = try Seed.corpus()
    let links = LinkIndex(corpus: corpus)
    for i in 0..<corpus.records.count where links.contested.contains(i) {
      let detail = RecordDetail(
        record: corpus.records[i], corpus: corpus, links: links)
      let targets = detail.lines.compactMap { line -> String? in
        if case .link(let label, let target) = line.kind,
          label == "Disputes" || label == "Disputed by"
        {
          return target.rawValue
        }
        return nil
      }
      XCTAssertEqual(
        targets.count, Set(targets).count, "\(corpus.records[i].id): \(targets)"
      )
    }
    let pairs = links.disputePairs(among: Array(0..<corpus.records.count))
    let unordered = pairs.map { Set([$0.disputing, $0.disputed]) }
    XCTAssertEqual(
      unordered.count, Set(unordered).count, "one pair per dispute")
  }
}

/// A terminal whose locale is not UTF-8 (issue 14 defect 6): every cell ASCII, widths kept.
final class ASCIIScreenTests: XCTestCase {
  func testTheASCIIScreenKeepsEveryColumnAndUsesASCIIMarkers() throws {
    for size in PaneModelTests.sizes {
      for keys in ["", "j j Enter", "?"] {
        let frame = ASCIIFallback.frame(
          render(press(keys, from: try Seed.state(size))))
        for (n, line) in frame.lines.enumerated() {
          XCTAssertTrue(
            line.utf8.allSatisfy { $0 < 0x80 },
            "\(size) \(keys) row \(n): \(line)")
          XCTAssertEqual(
            line.count, size.columns, "\(size) \(keys) row \(n) keeps its width"
          )
        }
        if keys.isEmpty { assertGolden(frame, "ascii-timeline") }
      }
    }
    let frame = ASCIIFallback.frame(render(try Seed.state()))
    XCTAssertTrue(frame.row(0).hasPrefix("-- October 2023 ---"), frame.row(0))
    XCTAssertTrue(
      frame.row(1).hasPrefix(">"), "the selection pointer: \(frame.row(1))")
  }

  func testAWideGlyphBecomesTwoQuestionMarks() {
    XCTAssertEqual(ASCIIFallback.text(for: "日", width: 2), "??")
    XCTAssertEqual(ASCIIFallback.text(for: "é", width: 1), "?")
    XCTAssertEqual(ASCIIFallback.text(for: "●", width: 1), "*")
    XCTAssertEqual(ASCIIFallback.text(for: "a", width: 1), "a")
  }
}
