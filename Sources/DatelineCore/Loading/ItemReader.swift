import Foundation

/// Reads the fields of one item, collecting every problem with its JSON path.
///
/// The loader never stops at the first problem (SCHEMA.md "Errors"): each accessor returns
/// nil on a bad value and records why, so one pass finds them all.
struct ItemReader {
  struct Problem {
    var severity: LoadIssue.Severity
    var path: String
    var message: String
  }

  var problems: [Problem] = []
  /// The limit for strings outside source texts (SCHEMA.md: 1 MiB).
  static let maxStringBytes = 1 << 20

  var hasError: Bool { problems.contains { $0.severity == .error } }

  mutating func error(_ path: String, _ message: String) {
    problems.append(Problem(severity: .error, path: path, message: message))
  }

  mutating func warning(_ path: String, _ message: String) {
    problems.append(Problem(severity: .warning, path: path, message: message))
  }

  /// Walks a whole item once for what is wrong wherever it stands: duplicate keys, nesting
  /// too deep, numbers out of range, oversized strings, control characters.
  mutating func scan(
    _ node: JSONNode, path: String, allowLongStringAt longPath: String? = nil
  ) {
    switch node.value {
    case .tooDeep:
      error(path, "nesting deeper than 64 levels")
    case .number(let d) where !d.isFinite:
      error(path, "number out of range (beyond a double)")
    case .string(let s):
      if s.utf8.count > ItemReader.maxStringBytes && path != longPath {
        error(path, "string of \(s.utf8.count) bytes is over the 1 MiB limit")
      } else if Sanitizer.hasControlCharacters(s) {
        warning(
          path,
          "control character in text (shown as a symbol, never printed raw)")
      }
    case .array(let items):
      for (i, item) in items.enumerated() {
        scan(item, path: "\(path)[\(i)]", allowLongStringAt: longPath)
      }
    case .object(let members):
      var seen = Set<String>()
      for m in members {
        let p = ItemReader.join(path, m.key)
        if !seen.insert(m.key).inserted {
          error(p, "duplicate key \(quoted(m.key))")
        }
        scan(m.value, path: p, allowLongStringAt: longPath)
      }
    default: break
    }
  }

  static func join(_ path: String, _ key: String) -> String {
    // The dot by its byte: `contains` with a string went through Foundation's search
    // (most of a decode's path building). Only a key that is an id once lowercased gets
    // here, so it is ASCII but for letters that lowercase to ASCII (the Kelvin sign).
    TypedID<Never>.isValid(key.lowercased())
      && !key.utf8.contains(UInt8(ascii: "."))
      ? path + "." + key : path + "[" + quoted(key) + "]"
  }

  /// The members of an object, first occurrence of each key; warns on unknown keys.
  mutating func fields(_ node: JSONNode, path: String, known: Set<String>)
    -> Fields?
  {
    guard case .object(let members) = node.value else {
      error(path, "expected an object, got \(node.summary)")
      return nil
    }
    var dict: [String: JSONNode] = [:]
    for m in members where dict[m.key] == nil {
      dict[m.key] = m.value
      if !known.contains(m.key) && !m.key.hasPrefix("x_") {
        warning(ItemReader.join(path, m.key), "unknown field, ignored")
      }
    }
    return Fields(path: path, values: dict)
  }

  struct Fields {
    var path: String
    var values: [String: JSONNode]
    subscript(key: String) -> JSONNode? { values[key] }
    func path(_ key: String) -> String { ItemReader.join(path, key) }
    func has(_ key: String) -> Bool { values[key] != nil }
  }

  // MARK: - Typed accessors

  mutating func string(
    _ f: Fields, _ key: String, required: Bool = false, nonEmpty: Bool = false
  )
    -> String?
  {
    guard let node = f[key] else {
      if required { error(f.path(key), "required field is missing") }
      return nil
    }
    guard case .string(let s) = node.value else {
      error(f.path(key), "expected a string, got \(node.summary)")
      return nil
    }
    if nonEmpty && ItemReader.isBlank(s) {
      error(f.path(key), "expected a non-empty string, got \(node.summary)")
      return nil
    }
    return s
  }

