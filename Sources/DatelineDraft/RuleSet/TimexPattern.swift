import Foundation

/// One line of `timex.patterns`: a sequence of token elements and the action that
/// turns what they captured into a calendar value.
public struct TimexPattern: Sendable {
  /// What a single element matches.
  public enum Atom: Sendable, Equatable {
    case word(String)
    case wordClass(String)
    case shape(NumberShape)
  }

  public struct Element: Sendable {
    public var alternatives: [Atom]
    public var optional: Bool
    /// The capture name (a class's or shape's name unless renamed with `=name`).
    public var capture: String?
  }

  public var elements: [Element]
  public var action: String
  public var options: [String: String]
  /// The rule's line in its file, for messages and for ordering ties.
  public var line: Int

  static func parse(_ line: String, number: Int, file: String) throws
    -> TimexPattern
  {
    let halves = line.components(separatedBy: "=>")
    guard halves.count == 2 else {
      throw RuleError(
        file: file, line: number, message: "expected \"ELEMENTS => ACTION\"")
    }
    let elements = try halves[0].split(separator: " ").map {
      try parseElement(String($0), line: number, file: file)
    }
    let right = halves[1].split(separator: " ").map(String.init)
    guard let action = right.first, !elements.isEmpty else {
      throw RuleError(
        file: file, line: number,
        message: "a pattern needs elements and an action")
    }
    guard elements.contains(where: { !$0.optional }) else {
      throw RuleError(
        file: file, line: number,
        message: "a pattern needs one element that is not optional")
    }
    var options: [String: String] = [:]
    for pair in right.dropFirst() {
      let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
      guard kv.count == 2 else {
        throw RuleError(
          file: file, line: number, message: "expected key=value, got \(pair)")
      }
      options[kv[0]] = kv[1]
    }
    return TimexPattern(
      elements: elements, action: action, options: options, line: number)
  }

  private static func parseElement(_ text: String, line: Int, file: String)
    throws -> Element
  {
    var body = Substring(text)
    let optional = body.hasPrefix("?") && body.count > 1
    if optional { body = body.dropFirst() }
    var capture: String?
    if let eq = body.lastIndex(of: "="), eq != body.startIndex {
      capture = String(body[body.index(after: eq)...])
      body = body[..<eq]
    }
    var atoms: [Atom] = []
    for part in body.split(separator: "|") {
      if part.hasPrefix("<") && part.hasSuffix(">") && part.count > 2 {
        let name = String(part.dropFirst().dropLast())
        atoms.append(.wordClass(name))
        capture = capture ?? name
      } else if part.hasPrefix("#") && part.count > 1 {
        guard let shape = NumberShape(rawValue: String(part.dropFirst())) else {
          throw RuleError(
            file: file, line: line, message: "unknown number shape \(part)")
        }
        atoms.append(.shape(shape))
        capture = capture ?? shape.rawValue
      } else {
        atoms.append(.word(String(part).lowercased()))
      }
    }
    guard !atoms.isEmpty else {
      throw RuleError(
        file: file, line: line, message: "empty element in \(text)")
    }
    return Element(alternatives: atoms, optional: optional, capture: capture)
  }
}

/// The forms a number token can take in a pattern.
public enum NumberShape: String, Sendable {
  case day, month, year, year2, decade, hour, minute, num
  /// A 24-hour clock time written as four digits ("1430 GMT").
  case clock

  /// The token's value when it has this shape ("12th" is day 12, "1990s" decade 1990).
  func value(of token: Token) -> Int? {
    guard token.kind == .number else { return nil }
    let text = token.lower
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    let rest = text.dropFirst(digits.count)
    guard let n = Int(digits), digits.count <= 9 else { return nil }
    switch self {
    case .day:
      guard rest.isEmpty || ["st", "nd", "rd", "th"].contains(String(rest))
      else { return nil }
      return digits.count <= 2 && (1...31).contains(n) ? n : nil
    case .month:
      return rest.isEmpty && digits.count <= 2 && (1...12).contains(n) ? n : nil
    case .year:
      return rest.isEmpty && digits.count == 4 && (1000...2999).contains(n)
        ? n : nil
    case .year2: return rest.isEmpty && digits.count == 2 ? n : nil
    case .decade:
      guard rest == "s", n % 10 == 0 else { return nil }
      if digits.count == 4 { return n }
      return digits.count == 2 ? (n >= 30 ? 1900 + n : 2000 + n) : nil
    case .hour:
      return rest.isEmpty && (1...12).contains(n) && digits.count <= 2 ? n : nil
    case .minute: return rest.isEmpty && digits.count == 2 && n < 60 ? n : nil
    case .num: return rest.isEmpty ? n : nil
    case .clock:
      return rest.isEmpty && digits.count == 4 && n / 100 < 24 && n % 100 < 60
        ? n : nil
    }
  }
}
