import DatelineUI
import Foundation
import XCTest

/// The golden helper itself: it records, it matches, and its failures say what to do.
final class GoldenTests: XCTestCase {
  var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-golden-\(UUID().uuidString)")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  func frame(_ text: String, bold: Bool = false) -> Frame {
    var f = Frame(size: Size(columns: 6, rows: 2))
    f.put(text, at: Position(column: 0, row: 0), style: bold ? .bold : .plain)
    return f
  }

  func testAMissingGoldenFailsAndSaysHowToRecordIt() throws {
    let failure = try XCTUnwrap(
      Golden.check(frame("ab"), "missing", in: directory, recording: false))
    XCTAssertTrue(failure.contains("missing.6x2.txt"), failure)
    XCTAssertTrue(failure.contains("DATELINE_RECORD=1"), failure)
  }

  func testRecordingIsOffUnderCI() {
    XCTAssertTrue(Golden.recording(in: ["DATELINE_RECORD": "1"]))
    XCTAssertFalse(
      Golden.recording(in: ["DATELINE_RECORD": "1", "DATELINE_CI": "1"]))
    XCTAssertFalse(Golden.recording(in: [:]))
    // scripts/test.sh unsets DATELINE_RECORD; a CI run that bypassed it fails here.
    let environment = ProcessInfo.processInfo.environment
    if environment["DATELINE_CI"] != nil {
      XCTAssertNotEqual(
        environment["DATELINE_RECORD"], "1",
        "DATELINE_RECORD=1 under CI would accept any screen")
    }
  }

  func testRecordingWritesTheFileAndThenTheSameFrameMatches() throws {
    XCTAssertNil(
      Golden.check(frame("ab", bold: true), "t", in: directory, recording: true)
    )
    let written = try String(
      contentsOf: Golden.url("t", Size(columns: 6, rows: 2), in: directory),
      encoding: .utf8)
    XCTAssertEqual(written, "ab\n\n--- styles\nrow 0: 0-1 B\n")
    XCTAssertNil(
      Golden.check(
        frame("ab", bold: true), "t", in: directory, recording: false))
  }

  func testAChangedCellFailsWithBothRowsShown() throws {
    XCTAssertNil(
      Golden.check(frame("abc"), "t", in: directory, recording: true))
    let failure = try XCTUnwrap(
      Golden.check(frame("abd"), "t", in: directory, recording: false))
    XCTAssertTrue(
      failure.contains("row 0:\n  expected |abc|\n  actual   |abd|"), failure)
  }

  func testAChangedStyleAloneFailsAndNamesTheRun() throws {
    XCTAssertNil(
      Golden.check(frame("abc"), "t", in: directory, recording: true))
    let failure = try XCTUnwrap(
      Golden.check(
        frame("abc", bold: true), "t", in: directory, recording: false))
    XCTAssertTrue(failure.contains("  + row 0: 0-2 B"), failure)
  }

  func testTrailingSpacesAreTrimmedButLeadingOnesCount() throws {
    XCTAssertEqual(Golden.text(of: frame(" a  ")), " a\n\n--- styles\n")
    XCTAssertNil(Golden.check(frame(" a"), "t", in: directory, recording: true))
    XCTAssertNotNil(
      Golden.check(frame("a"), "t", in: directory, recording: false))
  }
}
