import DatelineCore

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
      ("start", String(start)), ("end", String(end)),
      ("text", JSONWriter.string(text)),
      ("value", value.value.map(JSONWriter.string) ?? "null"),
      ("type", JSONWriter.string(value.kind.rawValue)),
      ("precision", JSONWriter.string(value.precision.rawValue)),
    ]
    if value.approx { fields.append(("approx", "true")) }
    if value.inferred { fields.append(("inferred", "true")) }
    if tense != .unknown {
      fields.append(("tense", JSONWriter.string(tense.rawValue)))
    }
    return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")
      + "}"
  }
}
