/// Ways to break (or stress) one record line, for comparing a loader with the reference.
///
/// Each kind is a problem SCHEMA.md names, or valid input that takes an unusual path
/// (escapes, CRLF, decomposed text, extension fields).
enum SynthCorruption {
  static let count = 30

  static func apply(
    _ kind: Int, to line: [UInt8], index i: Int, rng r: inout SynthRandom
  ) -> [UInt8] {
    var s = String(decoding: line, as: UTF8.self)
    func insert(_ member: String) {
      s.removeLast()
      s += "," + member + "}"
    }
    func replace(_ a: String, _ b: String) {
      if let range = s.range(of: a) { s.replaceSubrange(range, with: b) }
    }
    switch kind {
    // truncated line
    case 0: return Array(line.prefix(max(1, r.below(line.count))))
    case 1:
      replace("\"date\":\"", "\"date\":\"2023-13-0\(r.below(9))\",\"x_was\":\"")
    case 2: replace("\"date\":\"", "\"date\":\"2023-02-30\",\"x_was\":\"")
    case 3:
      // duplicate id
      replace("\"id\":\"r", "\"id\":\"r000000\(r.below(5))\",\"x_was\":\"")
    case 4: replace("\"parties\":[", "\"parties\":[\"p-nobody\",")
    case 5: replace("\"source\":\"s", "\"source\":\"nosuch-s")
    case 6: insert("\"related\":[\"r9\(r.below(1000))999999\"]")
    case 7: replace("\"exact\":\"", "\"exact\":\"not in the text ")
    case 8:
      var b = line
      if let at = b.firstIndex(of: UInt8(ascii: "h")) {
        b.insert(r.pick([0xFF, 0xC3, 0xED, 0xF5]), at: at)
      }
      return b
    case 9:
      insert(
        "\"x_deep\":" + String(repeating: "[", count: 70)
          + String(repeating: "]", count: 70))
    case 10: insert("\"colour\":\"red\"")
    case 11: replace("\"headline\":\"", "\"headline\":\"bell \\u0007 ")
    case 12: insert("\"kind\":\"event\"")
    case 13:
      replace(
        "\"headline\":\"",
        "\"headline\":\"" + String(repeating: "long ", count: 25))
    // ambiguous quote
    case 14: replace("\"exact\":\"", "\"exact\":\"the\",\"x_was\":\"")
    case 15:
      replace(
        "\"headline\":\"",
        "\"headline\":\"caf\\u00e9 \\\"quoted\\\" \\/ \\ud83d\\ude00 ")
    case 16: insert("\"x_big\":1e400")
    case 17: s += "\r"
    case 18:
      replace(
        "\"date\":\"", "\"time\":\"12:30\",\"date\":\"2023-05\",\"x_was\":\"")
    case 19: insert("\"end_date\":\"1999-01-01\"")
    case 20:
      replace("\"exact\":\"", "\"exact\":\"Zu\u{0308}rich\",\"x_was\":\"")
    case 21: replace("\"exact\":\"", "\"start\":\(r.below(200)),\"exact\":\"")
    case 22: replace("\"headline\":\"", "\"headline\":\"  \",\"x_was\":\"")
    case 23: replace("\"kind\":\"", "\"kind\":3,\"x_was\":\"")
    case 24: replace("\"claimant\":\"", "\"claimant\":[\"p-united-nations\",\"")
    case 25:
      insert(
        "\"x_ext\":{\"a\":[1,2.5,-3e2,true,null,{\"b\":\"c\"}],\"d\":\"\u{00e9}\"}"
      )
    case 26:
      insert(
        "\"also\":[{\"source\":\"s0000000\",\"quote\":{\"exact\":\"(file 0-0).\"}},{\"source\":\"s0000001\"}]"
      )
    case 27:
      insert(
        "\"figures\":[{\"label\":\"people\",\"value\":1\(r.below(100)),\"value_max\":\(r.below(300)),\"qualifier\":\"about\"}]"
      )
    case 28: insert("\"parties\":[\"p-broken\"]")
    case 29:
      replace(
        "\"exact\":\"", "\"prefix\":\"day\",\"suffix\":\"x\",\"exact\":\"")
    default: break
    }
    return Array(s.utf8)
  }
}
