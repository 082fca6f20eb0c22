import XCTest

/// Issue 14's command-line defects: inverted ranges, disputes once, text and suggestions.
extension CLITests {
  func testAnInvertedRangeIsAUsageErrorThatPrintsNoRecords() throws {
    let r = try run([
      "list", "--data", Self.seed, "--since", "2024-10-07", "--until",
      "2023-12-01",
    ])
    XCTAssertEqual(r.status, 2, r.stderr)
    XCTAssertEqual(r.stdout, "")
    XCTAssertTrue(r.stderr.contains("ends before it starts"), r.stderr)
    XCTAssertEqual(
      try run([
        "list", "--data", Self.seed, "--since", "2023-12", "--until", "2023-12",
      ]).status, 0)
  }

  func testListDisputedPrintsEachDisputeOnceWhenBothRecordsDeclareIt() throws {
    let r = try run(["list", "--data", Self.seed, "--disputed"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let heads = r.stdout.split(separator: "\n").filter { $0.contains(" ⇄ ") }
    let pairs = heads.map { line -> Set<String> in
      let ids = line.split(separator: " ").prefix(3)
      return [String(ids.first ?? ""), String(ids.last ?? "")]
    }
    XCTAssertFalse(pairs.isEmpty)
    XCTAssertEqual(pairs.count, Set(pairs).count, r.stdout)
  }

  func testShowSuggestsTheNearestIdsLikeGit() throws {
    let r = try run(["show", "--data", Self.seed, "pmo"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(
      r.stderr.contains("the most similar id is pmo-135-116"), r.stderr)
    let typo = try run(["show", "--data", Self.seed, "truse"])
    XCTAssertTrue(typo.stderr.contains("truce"), typo.stderr)
    let none = try run(["show", "--data", Self.seed, "zzzzzzzzzzzz"])
    XCTAssertTrue(none.stderr.contains("list --format jsonl"), none.stderr)
  }

  func testHelpListWrapsWholeSentencesToTheWidth() throws {
    let r = try run(["help", "list"], env: ["COLUMNS": "80"])
    XCTAssertEqual(r.status, 0)
    // A paragraph is wrapped by the width, not broken where the source line ended.
    XCTAssertFalse(r.stdout.contains("a party includes its\n"), r.stdout)
    for line in r.stdout.split(separator: "\n") {
      XCTAssertLessThanOrEqual(line.count, 80, String(line))
    }
  }

  func testScreenAsciiDrawsOnlyASCII() throws {
    let r = try run([
      "screen", "--data", Self.seed, "--size", "80x24", "--ascii", "--keys",
      "j Enter",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.utf8.allSatisfy { $0 < 0x80 }, r.stdout)
    XCTAssertTrue(r.stdout.contains("-- October 2023"), r.stdout)
  }
}
