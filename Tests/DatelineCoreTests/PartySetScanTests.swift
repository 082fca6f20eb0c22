import XCTest

@testable import DatelineCore

/// The scan's two halves and the counts' two halves (each on its own core above 262,144
/// rows) write and add what one pass does: forced on small random corpora here.
final class PartySetScanTests: XCTestCase {
  func testTwoHalvesGiveWhatOnePassGives() throws {
    for seed: UInt64 in [21, 22] {
      let (corpus, parties, _) = TimelinePropertyTests.randomCorpus(
        seed: seed, records: 700)
      corpus.prepareFilters(minimumRecords: 0)
      let sets = try XCTUnwrap(corpus.partySets.built)
      var g = SplitMix64(state: seed)
      for q in 0..<80 {
        let any = g.percent(50)
        let wanted = (0..<g.pick([0, 1, 2])).map { _ in
          UInt16(g.int(parties.count))
        }
        let lo = g.percent(50) ? Int32(g.int(2000)) + 19_300 : Int32.min
        let hi = g.percent(50) ? lo &+ Int32(g.int(400)) : Int32.max
        let scan = PartySetScan(
          sets: sets, lo: lo, hi: hi,
          passing: wanted.isEmpty && g.percent(50)
            ? nil : sets.passing(wanted, any: any),
          facets: nil)
        let one = scan.rows(corpus.store, splitAbove: .max)
        XCTAssertEqual(
          scan.rows(corpus.store, splitAbove: 1), one, "query \(q)")
        XCTAssertEqual(
          sets.histogram(of: one, splitAbove: 1),
          sets.histogram(of: one, splitAbove: .max), "query \(q) counts")
      }
    }
  }
}

/// Before the party sets exist a filter walks the party lists (`CandidateCheck`): its two
/// halves write into one array and the second half's rows move down behind the first's.
final class CandidateCheckSplitTests: XCTestCase {
  func testTwoHalvesGiveWhatOnePassAndAPlainLoopGive() {
    for seed: UInt64 in [31, 32] {
      let (corpus, parties, _) = TimelinePropertyTests.randomCorpus(
        seed: seed, records: 700)
      let store = corpus.store
      let links = LinkIndex(corpus: corpus)
      let columns = FacetColumns(corpus: corpus)
      var g = SplitMix64(state: seed)
      for q in 0..<80 {
        let wanted = (0..<g.pick([0, 1, 1, 2, 3])).map { _ in
          UInt16(g.int(parties.count))
        }
        let lo = g.percent(50) ? Int32(g.int(2000)) + 19_300 : Int32.min
        let hi = g.percent(50) ? lo &+ Int32(g.int(400)) : Int32.max
        let facets = FacetFilter(
          basis: g.percent(20) ? [.named] : [],
          minSources: g.percent(10) ? 2 : 0, disputedOnly: g.percent(5))
        let check = TimelineQuery.CandidateCheck(
          lo: lo, hi: hi, filtered: g.percent(80), wanted: wanted,
          any: g.percent(50),
          facets: facets.prepared(for: corpus, links: links, columns: columns))
        let one = check.rows(store, involved: corpus.involved, splitAbove: .max)
        XCTAssertEqual(
          check.rows(store, involved: corpus.involved, splitAbove: 1), one,
          "query \(q)")
        let plain = (0..<store.count).filter { i in
          let involves = { corpus.involved.contains(i, $0) }
          let partiesPass =
            !check.filtered
            || (!wanted.isEmpty
              && (check.any
                ? wanted.contains(where: involves)
                : wanted.allSatisfy(involves)))
          return store.lastDay[i] >= lo && store.firstDay[i] <= hi
            && partiesPass && check.facets?.matches(i) != false
        }
        XCTAssertEqual(one, plain, "query \(q)")
      }
    }
  }
}
