import DatelineCore
import DatelineUI
import XCTest

/// Drafts on screen: a draft row and the review status line at three sizes, in colour, in
/// monochrome and in ASCII.
final class ReviewScreenTests: XCTestCase {
  static let sizes = [
    Size(columns: 20, rows: 5), Size(columns: 80, rows: 24),
    Size(columns: 200, rows: 50),
  ]

  func testADraftRowAndTheReviewStatusLine() throws {
    for size in Self.sizes {
      let s = selecting(ReviewFixture.good, in: try ReviewFixture.state(size))
      assertGolden(render(s), "review-draft")
    }
  }

  func testDraftsAloneAsDatelineReviewOpensThem() throws {
    for size in Self.sizes {
      assertGolden(
        render(try ReviewFixture.state(size, alone: true)), "review-alone")
    }
  }

  func testTheSourcePaneShowsTheDraftsSentenceHighlighted() throws {
    let s = press(
      "o", from: selecting(ReviewFixture.good, in: try ReviewFixture.state()))
    XCTAssertEqual(s.pane, .source)
    assertGolden(render(s), "review-source")
  }

  func testADraftIsMarkedInMonochromeAndInASCII() throws {
    let s = selecting(
      ReviewFixture.other, in: try ReviewFixture.state(useColor: false))
    let frame = ASCIIFallback.frame(render(s))
    let rows = frame.text.components(separatedBy: "\n")
    let draftRow = try XCTUnwrap(rows.first { $0.contains("draft Drafted:") })
    XCTAssertTrue(draftRow.unicodeScalars.allSatisfy(\.isASCII), draftRow)
    XCTAssertTrue(
      frame.statusLine.contains("draft: s x E D K P B"), frame.statusLine)
    XCTAssertTrue(
      frame.styleRuns.contains { $0.contains("D") },
      "the draft is dim, which monochrome shows")
  }

  func testTheStatusLineSaysWhatWasDecided() throws {
    let s = update(
      press(
        "x", from: selecting(ReviewFixture.good, in: try ReviewFixture.state())),
      .draftDecided(id: ReviewFixture.good, error: nil))
    XCTAssertTrue(
      render(s).statusLine.contains("rejected talks-d001 (u undoes)"),
      render(s).statusLine)
    let quiet = press("j k", from: s)
    XCTAssertTrue(
      render(quiet).statusLine.contains("draft rejected (u undoes)"),
      render(quiet).statusLine)
  }
}
