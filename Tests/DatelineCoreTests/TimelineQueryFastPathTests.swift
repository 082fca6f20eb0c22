import DatelineCore
import Foundation
import XCTest

/// The party sets (`Corpus.prepareFilters`) change how a filter reads the store, never
/// what it finds: on random corpora and random queries, a prepared corpus gives the same
/// rows, candidates and party counts as one whose filters walk each record's party list
/// (which TimelinePropertyTests holds to a brute-force reference).
final class TimelineQueryFastPathTests: XCTestCase {
  /// Two corpora of the same records: one with its party sets built, one without.
  private func pair(seed: UInt64, records: Int) -> (Corpus, Corpus, [Party]) {
    let (walked, parties, _) = TimelinePropertyTests.randomCorpus(
      seed: seed, records: records)
    let (prepared, _, _) = TimelinePropertyTests.randomCorpus(
      seed: seed, records: records)
    XCTAssertFalse(prepared.filtersPrepared)
    prepared.prepareFilters(minimumRecords: 0)
    XCTAssertTrue(prepared.filtersPrepared, "the fast path is what is tested")
    XCTAssertFalse(walked.filtersPrepared, "copies do not share a build")
    return (walked, prepared, parties)
  }

  private func randomQuery(
    _ g: inout SplitMix64, _ parties: [Party], words: Bool = false
  ) -> TimelineQuery {
    var selected: [Party.ID] = []
    for _ in 0..<g.pick([0, 1, 1, 1, 2, 3]) {
      selected.append(
        g.percent(8) ? "nobody" : parties[g.int(parties.count)].id)
    }
    let since =
      g.percent(45)
      ? TimelinePropertyTests.randomDate(&g, precisions: [0, 1, 2, 3]) : nil
    let until =
      g.percent(45)
      ? TimelinePropertyTests.randomDate(&g, precisions: [0, 1, 2, 3]) : nil
    let bases: [Attribution.Basis] = [.named, .unattributed, .official]
    let facets = FacetFilter(
      basis: g.percent(20) ? [g.pick(bases)] : [],
      minSources: g.percent(10) ? 2 : 0, disputedOnly: g.percent(5))
    return TimelineQuery(
      parties: PartyFilter(selected, mode: g.percent(50) ? .any : .all),
      since: since?.recordDate(), until: until?.recordDate(),
      search: words && g.percent(20)
        ? g.pick(TimelinePropertyTests.queryWords) : "",
      facets: words ? facets : FacetFilter(),
      excluded: words && g.percent(10)
        ? [g.pick(TimelinePropertyTests.queryWords)] : [])
  }

  func testPreparedFiltersFindWhatTheWalkFindsOnRandomQueries() {
    for seed: UInt64 in [11, 12] {
      let (walked, prepared, parties) = pair(seed: seed, records: 400)
      var g = SplitMix64(state: seed &+ 77)
      var nonEmpty = 0
      // Built once per corpus, as the screen keeps them (the query builds them otherwise).
      let links = (LinkIndex(corpus: walked), LinkIndex(corpus: prepared))
      let columns = (
        FacetColumns(corpus: walked), FacetColumns(corpus: prepared)
      )
      for q in 0..<250 {
        let query = randomQuery(&g, parties, words: true)
        let expected = query.run(on: walked, links: links.0, columns: columns.0)
        let got = query.run(on: prepared, links: links.1, columns: columns.1)
        XCTAssertEqual(got, expected, "seed \(seed) query \(q): \(query)")
        XCTAssertEqual(
          query.candidates(on: prepared, links: links.1, columns: columns.1),
          query.candidates(on: walked, links: links.0, columns: columns.0),
          "seed \(seed) query \(q) candidates")
        XCTAssertEqual(
          TimelineQuery.partyCounts(got, in: prepared),
          TimelineQuery.partyCounts(expected, in: walked),
          "seed \(seed) query \(q) counts")
        if !expected.isEmpty { nonEmpty += 1 }
      }
      XCTAssertGreaterThan(nonEmpty, 100, "the queries should not all be empty")
    }
  }

  /// Thousands of distinct party lists (40 parties, one to four listed, in any order):
  /// the table of lists grows several times, and every list keeps its own number.
  func testManyDistinctPartyListsAreKeptApart() {
    let parties = (0..<40).map { i in
      Party(
        id: Party.ID("q\(i)"), name: "Q\(i)",
        parent: i >= 30 ? Party.ID("q\(i - 30)") : nil)
    }
    var g = SplitMix64(state: 5)
    let records = (0..<2000).map { i in
      var listed: [String] = []
      for _ in 0...g.int(4) {
        let p = "q\(g.int(40))"
        if !listed.contains(p) { listed.append(p) }
      }
      return makeRecord(
        "r\(i)", String(format: "2023-%02d-%02d", g.int(12) + 1, g.int(28) + 1),
        parties: listed)
    }
    let walked = Corpus(parties: parties, sources: [], records: records)
    let prepared = Corpus(parties: parties, sources: [], records: records)
    prepared.prepareFilters(minimumRecords: 0)
    XCTAssertTrue(prepared.filtersPrepared)
    for q in 0..<150 {
      let query = randomQuery(&g, parties)
      let expected = query.run(on: walked)
      XCTAssertEqual(query.run(on: prepared), expected, "query \(q)")
      XCTAssertEqual(
        TimelineQuery.partyCounts(expected, in: prepared),
        TimelineQuery.partyCounts(expected, in: walked), "query \(q) counts")
    }
    let all = TimelineQuery().run(on: prepared)
    XCTAssertEqual(
      TimelineQuery.partyCounts(all, in: prepared),
      TimelineQuery.partyCounts(all, in: walked))
  }

  /// A span of years starting long before a range still overlaps it: the rows read
  /// start `longestSpan` days before the range's first day, not at it.
  func testALongSpanStartingYearsBeforeARangeIsFound() {
    let records = [
      makeRecord("old", "2001-01-01", end: "2024-06-30", parties: ["alpha"]),
      makeRecord("mid", "2023-03-01", parties: ["alpha"]),
      makeRecord("new", "2024-06-01", parties: ["beta"]),
      makeRecord("late", "2024-07-01", parties: ["alpha"]),
    ]
    let parties = [
      Party(id: "alpha", name: "Alpha"), Party(id: "beta", name: "Beta"),
    ]
    let prepared = Corpus(parties: parties, sources: [], records: records)
    prepared.prepareFilters(minimumRecords: 0)
    let query = TimelineQuery(
      parties: PartyFilter(["alpha"]), since: RecordDate.parse("2024-06"),
      until: RecordDate.parse("2024-06"))
    XCTAssertEqual(
      query.run(on: prepared).map { prepared.records[$0].id.rawValue }, ["old"])
    XCTAssertEqual(
      TimelineQuery(since: RecordDate.parse("2024-06-15")).run(on: prepared)
        .map { prepared.records[$0].id.rawValue }, ["old", "late"])
  }

  func testASmallCorpusIsNotPreparedUnlessAsked() {
    let (corpus, _, _) = TimelinePropertyTests.randomCorpus(
      seed: 1, records: 50)
    corpus.prepareFilters()
    XCTAssertFalse(corpus.filtersPrepared, "below the default minimum")
    corpus.prepareFilters(minimumRecords: 50)
    XCTAssertTrue(corpus.filtersPrepared)
  }
}
