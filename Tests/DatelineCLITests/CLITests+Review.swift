import Foundation
import XCTest

/// `dateline review` on the built binary: its usage errors and missing files (the browser
/// itself is tested through the reducer and tmux: Tests/EndToEnd/review-test.sh).
extension CLITests {
  func testReviewUsageErrors() throws {
    let none = try run(["review"])
    XCTAssertEqual(none.status, 2)
    XCTAssertTrue(
      none.stderr.contains("Missing expected argument '<drafts.jsonl>'"),
      none.stderr)
    let text = try run(["review", "notes.txt", "--data", Self.seed])
    XCTAssertEqual(text.status, 2)
    XCTAssertTrue(
      text.stderr.contains("the drafts file must be JSON Lines (NAME.jsonl)"),
      text.stderr)
    let into = try run([
      "review", "d.jsonl", "--into", "records.json", "--data", Self.seed,
    ])
    XCTAssertEqual(into.status, 2)
    XCTAssertTrue(
      into.stderr.contains(
        "--into: accepted records are appended as lines to a .jsonl file"),
      into.stderr)
    XCTAssertEqual(into.stdout, "")
  }

  func testReviewOfAMissingOrUnreadableDraftsFileSaysSo() throws {
    let missing = try run([
      "review", "/nonexistent/talks.jsonl", "--data", Self.seed,
    ])
    XCTAssertEqual(missing.status, 2)
    XCTAssertEqual(
      missing.stderr,
      "dateline: no such drafts file: /nonexistent/talks.jsonl\n")
    let dir = try tempData([:])
    try FileManager.default.createDirectory(
      atPath: dir + "/odd.jsonl", withIntermediateDirectories: true)
    let directory = try run(["review", dir + "/odd.jsonl", "--data", Self.seed])
    XCTAssertEqual(directory.status, 2)
    XCTAssertTrue(
      directory.stderr.contains("odd.jsonl: not a readable file"),
      directory.stderr)
  }

  func testReviewNeedsATerminalLikeTheBrowser() throws {
    let dir = try tempData(["talks.jsonl": ""])
    let r = try run(["review", dir + "/talks.jsonl", "--data", Self.seed])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("the browser needs a terminal"), r.stderr)
  }

  func testReviewHelpNamesTheKeys() throws {
    let r = try run(["review", "--help"])
    XCTAssertEqual(r.status, 0)
    XCTAssertTrue(r.stdout.contains("s accepts it"), r.stdout)
    XCTAssertTrue(r.stdout.contains("--into <file>"), r.stdout)
  }
}
