import DatelineCore
import DatelineUI
import XCTest

extension UpdateTests {
  // MARK: - Bookmarks

  func testMMarksTheRecordAndAsksTheShellToSaveWithoutDoingIt() throws {
    let s = press("j m", from: try Seed.state())
    XCTAssertEqual(s.marks, ["first-round-talks"])
    XCTAssertEqual(
      s.marksToSave, ["first-round-talks"], "what to save, as a value")
    XCTAssertEqual(s.message, "marked (' goes to the next mark)")
    let saved = update(s, .marksSaved(error: nil))
    XCTAssertNil(saved.marksToSave)
    XCTAssertEqual(
      saved.message, s.message,
      "the shell's answer does not wipe what the key said")
    XCTAssertEqual(saved.marks, ["first-round-talks"])
    let unmarked = press("m", from: saved)
    XCTAssertEqual(unmarked.marks, [])
    XCTAssertEqual(
      unmarked.marksToSave, [], "an empty set is still something to save")
    XCTAssertEqual(unmarked.message, "mark removed")
  }

  func testAFailedSaveIsReported() throws {
    let s = update(
      press("m", from: try Seed.state()),
      .marksSaved(error: "read-only file system"))
    XCTAssertNil(s.marksToSave)
    XCTAssertEqual(s.message, "marks not saved: read-only file system")
  }

  func testQuoteCyclesThroughTheMarksInTimelineOrder() throws {
    let s = press("j j m G m t 2023-12 Enter m g", from: try Seed.state())
    XCTAssertEqual(s.marks.count, 3)
    let first = press("'", from: s)
    XCTAssertEqual(first.selectedID, "first-round-cumbersome")
    XCTAssertEqual(first.message, "mark 1 of 3")
    XCTAssertEqual(
      press("' '", from: s).selectedID, "israel-resumes-operations")
    XCTAssertEqual(press("' ' '", from: s).selectedID, "biden-families-meeting")
    let wrapped = press("' ' ' '", from: s)
    XCTAssertEqual(wrapped.selectedID, "first-round-cumbersome")
    XCTAssertEqual(wrapped.message, "mark 1 of 3 (wrapped)")
    XCTAssertEqual(
      press("' BSpace", from: s).selection, 0, "a mark jump can be undone")
  }

  func testWithoutMarksQuoteSaysHowToMake() throws {
    XCTAssertEqual(
      press("'", from: try Seed.state()).message, "no marks (m marks a record)")
    // oct7 is not a US record
    let hidden = press("m 3", from: try Seed.state())
    XCTAssertEqual(
      press("'", from: hidden).message,
      "no marked record is shown (0 clears the filters)")
  }

  func testMarksLoadedByTheShellShowInThePointerColumn() throws {
    var s = try Seed.state()
    s.marks = ["truce", "no-longer-in-the-data"]
    let frame = render(s)
    let row = try XCTUnwrap(
      frame.lines.first { $0.contains("Seven-day truce") })
    XCTAssertTrue(row.hasPrefix("•2023-11-24"), row)
    XCTAssertEqual(
      press("'", from: s).selectedID, "truce",
      "an unknown id is kept but skipped")
    XCTAssertEqual(
      press("' m", from: s).marksToSave, ["no-longer-in-the-data"],
      "and saved again")
  }
}
