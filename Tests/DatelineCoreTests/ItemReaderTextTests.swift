import Foundation
import XCTest

@testable import DatelineCore

/// ItemReader's text checks without Foundation's string search give Foundation's answers:
/// a blank string is one that trimming `.whitespacesAndNewlines` empties, and a key is
/// joined to its path with a dot exactly when the old test (`contains(".")`) said so.
final class ItemReaderTextTests: XCTestCase {
  let texts = [
    "", " ", "\t\n\r", "\u{0B}\u{0C}", "\u{85}", "\u{A0}", "\u{2028}\u{2029}",
    "\u{3000}", "\u{200B}", "\u{FEFF}", "a", " a ", "\n\nx", "x \u{3000}", ".",
    "e\u{301}", "\u{301}", "  \u{1F600}  ", "\u{0}", "\u{1F}",
  ]

  func testBlankIsWhatTrimmingEmpties() {
    for s in texts {
      XCTAssertEqual(
        ItemReader.isBlank(s),
        s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
        s.unicodeScalars.map { String($0.value, radix: 16) }.joined(
          separator: " "))
    }
  }

  func testKeysJoinAsTheFoundationSearchJoinedThem() {
    let keys = [
      "date", "x_note", "a.b", "A.B", "Date", "\u{212A}ind", "\u{212A}.x",
      "a b",
      ".", "", "é", "e\u{301}.x", "id-1_2", "\u{130}d", "quote.text", "1",
      "a[0]",
    ]
    for key in keys {
      let dotted =
        TypedID<Never>.isValid(key.lowercased()) && !key.contains(".")
      let expected =
        dotted ? "$.items" + "." + key : "$.items[" + quoted(key) + "]"
      XCTAssertEqual(ItemReader.join("$.items", key), expected, key)
    }
  }
}
