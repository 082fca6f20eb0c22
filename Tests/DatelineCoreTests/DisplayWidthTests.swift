import DatelineCore
import XCTest

/// Terminal columns per grapheme: the one width function every layout uses.
final class DisplayWidthTests: XCTestCase {
  func testStringWidthsInColumns() {
    let table: [(text: String, columns: Int, note: String)] = [
      ("", 0, "empty"),
      ("abc", 3, "ASCII"),
      ("Hello, world!", 13, "ASCII punctuation"),
      ("中", 2, "CJK ideograph"),
      ("中文字", 6, "three CJK"),
      ("한국", 4, "Hangul syllables"),
      ("ｱ", 1, "halfwidth katakana"),
      ("Ａ", 2, "fullwidth Latin"),
      ("。", 2, "ideographic full stop"),
      ("😀", 2, "emoji"),
      ("🚀", 2, "emoji"),
      ("👨\u{200D}👩\u{200D}👧", 2, "ZWJ family is one grapheme"),
      ("👍🏽", 2, "emoji with skin tone"),
      ("🇺🇸", 2, "flag: two regional indicators"),
      ("❤\u{FE0F}", 2, "text-default emoji with VS16"),
      ("e\u{301}", 1, "combining acute adds nothing"),
      ("a\u{300}\u{301}\u{302}", 1, "several combining marks"),
      ("é", 1, "precomposed"),
      ("Cafe\u{301} 中", 7, "mixed"),
      ("中\u{301}", 2, "a mark on a wide base"),
    ]
    for row in table {
      XCTAssertEqual(
        DisplayWidth.of(row.text), row.columns,
        "\(row.note): \(row.text.debugDescription)")
    }
  }

  func testAZeroWidthSpaceTakesNoColumn() {
    // Terminals (wcwidth) draw U+200B in no column; DisplayWidth.of(scalar:) means to say 0
    // too (`if v == 0x200B … return 0`), but the `.format` category case returns first.
    XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2)
    XCTAssertEqual(DisplayWidth.of("\u{200B}" as Character), 0)
  }

  func testDELCountsNoColumnAsAStringAsItDoesAsACharacter() {
    // "Controls must be sanitized away before; they count 0 here": DEL does as a Character,
    // but the printable-ASCII fast path of `of(_: String)` lets 0x7F through as 1 column.
    XCTAssertEqual(DisplayWidth.of("\u{7F}" as Character), 0)
    XCTAssertEqual(DisplayWidth.of("a\u{7F}"), 1)
  }

  func testCharacterWidthsAgreeWithStringWidths() {
    for c: Character in [
      "a", "中", "😀", "👨\u{200D}👩\u{200D}👧", "🇺🇸", "e\u{301}", "Ａ", "❤\u{FE0F}",
    ] {
      XCTAssertEqual(
        DisplayWidth.of(c), DisplayWidth.of(String(c)),
        String(c).debugDescription)
    }
    XCTAssertEqual(DisplayWidth.of("中" as Character), 2)
    XCTAssertEqual(DisplayWidth.of("a" as Character), 1)
  }

  func testAStringIsAsWideAsTheSumOfItsGraphemes() {
    let text = "Hamás 中文 👨\u{200D}👩\u{200D}👧 e\u{301} 🇺🇸 ｱＡ"
    XCTAssertEqual(
      DisplayWidth.of(text), text.reduce(0) { $0 + DisplayWidth.of($1) })
    XCTAssertEqual(
      DisplayWidth.of(text), 5 + 1 + 4 + 1 + 2 + 1 + 1 + 1 + 2 + 1 + 3)
  }
}
