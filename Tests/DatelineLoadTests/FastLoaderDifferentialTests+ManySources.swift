import DatelineCore
import DatelineSynth
import Foundation
import XCTest

/// Pieces that name more distinct sources than `RecordScanChunk.recentSources` has
/// slots (1024): an id named again after its slot was taken is copied again, so one
/// source has several indexes in its piece. Each is looked up by its bytes, so the
/// issues, quotes checked and records are those of the reference.
extension FastLoaderDifferentialTests {
  func testPiecesNamingThousandsOfSourcesLoadAlike() throws {
    // One source per record, cited at random: over 1,024 distinct ids in a piece.
    let dir = try synth(
      records: 2_400, seed: 41, corruption: 0.2, recordsPerSource: 1)
    let lines = try Data(
      contentsOf: URL(fileURLWithPath: dir + "/records.jsonl")
    ).prefix(1 << 20)
    let named = Set(
      String(decoding: lines, as: UTF8.self).components(
        separatedBy: #""source":""#
      ).dropFirst().map { $0.prefix { $0 != "\"" } })
    XCTAssertGreaterThan(named.count, 1024, "the first piece's sources")
    try assertSame(dir, settings: inPasses(2, unit: 1 << 20, windowed: true))
  }
}