  /// Whether `s` is empty once trimmed of `.whitespacesAndNewlines`, asked scalar by
  /// scalar (usually only the first): trimming made a copy through NSString per string.
  static func isBlank(_ s: String) -> Bool {
    s.unicodeScalars.allSatisfy { blank.contains($0) }
  }

  private static let blank = CharacterSet.whitespacesAndNewlines

  mutating func bool(_ f: Fields, _ key: String) -> Bool? {
    guard let node = f[key] else { return nil }
    guard case .bool(let b) = node.value else {
      error(f.path(key), "expected true or false, got \(node.summary)")
      return nil
    }
    return b
  }

  mutating func number(_ f: Fields, _ key: String, required: Bool = false)
    -> Double?
  {
    guard let node = f[key] else {
      if required { error(f.path(key), "required field is missing") }
      return nil
    }
    guard case .number(let d) = node.value else {
      error(f.path(key), "expected a number, got \(node.summary)")
      return nil
    }
    return d.isFinite ? d : nil  // out of range is reported by scan
  }

  mutating func id<T>(_ f: Fields, _ key: String, required: Bool = false)
    -> TypedID<T>?
  {
    guard let node = f[key] else {
      if required { error(f.path(key), "required field is missing") }
      return nil
    }
    return id(node, path: f.path(key))
  }

  mutating func id<T>(_ node: JSONNode, path: String) -> TypedID<T>? {
    guard case .string(let s) = node.value, TypedID<T>.isValid(s) else {
      error(
        path,
        "expected an id (a-z, 0-9, then also . _ -; at most 64), got \(node.summary)"
      )
      return nil
    }
    return TypedID(s)
  }

  mutating func date(_ f: Fields, _ key: String, required: Bool = false)
    -> RecordDate?
  {
    guard let node = f[key] else {
      if required { error(f.path(key), "required field is missing") }
      return nil
    }
    guard case .string(let s) = node.value, let d = RecordDate.parse(s) else {
      error(
        f.path(key), "expected YYYY-MM-DD, YYYY-MM or YYYY, got \(node.summary)"
      )
      return nil
    }
    return d
  }

  mutating func enumValue<E: RawRepresentable & CaseIterable>(
    _ f: Fields, _ key: String, _ type: E.Type, required: Bool = false
  ) -> E? where E.RawValue == String {
    guard let node = f[key] else {
      if required { error(f.path(key), "required field is missing") }
      return nil
    }
    return enumValue(node, path: f.path(key), type)
  }

  mutating func enumValue<E: RawRepresentable & CaseIterable>(
    _ node: JSONNode, path: String, _ type: E.Type
  ) -> E? where E.RawValue == String {
    if case .string(let s) = node.value, let e = E(rawValue: s) { return e }
    let names = E.allCases.map(\.rawValue).joined(separator: ", ")
    error(path, "expected one of \(names), got \(node.summary)")
    return nil
  }

  mutating func array(_ f: Fields, _ key: String) -> [JSONNode]? {
    guard let node = f[key] else { return nil }
    guard case .array(let items) = node.value else {
      error(f.path(key), "expected an array, got \(node.summary)")
      return nil
    }
    return items
  }

  mutating func strings(_ f: Fields, _ key: String) -> [String] {
    guard let items = array(f, key) else { return [] }
    var out: [String] = []
    for (i, n) in items.enumerated() {
      if case .string(let s) = n.value {
        out.append(s)
      } else {
        error("\(f.path(key))[\(i)]", "expected a string, got \(n.summary)")
      }
    }
    return out
  }

  mutating func ids<T>(_ f: Fields, _ key: String) -> [TypedID<T>] {
    guard let items = array(f, key) else { return [] }
    return items.enumerated().compactMap { i, n in
      id(n, path: "\(f.path(key))[\(i)]")
    }
  }
}
