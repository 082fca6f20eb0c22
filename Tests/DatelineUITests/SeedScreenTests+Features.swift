import DatelineCore
import DatelineUI
import XCTest

/// Golden screens of the issue-8 features at 80×24, 120×40, 40×10 and 20×5: the density
/// strip, disputes, figures, the date range, the basis filter and marks on the seed; the
/// source ring, revisions and corroboration counts on `Tests/FeatureData`.
extension SeedScreenTests {
  /// `screens` for the feature fixture: the golden, the frame's soundness, the test's checks.
  func fixtureScreens(
    _ name: String, keys: String, file: StaticString = #filePath,
    line: UInt = #line,
    check: (BrowserState, Frame) throws -> Void = { _, _ in }
  ) throws {
    for size in goldenSizes {
      let state = press(
        keys, from: try FeatureFixture.state(size, file: file, line: line))
      let frame = render(state)
      assertGolden(frame, name, file: file, line: line)
      assertSound(frame, "\(name) at \(size):", file: file, line: line)
      try check(state, frame)
    }
  }

  // MARK: - Seed

  func testTheStripDimsWhatAPartyFilterHidesAndMarksTheSelectedDay() throws {
    try screens("strip-filtered", keys: "1 G") { state, frame in
      guard let strip = Layout(state).strip else {
        XCTAssertLessThan(
          state.size.rows, 10, "\(state.size): no strip only on a tiny screen")
        return
      }
      let row = frame.rowTexts(in: strip)[0]
      XCTAssertTrue(row.contains("▁"), "\(state.size): \(row)")
      XCTAssertEqual(
        (0..<state.size.columns).filter {
          frame[$0, strip.row].style == .reverse
        }.count, 1)
    }
  }

  func testDOnTheSoldiersClaimListsTheTwoRecordsOnTheOtherSide() throws {
    try screens("disputes-list", keys: "t 2023-12-12 Enter j d") {
      state, frame in
      guard case .links(let choice) = state.overlay else {
        return XCTFail("\(state.size): no list")
      }
      XCTAssertEqual(choice.targets.count, 2)
      if state.size.columns >= 80 {
        XCTAssertTrue(
          frame.text.contains("Disputes: Enter goes there"), frame.text)
        XCTAssertTrue(
          frame.text.contains("Israel rejects Hamas' claim"), frame.text)
      }
    }
  }

  func testTheDetailOfTheDenialShowsBothSidesSideBySide() throws {
    try screens("dispute-detail", keys: "t 2023-12-12 Enter j j j j j Enter z")
    { state, frame in
      XCTAssertEqual(state.selectedID, "israel-rejects-soldiers-claim")
      if state.size.rows >= 24 && state.size.columns >= 80 {
        XCTAssertTrue(frame.text.contains("this record"), frame.text)
        XCTAssertTrue(frame.text.contains("│ disputed record"), frame.text)
        XCTAssertTrue(frame.text.contains("Israel [official]"), frame.text)
        XCTAssertTrue(frame.text.contains("│ Hamas [official]"), frame.text)
      }
    }
  }

  func testFiguresOfThePMOCountShowTheOtherCountAndWhoStatedIt() throws {
    try screens("figures", keys: "t 2023-12-12 Enter j j j j j j j j f") {
      state, frame in
      XCTAssertEqual(state.selectedID, "pmo-135-116")
      XCTAssertEqual(state.pane, .figures)
      if state.size.rows >= 24 {
        XCTAssertTrue(
          frame.text.contains("hostages remaining in Gaza  ▁█"), frame.text)
        XCTAssertTrue(frame.text.contains("more than 100 people"), frame.text)
        XCTAssertTrue(frame.text.contains("135 people"), frame.text)
      }
    }
  }

  func testATypedRangeShowsAsAChip() throws {
    try screens("range-chip", keys: "r 2023-11..2023-12-01 Enter") {
      state, frame in
      XCTAssertEqual(state.rows.count, 5)
      if state.size.columns >= 80 {
        XCTAssertTrue(
          frame.statusLine.contains("date:2023-11..2023-12-01"),
          frame.statusLine)
      }
    }
  }

  func testTheRangePromptShowsWhatIsTyped() throws {
    try screens("range-typing", keys: "r 2023-11..") { state, frame in
      XCTAssertEqual(state.prompt, .range(text: "2023-11.."))
      XCTAssertTrue(frame.statusLine.hasSuffix("2023-11.."), frame.statusLine)
    }
  }

  func testTheAnonymousBasisFilterShowsItsChip() throws {
    try screens("basis-anonymous", keys: "A A A") { state, frame in
      XCTAssertEqual(state.rows.count, 4)
      if state.size.columns >= 40 {
        XCTAssertTrue(
          frame.statusLine.contains("basis:anonymous"), frame.statusLine)
      }
    }
  }

  func testMarkedRecordsShowABulletInThePointerColumn() throws {
    try screens("marks", keys: "j j m j j j m k") { state, frame in
      XCTAssertEqual(state.marks.count, 2)
      if state.size.rows >= 10 {
        XCTAssertTrue(frame.text.contains("•2023-11 ~"), frame.text)
      }
    }
  }

  // MARK: - Feature fixture

  func testTheFixtureTimelineShowsSourceCountsRevisionsAndDisputes() throws {
    try fixtureScreens("fixture-timeline", keys: "") { state, frame in
      if state.size.columns >= 80 {
        XCTAssertTrue(frame.text.contains("# ↻+1"), frame.text)
        XCTAssertTrue(frame.text.contains("»  +2"), frame.text)
        XCTAssertTrue(frame.text.contains("✗⇄"), frame.text)
      }
    }
  }

  func testTheSecondSourceIsScrolledToItsOwnQuoteWithItsOutletInTheTitle()
    throws
  {
    try fixtureScreens("fixture-sources", keys: "j j j o o") { state, frame in
      XCTAssertEqual(state.sourceIndex, 1)
      if state.size.rows >= 10 && state.size.columns >= 80 {
        XCTAssertTrue(
          frame.text.contains("Source 2 of 3: Example Daily · 2024-03-02"),
          frame.text)
      }
      if let pane = Layout(state).pane, state.size.rows >= 10 {
        XCTAssertEqual(
          highlightedText(frame, code: "RB", in: pane),
          "Talks will resume next week, an agency official said.")
      }
    }
  }

  func testARevisionReadsAsRevisedFromWithDateAndWho() throws {
    try fixtureScreens("fixture-revision", keys: "G k Enter") { state, frame in
      XCTAssertEqual(state.selectedID, "count-251")
      if state.size.rows >= 24 {
        XCTAssertTrue(frame.text.contains("Revised from:"), frame.text)
        XCTAssertTrue(frame.text.contains("(2024-03-01, Ministry)"), frame.text)
      }
    }
  }
}
