import Foundation
import XCTest

/// `dateline show ID --cite` and the completion helper the shell scripts call.
extension CLITests {
  func testShowCitePrintsTheCitation() throws {
    let r = try run(["show", "--data", Self.seed, "pmo-135-116", "--cite"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(
      r.stdout,
      """
      Israeli PMO: 135 hostages remain in Gaza, 116 of them alive
      Date: 2023-12-12 (inferred) (precision: day)
      Parties: Israeli Prime Minister's Office (actor); Hostages held in Gaza (subject)
      Attribution: the Israeli prime minister’s office believes (basis: official) — Israeli Prime Minister's Office
      Quote: “The Israeli prime minister’s office believes there are 135 hostages that remain in Gaza, 116 of whom are alive.”
      Source: CNN, “Hamas not responding to attempts to get hostage negotiations back on track”
      Published: 2023-12-12 (inferred)
      Record: pmo-135-116

      """)
  }

  func testCitationsOfHostileDataCarryNoControlCharacters() throws {
    let dir = Self.root.appendingPathComponent(
      "Tests/DatelineCLITests/Hostile/escape-injection"
    ).path
    let ids = try run(["list", "--data", dir, "--format", "jsonl"]).stdout
      .split(separator: "\n").compactMap { line in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))
          as? [String: Any])?["id"] as? String
      }
    XCTAssertFalse(ids.isEmpty)
    for id in ids {
      let r = try run(["show", "--data", dir, id, "--cite"])
      XCTAssertEqual(r.status, 0, r.stderr)
      XCTAssertFalse(
        r.stdout.unicodeScalars.contains {
          ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value)
        }, id)
    }
  }

  func testCompletionOffersPartyAndRecordIdsFromTheDataOnTheLine() throws {
    let parties = try run([
      "---completion", "list", "--", "--party", "4", "1", "dateline", "list",
      "--data=\(Self.seed)", "--party", "qa",
    ])
    XCTAssertEqual(parties.stdout, "qatar\n")
    let records = try run([
      "---completion", "show", "--", "positional@0", "4", "3", "dateline",
      "show", "--data", Self.seed, "pmo",
    ])
    XCTAssertEqual(records.stdout, "pmo-135-116\n")
    let nowhere = try run([
      "---completion", "show", "--", "positional@0", "4", "0", "dateline",
      "show", "--data", "/nonexistent", "",
    ])
    XCTAssertEqual(nowhere.stdout, "")
    XCTAssertEqual(nowhere.stderr, "")
  }
}
