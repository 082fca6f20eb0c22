import XCTest

@testable import DatelineCore

/// One scanner finds a line's top-level `"id"` for the cache placement check (strict:
/// no escapes, else the caller decodes) and for the reload's fingerprints (any string);
/// malformed lines give the same answer to both.
final class TopLevelIDTests: XCTestCase {
  /// (line, the id's bytes as written or nil when none is found, escaped)
  let table: [(String, String?, Bool)] = [
    (#"{"id":"a","x":1}"#, "a", false),
    (#"{ "id" : "b" }"#, "b", false),
    ("{\"id\"\t:\n\"c\"}", "c", false),
    (#"{"x":1,"id":"d"}"#, "d", false),
    (#"{"x":"id","id":"e"}"#, "e", false),
    (#"{"a":{"id":"inner"},"id":"f"}"#, "f", false),
    (#"{"tags":["id","x"],"id":"g"}"#, "g", false),
    (#"{"h":"\"id\":\"no\"","id":"h"}"#, "h", false),
    (#"{"h":"back\\","id":"i"}"#, "i", false),
    (#"{"id":"j\"k"}"#, #"j\"k"#, true),
    (#"{"id":"\u0041"}"#, #"\u0041"#, true),
    (#"{"id":"","x":1}"#, "", false),
    (#"{"id":"first","id":"second"}"#, "first", false),
    (#"{"id":5}"#, nil, false),
    (#"{"id":null,"x":"y"}"#, nil, false),
    (#"{"id" "l"}"#, nil, false),
    (#"{"id"::"m"}"#, nil, false),
    (#"{"id":"unterminated"#, nil, false),
    (#"{"id":"#, nil, false),
    (#"{"id"#, nil, false),
    (#"{"a":"\"#, nil, false),
    (#"{"ID":"n"}"#, nil, false),
    (#"{"i\u0064":"o"}"#, nil, false),
    (#"["id","p"]"#, nil, false),
    (#"{"x":{"id":"q"}}"#, nil, false),
    (#""id":"r""#, nil, false),
    ("{", nil, false),
    ("", nil, false),
  ]

  func found(_ line: String) -> (String?, Bool, String?) {
    Array(line.utf8).withUnsafeBytes { b in
      let id = TopLevelID.find(in: b)
      let strict = RecordStore.topLevelID(b).map {
        String(decoding: $0, as: UTF8.self)
      }
      return (
        id.map { String(decoding: b[$0.range], as: UTF8.self) },
        id?.escaped ?? false, strict
      )
    }
  }

  func testEachLineOfTheTable() {
    for (line, id, escaped) in table {
      let (got, gotEscaped, strict) = found(line)
      XCTAssertEqual(got, id, line)
      XCTAssertEqual(gotEscaped, escaped, line)
      // The placement check takes the same member, unless escapes need decoding.
      XCTAssertEqual(strict, escaped ? nil : id, line)
    }
  }
}
