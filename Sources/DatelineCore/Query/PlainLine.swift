import Foundation

/// A cursor over a JSON line without escapes, where every `"` delimits a string: the
/// search's quick path reads a record's parties through it without decoding the line.
struct PlainLine {
  let b: UnsafeRawBufferPointer
  var i = 0

  init(_ b: UnsafeRawBufferPointer) { self.b = b }

  /// The byte at the cursor, nil at the end.
  var byte: UInt8? { i < b.count ? b[i] : nil }

  /// Moves past white space.
  mutating func space() {
    let n = b.count
    while i < n
      && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D)
    { i += 1 }
  }

  /// Moves past `c` if it is the byte at the cursor.
  mutating func take(_ c: UInt8) -> Bool {
    guard byte == c else { return false }
    i += 1
    return true
  }

  /// The string at the cursor (its body), moving past it; nil when none starts here.
  mutating func string() -> UnsafeRawBufferPointer? {
    guard i < b.count, b[i] == 0x22 else { return nil }
    let close = TextMatcher.nextQuote(b, from: i + 1)
    guard close < b.count else { return nil }
    defer { i = close + 1 }
    return UnsafeRawBufferPointer(rebasing: b[(i + 1)..<close])
  }

  /// Moves past the top-level key `key` and its colon: false when the line has none.
  mutating func skipToTopLevelValue(of key: [UInt8]) -> Bool {
    var depth = 0
    while i < b.count {
      let c = b[i]
      if c == 0x22 {
        guard let k = string() else { return false }
        space()
        if depth == 1 && TextMatcher.equals(k, key) && take(0x3A) {
          return true
        }
        continue
      }
      if c == 0x7B || c == 0x5B {
        depth += 1
      } else if c == 0x7D || c == 0x5D {
        depth -= 1
      }
      i += 1
    }
    return false
  }
}
