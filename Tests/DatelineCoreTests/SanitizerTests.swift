import DatelineCore
import Foundation
import XCTest

/// SCHEMA.md: control characters are never printed raw; every display sanitizes them.
final class SanitizerTests: XCTestCase {
  func testControlsBecomeVisibleSymbolsInBothModes() {
    let table: [(input: String, output: String)] = [
      ("\u{1B}[31mred", "\u{241B}[31mred"),  // ESC → ␛
      // OSC 52 with BEL → ␇
      ("\u{1B}]52;c;aGk=\u{07}", "\u{241B}]52;c;aGk=\u{2407}"),
      ("nul\u{0}", "nul\u{2400}"),
      ("bs\u{8}", "bs\u{2408}"),
      ("del\u{7F}", "del\u{2421}"),  // ␡
      ("nel\u{85}", "nel\u{FFFD}"),  // C1
      ("csi\u{9B}2J", "csi\u{FFFD}2J"),
      ("\u{80}\u{9F}", "\u{FFFD}\u{FFFD}"),
      ("\u{202E}evil", "\u{FFFD}evil"),  // RIGHT-TO-LEFT OVERRIDE
      ("\u{202A}\u{202B}\u{202C}\u{202D}", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
      // isolates
      ("\u{2066}\u{2067}\u{2068}\u{2069}", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
      ("\u{200E}\u{200F}\u{061C}", "\u{FFFD}\u{FFFD}\u{FFFD}"),  // marks
      ("\u{FFFE}\u{FFFF}", "\u{FFFD}\u{FFFD}"),
    ]
    for row in table {
      for mode in [Sanitizer.Newlines.flatten, .keep] {
        XCTAssertEqual(
          Sanitizer.clean(row.input, newlines: mode), row.output,
          "\(row.input.debugDescription) \(mode)")
      }
    }
  }

  func testNewlinesFlattenToSpacesOrStay() {
    let table: [(input: String, flatten: String, keep: String)] = [
      ("a\nb", "a b", "a\nb"),
      ("a\r\nb", "a  b", "a\nb"),
      ("a\rb", "a b", "ab"),
      ("a\tb", "a b", "a    b"),
      ("a\u{2028}b", "a b", "a\nb"),
      ("a\u{2029}b", "a b", "a\nb"),
      ("\n\n", "  ", "\n\n"),
    ]
    for row in table {
      XCTAssertEqual(
        Sanitizer.clean(row.input), row.flatten,
        "flatten is the default: \(row.input.debugDescription)")
      XCTAssertEqual(
        Sanitizer.clean(row.input, newlines: .flatten), row.flatten,
        row.input.debugDescription)
      XCTAssertEqual(
        Sanitizer.clean(row.input, newlines: .keep), row.keep,
        row.input.debugDescription)
    }
  }

  func testPlainTextIsUnchanged() {
    for text in [
      "", "Plain ASCII, with punctuation: (1) [2] {3} ~!@#$%^&*",
      "Café au lait", "中文 한국어 日本語",
      "👨‍👩‍👧 🇺🇸 ❤️", "e\u{301}", "Hebrew שלום and Arabic مرحبا (no overrides)",
    ] {
      XCTAssertEqual(Sanitizer.clean(text), text, text)
      XCTAssertEqual(Sanitizer.clean(text, newlines: .keep), text, text)
    }
  }

  func testNothingATerminalWouldInterpretSurvivesOnAnyScalar() {
    // Every scalar up to U+2100 plus the bidi and special ranges, one at a time.
    let extra: [UInt32] = [
      0x2028, 0x2029, 0x202A, 0x202E, 0x2066, 0x2069, 0xFFFE, 0xFFFF, 0x1F600,
    ]
    for v in Array(0..<0x2100) + extra {
      guard let s = Unicode.Scalar(v) else { continue }
      for mode in [Sanitizer.Newlines.flatten, .keep] {
        let out = Sanitizer.clean(
          "x" + String(Character(s)) + "y", newlines: mode)
        for o in out.unicodeScalars {
          let bad =
            (o.value < 0x20 && !(mode == .keep && o.value == 0x0A))
            || (0x7F..<0xA0).contains(o.value)
            || [0x061C, 0x200E, 0x200F].contains(o.value)
            || (0x202A...0x202E).contains(o.value)
            || (0x2066...0x2069).contains(o.value)
          if bad {
            XCTFail(
              "U+\(String(v, radix: 16)) in \(mode) mode left U+\(String(o.value, radix: 16))"
            )
            return
          }
        }
      }
    }
  }

  func testHasControlCharactersFlagsAllButTabAndNewline() {
    XCTAssertFalse(Sanitizer.hasControlCharacters("tab\tand\nnewline"))
    XCTAssertFalse(Sanitizer.hasControlCharacters("Café 中文"))
    for c in ["\u{0}", "\u{7}", "\r", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}"] {
      XCTAssertTrue(
        Sanitizer.hasControlCharacters("a" + c + "b"), c.debugDescription)
    }
  }
}
