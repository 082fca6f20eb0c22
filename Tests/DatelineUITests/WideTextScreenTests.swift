import DatelineCore
import DatelineUI
import XCTest

/// Screens of `WideFixture` at 80×24 and 40×10: wide glyphs keep their columns, and no
/// control character or bidi override from the data reaches a cell.
final class WideTextScreenTests: XCTestCase {
  static let sizes = [size80x24, size40x10]

  func screens(
    _ name: String, keys: String, file: StaticString = #filePath,
    line: UInt = #line,
    check: (BrowserState, Frame) throws -> Void = { _, _ in }
  ) throws {
    for size in Self.sizes {
      let state = press(
        keys, from: try WideFixture.state(size, file: file, line: line))
      let frame = render(state)
      assertGolden(frame, "wide-" + name, file: file, line: line)
      assertSound(frame, "wide-\(name) at \(size):", file: file, line: line)
      try check(state, frame)
    }
  }

  func testTheWideTimelineKeepsEveryRowExactlyAsWideAsTheScreen() throws {
    try screens("timeline", keys: "") { state, frame in
      let text = frame.text
      XCTAssertTrue(text.contains("日本語のニュース"), text)
      XCTAssertTrue(text.contains("Emoji 😀"), text)
      if state.size.columns >= 80 {
        XCTAssertTrue(
          text.contains("Red ␛[31mALERT"), "ESC is shown as a picture:\n\(text)"
        )
        XCTAssertTrue(
          text.contains("Clipboard ␛]52;c;SGVsbG8=␇"),
          "OSC 52 and BEL are shown as pictures:\n\(text)")
        XCTAssertTrue(
          text.contains("Bidi �desrever�"),
          "the bidi override is replaced:\n\(text)")
        XCTAssertTrue(
          text.contains("\u{25CC}\u{301}starts"),
          "a leading mark sits on a dotted circle:\n\(text)")
        XCTAssertTrue(
          text.contains("日本政府"), "the CJK party label is shown:\n\(text)")
      }
    }
  }

  func testTheDetailOfAnEmojiRecordKeepsItsColumns() throws {
    try screens("detail", keys: "j Enter") { state, frame in
      XCTAssertEqual(state.selectedID, "emoji")
      XCTAssertTrue(
        frame.text.contains("👨"), "the ZWJ family is drawn as its first person")
    }
  }

  func testTheSourcePaneHighlightsAQuoteOfWideCharacters() throws {
    try screens("source", keys: "o") { state, frame in
      XCTAssertEqual(state.selectedID, "cjk")
      let pane = try XCTUnwrap(Layout(state).pane)
      let lit = highlightedText(frame, code: "RB", in: pane)
      if state.size.rows >= 24 { XCTAssertEqual(lit, WideFixture.quote) }
      XCTAssertFalse(frame.text.contains("\u{1B}"))
    }
  }

  func testThePartyListShowsWideAndHostileLabelsSafely() throws {
    try screens("parties", keys: "p") { state, frame in
      XCTAssertTrue(frame.text.contains("日本国政府"), frame.text)
    }
  }

  func testEveryFrameOfTheFixtureIsSoundAtManySizes() throws {
    let base = try WideFixture.state(size80x24)
    var sweep = SoundnessSweep()
    for keys in [
      "", "j Enter", "o", "p", "?", "G Enter", "j j j j j o", "/ 日本 Enter",
    ] {
      for columns in [
        20, 21, 23, 33, 40, 41, 57, 79, 80, 81, 99, 100, 101, 133,
      ] {
        for rows in [5, 10, 24] {
          let state = press(
            keys,
            from: update(base, .resize(Size(columns: columns, rows: rows))))
          sweep.check(render(state), "keys \"\(keys)\" at \(columns)x\(rows)")
        }
      }
    }
    sweep.assertNoProblems()
  }

  // MARK: - The cell rules, one case each

  func testWritingOverHalfOfAWideGlyphBlanksTheOtherHalf() {
    var frame = Frame(size: Size(columns: 8, rows: 2))
    frame.put("日本語", at: Position(column: 0, row: 0))
    // over the continuation of 日
    frame.put("│", at: Position(column: 1, row: 0))
    frame.put("日本語", at: Position(column: 0, row: 1))
    frame.put("│", at: Position(column: 2, row: 1))  // over the first half of 本
    assertSound(frame, "a border drawn across wide glyphs:")
    XCTAssertEqual(frame[1, 0].grapheme, "│")
    XCTAssertEqual(frame[2, 1].grapheme, "│")
  }

  func testFillingOverHalfOfAWideGlyphBlanksTheOtherHalf() {
    var frame = Frame(size: Size(columns: 6, rows: 1))
    frame.put("日本語", at: Position(column: 0, row: 0))
    frame.fill(Rect(column: 3, row: 0, columns: 2, rows: 1), style: .reverse)
    assertSound(frame, "a bar filled from the middle of 本 to the middle of 語:")
  }

  func testALeadingCombiningMarkIsDrawnOnADottedCircle() {
    var frame = Frame(size: Size(columns: 6, rows: 1))
    frame.put("\u{301}ab", at: Position(column: 0, row: 0))
    XCTAssertEqual(
      frame[0, 0].grapheme, "\u{25CC}\u{301}",
      "Frame.drawable documents the dotted circle")
    assertSound(frame)
  }
}
