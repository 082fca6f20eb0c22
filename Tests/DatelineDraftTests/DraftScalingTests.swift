import DatelineCore
import DatelineDraft
import Foundation
import XCTest

/// A run-on "sentence" (no full stop for hundreds of kilobytes) drafts in time linear in
/// its length: every backward or forward scan has a window. Compared as a ratio of two
/// sizes (the best of three runs each), never against a clock.
final class DraftScalingTests: XCTestCase {
  func seconds(_ phrases: Int) -> Double {
    let text =
      Array(
        repeating: "officials said the talks ended on Monday", count: phrases
      ).joined(separator: " ") + "."
    var best = Double.infinity
    for _ in 0..<3 {
      let start = DispatchTime.now().uptimeNanoseconds
      let result = Drafter(parties: [], sourceID: "s").draft(
        text, published: day("2024-01-10"))
      XCTAssertEqual(result.expressions.count, phrases)
      best = min(
        best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
  }

  func testARunOnSentenceDraftsInLinearTime() {
    let small = seconds(300)
    let large = seconds(1200)
    // Linear gives about 4; a quadratic scan gives about 16.
    XCTAssertLessThan(
      large / small, 9, "300 phrases: \(small) s, 1200 phrases: \(large) s")
  }
}
