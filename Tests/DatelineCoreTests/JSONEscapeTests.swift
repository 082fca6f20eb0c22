import XCTest

@testable import DatelineCore

/// The scanners' fast unescape and the parser decode escapes through one `JSONEscape`;
/// this pins that they agree on every kind of escape, surrogates included.
final class JSONEscapeTests: XCTestCase {
  func testTheFastPathDecodesEveryEscapeAsTheParserDoes() throws {
    let bodies = [
      #"a\"b\\c\/d"#, #"\b\f\n\r\t"#, #"\u00e9\u00E9\u4e2d\u0000"#,
      #"\ud83d\ude00!"#, #"\ud800"#, #"\ud800x"#,
      #"\udc00"#, #"\ud800\u0041"#, #"\ud800\ud800\udc00"#, #"\udc00\ud800"#,
      "plain 中文", "",
    ]
    for body in bodies {
      let json = Array(("\"" + body + "\"").utf8)
      let parsed = try json.withUnsafeBytes { try JSONParser.parse($0) }
      guard case .string(let expected) = parsed.value else {
        return XCTFail(body)
      }
      let bytes = Array(body.utf8)
      let fast = bytes.withUnsafeBufferPointer { b in
        b.baseAddress.map { JSONEscape.unescaped($0, count: b.count) } ?? []
      }
      XCTAssertEqual(String(decoding: fast, as: UTF8.self), expected, body)
    }
  }

  func testABadEscapeSaysWhereItStops() {
    let table: [(body: String, outcome: JSONEscape.Outcome)] = [
      (#"\u12G4"#, .badHex(at: 4)), (#"\u12"#, .badHex(at: 2)),
      (#"\ud800\u12"#, .badHex(at: 8)),
      (#"\x"#, .unknown(at: 1)), (#"\"#, .truncated),
      (#"\n"#, .decoded(next: 2)),
      (#"\ud83d\ude00"#, .decoded(next: 12)),
      (#"\ud800\u0041"#, .decoded(next: 6)),
    ]
    for row in table {
      var out: [UInt8] = []
      let bytes = Array(row.body.utf8)
      let got = bytes.withUnsafeBufferPointer { b in
        b.baseAddress.map {
          JSONEscape.decode($0, count: b.count, at: 0, into: &out)
        }
      }
      XCTAssertEqual(got, row.outcome, row.body)
    }
  }
}
