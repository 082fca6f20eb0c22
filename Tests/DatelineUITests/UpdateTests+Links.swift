import DatelineCore
import DatelineUI
import XCTest

extension UpdateTests {
  // MARK: - Disputes and going back

  func testDOnADenialGoesToTheClaimItDisputes() throws {
    let s = press(
      "d",
      from: selecting("israel-rejects-soldiers-claim", in: try Seed.state()))
    XCTAssertEqual(s.selectedID, "hamas-soldiers-claim")
    XCTAssertNil(s.overlay)
    XCTAssertEqual(
      s.history.places.map(\.record), ["israel-rejects-soldiers-claim"])
  }

  func testDOnTheSoldiersClaimListsBothSidesAndEnterGoes() throws {
    let s = press(
      "d", from: selecting("hamas-soldiers-claim", in: try Seed.state()))
    guard case .links(let choice) = s.overlay else {
      return XCTFail("a list of two: \(String(describing: s.overlay))")
    }
    XCTAssertEqual(choice.kind, .disputes)
    XCTAssertEqual(
      choice.targets.map { s.corpus.records[$0].id.rawValue },
      ["israel-women-first", "israel-rejects-soldiers-claim"])
    let frame = render(s)
    XCTAssertTrue(
      frame.text.contains("Disputes: Enter goes there, Esc closes"), frame.text)
    XCTAssertTrue(
      frame.text.contains("2023-12-12 » Israel's position unchanged"),
      frame.text)
    XCTAssertEqual(press("Enter", from: s).selectedID, "israel-women-first")
    XCTAssertEqual(
      press("j Enter", from: s).selectedID, "israel-rejects-soldiers-claim")
    XCTAssertEqual(
      press("j j j k Enter", from: s).selectedID, "israel-women-first",
      "the cursor stops at the ends")
    let closed = press("Escape", from: s)
    XCTAssertNil(closed.overlay)
    XCTAssertEqual(closed.selectedID, "hamas-soldiers-claim")
  }

  func testDOnARecordOutsideAnyDisputeSaysSo() throws {
    let s = press("d", from: try Seed.state())
    XCTAssertEqual(s.selection, 0)
    XCTAssertEqual(s.message, "this record is not in a dispute")
  }

  func testBackspaceAndMinusRetraceAChainOfJumps() throws {
    let start = selecting("israel-rejects-soldiers-claim", in: try Seed.state())
    // → the claim → its list → Israel's position
    let chased = press("d d Enter", from: start)
    XCTAssertEqual(chased.selectedID, "israel-women-first")
    XCTAssertEqual(
      press("BSpace", from: chased).selectedID, "hamas-soldiers-claim")
    XCTAssertEqual(
      press("- -", from: chased).selectedID, "israel-rejects-soldiers-claim")
    let tooFar = press("- - -", from: chased)
    XCTAssertEqual(tooFar.selectedID, "israel-rejects-soldiers-claim")
    XCTAssertEqual(tooFar.message, "nowhere to go back to")
  }

  func testGoingBackRestoresTheFiltersAJumpCleared() throws {
    // Israel (2) shows the denial but not the Hamas claim it disputes.
    let filtered = press("2", from: try Seed.state())
    let start = selecting("israel-rejects-soldiers-claim", in: filtered)
    let jumped = press("d", from: start)
    XCTAssertEqual(jumped.selectedID, "hamas-soldiers-claim")
    XCTAssertTrue(jumped.query.isEmpty)
    XCTAssertEqual(
      jumped.message, "filters cleared to show hamas-soldiers-claim")
    let back = press("BSpace", from: jumped)
    XCTAssertEqual(back.query.parties.selected, ["israel"])
    XCTAssertEqual(back.selectedID, "israel-rejects-soldiers-claim")
    XCTAssertEqual(back.rows, start.rows)
  }

  func testFollowingADetailLinkCanBeUndoneToo() throws {
    let s = press(
      "Enter Enter",
      from: selecting("israel-rejects-soldiers-claim", in: try Seed.state()))
    XCTAssertEqual(s.selectedID, "hamas-soldiers-claim")
    XCTAssertEqual(
      press("Tab BSpace", from: s).selectedID, "israel-rejects-soldiers-claim")
  }

