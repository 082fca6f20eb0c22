import DatelineCore
import XCTest

@testable import DatelineUI

/// The figures pane (issue 14): the attribution read whole while there is room, each
/// sparkline with its scale, and the records that dispute a statement one key away; at
/// 20x5, 80x24 and 200x50.
final class FiguresPaneTests: XCTestCase {
  static let sizes = PaneModelTests.sizes

  /// The figures pane of the fixture's Ministry count (240, the Front's 200–250, 251).
  func figures(_ size: Size, keys: String = "") throws -> BrowserState {
    press(
      "f " + keys,
      from: selecting("count-240", in: try FeatureFixture.state(size)))
  }

  func paneText(_ s: BrowserState) throws -> String {
    render(s).rowTexts(in: try XCTUnwrap(Layout(s).pane)).joined(
      separator: "\n")
  }

  func testEachSparklineSaysItsLowestAndHighestValue() throws {
    for size in Self.sizes {
      let s = try figures(size)
      XCTAssertEqual(s.pane, .figures, "\(size)")
      assertGolden(render(s), "figures-scale")
      guard size.rows > 5 else { continue }
      // 240, 225 (the midpoint of 200–250) and 251: drawn ▅▁█, and the scale says so.
      let text = try paneText(s)
      XCTAssertTrue(
        text.contains("captives held  ▅▁█  ▁ 225  █ 251"), "\(size):\n\(text)")
    }
    let seed = press(
      "f", from: selecting("pmo-135-116", in: try Seed.state(size80x24)))
    let text = try paneText(seed)
    XCTAssertTrue(
      text.contains("hostages remaining in Gaza  ▁█  ▁ 100  █ 135"), text)
    XCTAssertTrue(text.contains("hostages alive in Gaza  ▄  116"), text)
  }

  func testTheScaleReadsAsNumbers() {
    XCTAssertEqual(FigureScale.number(135), "135")
    XCTAssertEqual(FigureScale.number(225.5), "225.5")
    XCTAssertEqual(FigureScale.number(1e20), "1e+20")
    XCTAssertEqual(FigureScale.number(-3), "-3")
  }

  func testTheAttributionGoesOnUnderItsColumnInsteadOfBeingCut() throws {
    // Beside the timeline at 120x40 the pane is 53 columns wide: the seed's "“believed”,
    // no source given [unattributed]" does not fit after the date and the value.
    for size in [size120x40, size80x24, PaneModelTests.size200x50] {
      let s = press(
        "f", from: selecting("pmo-135-116", in: try Seed.state(size)))
      let words = try paneText(s).split(whereSeparator: {
        $0 == " " || $0 == "\n"
      }).joined(separator: " ")
      XCTAssertTrue(
        words.contains("“believed”, no source given [unattributed]"),
        "\(size): \(words)")
      // The title line may be cut; the entries are not.
      let text = try paneText(s).split(separator: "\n").dropFirst().joined(
        separator: "\n")
      XCTAssertFalse(text.contains("…"), "\(size): nothing cut:\n\(text)")
    }
    // A line too narrow to wrap usefully is cut as before.
    XCTAssertEqual(
      FiguresPane.entryLines(
        head: "  2023-12-12  135  ", who: "Israeli PMO [official]", width: 25),
      ["  2023-12-12  135  Israe…"])
    let long = String(repeating: "word ", count: 40)
    XCTAssertEqual(
      FiguresPane.entryLines(head: " d  v  ", who: long, width: 40).count,
      FiguresPane.maxLines)
  }

  func testDInTheFocusedPaneGoesToWhatDisputesTheHighlightedStatement() throws {
    for size in Self.sizes {
      // j: the Front's 200–250, disputed by the Ministry's denial.
      let s = try figures(size, keys: "j")
      XCTAssertEqual(s.focus, .pane, "\(size)")
      let disputed = press("d", from: s)
      XCTAssertEqual(disputed.selectedID, "ministry-rejects", "\(size)")
      // The Ministry's own 240 is not in a dispute: a message, nothing moves.
      let calm = press("d", from: try figures(size))
      XCTAssertEqual(calm.selectedID, "count-240", "\(size)")
      XCTAssertEqual(calm.message, "this record is not in a dispute", "\(size)")
      // Backspace comes back.
      XCTAssertEqual(
        press("BSpace", from: disputed).selectedID, "count-240", "\(size)")
    }
  }
}
