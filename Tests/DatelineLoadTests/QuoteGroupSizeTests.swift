import XCTest

@testable import DatelineCore

/// How the record pieces are cut into quote groups (`FastLoader.groups`): every job once,
/// in order, the sources job first; equal shares at a shrink of 1, each group about
/// `shrink` times the one before otherwise.
final class QuoteGroupSizeTests: XCTestCase {
  /// The sources job, then `count` pieces of 1,000 bytes.
  func jobs(_ count: Int) -> [FastLoader.Job] {
    [.sources([])]
      + (0..<count).map {
        .lines(file: 0, range: ($0 * 1000)..<($0 * 1000 + 1000))
      }
  }

  /// Each group's record bytes.
  func bytes(_ groups: [[FastLoader.Job]]) -> [Int] {
    groups.map { $0.reduce(0) { $0 + $1.byteCount } }
  }

  func testEveryJobOnceInOrderWithTheSourcesJobFirst() {
    for (count, passes, shrink) in [
      (30, 3, 0.5), (30, 3, 1.0), (7, 6, 0.6), (3, 5, 0.5), (100, 64, 0.9),
    ] {
      let groups = FastLoader.groups(jobs(count), count: passes, shrink: shrink)
      XCTAssertLessThanOrEqual(groups.count, passes)
      XCTAssertFalse(groups.contains { $0.isEmpty })
      let flat = groups.flatMap { $0 }
      XCTAssertEqual(flat.count, count + 1)
      guard case .sources = flat[0] else {
        return XCTFail("sources job not first")
      }
      let starts = flat.dropFirst().compactMap { job -> Int? in
        if case .lines(_, let r) = job { return r.lowerBound }
        return nil
      }
      XCTAssertEqual(starts, (0..<count).map { $0 * 1000 })
    }
  }

  func testGroupsShrinkByTheGivenShare() {
    XCTAssertEqual(
      bytes(FastLoader.groups(jobs(30), count: 3, shrink: 1)),
      [10_000, 10_000, 10_000])
    // 4/7, 2/7 and 1/7 of 70 pieces.
    XCTAssertEqual(
      bytes(FastLoader.groups(jobs(70), count: 3, shrink: 0.5)),
      [40_000, 20_000, 10_000])
    let tenths = bytes(FastLoader.groups(jobs(1000), count: 4, shrink: 0.7))
    XCTAssertEqual(tenths.count, 4)
    for k in 1..<4 {
      XCTAssertEqual(
        Double(tenths[k]) / Double(tenths[k - 1]), 0.7, accuracy: 0.02)
    }
  }

  /// A share that is no number (a setting of `nan`) cuts equal groups, not one group:
  /// NaN passed the clamp and no group's share was ever reached.
  func testAShareThatIsNoNumberCutsEqualGroups() {
    XCTAssertEqual(
      bytes(FastLoader.groups(jobs(30), count: 3, shrink: .nan)),
      [10_000, 10_000, 10_000])
  }
}
