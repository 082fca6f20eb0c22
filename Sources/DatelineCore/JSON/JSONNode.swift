/// A parsed JSON value with the byte offset where it starts, for error positions.
///
/// Objects keep every member in order, duplicates included: SCHEMA.md makes a duplicate
/// key an error of the item, so the parser must not silently keep one of them.
public struct JSONNode: Sendable {
  public indirect enum Value: Sendable {
    case null
    case bool(Bool)
    /// A finite double, or ±infinity when the literal is beyond a double's range (1e400).
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])
    /// A container nested deeper than the parser's limit; its contents were skipped.
    case tooDeep
  }

  public var value: Value
  /// Byte offset of the value's first byte in the parsed buffer.
  public var offset: Int
  /// A number's text as written (`9007199254740993`, `-0`, `1.50`), which a double may
  /// not hold exactly; nil for other values. Output that writes a number back uses it.
  public var literal: String?

  public init(_ value: Value, offset: Int) {
    self.value = value
    self.offset = offset
  }

  /// A short description of the value for "expected …, got …" messages.
  public var summary: String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let d):
      if d.isInfinite { return "a number out of range" }
      return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    case .string(let s):
      let cut = s.count > 40 ? String(s.prefix(40)) + "…" : s
      return "\""
        + cut.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
          of: "\"", with: "\\\"") + "\""
    case .array: return "an array"
    case .object: return "an object"
    case .tooDeep: return "nesting too deep"
    }
  }
}

public struct JSONMember: Sendable {
  public var key: String
  public var value: JSONNode
  public init(key: String, value: JSONNode) {
    self.key = key
    self.value = value
  }
}

/// Invalid JSON: where (a byte offset) and what.
public struct JSONSyntaxError: Error, Sendable, Equatable {
  public var offset: Int
  public var message: String
}
