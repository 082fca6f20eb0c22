import DatelineCore
import XCTest

/// The detail's new lines: both sides of a dispute side by side, revisions with date and
/// who, and every source with its own quote.
final class RecordDetailLinksTests: XCTestCase {
  func lines(_ id: String, _ corpus: Corpus) throws -> [RecordDetail.Line] {
    RecordDetail(
      record: try XCTUnwrap(corpus.record(Record.ID(id))), corpus: corpus
    ).lines
  }

  func testADisputeShowsBothAttributionsAndBasesSideBySide() throws {
    let seed = try FeatureData.seed()
    let detail = try lines("israel-rejects-soldiers-claim", seed)
    let at = try XCTUnwrap(
      detail.firstIndex {
        if case .link("Disputes", "hamas-soldiers-claim") = $0.kind {
          true
        } else {
          false
        }
      })
    XCTAssertEqual(
      detail[(at + 1)...(at + 3)].map(\.kind),
      [
        .columns(left: "this record", right: "disputed record", header: true),
        .columns(
          left: "Israel [official]", right: "Hamas [official]", header: false),
        .columns(
          left: "“Israel (its position as reported by CNN)”",
          right: "“Hamas (its argument as reported by CNN)”",
          header: false),
      ])
    let claim = try lines("hamas-soldiers-claim", seed)
    XCTAssertTrue(
      claim.contains {
        if case .link("Disputes", "israel-women-first") = $0.kind {
          true
        } else {
          false
        }
      })
    XCTAssertTrue(
      claim.contains {
        if case .link("Disputed by", "israel-rejects-soldiers-claim") = $0.kind
        {
          true
        } else {
          false
        }
      }
    )
    XCTAssertTrue(
      claim.contains {
        $0.kind
          == .columns(
            left: "this record", right: "disputing record", header: true)
      })
    XCTAssertTrue(
      claim.contains {
        $0.kind
          == .columns(
            left: "Hamas [official]", right: "Israel [anonymous]", header: false
          )
      },
      "against Israel's position, which rests on anonymous sources")
  }

  func testRevisionsReadAsRevisedFromAndRevisedByWithDateAndWho() throws {
    let fixture = try FeatureData.fixture()
    let new = try lines("count-251", fixture)
    XCTAssertTrue(
      new.contains(
        RecordDetail.Line(
          .link(label: "Revised from", target: "count-240"),
          "Ministry: 240 people held by the Front (2024-03-01, Ministry)")),
      "\(new)")
    let old = try lines("count-240", fixture)
    XCTAssertTrue(
      old.contains(
        RecordDetail.Line(
          .link(label: "Revised by", target: "count-251"),
          "Ministry revises its count to 251 people held (2024-03-05, Ministry)"
        )), "\(old)")
  }

  func testEverySourceIsListedWithItsOwnQuote() throws {
    let fixture = try FeatureData.fixture()
    let detail = try lines("talks-next-week", fixture).filter {
      if case .field(let label) = $0.kind {
        return ["Source", "Also in", "", "Quote"].contains(label)
      }
      return false
    }
    XCTAssertEqual(
      detail.map(\.value),
      [
        "Example Wire, “Ministry gives first count of captives”, 2024-03-01",
        "Example Daily, “Count of captives put at 240”, 2024-03-02",
        "“Talks will resume next week, an agency official said.”",
        "Example Radio, “Ministry revises captive count to 251”, 2024-03-05",
        "“A relief agency official, who asked not to be named, said talks would resume next week.”",
      ])
  }
}
