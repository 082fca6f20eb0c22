/// A temporal expression found in a text: where it is, what it says, what it means.
public struct TemporalExpression: Sendable, Equatable {
  /// Offsets in Unicode scalars of the text; `end` is exclusive.
  public var start: Int
  public var end: Int
  public var text: String
  public var value: TimexValue
  public var tense: Tense
  /// The tokens it covers and the sentence it is in (indexes into the tagger's lists).
  public var tokens: Range<Int>
  public var sentence: Int
  /// The rule's action (`date`, `weekday`, `shift`…), for notes and tests.
  public var action: String

  /// One line of `dateline draft --timexes`.
  public var jsonLine: String {
    var fields = [
      ("start", String(start)), ("end", String(end)), ("text", JSONText.quoted(text)),
      ("value", value.value.map(JSONText.quoted) ?? "null"), ("type", JSONText.quoted(value.kind.rawValue)),
      ("precision", JSONText.quoted(value.precision.rawValue)),
    ]
    if value.approx { fields.append(("approx", "true")) }
    if value.inferred { fields.append(("inferred", "true")) }
    if tense != .unknown { fields.append(("tense", JSONText.quoted(tense.rawValue))) }
    return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
  }
}

/// JSON string literals, escaped by hand so output does not depend on an encoder's
/// choices (key order, slash escaping).
public enum JSONText {
  public static func quoted(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}" {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
