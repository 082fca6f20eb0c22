import XCTest

/// `screen` draws the browser's first state: a load's errors are in its errors pane (`!`)
/// and its status line, as the browser has them, on a full load and on a first open.
extension CLITests {
  func testScreenListsTheLoadsErrorsAsTheBrowserDoes() throws {
    let dir = try tempData([
      "parties.json": Self.parties, "sources.json": Self.sources,
      "records.json":
        #"{"schema":1,"type":"records","items":[{"id":"r1","date":"2023-12-01","kind":"event","parties":["a"],"headline":"Kept","source":"s"},{"id":"r2","date":"2023-12-02","kind":"rumour","parties":["a"],"headline":"H","source":"s"}]}"#,
    ])
    for open in [[], ["--first-open"]] {
      let first = try run(
        ["screen", "--data", dir, "--size", "100x30"] + open)
      XCTAssertEqual(first.status, 0, first.stderr)
      XCTAssertTrue(
        first.stdout.contains("1 error, 1 item left out: ! lists them"),
        "\(open): \(first.stdout)")
      let pane = try run(
        ["screen", "--data", dir, "--size", "100x30", "--keys", "!"] + open)
      XCTAssertEqual(pane.status, 0, pane.stderr)
      XCTAssertTrue(
        pane.stdout.contains("rumour"), "\(open): \(pane.stdout)")
      XCTAssertFalse(
        pane.stdout.contains("no errors or warnings"), "\(open): \(pane.stdout)"
      )
    }
  }
}
