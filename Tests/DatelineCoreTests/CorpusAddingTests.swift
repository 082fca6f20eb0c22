import DatelineCore
import Foundation
import XCTest

/// `Corpus.adding` (drafts beside the data) answers as a corpus built from every record.
final class CorpusAddingTests: XCTestCase {
  private static let dataPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("../../Data").standardized.path

  private func answers(_ c: Corpus) -> [String] {
    let all = TimelineQuery().run(on: c)
    let counts = TimelineQuery.partyCounts(all, in: c)
    return all.map { c.records[$0].id.rawValue }
      + c.parties.map { "\($0.id.rawValue)=\(counts[$0.id] ?? -1)" }
      + c.records.map { r in
        "\(r.id.rawValue):\(r.headline):\(r.parties.map(\.id.rawValue))"
      }
  }

  func testAddedRecordsAndPartiesAnswerAsAFullBuild() throws {
    let base = try CorpusLoader.load(directory: Self.dataPath).corpus
    let ids = base.parties.map(\.id.rawValue)
    let drafts = [
      makeRecord(
        "draft-early", "2023-10-06", parties: [ids[0], "newcomer"],
        headline: "Draft early"),
      makeRecord(
        "draft-mid", "2023-11", parties: [ids[1]], headline: "Draft mid"),
      makeRecord(
        "draft-late", "2030-01-01", parties: ["newcomer"],
        headline: "Draft late"),
    ]
    let newcomer = Party(id: "newcomer", name: "Newcomer", label: "newcomer")
    let added = base.adding(drafts, parties: [newcomer])
    let rebuilt = Corpus(
      parties: base.parties + [newcomer], sources: base.sources,
      records: Array(base.records) + drafts)
    XCTAssertEqual(added.records.count, base.records.count + 3)
    XCTAssertEqual(answers(added), answers(rebuilt))
    XCTAssertEqual(
      added.records[added.records.count - 1].id.rawValue, "draft-late")
    // The loaded corpus is unchanged.
    XCTAssertNil(base.record("draft-mid"))
    XCTAssertNotNil(added.record("draft-mid"))
  }

  func testNothingAddedIsTheSameCorpus() throws {
    let base = try CorpusLoader.load(directory: Self.dataPath).corpus
    XCTAssertEqual(answers(base.adding([], parties: [])), answers(base))
  }
}
