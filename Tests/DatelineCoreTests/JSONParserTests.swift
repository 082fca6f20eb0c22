import DatelineCore
import Foundation
import XCTest

/// The strict RFC 8259 parser under the loader.
final class JSONParserTests: XCTestCase {
  private func parse(_ bytes: [UInt8], depthLimit: Int = 64) throws -> JSONNode
  {
    try bytes.withUnsafeBytes { buffer throws -> JSONNode in
      try JSONParser.parse(buffer, depthLimit: depthLimit)
    }
  }

  private func parse(_ text: String) throws -> JSONNode {
    try parse(Array(text.utf8))
  }

  private func string(
    _ json: String, file: StaticString = #filePath, line: UInt = #line
  ) -> String? {
    do {
      if case .string(let s) = try parse(json).value { return s }
      XCTFail("\(json) is not a string", file: file, line: line)
    } catch {
      XCTFail("\(json): \(error)", file: file, line: line)
    }
    return nil
  }

  private func number(
    _ json: String, file: StaticString = #filePath, line: UInt = #line
  ) -> Double? {
    do {
      if case .number(let d) = try parse(json).value { return d }
      XCTFail("\(json) is not a number", file: file, line: line)
    } catch {
      XCTFail("\(json): \(error)", file: file, line: line)
    }
    return nil
  }

