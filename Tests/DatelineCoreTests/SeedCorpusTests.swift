import DatelineCore
import Foundation
import XCTest

/// The seed corpus in `Data/` loads clean and answers the party filters as expected.
final class SeedCorpusTests: XCTestCase {
  private static let dataPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("../../Data").standardized.path

  private func load() throws -> CorpusLoader.Result {
    try CorpusLoader.load(directory: Self.dataPath)
  }

  private func ids(_ parties: [Party.ID], _ corpus: Corpus) -> [String] {
    TimelineQuery(parties: PartyFilter(parties)).run(on: corpus).map {
      corpus.records[$0].id.rawValue
    }
  }

  func testTheSeedCorpusLoadsWithoutErrorsOrWarnings() throws {
    let result = try load()
    XCTAssertEqual(result.issues.map(\.description), [])
    XCTAssertEqual(result.errors.count, 0)
    XCTAssertEqual(result.warnings.count, 0)
    XCTAssertEqual(result.leftOut, 0)
    XCTAssertEqual(result.failedFiles, 0)
    XCTAssertGreaterThanOrEqual(result.corpus.records.count, 18)
    XCTAssertEqual(result.files, 3)
  }

  func testTheSeedRecordsAreInSchemaOrder() throws {
    let corpus = try load().corpus
    XCTAssertEqual(
      corpus.records.map(\.id.rawValue),
      [
        "oct7-abductions", "first-round-talks", "first-round-cumbersome",
        "truce",
        "israel-resumes-operations", "doha-talks-collapse",
        "qatar-relays-ideas",
        "biden-tunnel-doubts",
        "hamas-soldiers-claim", "hamas-unresponsive", "israel-assures-us",
        "israel-pressure-view",
        "israel-rejects-soldiers-claim", "israel-women-first",
        "more-than-100-held", "pmo-135-116",
        "qatar-hamas-channel", "talks-continue", "tunnel-flooding",
        "us-official-exploration",
        "us-official-reconsider", "us-officials-pressure",
        "white-house-eight-americans",
        "biden-families-meeting",
      ])
  }

  func testFilteringByHamasIncludesItsPoliticalAndGazaBranches() throws {
    let corpus = try load().corpus
    XCTAssertEqual(
      ids(["hamas"], corpus),
      [
        "oct7-abductions", "first-round-talks", "first-round-cumbersome",
        "truce",
        "israel-resumes-operations", "doha-talks-collapse",
        "qatar-relays-ideas",
        "hamas-soldiers-claim",
        "hamas-unresponsive", "israel-pressure-view",
        "israel-rejects-soldiers-claim",
        "israel-women-first",
        // only hamas-political and hamas-gaza-leaders are listed there
        "qatar-hamas-channel",
        "tunnel-flooding", "us-official-reconsider", "us-officials-pressure",
      ])
  }

  func testFilteringByIsraelIncludesThePrimeMinistersOffice() throws {
    let corpus = try load().corpus
    XCTAssertEqual(
      ids(["israel"], corpus),
      [
        "first-round-talks", "truce", "israel-resumes-operations",
        "doha-talks-collapse",
        "biden-tunnel-doubts", "israel-assures-us", "israel-pressure-view",
        "israel-rejects-soldiers-claim",
        "israel-women-first",
        "pmo-135-116",  // lists il-pmo, not israel
        "qatar-hamas-channel", "talks-continue", "tunnel-flooding",
      ])
    XCTAssertEqual(
      corpus.record("pmo-135-116")?.parties.map(\.id), ["il-pmo", "hostages"])
  }

  func testEveryRecordHasAQuoteThatIsLocatedInItsSource() throws {
    let corpus = try load().corpus
    for record in corpus.records {
      guard let quote = record.quote else {
        XCTFail("\(record.id) has no quote")
        continue
      }
      guard let source = corpus.source(record.source) else {
        XCTFail("\(record.id): no source \(record.source)")
        continue
      }
      switch QuoteLocator.locate(quote, in: source.text) {
      case .success(let match):
        XCTAssertFalse(match.ambiguous, "\(record.id)")
        let bytes = Array(source.text.utf8)[match.utf8Range]
        XCTAssertEqual(
          String(decoding: bytes, as: UTF8.self),
          quote.exact.precomposedStringWithCanonicalMapping,
          "\(record.id)")
      case .failure(let failure):
        XCTFail("\(record.id): \(failure)")
      }
    }
  }

  func testSeedPartyKeysAreTheOnesTheDataPins() throws {
    let corpus = try load().corpus
    let pinned: [(Party.ID, Int)] = [
      ("hamas", 1), ("israel", 2), ("us", 3), ("qatar", 4), ("hostages", 5),
    ]
    for (id, key) in pinned {
      XCTAssertEqual(corpus.filterKey(for: id), key, "\(id)")
    }
  }
}
