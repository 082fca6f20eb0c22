import DatelineCore
import DatelineUI
import Foundation
import XCTest

/// `Tests/FeatureData/`: an invented corpus with several sources, a revision chain, a
/// range and a dispute, for what the one-article seed cannot show.
enum FeatureFixture {
  static let directory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("../FeatureData").standardizedFileURL.path

  static func state(
    _ size: Size = Size(columns: 80, rows: 24), file: StaticString = #filePath,
    line: UInt = #line
  )
    throws -> BrowserState
  {
    let result = try CorpusLoader.load(directory: directory)
    XCTAssertEqual(
      result.issues.map(\.description), [], "the feature fixture loads clean",
      file: file, line: line)
    return BrowserState(
      corpus: result.corpus, dataLabel: "FeatureData", size: size)
  }
}
