import Foundation
import XCTest

/// `dateline draft` on the built binary: the temporal-expression interface and its errors.
extension CLITests {
  static let draftFixtures = root.appendingPathComponent(
    "Tests/DatelineCLITests/Draft"
  ).path
  static let seedArticle = root.appendingPathComponent(
    "Data/sources/hostage-talks-article.txt"
  ).path

  func testDraftTimexesOfTheSeedArticleMatchTheGolden() throws {
    let r = try run([
      "draft", "--timexes", Self.seedArticle, "--published", "2023-12-12",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let golden = try String(
      contentsOfFile: Self.draftFixtures + "/seed-timexes.jsonl",
      encoding: .utf8)
    XCTAssertEqual(r.stdout, golden)
    for line in r.stdout.split(separator: "\n") {
      let object =
        try JSONSerialization.jsonObject(with: Data(line.utf8))
        as? [String: Any]
      XCTAssertNotNil(object?["start"] as? Int)
      XCTAssertNotNil(object?["end"] as? Int)
      XCTAssertNotNil(object?["text"] as? String)
      XCTAssertTrue(object?.keys.contains("value") ?? false)
    }
  }

  func testDraftRejectsABadPublicationDateAndAMissingFile() throws {
    let bad = try run([
      "draft", "--timexes", Self.seedArticle, "--published", "2023-13-12",
    ])
    XCTAssertEqual(bad.status, 2)
    XCTAssertTrue(
      bad.stderr.contains("--published: expected YYYY-MM-DD"), bad.stderr)
    let missing = try run([
      "draft", "--timexes", "/nonexistent/article.txt", "--published",
      "2023-12-12",
    ])
    XCTAssertEqual(missing.status, 2)
    XCTAssertEqual(missing.stdout, "")
    XCTAssertTrue(missing.stderr.contains("cannot read"), missing.stderr)
  }

  func testDraftTimexOffsetsCountScalarsOfTheFileAsItIs() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "draft-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("a.txt")
    try Data("Caf\u{E9} 🇺🇸\r\nOn Dec. 1 it ended.".utf8).write(to: file)
    let r = try run([
      "draft", "--timexes", file.path, "--published", "2023-12-12",
    ])
    XCTAssertEqual(
      r.stdout,
      #"{"start": 12, "end": 18, "text": "Dec. 1", "value": "2023-12-01", "type": "date", "precision": "day", "inferred": true, "tense": "past"}"#
        + "\n")
  }
}

/// `dateline draft` writing into a data directory: drafts, proposals and the source, and
/// what it wrote loads without errors.
extension CLITests {
  func copyOfSeed() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "draft-data-\(UUID().uuidString)")
    try FileManager.default.copyItem(atPath: Self.seed, toPath: dir.path)
    return dir
  }

  func testDraftIntoADataDirectoryWritesFilesThatValidate() throws {
    let dir = try copyOfSeed()
    defer { try? FileManager.default.removeItem(at: dir) }
    let article = dir.appendingPathComponent("new-article.txt")
    try """
    Talks resume in Cairo

    Negotiators from Israel and Hamas met in Cairo on Monday, Egyptian officials said. \
    Defense Minister Karel Hodza told reporters the talks would continue until Friday.
    """.write(to: article, atomically: true, encoding: .utf8)
    let r = try run([
      "draft", article.path, "--published", "2024-01-10", "--data", dir.path,
      "--outlet", "Wire", "--source-id",
      "wire-cairo",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("2 drafts in"), r.stdout)
    let fm = FileManager.default
    XCTAssertTrue(fm.fileExists(atPath: dir.path + "/drafts/wire-cairo.jsonl"))
    XCTAssertTrue(
      fm.fileExists(
        atPath: dir.path + "/drafts/wire-cairo.parties-proposed.json"))
    XCTAssertTrue(fm.fileExists(atPath: dir.path + "/sources/wire-cairo.txt"))
    // The directory itself still validates (drafts/ is not read as data) …
    let plain = try run(["validate", "--data", dir.path])
    XCTAssertEqual(plain.status, 0, plain.stderr)
    // … and so do the drafts with their proposed parties, read as data.
    try fm.copyItem(
      atPath: dir.path + "/drafts/wire-cairo.jsonl",
      toPath: dir.path + "/drafted.jsonl")
    try fm.copyItem(
      atPath: dir.path + "/drafts/wire-cairo.parties-proposed.json",
      toPath: dir.path + "/proposed.json")
    let drafted = try run(["validate", "--data", dir.path])
    XCTAssertEqual(drafted.status, 0, drafted.stderr)
    XCTAssertTrue(drafted.stdout.contains("0 errors"), drafted.stdout)
    let lines = try String(
      contentsOfFile: dir.path + "/drafted.jsonl", encoding: .utf8)
    XCTAssertTrue(lines.contains(#""date": "2024-01-08""#), lines)
    XCTAssertTrue(lines.contains(#""basis": "named""#), lines)
  }

  func testDraftOfTheSeedIntoItsOwnDirectoryValidatesAgainstTheSource() throws {
    let dir = try copyOfSeed()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try run([
      "draft", dir.path + "/sources/hostage-talks-article.txt", "--published",
      "2023-12-12", "--data", dir.path,
      "--source-id", "cnn-hostage-talks",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    try FileManager.default.copyItem(
      atPath: dir.path + "/drafts/cnn-hostage-talks.jsonl",
      toPath: dir.path + "/drafted.jsonl")
    let proposed = dir.path + "/drafts/cnn-hostage-talks.parties-proposed.json"
    if FileManager.default.fileExists(atPath: proposed) {
      try FileManager.default.copyItem(
        atPath: proposed, toPath: dir.path + "/proposed.json")
    }
    let v = try run(["validate", "--data", dir.path])
    XCTAssertEqual(v.status, 0, v.stderr)
    XCTAssertTrue(v.stdout.contains("0 errors"), v.stdout)
    // A different text under an existing source id is refused, nothing overwritten.
    let other = dir.appendingPathComponent("other.txt")
    try "Something else entirely happened on Monday.".write(
      to: other, atomically: true, encoding: .utf8)
    let clash = try run([
      "draft", other.path, "--published", "2023-12-12", "--data", dir.path,
      "--source-id", "cnn-hostage-talks",
    ])
    XCTAssertEqual(clash.status, 2)
    XCTAssertTrue(clash.stderr.contains("different text"), clash.stderr)
  }

  func testDraftEvaluationMeetsTheIssueTargets() throws {
    let r = try run([
      "draft-eval",
      Self.root.appendingPathComponent("Tests/DatelineDraftTests/Eval").path,
      "--seed", Self.seed,
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let values = try XCTUnwrap(
      r.stdout.split(separator: "\n").first { $0.hasPrefix("timex values:") })
    let f1 = try XCTUnwrap(
      Double(values.components(separatedBy: "F1 ")[1].prefix(5)))
    XCTAssertGreaterThanOrEqual(f1, 0.85, String(values))
    let seed = try XCTUnwrap(
      r.stdout.split(separator: "\n").first { $0.hasPrefix("seed:") })
    let recovered = try XCTUnwrap(Int(seed.split(separator: " ")[1]))
    XCTAssertGreaterThanOrEqual(recovered, 18, String(seed))
  }
}
