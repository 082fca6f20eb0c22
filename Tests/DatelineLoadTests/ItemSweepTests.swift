import DatelineSynth
import Foundation
import XCTest

@testable import DatelineCore

/// A pass over every record of a load that read its files in windows (the search
/// signatures) reads through a private block: the same bits as from a whole load, and no
/// window of the files left resident.
extension FastLoaderDifferentialTests {
  func testSignaturesOfAWindowedLoadEqualAWholeLoadsAndHoldNoWindow() throws {
    let dir = try temporaryDirectory("sweep")
    try CorpusSynth.write(to: dir, options: .init(records: 3_000, seed: 6))
    let whole = try CorpusLoader.load(directory: dir).corpus
    let windowed = try CorpusLoader.load(
      directory: dir,
      settings: LoadSettings(chunkBytes: 4096, windowedReads: true)
    ).corpus
    let files = windowed.store.files.filter(\.isDeferred)
    XCTAssertFalse(files.isEmpty)
    let held = files.map(\.windowsHeld)
    let a = SearchSignatures.build(whole)
    let b = SearchSignatures.build(windowed)
    XCTAssertEqual(a.bits.count, b.bits.count)
    XCTAssertTrue((0..<a.bits.count).allSatisfy { a.bits[$0] == b.bits[$0] })
    XCTAssertEqual(files.map(\.windowsHeld), held)
    // A record shown is read the checked way, and its window is then held.
    _ = windowed.decodedRecord(at: 1_500)
    XCTAssertGreaterThan(
      files.map(\.windowsHeld).reduce(0, +), held.reduce(0, +))
  }
}
