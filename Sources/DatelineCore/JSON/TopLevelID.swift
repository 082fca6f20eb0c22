import Foundation

/// Where the string value of an object's top-level `"id"` member lies in its bytes,
/// found without parsing the object.
///
/// Why one scanner: the cache placement check (strict: a row's bytes must carry its id)
/// and the reload's fingerprints (lenient: an id hash for any line) both look for this
/// member, and two copies had come to disagree on malformed lines. The walk skips
/// strings with their escapes and counts nesting; the first key spelled `"id"` at depth
/// 1 is the member. Its value must be a string after white space and one colon;
/// anything else (a number, a missing colon, bytes that end first) has no id here.
public struct TopLevelID: Equatable, Sendable {
  /// The bytes between the string's quotes, as written (escapes not decoded).
  public let range: Range<Int>
  /// Whether those bytes hold an escape: then they are not the id's own bytes.
  public let escaped: Bool

  /// The top-level `"id"` string of the object in `b`, or nil (see the type's comment);
  /// with `key`, that member's string instead (the cache's list check reads `"date"`).
  public static func find(
    in b: UnsafeRawBufferPointer, key: StaticString = "id"
  ) -> TopLevelID? {
    let n = key.utf8CodeUnitCount
    var depth = 0
    var k = 0
    var expectKey = false
    while k < b.count {
      let c = b[k]
      if c == UInt8(ascii: "\"") {
        guard let end = stringEnd(b, from: k) else { return nil }
        if depth == 1 && expectKey && end.close - k == n + 1
          && memcmp(b.start + k + 1, key.utf8Start, n) == 0
        {
          return value(b, after: end.close + 1)
        }
        expectKey = false
        k = end.close + 1
        continue
      }
      switch c {
      case UInt8(ascii: "{"):
        depth += 1
        expectKey = depth == 1
      case UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      case UInt8(ascii: ","): expectKey = depth == 1
      default: break
      }
      k += 1
    }
    return nil
  }

  /// The string value after a key that ends before `from`: white space, one colon,
  /// white space, then a whole string.
  static func value(_ b: UnsafeRawBufferPointer, after from: Int) -> TopLevelID?
  {
    var v = skipSpace(b, from)
    guard v < b.count, b[v] == UInt8(ascii: ":") else { return nil }
    v = skipSpace(b, v + 1)
    guard v < b.count, b[v] == UInt8(ascii: "\""),
      let end = stringEnd(b, from: v)
    else { return nil }
    return TopLevelID(range: (v + 1)..<end.close, escaped: end.escaped)
  }

  /// The first index at or after `from` that is not JSON white space.
  static func skipSpace(_ b: UnsafeRawBufferPointer, _ from: Int) -> Int {
    var v = from
    while v < b.count
      && (b[v] == 0x20 || b[v] == 0x09 || b[v] == 0x0A || b[v] == 0x0D)
    {
      v += 1
    }
    return v
  }

  /// The quote closing the string that opens at `start`, and whether an escape came
  /// before it; nil when the bytes end first.
  static func stringEnd(_ b: UnsafeRawBufferPointer, from start: Int)
    -> (close: Int, escaped: Bool)?
  {
    var j = start + 1
    var escaped = false
    while j < b.count {
      if b[j] == UInt8(ascii: "\\") {
        escaped = true
        j += 2
        continue
      }
      if b[j] == UInt8(ascii: "\"") { return (j, escaped) }
      j += 1
    }
    return nil
  }
}
