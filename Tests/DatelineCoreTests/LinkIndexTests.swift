import DatelineCore
import XCTest

/// Disputes and revisions read both ways, the contested pairs, and the marker columns.
final class LinkIndexTests: XCTestCase {
  func testTheSeedDisputeOverWhetherTheWomenAreSoldiersIsReadBothWays() throws {
    let seed = try FeatureData.seed()
    let links = LinkIndex(corpus: seed)
    let claim = try FeatureData.index("hamas-soldiers-claim", seed)
    let denial = try FeatureData.index("israel-rejects-soldiers-claim", seed)
    let position = try FeatureData.index("israel-women-first", seed)
    XCTAssertEqual(links.disputedBy[claim], [denial])
    XCTAssertEqual(links.disputedBy[position], [claim])
    XCTAssertEqual(links.contested, [claim, denial, position])
    XCTAssertEqual(
      links.disputeTargets(of: seed.records[claim], at: claim),
      [position, denial],
      "what it disputes, then who disputes it")
    XCTAssertEqual(
      links.disputeTargets(of: seed.records[denial], at: denial), [claim])
    XCTAssertEqual(links.disputeTargets(of: seed.records[0], at: 0), [])
    XCTAssertTrue(links.hasDisputes)
    XCTAssertFalse(links.hasRevisions, "one article revises nothing")
    XCTAssertEqual(FacetColumns(corpus: seed).maxSourceCount, 1)
  }

  func testContestedPairsKeepBothSidesWhenAFilterKeepsOne() throws {
    let seed = try FeatureData.seed()
    let links = LinkIndex(corpus: seed)
    func pairs(_ rows: [Int]) -> [[String]] {
      links.disputePairs(among: rows).map {
        FeatureData.ids([$0.disputing, $0.disputed], seed)
      }
    }
    XCTAssertEqual(
      pairs(Array(seed.records.indices)),
      [
        ["hamas-soldiers-claim", "israel-women-first"],
        ["israel-rejects-soldiers-claim", "hamas-soldiers-claim"],
      ])
    XCTAssertEqual(
      pairs([try FeatureData.index("israel-rejects-soldiers-claim", seed)]),
      [["israel-rejects-soldiers-claim", "hamas-soldiers-claim"]])
    XCTAssertEqual(pairs([0, 1]), [])
  }

  func testARevisionChainIsReadBothWaysAndMarksTheOlderRecordSuperseded() throws
  {
    let fixture = try FeatureData.fixture()
    let links = LinkIndex(corpus: fixture)
    let old = try FeatureData.index("count-240", fixture)
    let new = try FeatureData.index("count-251", fixture)
    XCTAssertEqual(links.revisedBy[old], [new])
    XCTAssertTrue(links.isSuperseded(old))
    XCTAssertFalse(links.isSuperseded(new))
    XCTAssertEqual(
      links.revisionTargets(of: fixture.records[new], at: new), [old])
    XCTAssertEqual(
      links.revisionTargets(of: fixture.records[old], at: old), [new])
    XCTAssertTrue(links.hasRevisions)
    XCTAssertEqual(FacetColumns(corpus: fixture).maxSourceCount, 3)
  }

  func testFigureLabelsAreIndexedFoldedAcrossRecords() throws {
    let fixture = try FeatureData.fixture()
    let columns = FacetColumns(corpus: fixture)
    XCTAssertEqual(
      FeatureData.ids(columns.figureRecords["captives held"] ?? [], fixture),
      ["count-240", "front-range", "count-251"],
      "“Captives held” and “captives held” are one label")
    let seed = try FeatureData.seed()
    XCTAssertEqual(
      FeatureData.ids(
        FacetColumns(corpus: seed).figureRecords["hostages remaining in gaza"]
          ?? [], seed),
      ["more-than-100-held", "pmo-135-116"])
  }
}
