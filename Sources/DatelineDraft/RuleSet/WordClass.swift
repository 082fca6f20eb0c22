/// A word list from a `*.words` rule file: spellings (one or more tokens) and their values.
///
/// Format: `value: spelling, spelling` a line, `#` comments, and `@capitalized` for
/// classes whose words count only when written with a capital letter (month names).
public struct WordClass: Sendable {
  public struct Entry: Sendable {
    public var tokens: [String]
    public var value: String
  }

  public var name: String
  public var capitalized = false
  /// Entries by their first token, longest first.
  var byFirstToken: [String: [Entry]] = [:]

  public init(name: String) { self.name = name }

  /// All spellings that have the value, or every spelling when `value` is nil.
  public func spellings(withValue value: String? = nil) -> [String] {
    byFirstToken.values.flatMap { $0 }.filter {
      value == nil || $0.value == value
    }
    .map { $0.tokens.joined(separator: " ") }
  }

  /// The value of a single-token spelling.
  public func value(of word: String) -> String? {
    byFirstToken[word]?.first { $0.tokens.count == 1 }?.value
  }

  public func contains(_ word: String) -> Bool { value(of: word) != nil }

  /// The longest entry that matches the tokens from `index`: its value and token count.
  ///
  /// A spelling's tokens must follow each other without space, except between words
  /// ("day before"), so "Dec." needs its period attached.
  func match(_ tokens: [Token], at index: Int) -> (value: String, count: Int)? {
    let first = tokens[index]
    guard let entries = byFirstToken[first.lower] else { return nil }
    if capitalized && !first.capitalized { return nil }
    for entry in entries {
      let count = entry.tokens.count
      guard index + count <= tokens.count else { continue }
      var ok = true
      for k in 1..<count {
        let t = tokens[index + k]
        if t.lower != entry.tokens[k]
          || (t.kind == .punctuation && t.spaceBefore)
        {
          ok = false
          break
        }
      }
      if ok { return (entry.value, count) }
    }
    return nil
  }

  static func parse(name: String, text: String, file: String) throws
    -> WordClass
  {
    var result = WordClass(name: name)
    for (number, raw) in text.split(
      separator: "\n", omittingEmptySubsequences: false
    ).enumerated() {
      let line = raw.trimmingSpaces
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line == "@capitalized" {
        result.capitalized = true
        continue
      }
      guard let colon = line.firstIndex(of: ":"), colon != line.startIndex
      else {
        throw RuleError(
          file: file, line: number + 1,
          message: "expected \"value: spelling, spelling\"")
      }
      let value = String(line[..<colon]).trimmingSpaces
      for spelling in line[line.index(after: colon)...].split(separator: ",") {
        let words = Tokenizer.tokens(of: String(spelling).trimmingSpaces).map(
          \.lower)
        guard !words.isEmpty else { continue }
        result.byFirstToken[words[0], default: []].append(
          Entry(tokens: words, value: value))
      }
    }
    for key in result.byFirstToken.keys {
      result.byFirstToken[key]?.sort { $0.tokens.count > $1.tokens.count }
    }
    return result
  }
}

/// A problem in a rule file, with the file and line a rule writer can go to.
public struct RuleError: Error, CustomStringConvertible, Sendable {
  public var file: String
  public var line: Int
  public var message: String
  public var description: String { "\(file):\(line): \(message)" }
}

extension StringProtocol {
  var trimmingSpaces: String {
    let scalars = Array(unicodeScalars)
    var a = 0
    var b = scalars.count
    while a < b, Tokenizer.isSpace(scalars[a]) { a += 1 }
    while b > a, Tokenizer.isSpace(scalars[b - 1]) { b -= 1 }
    var s = ""
    s.unicodeScalars.append(contentsOf: scalars[a..<b])
    return s
  }
}
