import DatelineCore
import XCTest

/// Cutting, padding and wrapping by terminal columns, never splitting a grapheme.
final class TruncationTests: XCTestCase {
  /// Text pieces mixing narrow, wide, zero-width-mark and emoji graphemes, and spaces.
  private static let pieces = [
    "a", "b", "word", " ", " ", "  ", "中", "文字", "😀", "👨\u{200D}👩\u{200D}👧",
    "e\u{301}", "🇺🇸", "Ａ",
    "x",
  ]

  private func randomText(_ g: inout SplitMix64, pieces: [String] = pieces)
    -> String
  {
    (0..<g.int(16)).map { _ in g.pick(pieces) }.joined()
  }

  func testTruncateCutsToColumnsWithAMarker() {
    let table: [(text: String, columns: Int, expected: String)] = [
      ("Hello, world", 5, "Hell…"),
      ("Hello", 5, "Hello"),
      ("Hello", 10, "Hello"),
      ("Hello", 1, "…"),
      ("Hello", 0, ""),
      ("中文字", 6, "中文字"),
      ("中文字", 5, "中文…"),
      ("中文字", 4, "中…"),  // 文 would straddle the edge: dropped whole, not split
      ("中文字", 2, "…"),
      // marks stay with their base
      ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
      ("👨\u{200D}👩\u{200D}👧 family", 3, "👨\u{200D}👩\u{200D}👧…"),
    ]
    for row in table {
      XCTAssertEqual(
        Truncation.truncate(row.text, toColumns: row.columns), row.expected,
        "\(row.text) at \(row.columns)")
    }
    XCTAssertEqual(
      Truncation.truncate("Hello, world", toColumns: 5, marker: ""), "Hello")
    XCTAssertEqual(
      Truncation.truncate("Hello, world", toColumns: 5, marker: "..."), "He...")
  }

  func testTruncateNeverExceedsTheLimitNorSplitsAGrapheme() {
    var g = SplitMix64(state: 99)
    for _ in 0..<2000 {
      let text = randomText(&g)
      let columns = g.int(20)
      let cut = Truncation.truncate(text, toColumns: columns)
      XCTAssertLessThanOrEqual(
        DisplayWidth.of(cut), columns, "\(text.debugDescription) at \(columns)")
      if DisplayWidth.of(text) <= columns {
        XCTAssertEqual(cut, text)
      } else {
        let kept = cut.hasSuffix("…") ? String(cut.dropLast()) : cut
        XCTAssertTrue(
          Array(text).starts(with: Array(kept)),
          "\(cut.debugDescription) is not a prefix by grapheme")
      }
    }
  }

  func testFitPadsToExactlyTheColumns() {
    XCTAssertEqual(Truncation.fit("ab", toColumns: 5), "ab   ")
    // The gap a wide character leaves at the edge is padded.
    XCTAssertEqual(Truncation.fit("中文字", toColumns: 4), "中… ")
    var g = SplitMix64(state: 5)
    for _ in 0..<1000 {
      let text = randomText(&g)
      let columns = 1 + g.int(20)
      XCTAssertEqual(
        DisplayWidth.of(Truncation.fit(text, toColumns: columns)), columns,
        text.debugDescription)
    }
  }

  func testWrapBreaksAtSpacesAndNewlines() {
    let table: [(text: String, columns: Int, lines: [String])] = [
      ("the quick brown fox", 10, ["the quick", "brown fox"]),
      ("the quick brown fox", 19, ["the quick brown fox"]),
      ("a\nb", 10, ["a", "b"]),
      ("a\n\nb", 10, ["a", "", "b"]),
      ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
      ("中文中文中", 4, ["中文", "中文", "中"]),
      ("中文中文中", 5, ["中文", "中文", "中"]),
      ("", 5, [""]),
    ]
    for row in table {
      XCTAssertEqual(
        Truncation.wrap(row.text, toColumns: row.columns), row.lines,
        "\(row.text.debugDescription) at \(row.columns)")
    }
  }

  func testWrapAfterADoubleSpaceBeforeWideTextStaysWithinTheColumns() {
    // "abc" fills the line and the first space ends it; the second space starts the next
    // line and is remembered as a break at width 0; "中中" then overflows at 3 columns.
    let lines = Truncation.wrap("abc  中中", toColumns: 3)
    for line in lines {
      XCTAssertLessThanOrEqual(
        DisplayWidth.of(line), 3, "line \(line.debugDescription) of \(lines)")
    }
  }

  func testWrapLinesEachFitAndKeepEveryNonSpaceGrapheme() {
    var g = SplitMix64(state: 2024)
    var failures = 0
    for _ in 0..<3000 {
      let text = randomText(&g, pieces: Self.pieces + ["\n"])
      let columns = 2 + g.int(12)
      let lines = Truncation.wrap(text, toColumns: columns)
      if let wide = lines.first(where: { DisplayWidth.of($0) > columns }) {
        failures += 1
        if failures <= 3 {
          XCTFail(
            "\(text.debugDescription) at \(columns): line \(wide.debugDescription) is \(DisplayWidth.of(wide)) wide"
          )
        }
      }
      let kept = lines.joined().filter { $0 != " " && $0 != "\n" }
      XCTAssertEqual(
        kept, text.filter { $0 != " " && $0 != "\n" }, text.debugDescription)
    }
    XCTAssertEqual(failures, 0, "texts with a line wider than the columns")
  }
}
