import XCTest

@testable import DatelineCore

/// The scan's per-record structures stay at the sizes the memory figures were measured
/// with (docs/performance.md, Memory): a million records hold one item (and its dates, unless a
/// first pass's rows vouch for them) and about one quote check each from the scan until the store is built.
final class ScanLayoutTests: XCTestCase {
  func testScanItemsAndQuoteChecksStaySmall() {
    XCTAssertEqual(MemoryLayout<RecordScanChunk.Item>.stride, 40)
    XCTAssertEqual(MemoryLayout<RecordScanChunk.ItemDates>.stride, 20)
    XCTAssertEqual(MemoryLayout<RecordScanChunk.QuoteCheck>.stride, 24)
  }

  /// A source id named again is the same entry of the chunk's `sources`; another id, or
  /// the same bytes after a colliding id took its slot, gets an entry of its own.
  func testSourceIdsAreCopiedOncePerChunkWhileTheyRecur() {
    var chunk = RecordScanChunk()
    func index(_ s: String) -> UInt32 {
      var t = s
      return t.withUTF8 { chunk.sourceIndex($0.start, $0.count) }
    }
    let a = index("src-a")
    XCTAssertEqual(index("src-a"), a)
    let b = index("src-b")
    XCTAssertNotEqual(a, b)
    XCTAssertEqual(index("src-a"), a)
    XCTAssertEqual(chunk.sources.count, 2)
    XCTAssertEqual(chunk.sources[Int(b)].string, "src-b")
    XCTAssertEqual(index(""), index(""))
    XCTAssertEqual(chunk.sources.count, 3)
  }
}