  func testTheDisputeMarkerShowsOnBothSides() throws {
    let s = try Seed.state(size120x40)
    let text = render(s).text
    for headline in [
      "Hamas refuses to free", "Israel rejects Hamas",
      "Israel's position unchanged",
    ] {
      let row = try XCTUnwrap(
        text.split(separator: "\n").first { $0.contains(headline) })
      XCTAssertTrue(row.contains("⇄"), String(row))
    }
    let plain = try XCTUnwrap(
      text.split(separator: "\n").first { $0.contains("Hamas unresponsive") })
    XCTAssertFalse(plain.contains("⇄"))
  }

  // MARK: - Revisions

  func testVGoesToTheRevisionAndBackAndTheOlderCountIsMarked() throws {
    let s = try FeatureFixture.state()
    let old = selecting("count-240", in: s)
    XCTAssertEqual(press("v", from: old).selectedID, "count-251")
    XCTAssertEqual(
      press("v", from: selecting("count-251", in: s)).selectedID, "count-240")
    XCTAssertEqual(press("v BSpace", from: old).selectedID, "count-240")
    XCTAssertEqual(press("v", from: s).message, "this record has no revisions")
    let frame = render(old)
    let row = try XCTUnwrap(
      frame.text.split(separator: "\n").first { $0.contains("Ministry: 240") })
    XCTAssertTrue(row.contains("↻"), String(row))
    // Not selected, the superseded headline is dim.
    let other = render(selecting("count-251", in: s))
    let y = try XCTUnwrap(
      other.lines.firstIndex { $0.contains("Ministry: 240") })
    let x = try XCTUnwrap(other.lines[y].range(of: "Ministry: 240")).lowerBound
      .utf16Offset(in: other.lines[y])
    XCTAssertTrue(
      other[x + 2, y].style.dim || other[x, y].style.dim,
      other.styleRuns.joined(separator: "\n"))
  }

  // MARK: - Sources

  func testOCyclesThroughEverySourceEachAtItsOwnQuoteThenCloses() throws {
    let s = selecting("talks-next-week", in: try FeatureFixture.state())
    let first = press("o", from: s)
    XCTAssertEqual(first.pane, .source)
    XCTAssertEqual(first.sourceIndex, 0)
    XCTAssertTrue(
      render(first).text.contains("Source 1 of 3: Example Wire · 2024-03-01"),
      render(first).text)
    let second = press("o o", from: s)
    XCTAssertEqual(second.sourceIndex, 1)
    let text = render(second).text
    XCTAssertTrue(
      text.contains("Source 2 of 3: Example Daily · 2024-03-02"), text)
    XCTAssertTrue(
      text.contains("Talks will resume next week, an agency official said."),
      text)
    let third = press("o o o", from: s)
    XCTAssertEqual(
      third.message, "no quote for this source; showing it from the top")
    XCTAssertNil(
      press("o o o o", from: s).pane, "past the last source the pane closes")
    XCTAssertEqual(
      press("O", from: s).sourceIndex, 2, "O opens at the last source")
    XCTAssertEqual(press("o O", from: s).pane, nil, "O before the first closes")
    XCTAssertEqual(
      press("o o j", from: s).sourceIndex, 1, "j scrolls, the source stays")
    XCTAssertEqual(
      press("o o Tab j", from: s).sourceIndex, 0,
      "another record starts at its first source")
  }

  func testTheCorroborationCountShowsInTheTimeline() throws {
    let text = render(try FeatureFixture.state()).text
    let rows = text.split(separator: "\n")
    XCTAssertTrue(
      try XCTUnwrap(rows.first { $0.contains("talks will resume") }).contains(
        "+2"))
    XCTAssertTrue(
      try XCTUnwrap(rows.first { $0.contains("Ministry: 240") }).contains("+1"))
    XCTAssertFalse(
      try XCTUnwrap(rows.first { $0.contains("Talks resume") }).contains("+"))
  }
}
