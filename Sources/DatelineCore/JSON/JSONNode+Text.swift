/// A parsed value written back as compact JSON, every member kept in order.
///
/// Why: an item of a `.json` envelope is exported as one line with all its fields,
/// `x_` extensions included, when its bytes cannot be copied as they are (see
/// `RecordStore.completeLine`). Strings are escaped by `JSONWriter.string` (every
/// control and bidi character, so a terminal showing the output acts on none) and
/// numbers keep the literal the data wrote.
extension JSONNode {
  /// The value as compact JSON text.
  public var compactText: String {
    var out = ""
    write(into: &out)
    return out
  }

  func write(into out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let d): out += literal ?? JSONWriter.number(d)
    case .string(let s): out += JSONWriter.string(s)
    case .array(let items):
      out += "["
      for (k, item) in items.enumerated() {
        if k > 0 { out += "," }
        item.write(into: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      JSONNode.write(members[...], into: &out)
      out += "}"
    // A loaded item has none (deeper nesting is an error of the item); null keeps it JSON.
    case .tooDeep: out += "null"
    }
  }

  /// `"key":value` pairs joined by commas, without braces.
  static func write(_ members: ArraySlice<JSONMember>, into out: inout String) {
    for (k, m) in members.enumerated() {
      if k > 0 { out += "," }
      out += JSONWriter.string(m.key)
      out += ":"
      m.value.write(into: &out)
    }
  }

  /// The object's `x_` members as compact JSON pairs (`"x_a":1,"x_b":[2]`), empty when it
  /// has none or is not an object.
  public var extensionMembersText: String {
    guard case .object(let members) = value else { return "" }
    var out = ""
    JSONNode.write(members.filter { $0.key.hasPrefix("x_") }[...], into: &out)
    return out
  }
}
