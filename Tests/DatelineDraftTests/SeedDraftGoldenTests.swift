import DatelineCore
import DatelineDraft
import Foundation
import XCTest

/// The drafts of the seed article with Data/'s parties, against a golden file
/// (`DATELINE_RECORD=1` rewrites it; read its diff).
final class SeedDraftGoldenTests: XCTestCase {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  static let golden = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().appendingPathComponent(
      "Golden/seed-drafts.jsonl")

  func drafts() throws -> Drafter.Result {
    let loaded = try CorpusLoader.loadReference(
      directory: Self.root.appendingPathComponent("Data").path)
    let source = try XCTUnwrap(loaded.corpus.sources.first)
    let published = try XCTUnwrap(source.published?.firstDay)
    return Drafter(parties: loaded.corpus.parties, sourceID: source.id.rawValue)
      .draft(
        source.text, published: published)
  }

  func testTheSeedDraftsMatchTheGolden() throws {
    let text = try drafts().records.map { $0.jsonLine + "\n" }.joined()
    let environment = ProcessInfo.processInfo.environment
    // Never under CI (.ci/run sets DATELINE_CI): a recorded golden would pass whatever it holds.
    if environment["DATELINE_RECORD"] == "1"
      && environment["DATELINE_CI"] == nil
    {
      try text.write(to: Self.golden, atomically: true, encoding: .utf8)
    }
    XCTAssertEqual(text, try String(contentsOf: Self.golden, encoding: .utf8))
  }

  func testEveryQuoteIsCopiedFromTheArticle() throws {
    let loaded = try CorpusLoader.loadReference(
      directory: Self.root.appendingPathComponent("Data").path)
    let article = try XCTUnwrap(loaded.corpus.sources.first?.text)
    let result = try drafts()
    XCTAssertGreaterThan(result.records.count, 15)
    let scalars = Array(article.unicodeScalars)
    for r in result.records {
      var slice = ""
      slice.unicodeScalars.append(contentsOf: scalars[r.span])
      XCTAssertEqual(slice, r.quote, r.id)
      XCTAssertTrue(article.contains(r.quote), r.id)
    }
  }

  func testAWeekdayInThePastIsNotedWithThePublicationDate() throws {
    let r = Drafter(parties: [], sourceID: "s").draft(
      "Officials met on Tuesday in Doha, a spokesman said.",
      published: day("2023-12-13"))
    XCTAssertEqual(r.records.first?.date, "2023-12-12")
    XCTAssertEqual(r.records.first?.dateInferred, true)
    XCTAssertEqual(
      r.records.first?.dateNote,
      "“Tuesday” in the text in an article published Wed 2023-12-13, the last one on or before it."
    )
    XCTAssertEqual(r.records.first?.basis, "official")
  }
}
