import DatelineCore
import DatelineUI
import XCTest

extension UpdateTests {
  // MARK: - Days and months

  func testRightBracketGoesToTheFirstRecordOfTheNextDayWithRecords() throws {
    let s = try Seed.state()
    XCTAssertEqual(
      press("]", from: s).selectedID, "first-round-cumbersome",
      "7 October, then the month record of November")
    XCTAssertEqual(press("] ]", from: s).selectedID, "truce")
    let december12 = press("t 2023-12-12 Enter j j j ]", from: s)
    XCTAssertEqual(
      december12.selectedID, "biden-families-meeting",
      "from inside 12 December to the 13th")
    let last = press("G ]", from: s)
    XCTAssertEqual(last.selectedID, "biden-families-meeting")
    XCTAssertEqual(last.message, "no later day with records")
  }

  func testLeftBracketGoesToTheFirstRecordOfThePreviousDay() throws {
    let s = try Seed.state()
    XCTAssertEqual(
      press("G [", from: s).selectedID, "biden-tunnel-doubts",
      "the 13th, then the first of the 12th")
    XCTAssertEqual(
      press("t 2023-12-12 Enter j j [", from: s).selectedID,
      "qatar-relays-ideas", "not the start of the same day")
    let first = press("[", from: s)
    XCTAssertEqual(first.selection, 0)
    XCTAssertEqual(first.message, "no earlier day with records")
  }

  func testBracesStepByMonth() throws {
    let s = try Seed.state()
    XCTAssertEqual(press("}", from: s).selectedID, "first-round-cumbersome")
    XCTAssertEqual(
      press("} }", from: s).selectedID, "israel-resumes-operations")
    XCTAssertEqual(
      press("} } }", from: s).message, "no later month with records")
    XCTAssertEqual(press("G {", from: s).selectedID, "first-round-cumbersome")
    XCTAssertEqual(press("G { {", from: s).selectedID, "oct7-abductions")
    XCTAssertEqual(press("{", from: s).message, "no earlier month with records")
  }

  func testMonthStepsSkipMonthsWithoutRecords() throws {
    let s = try FeatureFixture.state()
    XCTAssertEqual(s.selectedID, "front-formed")
    XCTAssertEqual(
      press("}", from: s).selectedID, "count-240",
      "January 2024, then March: February is empty")
    XCTAssertEqual(press("G {", from: s).selectedID, "front-formed")
  }

  func testTimeKeysStayWithinTheFilteredRecords() throws {
    let hamas = press("1 t 2023-12-01 Enter", from: try Seed.state())
    XCTAssertEqual(hamas.selectedID, "israel-resumes-operations")
    XCTAssertEqual(
      press("]", from: hamas).selectedID, "qatar-relays-ideas",
      "past the month record that also starts on the 1st")
    XCTAssertEqual(
      press("] ]", from: hamas).selectedID, "hamas-soldiers-claim",
      "the first Hamas record of the 12th")
  }

  // MARK: - t with steps

  func testTAcceptsStepsRelativeToTheSelection() throws {
    let s = try Seed.state()
    let from12 = press("t 2023-12-12 Enter", from: s)
    XCTAssertEqual(
      press("t -1w Enter", from: from12).selectedID, "qatar-relays-ideas",
      "on or after 5 December")
    XCTAssertEqual(
      press("t -3d Enter", from: from12).selectedID, "biden-tunnel-doubts",
      "9 December has nothing: the 12th")
    XCTAssertEqual(
      press("t -1m Enter", from: from12).selectedID, "truce",
      "on or after 12 November")
    XCTAssertEqual(
      press("t +1d Enter", from: from12).selectedID, "biden-families-meeting")
    let past = press("t +1y Enter", from: from12)
    XCTAssertEqual(past.selectedID, "biden-tunnel-doubts", "stays put")
    XCTAssertEqual(past.message, "no record on or after 2024-12-12 (+1y)")
    XCTAssertEqual(press("t -1y Enter", from: from12).selection, 0)
  }

  func testAJumpCanBeUndoneWithBackspace() throws {
    let s = press("j j t 2023-12-12 Enter", from: try Seed.state())
    XCTAssertEqual(s.selectedID, "biden-tunnel-doubts")
    XCTAssertEqual(
      press("BSpace", from: s).selectedID, "first-round-cumbersome")
  }
}
