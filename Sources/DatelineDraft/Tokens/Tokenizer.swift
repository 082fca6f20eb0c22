/// Splits text into tokens: runs of letters and digits, dotted abbreviations ("U.S.",
/// "p.m.") as one token, and every other visible scalar on its own.
///
/// Why so simple: the rules are written over these tokens, and the same function splits
/// the rule files' own spellings, so "twenty-four" in a word list and in a text agree.
public enum Tokenizer {
  public static func tokens(of scalars: [Unicode.Scalar]) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(scalars.count / 5)
    var i = 0
    var space = true
    var newlines = 0
    let n = scalars.count
    while i < n {
      let s = scalars[i]
      if isSpace(s) {
        space = true
        if s == "\n" || s == "\u{2029}" { newlines += 1 }
        i += 1
        continue
      }
      let start = i
      var kind = Token.Kind.punctuation
      if isAlnum(s) {
        kind = isDigit(s) ? .number : .word
        while i < n, isAlnum(scalars[i]) { i += 1 }
        i = dottedAbbreviationEnd(scalars, start: start, end: i)
      } else {
        i += 1
      }
      tokens.append(
        Token(
          start: start, end: i, lower: lowered(scalars[start..<i]), kind: kind,
          capitalized: s.properties.isUppercase, spaceBefore: space,
          newlineBefore: newlines > 0,
          paragraphBefore: newlines > 1))
      space = false
      newlines = 0
    }
    return tokens
  }

  public static func tokens(of text: String) -> [Token] {
    tokens(of: Array(text.unicodeScalars))
  }

  /// "U.S." and "a.m.": single letters each followed by a period, as one token.
  private static func dottedAbbreviationEnd(
    _ s: [Unicode.Scalar], start: Int, end: Int
  ) -> Int {
    guard end - start == 1, isLetter(s[start]) else { return end }
    var i = end
    var letters = 1
    while i + 1 < s.count, s[i] == ".", isLetter(s[i + 1]),
      i + 2 >= s.count || !isAlnum(s[i + 2])
    {
      i += 2
      letters += 1
    }
    guard letters > 1 else { return end }
    if i < s.count, s[i] == "." { i += 1 }
    return i
  }

  @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
    s.value >= 48 && s.value <= 57
  }

  @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 128 { return (v | 0x20) >= 97 && (v | 0x20) <= 122 }
    return s.properties.isAlphabetic
  }

  @inline(__always) static func isAlnum(_ s: Unicode.Scalar) -> Bool {
    isDigit(s) || isLetter(s)
  }

  @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 128 { return v == 32 || (v >= 9 && v <= 13) }
    return s.properties.isWhitespace
  }

  private static func lowered(_ s: ArraySlice<Unicode.Scalar>) -> String {
    if s.allSatisfy({ $0.value < 128 }) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(s.count)
      for c in s {
        let v = UInt8(c.value)
        bytes.append(v >= 65 && v <= 90 ? v + 32 : v)
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    var text = ""
    text.unicodeScalars.append(contentsOf: s)
    return text.lowercased()
  }
}
