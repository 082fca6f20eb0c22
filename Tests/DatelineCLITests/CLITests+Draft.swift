import Foundation
import XCTest

/// `dateline draft` on the built binary: the temporal-expression interface and its errors.
extension CLITests {
  static let draftFixtures = root.appendingPathComponent("Tests/DatelineCLITests/Draft").path
  static let seedArticle = root.appendingPathComponent("Data/sources/hostage-talks-article.txt").path

  func testDraftTimexesOfTheSeedArticleMatchTheGolden() throws {
    let r = try run(["draft", "--timexes", Self.seedArticle, "--published", "2023-12-12"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let golden = try String(contentsOfFile: Self.draftFixtures + "/seed-timexes.jsonl", encoding: .utf8)
    XCTAssertEqual(r.stdout, golden)
    for line in r.stdout.split(separator: "\n") {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      XCTAssertNotNil(object?["start"] as? Int)
      XCTAssertNotNil(object?["end"] as? Int)
      XCTAssertNotNil(object?["text"] as? String)
      XCTAssertTrue(object?.keys.contains("value") ?? false)
    }
  }

  func testDraftRejectsABadPublicationDateAndAMissingFile() throws {
    let bad = try run(["draft", "--timexes", Self.seedArticle, "--published", "2023-13-12"])
    XCTAssertEqual(bad.status, 2)
    XCTAssertTrue(bad.stderr.contains("--published: expected YYYY-MM-DD"), bad.stderr)
    let missing = try run(["draft", "--timexes", "/nonexistent/article.txt", "--published", "2023-12-12"])
    XCTAssertEqual(missing.status, 2)
    XCTAssertEqual(missing.stdout, "")
    XCTAssertTrue(missing.stderr.contains("cannot read"), missing.stderr)
  }

  func testDraftTimexOffsetsCountScalarsOfTheFileAsItIs() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draft-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("a.txt")
    try Data("Caf\u{E9} 🇺🇸\r\nOn Dec. 1 it ended.".utf8).write(to: file)
    let r = try run(["draft", "--timexes", file.path, "--published", "2023-12-12"])
    XCTAssertEqual(r.stdout, #"{"start": 12, "end": 18, "text": "Dec. 1", "value": "2023-12-01", "type": "date", "precision": "day", "inferred": true, "tense": "past"}"# + "\n")
  }
}
