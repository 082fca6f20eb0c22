import DatelineCore
import Foundation
import XCTest

@testable import DatelineUI

/// `n`/`N` and "match N of M" never make a key wait: both run in pieces between keys.
final class SearchStepTests: XCTestCase {
  /// `count` records, those at `needles` with the word "needle" in their headline.
  static func corpus(count: Int, needles: Set<Int>) throws -> Corpus {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-steps-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try
      "{\"schema\": 1, \"type\": \"parties\", \"items\": [{\"id\": \"p\", \"name\": \"Party\"}]}\n"
      .write(
        to: dir.appendingPathComponent("parties.json"), atomically: true,
        encoding: .utf8)
    try
      "{\"schema\": 1, \"type\": \"sources\", \"items\": [{\"id\": \"s\", \"outlet\": \"O\", \"title\": \"T\", \"text\": \"Text.\"}]}\n"
      .write(
        to: dir.appendingPathComponent("sources.json"), atomically: true,
        encoding: .utf8)
    var lines = ""
    for i in 0..<count {
      let day = 1 + i % 28
      let word = needles.contains(i) ? "needle" : "routine"
      lines +=
        "{\"id\": \"r\(i)\", \"date\": \"2024-01-\(day < 10 ? "0" : "")\(day)\", \"kind\": \"event\", \"parties\": [\"p\"], "
        + "\"headline\": \"A \(word) item number \(i)\", \"source\": \"s\"}\n"
    }
    try lines.write(
      to: dir.appendingPathComponent("records.jsonl"), atomically: true,
      encoding: .utf8)
    let result = try CorpusLoader.load(directory: dir.path)
    XCTAssertEqual(result.errors.first?.description, nil)
    XCTAssertEqual(result.corpus.records.count, count)
    return result.corpus
  }

  func testNSearchesInPiecesAndSaysWhenItWrapped() throws {
    let corpus = try Self.corpus(count: 10_000, needles: [9_000])
    var s = BrowserState(corpus: corpus, dataLabel: "many", size: size80x24)
    s.search = "needle"
    let target = try XCTUnwrap(
      s.rows.indices.first {
        s.corpus.records[s.rows[$0]].headline.contains("needle")
      })
    // One key: one piece of 4096 rows; the rest waits for the pauses between keys.
    let pressed = update(s, .nextMatch)
    XCTAssertEqual(
      pressed.selection, 0, "the key did not wait for the whole search")
    XCTAssertNotNil(pressed.editing.pendingSearch)
    XCTAssertTrue(pressed.isSearching)
    XCTAssertTrue(
      render(pressed).statusLine.contains("/needle"), render(pressed).statusLine
    )
    let found = settle(pressed)
    XCTAssertEqual(found.selection, target)
    XCTAssertNil(found.message)
    XCTAssertEqual(found.matchLabel, "match 1 of 1")
    // Once counted, n and N are a lookup: at once, and wrapping says so.
    let again = update(found, .nextMatch)
    XCTAssertFalse(again.isSearching)
    XCTAssertEqual(again.selection, target)
    XCTAssertEqual(again.message, "search wrapped")
    XCTAssertEqual(update(found, .previousMatch).message, "search wrapped")
    // N from the top, before any count: backwards, wrapping past the start.
    let back = settle(update(s, .previousMatch))
    XCTAssertEqual(back.selection, target)
    XCTAssertEqual(back.message, "search wrapped")
  }

  func testTheCountRunsInPiecesAndSaysAtLeastWhileCounting() throws {
    let corpus = try Self.corpus(count: 3_000, needles: [10, 1_500, 2_990])
    var s = BrowserState(corpus: corpus, dataLabel: "many", size: size80x24)
    s.search = "needle"
    let rows = s.rows.indices.filter {
      s.corpus.records[s.rows[$0]].headline.contains("needle")
    }
    var tally = SearchTally(search: "needle", rows: s.rows)
    let matcher = TextMatcher(["needle"], corpus: corpus)
    while tally.positions.isEmpty { tally.step(matcher, budget: 500) { [] } }
    XCTAssertFalse(tally.isComplete)
    XCTAssertEqual(
      tally.positions.count, rows.filter { $0.offset < tally.done }.count)
    XCTAssertEqual(tally.label(at: rows[0]), "match 1 of ≥1")
    XCTAssertNil(
      tally.next(from: rows[0], forward: true),
      "no lookup before the count is done")
    while !tally.isComplete { tally.step(matcher, budget: 1_000) { [] } }
    XCTAssertEqual(tally.positions, rows.map(\.offset))
    XCTAssertEqual(tally.label(at: rows[1]), "match 2 of 3")
    XCTAssertEqual(tally.next(from: rows[2], forward: true), rows[0])
    XCTAssertEqual(tally.next(from: rows[0], forward: false), rows[2])
    // The state's count starts after a search lands and ends on the same answer.
    s.selection = rows[1]
    let counted = settle(update(s, .moveSelection(by: 0)))
    XCTAssertEqual(counted.matchLabel, "match 2 of 3")
    // A filter changes the list: the count starts again for it.
    let filtered = settle(update(counted, .searchToFilter))
    XCTAssertNil(filtered.editing.tally, "the search became the filter")
    XCTAssertEqual(filtered.rows.count, 3)
  }
}
