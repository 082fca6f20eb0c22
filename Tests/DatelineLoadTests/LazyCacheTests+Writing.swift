import Foundation
import XCTest

@testable import DatelineCore

/// The cache written again from a lazily re-opened store (the browser's idle write after
/// a re-open whose cache was replaced): the writer reads every block first, and a block
/// that fails its checks then was zeroed in memory. Such a store is never written: the
/// write says why, and no file appears; a write that goes through is the good cache.
extension LazyCacheTests {
  func testAStoreWithABlockThatFailedItsChecksIsNotWrittenAgain() throws {
    let good = try cacheBytes()
    var refusals = 0
    for e in try entries(good) where e.id != CacheLayout.meta && e.length > 0 {
      var bad = good
      let (offset, length) = e.block(e.blocks / 2)
      bad[offset + length / 2] ^= 0x10
      let what = "section \(e.id) block \(e.blocks / 2)"
      try Data(bad).write(to: URL(fileURLWithPath: try cachePath))
      let r = try open()
      guard r.fromCache else { continue }
      var elsewhere = try settings.cacheLocation(of: data)
      elsewhere.path = dir + "/rewritten-\(e.id).cache"
      let warning = CorpusCache.write(r, at: elsewhere)
      let written = try? Data(contentsOf: URL(fileURLWithPath: elsewhere.path))
      if let warning {
        refusals += 1
        XCTAssertNil(written, "\(what): a file was written")
        XCTAssertTrue(
          warning.contains("re-open cache does not match"),
          "\(what): \(warning)")
      } else {
        let bytes = written.map(Array.init) ?? []
        XCTAssertEqual(bytes.count, good.count, "\(what): written as read")
        XCTAssertNil(
          bytes.indices.first { $0 < good.count && bytes[$0] != good[$0] },
          "\(what): the first byte that differs")
      }
    }
    // The id tables are read only when probed or written: their flips are found here.
    XCTAssertGreaterThan(refusals, 0)
  }
}
