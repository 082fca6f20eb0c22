import XCTest

@testable import DatelineCore

/// `RecordStore.printsRaw` (may a JSON line be printed as it is?) against the rule it
/// implements, scalar by scalar: no DEL, no C1 control, no line or paragraph separator,
/// no bidi control. Each character is tried at every offset up to 40, so it falls in
/// every lane of the 16-byte step and in the tail.
final class PrintsRawTests: XCTestCase {
  func rule(_ s: String) -> Bool {
    !s.unicodeScalars.contains { u in
      let v = u.value
      return v == 0x7F || (0x80...0x9F).contains(v) || v == 0x061C
        || v == 0x200E || v == 0x200F
        || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
  }

  func printsRaw(_ s: String) -> Bool {
    var s = s
    return s.withUTF8 { RecordStore.printsRaw(UnsafeRawBufferPointer($0)) }
  }

  func testEveryCharacterAtEveryOffset() {
    let trials: [Character] = [
      "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "é", "\u{061C}",
      "\u{061B}", "\u{200D}", "\u{200E}", "\u{200F}",
      "\u{2027}", "\u{2028}", "\u{2029}", "\u{202E}", "\u{202F}", "\u{2065}",
      "\u{2066}", "\u{2069}", "\u{206A}", "😀",
      "北",
    ]
    for c in trials {
      for offset in 0...40 {
        for tail in [0, 1, 17] {
          let line =
            String(repeating: "a", count: offset) + String(c)
            + String(repeating: "b", count: tail)
          XCTAssertEqual(
            printsRaw(line), rule(line),
            "U+\(String(c.unicodeScalars.first!.value, radix: 16)) at \(offset)"
          )
        }
      }
    }
    XCTAssertTrue(printsRaw(""))
    XCTAssertTrue(printsRaw(String(repeating: "plain ascii ", count: 20)))
  }
}
