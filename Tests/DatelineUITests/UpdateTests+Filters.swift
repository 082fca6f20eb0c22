import DatelineCore
import DatelineUI
import XCTest

extension UpdateTests {
  /// Record ids involving any of `parties` (by hand from the data, not through the query).
  func ids(involving parties: Set<Party.ID>, in corpus: Corpus) -> [String] {
    corpus.records.filter { $0.parties.contains { parties.contains($0.id) } }
      .map(\.id.rawValue)
  }

  static let hamasFamily: Set<Party.ID> = [
    "hamas", "hamas-political", "hamas-gaza-leaders",
  ]
  static let israelFamily: Set<Party.ID> = ["israel", "il-pmo", "idf"]

  // MARK: - Digits, a, 0

  func testADigitTogglesItsPartyAndAgainRemovesIt() throws {
    let s = try Seed.state()
    let hamas = press("1", from: s)
    XCTAssertEqual(hamas.query.parties.selected, ["hamas"])
    XCTAssertEqual(
      hamas.shownIDs, ids(involving: Self.hamasFamily, in: s.corpus))
    XCTAssertTrue(
      render(hamas).statusLine.hasPrefix(" Data  16/24  [Hamas]"),
      render(hamas).statusLine)
    let off = press("1 1", from: s)
    XCTAssertEqual(off.query.parties.selected, [])
    XCTAssertEqual(off.rows.count, 24)
    XCTAssertTrue(
      render(off).statusLine.hasPrefix(" Data  24/24 "), render(off).statusLine)
  }

  func testADigitWithoutAPartySaysSoAndChangesNothing() throws {
    // The fixture has six parties, so keys 7–9 are free.
    let start = try WideFixture.state(size80x24)
    XCTAssertNil(start.corpus.filterKeys[9])
    let s = press("9", from: start)
    XCTAssertEqual(s.message, "no party on key 9")
    XCTAssertEqual(s.query, start.query)
    XCTAssertTrue(
      render(s).statusLine.contains("no party on key 9"), render(s).statusLine)
  }

  func testATogglesBetweenAnyAndAllSelectedParties() throws {
    let s = try Seed.state()
    let any = press("1 2", from: s)
    XCTAssertEqual(any.query.parties.mode, .any)
    XCTAssertEqual(
      any.shownIDs,
      ids(involving: Self.hamasFamily.union(Self.israelFamily), in: s.corpus))
    let all = press("1 2 a", from: s)
    XCTAssertEqual(all.query.parties.mode, .all)
    let both = Set(ids(involving: Self.hamasFamily, in: s.corpus)).intersection(
      ids(involving: Self.israelFamily, in: s.corpus))
    XCTAssertEqual(Set(all.shownIDs), both)
    XCTAssertLessThan(all.rows.count, any.rows.count)
    XCTAssertTrue(
      render(all).statusLine.contains("[Hamas] [Israel] all"),
      render(all).statusLine)
    XCTAssertEqual(press("1 2 a a", from: s).query.parties.mode, .any)
  }

  func testZeroClearsEveryFilter() throws {
    let s = press("1 2 a 0", from: try Seed.state())
    XCTAssertEqual(s.query, TimelineQuery())
    XCTAssertEqual(s.rows.count, 24)
  }

  // MARK: - The party list

  func testPOpensThePartyListAndJAndKMoveItsCursorWithinBounds() throws {
    let s = try Seed.state()
    XCTAssertEqual(press("p", from: s).overlay, .parties(cursor: 0))
    XCTAssertEqual(press("p j j", from: s).overlay, .parties(cursor: 2))
    XCTAssertEqual(press("p Down k", from: s).overlay, .parties(cursor: 0))
    XCTAssertEqual(press("p k", from: s).overlay, .parties(cursor: 0))
    let end = press(
      "p " + Array(repeating: "j", count: 20).joined(separator: " "), from: s)
    XCTAssertEqual(end.overlay, .parties(cursor: s.corpus.parties.count - 1))
    XCTAssertEqual(
      press("p j j", from: s).selection, 0,
      "j in the list does not move the timeline")
  }

