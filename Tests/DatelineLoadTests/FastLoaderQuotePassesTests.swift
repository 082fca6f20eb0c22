import DatelineCore
import DatelineSynth
import Foundation
import XCTest

/// Loads that scan their record pieces in groups and check each group's quotes before
/// the next is scanned (LoadSettings.quotePasses), against the reference.
extension FastLoaderDifferentialTests {
  /// Settings that cut a corpus into many pieces and check their quotes in `passes`
  /// groups.
  func inPasses(
    _ passes: Int, unit: Int = 4096, windowed: Bool = false
  ) -> LoadSettings {
    var s = LoadSettings(chunkBytes: unit, windowedReads: windowed)
    s.quotePasses = passes
    return s
  }

  /// Bad quotes, unknown and left-out sources, duplicate ids and links across groups:
  /// the same issues, summary and records as the reference, whether the pieces are read
  /// whole or window by window, in two groups or in more groups than pieces.
  func testQuotesCheckedInPassesLoadAlike() throws {
    try compare(
      records: 1_500, seed: 21, corruption: 0.3, settings: inPasses(3))
    try compare(
      records: 1_200, seed: 22, corruption: 0,
      settings: inPasses(2, windowed: true))
    try compare(
      records: 1_000, seed: 23, corruption: 0.9,
      settings: inPasses(5, unit: 1 << 12, windowed: true))
    try compare(
      records: 300, seed: 24, corruption: 0.3, settings: inPasses(64))
  }

  /// A sources envelope scanned as it is read (larger than a piece) in the first group,
  /// with the quotes of later groups checked against its table.
  func testQuotesCheckedInPassesWithStreamedSources() throws {
    try compare(
      records: 1_200, seed: 25, corruption: 0.2,
      settings: inPasses(4, unit: 1 << 12, windowed: true))
  }
}
