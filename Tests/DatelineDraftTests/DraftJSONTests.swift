import DatelineCore
import DatelineDraft
import XCTest

/// Drafts quote strings with Core's one JSON string writer
/// (`JSONWriter.string`), so a C1 control or a bidi override copied from an article is
/// escaped in them exactly as in `list --format jsonl`.
final class DraftJSONTests: XCTestCase {
  let article =
    "Officials said on Tuesday that the talks \u{202E}stalled\u{202C} after a \u{85}pause.\n"

  func testADraftLineEscapesC1AndBidiControlsLikeCore() throws {
    let result = Drafter(parties: [], sourceID: "s").draft(
      article, published: day("2023-12-13"))
    let draft = try XCTUnwrap(result.records.first)
    XCTAssertTrue(draft.quote.unicodeScalars.contains("\u{202E}"))
    let line = draft.jsonLine
    XCTAssertTrue(line.contains(#"\u202e"#), line)
    XCTAssertTrue(line.contains(#"\u202c"#), line)
    XCTAssertTrue(line.contains(#"\u0085"#), line)
    XCTAssertFalse(
      line.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{85}" }, line)
    XCTAssertTrue(
      line.contains(JSONWriter.string(draft.quote)),
      "the quote is written by Core's writer")
  }
}