  func testSpaceInThePartyListTogglesThePartyUnderTheCursor() throws {
    let s = try Seed.state()
    let on = press("p j Space", from: s)
    XCTAssertEqual(on.query.parties.selected, ["hamas-political"])
    XCTAssertEqual(on.overlay, .parties(cursor: 1), "the list stays open")
    XCTAssertEqual(on.shownIDs, ["qatar-hamas-channel"])
    XCTAssertTrue(
      render(on).text.contains("[x]     Hamas political officials"),
      render(on).text)
    XCTAssertEqual(press("p j Space Space", from: s).query.parties.selected, [])
    XCTAssertEqual(
      press("p j Enter", from: s).query.parties.selected, ["hamas-political"])
  }

  func testEscapePAndQCloseThePartyList() throws {
    let s = try Seed.state()
    for keys in ["p Escape", "p p", "p q"] {
      let closed = press(keys, from: s)
      XCTAssertNil(closed.overlay, keys)
      XCTAssertFalse(closed.quit, keys)
    }
  }

  func testThePartyListCountsFollowTheFilter() throws {
    let s = press("1 p", from: try Seed.state())
    let shown = Set(s.shownIDs)
    let israelAndHamas = ids(involving: Self.israelFamily, in: s.corpus).filter
    { shown.contains($0) }
    XCTAssertEqual(s.counts["israel"], israelAndHamas.count)
    XCTAssertEqual(s.counts["hamas"], 16)
    let text = render(s).text
    XCTAssertNotNil(
      text.range(of: #"\[x\] 1 Hamas +16 │"#, options: .regularExpression), text
    )
    XCTAssertNotNil(
      text.range(
        of: #"\[ \] 2 Israel +\#(israelAndHamas.count) │"#,
        options: .regularExpression), text)
  }

  // MARK: - Where the selection goes when the filter changes

  func testAFilterKeepsTheSelectionOnTheSameRecordWhenItIsStillShown() throws {
    let start = selecting("hamas-soldiers-claim", in: try Seed.state())
    let s = press("1", from: start)
    XCTAssertEqual(s.selectedID, "hamas-soldiers-claim")
    XCTAssertEqual(press("1 2", from: start).selectedID, "hamas-soldiers-claim")
  }

  func testAFilterMovesTheSelectionToTheNearestRecordInTimeWhenItIsHidden()
    throws
  {
    // truce (24 Nov) is not a US record; the US records around it are 1 Nov and 6 Dec.
    let start = selecting("truce", in: try Seed.state())
    let s = press("3", from: start)
    XCTAssertFalse(s.shownIDs.contains("truce"))
    XCTAssertEqual(s.selectedID, "qatar-relays-ideas")
    // Worked out independently: the shown record with the fewest days from 2023-11-24.
    let day = try XCTUnwrap(start.selectedRecord).firstDay.dayNumber
    let nearest = s.rows.min {
      abs(s.corpus.records[$0].firstDay.dayNumber - day)
        < abs(s.corpus.records[$1].firstDay.dayNumber - day)
    }
    XCTAssertEqual(
      s.corpus.records[try XCTUnwrap(nearest)].id.rawValue, "qatar-relays-ideas"
    )
  }

  func testAFilterThatHidesEverythingAfterTheSelectionSelectsTheLastShown()
    throws
  {
    let start = press("G", from: try Seed.state())
    let s = press("4", from: start)
    XCTAssertEqual(s.selection, s.rows.endIndex - 1)
    XCTAssertEqual(s.selectedID, "talks-continue")
  }

  func testAFilterThatHidesEverythingBeforeTheSelectionSelectsTheFirstShown()
    throws
  {
    let s = press("9", from: try Seed.state())
    let party = try XCTUnwrap(s.corpus.filterKeys[9])
    XCTAssertEqual(s.selection, 0)
    XCTAssertEqual(
      s.shownIDs,
      ids(
        involving: s.corpus.descendants(of: party).reduce(into: Set<Party.ID>())
        { $0.insert(s.corpus.parties[$1].id) },
        in: s.corpus))
  }

  func testTheSelectionStaysVisibleAfterAFilter() throws {
    let start = press("G", from: try Seed.state(size40x10))
    for keys in ["1", "2", "5", "1 2 a", "0"] {
      let s = press(keys, from: start)
      XCTAssertEqual(
        render(s).rows(styled: .reverse, in: Layout(s).timeline).count, 1,
        "after \(keys):\n\(render(s).text)")
    }
  }
}
