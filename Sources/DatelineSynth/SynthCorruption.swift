/// Ways to break (or stress) one record line, for comparing a loader with the reference.
///
/// Each kind is a problem SCHEMA.md names, or valid input that takes an unusual path
/// (escapes, CRLF, decomposed text, extension fields).
enum SynthCorruption {
  static let count = 30

  /// Line `line` broken (or stressed) the way `kind` says; kinds 0 and 8 work on bytes,
  /// the others on the text (`schemaProblem`, `unusualInput`).
  static func apply(
    _ kind: Int, to line: [UInt8], index i: Int, rng r: inout SynthRandom
  ) -> [UInt8] {
    switch kind {
    // truncated line
    case 0: return Array(line.prefix(max(1, r.below(line.count))))
    case 8:
      var b = line
      if let at = b.firstIndex(of: UInt8(ascii: "h")) {
        b.insert(r.pick([0xFF, 0xC3, 0xED, 0xF5]), at: at)
      }
      return b
    default:
      var e = LineEdit(text: String(decoding: line, as: UTF8.self))
      if kind < 16 {
        schemaProblem(kind, &e, rng: &r)
      } else {
        unusualInput(kind, &e, rng: &r)
      }
      return Array(e.text.utf8)
    }
  }

  /// A record line as text, edited in place.
  struct LineEdit {
    var text: String

    /// Adds `member` as the object's last member.
    mutating func insert(_ member: String) {
      text.removeLast()
      text += "," + member + "}"
    }

    /// Replaces the first `a` by `b` (nothing when there is no `a`).
    mutating func replace(_ a: String, _ b: String) {
      if let range = text.range(of: a) { text.replaceSubrange(range, with: b) }
    }
  }

  /// Kinds 1–15: mostly a rule of SCHEMA.md broken (bad dates, unknown references, a
  /// quote not in its text, too deep, unknown members, controls, duplicates, an
  /// ambiguous quote), and escapes of every kind.
  static func schemaProblem(
    _ kind: Int, _ e: inout LineEdit, rng r: inout SynthRandom
  ) {
    switch kind {
    case 1:
      e.replace(
        "\"date\":\"", "\"date\":\"2023-13-0\(r.below(9))\",\"x_was\":\"")
    case 2: e.replace("\"date\":\"", "\"date\":\"2023-02-30\",\"x_was\":\"")
    case 3:
      // duplicate id
      e.replace("\"id\":\"r", "\"id\":\"r000000\(r.below(5))\",\"x_was\":\"")
    case 4: e.replace("\"parties\":[", "\"parties\":[\"p-nobody\",")
    case 5: e.replace("\"source\":\"s", "\"source\":\"nosuch-s")
    case 6: e.insert("\"related\":[\"r9\(r.below(1000))999999\"]")
    case 7: e.replace("\"exact\":\"", "\"exact\":\"not in the text ")
    case 9:
      e.insert(
        "\"x_deep\":" + String(repeating: "[", count: 70)
          + String(repeating: "]", count: 70))
    case 10: e.insert("\"colour\":\"red\"")
    case 11: e.replace("\"headline\":\"", "\"headline\":\"bell \\u0007 ")
    case 12: e.insert("\"kind\":\"event\"")
    case 13:
      e.replace(
        "\"headline\":\"",
        "\"headline\":\"" + String(repeating: "long ", count: 25))
    // ambiguous quote
    case 14: e.replace("\"exact\":\"", "\"exact\":\"the\",\"x_was\":\"")
    case 15:
      e.replace(
        "\"headline\":\"",
        "\"headline\":\"caf\\u00e9 \\\"quoted\\\" \\/ \\ud83d\\ude00 ")
    default: break
    }
  }

  /// Kinds 16–29: valid or nearly valid input that takes an unusual path (huge numbers,
  /// CRLF, decomposed text, extension members, figures, also, prefixes).
  static func unusualInput(
    _ kind: Int, _ e: inout LineEdit, rng r: inout SynthRandom
  ) {
    switch kind {
    case 16: e.insert("\"x_big\":1e400")
    case 17: e.text += "\r"
    case 18:
      e.replace(
        "\"date\":\"", "\"time\":\"12:30\",\"date\":\"2023-05\",\"x_was\":\"")
    case 19: e.insert("\"end_date\":\"1999-01-01\"")
    case 20:
      e.replace("\"exact\":\"", "\"exact\":\"Zu\u{0308}rich\",\"x_was\":\"")
    case 21: e.replace("\"exact\":\"", "\"start\":\(r.below(200)),\"exact\":\"")
    case 22: e.replace("\"headline\":\"", "\"headline\":\"  \",\"x_was\":\"")
    case 23: e.replace("\"kind\":\"", "\"kind\":3,\"x_was\":\"")
    case 24:
      e.replace("\"claimant\":\"", "\"claimant\":[\"p-united-nations\",\"")
    case 25:
      e.insert(
        "\"x_ext\":{\"a\":[1,2.5,-3e2,true,null,{\"b\":\"c\"}],\"d\":\"\u{00e9}\"}"
      )
    case 26:
      e.insert(
        "\"also\":[{\"source\":\"s0000000\",\"quote\":{\"exact\":\"(file 0-0).\"}},{\"source\":\"s0000001\"}]"
      )
    case 27:
      e.insert(
        "\"figures\":[{\"label\":\"people\",\"value\":1\(r.below(100)),\"value_max\":\(r.below(300)),\"qualifier\":\"about\"}]"
      )
    case 28: e.insert("\"parties\":[\"p-broken\"]")
    case 29:
      e.replace(
        "\"exact\":\"", "\"prefix\":\"day\",\"suffix\":\"x\",\"exact\":\"")
    default: break
    }
  }
}
