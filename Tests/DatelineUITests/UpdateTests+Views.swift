import DatelineCore
import DatelineUI
import XCTest

/// `V`: saving the current filters as a view, opening it, and the session restored.
final class ViewUpdateTests: XCTestCase {
  func testAViewSavesFiltersSearchAndRangeAndOpensThemAgain() throws {
    var s = press(
      "1 A r 2 0 2 3 - 1 2 . . Enter * # Space Escape", from: try Seed.state())
    s = press("/ t a l k s Enter", from: s)
    let shown = s.rows
    s = press("V Enter h a m a s - d e c Enter", from: s)
    XCTAssertTrue(s.workbench.viewsToSave)
    XCTAssertEqual(s.message, "view hamas-dec saved")
    let view = try XCTUnwrap(s.workbench.views.view(named: "hamas-dec"))
    XCTAssertEqual(view.query.search, "talks")
    XCTAssertTrue(view.filter.starredOnly)
    // The JSON form reads back as the same view.
    let node = try Array(view.jsonObject.utf8).withUnsafeBytes {
      try JSONParser.parse($0)
    }
    XCTAssertEqual(SavedView.decode(node), view)

    s = update(s, .viewsSaved(error: nil))
    s = press("0 # Space Escape", from: s)
    XCTAssertEqual(s.rows.count, 24)
    s = press("V j Enter", from: s)
    XCTAssertEqual(s.rows, shown)
    XCTAssertEqual(s.search, "talks")
    XCTAssertEqual(s.message, "view hamas-dec: \(shown.count) records")
  }

  func testTheViewNamePromptIsShownAsItIsTyped() throws {
    let s = press("V Enter h a m", from: try Seed.state())
    let frame = render(s)
    // The status line used to be drawn over this prompt.
    XCTAssertEqual(
      frame.lines[frame.size.rows - 1].trimmingCharacters(in: .whitespaces),
      "save the view as: ham")
  }

  func testTheCommandLineSavesAndOpensViews() throws {
    var s = press(
      "1 : v i e w Space s a v e Space h a m a s Enter", from: try Seed.state())
    XCTAssertEqual(
      s.workbench.views.view(named: "hamas")?.query.parties.selected, ["hamas"])
    XCTAssertTrue(s.workbench.viewsToSave)
    let shown = s.rows
    s = press("0 : v i e w Space h a m a s Enter", from: s)
    XCTAssertEqual(s.rows, shown)
    s = press(": v i e w Space n o p e Enter", from: s)
    XCTAssertEqual(s.message, "no view named nope (views: hamas)")
  }

  func testTheLastSessionIsRestoredWithItsRecord() throws {
    var before = press("2 G k", from: try Seed.state())
    var book = ViewBook()
    book.last = before.currentView(named: "last")
    book.lastRecord = before.selectedRecord?.id
    var after = try Seed.state()
    after.workbench.views = book
    after.restoreLastSession()
    XCTAssertEqual(after.rows, before.rows)
    XCTAssertEqual(after.selectedID, before.selectedID)
    before = press("V", from: before)
    assertGolden(render(before), "views-empty")
  }

  func testTheViewListAtThreeSizes() throws {
    for size in [
      Size(columns: 20, rows: 5), Size(columns: 80, rows: 24),
      Size(columns: 200, rows: 50),
    ] {
      let s = press(
        "1 V Enter h a m a s Enter 0 / d o h a Enter V Enter d o h a Enter V",
        from: try Seed.state(size))
      assertGolden(render(s), "views-list")
    }
  }
}
