import DatelineCore
import Foundation
import XCTest

/// The two corpora the issue-8 features are tested on: the seed in `Data/` (one article,
/// a dispute, figures) and `Tests/FeatureData/` (invented: several sources, a revision,
/// a range, an anonymous statement).
enum FeatureData {
  static let seedPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("../../Data").standardized.path
  static let fixturePath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("../FeatureData").standardized.path

  static func seed() throws -> Corpus { try load(seedPath) }
  static func fixture() throws -> Corpus { try load(fixturePath) }

  static func load(_ path: String) throws -> Corpus {
    let result = try CorpusLoader.load(directory: path)
    XCTAssertEqual(result.issues.map(\.description), [], "\(path) loads clean")
    return result.corpus
  }

  static func index(_ id: String, _ corpus: Corpus) throws -> Int {
    try XCTUnwrap(corpus.recordIndex[Record.ID(id)], "no record \(id)")
  }

  static func ids(_ indexes: [Int], _ corpus: Corpus) -> [String] {
    indexes.map { corpus.records[$0].id.rawValue }
  }
}
