import Foundation
import XCTest

@testable import DatelineCore

/// ByteScanner.string (the block pass, then the strict reading of what it stops at)
/// against the reference parser, string by string: every sequence below (invalid UTF-8
/// of each kind, valid scalars of every length, escapes, controls) at every offset of a
/// 64-byte block and past it, in plain, space and multi-byte surroundings.
final class ScannedStringTests: XCTestCase {
  static let sequences: [[UInt8]] = [
    // Invalid: stray continuations, overlong forms, surrogates, past U+10FFFF, cut.
    [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80],
    [0xE0, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
    [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
    [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE], [0xC3], [0xE5, 0x8C],
    [0xF0, 0x9F, 0x98], [0xC3, 0xC3, 0xA9], [0xE5, 0x8C, 0x97, 0x97],
    [0xC3, 0xA9, 0x80],
    // Valid scalars: easy ones, white space, C1 controls, combining, 3 and 4 bytes.
    [0xC3, 0xA9], [0xCB, 0xBF], [0xC2, 0xA0], [0xC2, 0x85], [0xC2, 0x9F],
    [0xCC, 0x81], [0xE2, 0x80, 0x94], [0xE2, 0x80, 0x83], [0xE3, 0x80, 0x80],
    [0xE5, 0x8C, 0x97], [0xE4, 0xBA, 0xAC], [0xED, 0x9F, 0xBF],
    [0xEE, 0x80, 0x80],
    [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xEF, 0xBF, 0xBD],
    // Escapes, good and bad, and raw controls.
    Array(#"\n"#.utf8), Array(#"\""#.utf8), Array(#"\\"#.utf8),
    Array(#"\/"#.utf8),
    Array(#"\u00e9"#.utf8), Array(#"\ud83d\ude00"#.utf8),
    Array(#"\ud800"#.utf8),
    Array(#"\udc00x"#.utf8), Array(#"\u0000"#.utf8), Array(#"\b"#.utf8),
    Array(#"\u12"#.utf8), Array(#"\x"#.utf8), Array(#"\u00A0"#.utf8),
    [0x01], [0x1F], [0x09], [0x0A], [0x7F],
  ]

  struct Facts: Equatable {
    var hasControl: Bool
    var visible: Bool
    var widthBound: Int?
  }

  /// What the scanner says of `"content"`, or nil where it refuses the string.
  func scanned(_ content: [UInt8]) -> (ScannedString, Int)? {
    let json = [0x22] + content + [0x22]
    return json.withUnsafeBytes { b -> (ScannedString, Int)? in
      var s = ByteScanner(b)
      guard let v = s.string() else { return nil }
      return (v, s.pos)
    }
  }

  /// The reference parser's string, or nil where it reports an error.
  func parsed(_ content: [UInt8]) -> String? {
    let json = [0x22] + content + [0x22]
    return json.withUnsafeBytes { b -> String? in
      guard let node = try? JSONParser.parse(b, depthLimit: 64),
        case .string(let s) = node.value
      else { return nil }
      return s
    }
  }

  /// The facts as the scanner defines them, from the decoded scalars (the width only
  /// where the raw bytes are the text: escapes count differently).
  func facts(_ text: String, escaped: Bool) -> Facts {
    var f = Facts(hasControl: false, visible: false, widthBound: 0)
    for u in text.unicodeScalars {
      let v = u.value
      if (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0x7F
        || (0x80..<0xA0).contains(v)
      {
        f.hasControl = true
      }
      if v > 0x20 && !ScannedString.isWhiteSpace(v) { f.visible = true }
      f.widthBound? += v < 0x800 ? 1 : 2
    }
    if escaped { f.widthBound = nil }
    return f
  }

  func check(_ content: [UInt8], _ what: @autoclosure () -> String) {
    let reference = parsed(content)
    guard let (s, end) = scanned(content) else {
      // Refusing a string the parser takes is allowed only for DEL (read strictly as an
      // invalid lead byte: the item goes to the reference, which warns).
      if reference != nil && !content.contains(0x7F) {
        XCTFail("\(what()): refused, the parser reads \(reference ?? "")")
      }
      return
    }
    guard let text = reference else {
      XCTFail("\(what()): scanned, the parser refuses it")
      return
    }
    XCTAssertEqual(end, content.count + 2, what())
    XCTAssertEqual(s.start, 1, what())
    XCTAssertEqual(s.rawCount, content.count, what())
    XCTAssertEqual(s.escaped, content.contains(0x5C), what())
    var got = Facts(
      hasControl: s.hasControl, visible: s.visible,
      widthBound: s.escaped ? nil : s.widthBound)
    let want = facts(text, escaped: s.escaped)
    if want.hasControl { got.visible = want.visible }
    XCTAssertEqual(got, want, what())
    if s.nfcStable {
      XCTAssertEqual(
        Array(text.precomposedStringWithCanonicalMapping.utf8),
        Array(text.utf8),
        "\(what()): said NFC-stable")
    }
  }

  func testEverySequenceAtEveryOffsetOfABlock() {
    let fillers: [[UInt8]] = [
      [0x61], [0x20], [0xC3, 0xA9], [0xE5, 0x8C, 0x97],
    ]
    for filler in fillers {
      for seq in Self.sequences {
        for at in 0..<70 {
          var before: [UInt8] = []
          while before.count < at { before += filler }
          for after in [0, 3, 40] {
            var tail: [UInt8] = []
            while tail.count < after { tail += filler }
            check(
              before + seq + tail, "\(seq) after \(before.count) of \(filler)")
          }
        }
      }
    }
  }

  func testTwoSequencesAcrossABlockEdge() {
    for a in Self.sequences {
      for b in Self.sequences {
        for at in 26..<34 {
          let lead = [UInt8](repeating: 0x62, count: at)
          check(lead + a + b, "\(a) then \(b) at \(at)")
        }
      }
    }
  }

  /// ByteScanner.id (the id's bytes checked sixteen at a time) against the reference:
  /// the parsed string checked by TypedID.isValid, for ids of every length to 70 with
  /// every kind of byte at every place.
  func testIDsAgreeWithTheReference() {
    let odd: [UInt8] = [
      0x2E, 0x5F, 0x2D, 0x41, 0x20, 0x22, 0x5C, 0x2F, 0x7B, 0x60, 0x7F, 0x80,
      0xC3, 0x00,
    ]
    for length in 0...70 {
      let plain = (0..<length).map { UInt8(0x61 + $0 % 26) }
      var cases = [plain, plain.map { _ in UInt8(0x37) }]
      for at in 0..<length {
        for b in odd {
          var c = plain
          c[at] = b
          cases.append(c)
        }
      }
      for c in cases {
        let json = [0x20, 0x22] + c + [0x22, 0x2C]
        let got = json.withUnsafeBytes { b -> (Int, Int, Int)? in
          var s = ByteScanner(b)
          guard let v = s.id() else { return nil }
          return (v.start, v.rawCount, s.pos)
        }
        // The string the scanner reads ends at the first quote.
        let string = Array(c.prefix { $0 != 0x22 })
        let text = parsed(string)
        let valid = text.map {
          TypedID<Int>.isValid($0) && !string.contains(0x5C)
        }
        if valid == true {
          XCTAssertTrue(
            got.map { $0 == (2, string.count, string.count + 3) } ?? false,
            "\(c)")
        } else {
          XCTAssertNil(got.map { $0.1 }, "\(c)")
        }
      }
    }
  }

  func testNoClosingQuote() {
    for n in 0..<70 {
      for filler: [UInt8] in [[0x61], [0xC3, 0xA9], [0xE5, 0x8C, 0x97]] {
        var b: [UInt8] = [0x22]
        while b.count < n { b += filler }
        let scanned = b.withUnsafeBytes { buffer -> Bool in
          var s = ByteScanner(buffer)
          return s.string() != nil
        }
        XCTAssertFalse(scanned, "\(b.count) bytes, no closing quote")
      }
    }
  }
}