  private func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
    do {
      _ = try parse(bytes)
      return nil
    } catch let e as JSONSyntaxError {
      return e
    } catch {
      return nil
    }
  }

  private func syntaxError(_ text: String) -> JSONSyntaxError? {
    syntaxError(Array(text.utf8))
  }

  // MARK: - Strings

  func testEscapesDecode() {
    let table: [(json: String, value: String)] = [
      (#""a\"b""#, "a\"b"), (#""a\\b""#, "a\\b"), (#""a\/b""#, "a/b"),
      (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"),
      (#""\u00e9""#, "é"), (#""\u00E9""#, "é"), (#""\u4e2d""#, "中"),
      (#""\u0000""#, "\u{0}"),
      (#""\u001b[0m""#, "\u{1B}[0m"), (#""plain""#, "plain"), (#""""#, ""),
      ("\"中文 é\"", "中文 é"),
    ]
    for row in table {
      XCTAssertEqual(string(row.json), row.value, row.json)
    }
  }

  func testSurrogatePairsJoinAndLoneSurrogatesBecomeReplacementCharacters() {
    let table: [(json: String, value: String)] = [
      (#""\ud83d\ude00""#, "😀"),
      (#""\uD83D\uDE00!""#, "😀!"),
      (#""\ud800""#, "\u{FFFD}"),  // lone high at the end
      (#""\ud800x""#, "\u{FFFD}x"),
      (#""\udc00""#, "\u{FFFD}"),  // lone low
      // high followed by a non-surrogate escape
      (#""\ud800\u0041""#, "\u{FFFD}A"),
      (#""\ud800\ud800\udc00""#, "\u{FFFD}𐀀"),  // high, then a proper pair
      (#""\udc00\ud800""#, "\u{FFFD}\u{FFFD}"),  // reversed pair
    ]
    for row in table {
      XCTAssertEqual(string(row.json), row.value, row.json)
    }
  }

  func testInvalidUTF8InAStringIsAnError() {
    let table: [[UInt8]] = [
      [0x22, 0xFF, 0x22], [0x22, 0x61, 0xC3, 0x22], [0x22, 0xC0, 0xAF, 0x22],
      [0x22, 0xED, 0xA0, 0x80, 0x22],  // an encoded surrogate
      [0x22, 0x5C, 0x6E, 0xFF, 0x22],  // after an escape (slow path)
    ]
    for bytes in table {
      XCTAssertEqual(
        syntaxError(bytes)?.message, "invalid UTF-8 in a string", "\(bytes)")
    }
    XCTAssertEqual(
      syntaxError([0x22, 0x61, 0x62, 0xFF, 0x22])?.offset, 3,
      "points at the bad byte")
  }

  func testARawControlCharacterInAStringIsAnError() {
    for b: UInt8 in [0x00, 0x01, 0x09, 0x0A, 0x1B, 0x1F] {
      let e = syntaxError([0x22, 0x61, b, 0x22])
      XCTAssertEqual(
        e?.message,
        String(
          format: "control character 0x%02X in a string (write it as \\u%04X)",
          b, b),
        "byte \(b)")
      XCTAssertEqual(e?.offset, 2)
    }
    XCTAssertEqual(
      string("\"del\u{7F}\""), "del\u{7F}",
      "DEL is not a JSON control character")
  }

  func testBadEscapesAndUnterminatedStringsAreErrors() {
    XCTAssertEqual(
      syntaxError(#""\x41""#)?.message, "invalid escape '\\x' in a string")
    XCTAssertEqual(
      syntaxError(#""\u12G4""#)?.message, "expected 4 hex digits after \\u")
    XCTAssertEqual(
      syntaxError(#""\u12""#)?.message, "expected 4 hex digits after \\u")
    XCTAssertEqual(syntaxError(#""abc"#)?.message, "unterminated string")
    XCTAssertEqual(syntaxError(#""abc\"#)?.message, "unterminated string")
  }

  // MARK: - Numbers

  func testNumbersParseAndOutOfRangeLiteralsBecomeInfinity() {
    let table: [(json: String, value: Double)] = [
      ("0", 0), ("-0", 0), ("1", 1), ("-1", -1),
      ("123456789012345", 123_456_789_012_345),
      ("1.5", 1.5), ("-0.25", -0.25), ("1e3", 1000), ("1E+3", 1000),
      ("25e-1", 2.5),
      ("9007199254740993", 9_007_199_254_740_992), ("1e308", 1e308),
      ("1e-400", 0),
      ("1e400", .infinity), ("-1e400", -.infinity),
      ("123456789e400", .infinity),
    ]
    for row in table {
      XCTAssertEqual(number(row.json), row.value, row.json)
    }
    XCTAssertEqual(number("-0.0")?.sign, .minus)
  }

  func testMalformedNumbersAreErrors() {
    let table: [(json: String, message: String)] = [
      ("01", "a number may not start with 0 followed by digits"),
      ("-01", "a number may not start with 0 followed by digits"),
      ("-", "expected a digit in a number, got end of file"),
      ("-a", "expected a digit in a number, got 'a'"),
      ("1.", "expected a digit after '.', got end of file"),
      ("1.e5", "expected a digit after '.', got 'e'"),
      ("1e", "expected a digit in the exponent, got end of file"),
      ("1e+", "expected a digit in the exponent, got end of file"),
      (".5", "expected a value, got '.'"),
      ("+1", "expected a value, got '+'"),
      ("NaN", "expected a value, got 'N'"),
      ("Infinity", "expected a value, got 'I'"),
    ]
    for row in table {
      XCTAssertEqual(syntaxError(row.json)?.message, row.message, row.json)
    }
  }

  // MARK: - Structure

  func testObjectsKeepEveryMemberInOrderDuplicatesIncluded() throws {
    let node = try parse(#" {"b": 1, "a": [true, false, null], "b": "again"} "#)
    guard case .object(let members) = node.value else {
      return XCTFail("not an object")
    }
    XCTAssertEqual(members.map(\.key), ["b", "a", "b"])
    XCTAssertEqual(members[2].value.summary, "\"again\"")
    XCTAssertEqual(members[1].value.offset, 15)
    XCTAssertEqual(node.offset, 1)
  }

  func testTenThousandNestedArraysNeitherCrashNorRecurseAndComeBackTooDeep()
    throws
  {
    let depth = 10_000
    let bytes =
      Array(repeating: UInt8(ascii: "["), count: depth)
      + Array(repeating: UInt8(ascii: "]"), count: depth)
    var node = try parse(bytes)
    var level = 1
    while case .array(let items) = node.value {
      XCTAssertEqual(items.count, 1)
      node = items[0]
      level += 1
    }
    guard case .tooDeep = node.value else {
      return XCTFail("expected .tooDeep at level \(level), got \(node.summary)")
    }
    XCTAssertEqual(level, 65, "levels 1…64 are kept, the 65th is skipped")
    XCTAssertEqual(node.offset, 64)

    let objects =
      String(repeating: #"{"a":"#, count: depth) + "1"
      + String(repeating: "}", count: depth)
    XCTAssertNoThrow(try parse(objects))
    guard case .tooDeep = try parse(bytes, depthLimit: 0).value else {
      return XCTFail("limit 0")
    }
  }

  func testUnbalancedDeepNestingIsStillASyntaxError() {
    let open = String(repeating: "[", count: 10_000)
    XCTAssertEqual(
      syntaxError(open)?.message, "unexpected end of file inside nesting")
    XCTAssertNotNil(
      syntaxError(open + String(repeating: "]", count: 9_999) + "}"))
  }

  func testTrailingGarbageEmptyInputAndCommasAreErrors() {
    let table: [(json: String, message: String, offset: Int)] = [
      ("", "expected a JSON value, got end of file", 0),
      ("   \n ", "expected a JSON value, got end of file", 5),
      ("1 2", "unexpected '2' after the JSON value", 2),
      ("{} x", "unexpected 'x' after the JSON value", 3),
      ("[1,]", "expected a value, got ']'", 3),
      (#"{"a":1,}"#, "expected a string key, got '}'", 7),
      (#"{"a" 1}"#, "expected ':' after a key, got '1'", 5),
      ("[1 2]", "expected ',' or ']', got '2'", 3),
      ("[1", "expected ',' or ']', got end of file", 2),
      ("tru", "expected a value, got 't'", 0),
      ("nul", "expected a value, got 'n'", 0),
      ("{'a': 1}", "expected a string key, got '''", 1),
    ]
    for row in table {
      let e = syntaxError(row.json)
      XCTAssertEqual(e?.message, row.message, row.json.debugDescription)
      XCTAssertEqual(e?.offset, row.offset, row.json.debugDescription)
    }
    XCTAssertEqual(
      syntaxError([0x5B, 0xFF, 0x5D])?.message,
      "expected a value, got byte 0xFF")
  }

  func testLineAndColumnCountLinesAndUnicodeScalars() {
    let bytes = Array("ab\nc中d\n".utf8)
    bytes.withUnsafeBytes { b in
      XCTAssertEqual(lineAndColumn(of: 0, in: b).line, 1)
      XCTAssertEqual(lineAndColumn(of: 0, in: b).column, 1)
      XCTAssertEqual(lineAndColumn(of: 3, in: b).line, 2)
      XCTAssertEqual(lineAndColumn(of: 3, in: b).column, 1)
      XCTAssertEqual(
        lineAndColumn(of: 7, in: b).column, 3,
        "中 is three bytes but one column step")
    }
  }

  /// A number keeps its text as written, for output that writes it back exactly.
  func testANumberKeepsItsLiteral() throws {
    for literal in [
      "9007199254740993", "-0", "1.50", "1.5E+3",
      "123456789012345678901234567890", "1e400",
    ] {
      XCTAssertEqual(
        try parse("[ \(literal) ]").value.arrayItems?.first?.literal, literal)
    }
    XCTAssertNil(try parse("\"1\"").literal)
  }
}

extension JSONNode.Value {
  fileprivate var arrayItems: [JSONNode]? {
    if case .array(let items) = self { return items }
    return nil
  }
}
