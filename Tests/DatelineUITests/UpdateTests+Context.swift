import DatelineCore
import DatelineUI
import XCTest

/// `c` context around a record, `+` / `=`, leaving it; `E` asks for the record's file.
final class ContextUpdateTests: XCTestCase {
  func testContextShowsTheRecordsAroundTheSelectionWithEveryFilterOff() throws {
    var s = press("1 / t r u c e Enter", from: try Seed.state())
    let filtered = s.rows.count
    let id = try XCTUnwrap(s.selectedID)
    s = press("c", from: s)
    XCTAssertEqual(s.selectedID, id, "the selection is kept")
    XCTAssertTrue(s.query.parties.isEmpty)
    XCTAssertEqual(s.search, "")
    let index = try XCTUnwrap(s.corpus.recordIndex[Record.ID(id)])
    let lo = s.corpus.firstDay(at: index).dayNumber - 3
    let hi = s.corpus.lastDay(at: index).dayNumber + 3
    let expected = s.corpus.records.indices.filter {
      s.corpus.lastDay(at: $0).dayNumber >= lo
        && s.corpus.firstDay(at: $0).dayNumber <= hi
    }
    XCTAssertEqual(s.rows.positions, expected)
    XCTAssertTrue(
      render(update(s, .resize(s.size))).statusLine.contains("context ±3d"),
      render(s).statusLine)
    // Wider, then narrower than at first.
    s = press("+", from: s)
    XCTAssertEqual(s.workbench.context?.days, 7)
    XCTAssertGreaterThanOrEqual(s.rows.count, expected.count)
    s = press("= =", from: s)
    XCTAssertEqual(s.workbench.context?.days, 1)
    // Esc leaves: the filters and search come back, the record still selected.
    s = press("Escape", from: s)
    XCTAssertNil(s.workbench.context)
    XCTAssertEqual(s.rows.count, filtered)
    XCTAssertEqual(s.search, "truce")
    XCTAssertEqual(s.selectedID, id)
    // `c` twice is in and out too.
    XCTAssertEqual(press("c c", from: s).rows.count, filtered)
  }

  func testEAsksTheShellForTheRecordsFileAndTheEditorsAnswerReloads() throws {
    var s = press("j E", from: try Seed.state())
    XCTAssertEqual(s.workbench.recordToEdit?.rawValue, s.selectedID)
    s = update(s, .editorFinished(error: nil))
    XCTAssertNil(s.workbench.recordToEdit)
    XCTAssertTrue(s.live.loadWanted)
  }

  func testTheRecordLocatorFindsARecordsFileAndLine() throws {
    let place = try XCTUnwrap(RecordLocator.locate("truce", in: Seed.directory))
    XCTAssertTrue(place.path.hasSuffix("/records.json"))
    let lines = try String(contentsOfFile: place.path, encoding: .utf8)
      .components(separatedBy: "\n")
    XCTAssertTrue(
      lines[place.line - 1].contains("\"truce\""), lines[place.line - 1])
    XCTAssertNil(RecordLocator.locate("no-such-record", in: Seed.directory))
    // A party id is not a record: "hamas" is only in parties.json.
    XCTAssertNil(RecordLocator.locate("hamas", in: Seed.directory))
  }

  func testContextScreenAtThreeSizes() throws {
    for size in [
      Size(columns: 20, rows: 5), Size(columns: 80, rows: 24),
      Size(columns: 200, rows: 50),
    ] {
      assertGolden(
        render(press("1 t 2023-12-01 Enter c", from: try Seed.state(size))),
        "context")
    }
  }
}
