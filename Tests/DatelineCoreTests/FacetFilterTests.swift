import DatelineCore
import XCTest

/// Basis, number of sources and disputes as filters, shared by `A` and `list --basis`,
/// `--min-sources`, `--disputed`.
final class FacetFilterTests: XCTestCase {
  func ids(_ facets: FacetFilter, _ corpus: Corpus) -> [String] {
    FeatureData.ids(TimelineQuery(facets: facets).run(on: corpus), corpus)
  }

  func testTheBasisFilterKeepsWhatRestsOnAnonymousSourcesInTheSeed() throws {
    let seed = try FeatureData.seed()
    XCTAssertEqual(
      ids(FacetFilter(basis: [.anonymous]), seed),
      [
        "hamas-unresponsive", "israel-pressure-view", "israel-women-first",
        "talks-continue",
      ])
    XCTAssertEqual(
      ids(FacetFilter(basis: [.named]), seed), ["biden-tunnel-doubts"])
    let official = ids(FacetFilter(basis: [.official]), seed)
    let unattributed = ids(FacetFilter(basis: [.unattributed]), seed)
    XCTAssertEqual(
      official.count + unattributed.count + 5, seed.records.count,
      "the four bases split the corpus")
    XCTAssertEqual(
      ids(FacetFilter(basis: [.named, .anonymous]), seed).count, 5,
      "several bases: any of them")
  }

  func testARecordWithoutAttributionCountsAsUnattributed() {
    let corpus = Corpus(
      parties: [Party(id: "p", name: "P")], sources: [],
      records: [
        makeRecord("bare", "2023-12-01", parties: ["p"]),
        makeRecord(
          "said", "2023-12-02", parties: ["p"],
          attribution: Attribution(text: "P said", basis: .named)),
      ])
    XCTAssertEqual(ids(FacetFilter(basis: [.unattributed]), corpus), ["bare"])
    XCTAssertEqual(corpus.records[0].basis, .unattributed)
  }

  func testMinSourcesCountsDistinctReportsNotQuotes() throws {
    let fixture = try FeatureData.fixture()
    XCTAssertEqual(
      ids(FacetFilter(minSources: 2), fixture),
      ["count-240", "talks-next-week"])
    XCTAssertEqual(
      ids(FacetFilter(minSources: 3), fixture), ["talks-next-week"])
    XCTAssertEqual(ids(FacetFilter(minSources: 4), fixture), [])
    XCTAssertEqual(
      ids(FacetFilter(minSources: 1), fixture).count, fixture.records.count,
      "1 keeps everything")
    XCTAssertEqual(
      ids(FacetFilter(minSources: 2), try FeatureData.seed()), [],
      "the seed is one article")
    let twice = Record(
      id: "twice", date: try XCTUnwrap(RecordDate.parse("2023-12-01")),
      kind: .event, parties: [.init(id: "p")],
      headline: "H",
      source: "s",
      also: [.init(source: "s"), .init(source: "t"), .init(source: "t")])
    XCTAssertEqual(
      twice.sourceIDs, ["s", "t"], "a report quoted twice is one source")
  }

  func testDisputedKeepsBothSidesOfEveryDispute() throws {
    XCTAssertEqual(
      ids(FacetFilter(disputedOnly: true), try FeatureData.seed()),
      [
        "hamas-soldiers-claim", "israel-rejects-soldiers-claim",
        "israel-women-first",
      ])
    XCTAssertEqual(
      ids(FacetFilter(disputedOnly: true), try FeatureData.fixture()),
      ["front-range", "ministry-rejects"])
  }

  func testFacetsCombineWithTheOtherFilters() throws {
    let seed = try FeatureData.seed()
    let q = TimelineQuery(
      parties: PartyFilter(["hamas"]),
      facets: FacetFilter(basis: [.official], disputedOnly: true))
    XCTAssertEqual(
      FeatureData.ids(q.run(on: seed), seed),
      ["hamas-soldiers-claim", "israel-rejects-soldiers-claim"])
    XCTAssertFalse(q.isEmpty)
    XCTAssertTrue(
      TimelineQuery(facets: FacetFilter(minSources: 1)).isEmpty,
      "min 1 source filters nothing")
  }

  func testTheSameAnswersWithAndWithoutKeptIndexes() throws {
    let fixture = try FeatureData.fixture()
    let links = LinkIndex(corpus: fixture)
    let columns = FacetColumns(corpus: fixture)
    for facets in [
      FacetFilter(basis: [.anonymous]), FacetFilter(minSources: 2),
      FacetFilter(disputedOnly: true),
    ] {
      let q = TimelineQuery(facets: facets)
      XCTAssertEqual(
        q.run(on: fixture, links: links, columns: columns), q.run(on: fixture),
        "\(facets)")
    }
    XCTAssertFalse(
      FacetFilter(disputedOnly: true).needsColumns,
      "disputes need only the link index")
    XCTAssertTrue(FacetFilter(minSources: 2).needsColumns)
  }
}
