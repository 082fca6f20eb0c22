/// Records written back as schema-1 JSON, for `list --format json|jsonl`.
///
/// The output is exact (the encoder escapes every control character), so it can be
/// loaded again as a data file: `list --format jsonl > records.jsonl` round-trips.
extension Record {
  public var jsonObject: String {
    var w = JSONWriter()
    w.field("id", id.rawValue)
    w.field(
      "date",
      date.precision == .week ? date.firstDay.description : date.description)
    if date.precision == .week { w.field("date_precision", "week") }
    if let t = time { w.field("time", t.description) }
    if let o = utcOffset { w.field("utc_offset", o) }
    if dateApprox { w.raw("date_approx", "true") }
    if dateInferred { w.raw("date_inferred", "true") }
    if let n = dateNote { w.field("date_note", n) }
    if let e = endDate {
      w.field(
        "end_date",
        e.precision == .week ? e.firstDay.description : e.description)
    }
    w.field("kind", kind.rawValue)
    w.raw(
      "parties",
      "["
        + parties.map { p in
          var o = JSONWriter()
          o.field("id", p.id.rawValue)
          o.field("role", p.role.rawValue)
          return o.object
        }.joined(separator: ",") + "]")
    w.field("headline", headline)
    if let s = summary { w.field("summary", s) }
    if let a = attribution {
      var o = JSONWriter()
      if a.claimantIsList {
        o.raw("claimant", JSONWriter.array(a.claimants.map(\.rawValue)))
      } else if let c = a.claimants.first {
        o.field("claimant", c.rawValue)
      }
      o.field("text", a.text)
      o.field("basis", a.basis.rawValue)
      w.raw("attribution", o.object)
    }
    w.field("source", source.rawValue)
    if let q = quote { w.raw("quote", q.jsonObject) }
    if !also.isEmpty { w.raw("also", alsoJSON) }
    if !tags.isEmpty { w.raw("tags", JSONWriter.array(tags)) }
    if !related.isEmpty {
      w.raw("related", JSONWriter.array(related.map(\.rawValue)))
    }
    if !disputes.isEmpty {
      w.raw("disputes", JSONWriter.array(disputes.map(\.rawValue)))
    }
    if !revises.isEmpty {
      w.raw("revises", JSONWriter.array(revises.map(\.rawValue)))
    }
    if !figures.isEmpty { w.raw("figures", figuresJSON) }
    if !extensions.isEmpty { w.parts.append(extensions) }
    return w.object
  }

  /// `also` as its JSON array (`[{"source":"s2","quote":{"exact":"…"}}]`): the member of
  /// `jsonObject` and the `also` cell of a CSV export.
  public var alsoJSON: String {
    "["
      + also.map { a in
        var o = JSONWriter()
        o.field("source", a.source.rawValue)
        if let q = a.quote { o.raw("quote", q.jsonObject) }
        return o.object
      }.joined(separator: ",") + "]"
  }

  /// `figures` as its JSON array, each number as written in the data: the member of
  /// `jsonObject` and the `figures` cell of a CSV export.
  public var figuresJSON: String {
    "["
      + figures.map { f in
        var o = JSONWriter()
        o.field("label", f.label)
        // The literal as written: the parser checked it is a JSON number.
        o.raw("value", f.valueLiteral ?? JSONWriter.number(f.value))
        if let m = f.valueMax {
          o.raw("value_max", f.valueMaxLiteral ?? JSONWriter.number(m))
        }
        if let q = f.qualifier { o.field("qualifier", q.rawValue) }
        if let u = f.unit { o.field("unit", u) }
        return o.object
      }.joined(separator: ",") + "]"
  }
}

extension Quote {
  var jsonObject: String {
    var o = JSONWriter()
    o.field("exact", exact)
    if let p = prefix { o.field("prefix", p) }
    if let s = suffix { o.field("suffix", s) }
    if let s = start { o.raw("start", startLiteral ?? String(s)) }
    return o.object
  }
}

/// A minimal JSON object writer with exact string escaping.
///
/// `string` is the project's one JSON string writer: the drafts (DatelineDraft) and every
/// export quote strings through it, so they escape the same characters.
public struct JSONWriter {
  var parts: [String] = []

  mutating func field(_ key: String, _ value: String) {
    parts.append(JSONWriter.string(key) + ":" + JSONWriter.string(value))
  }
  mutating func raw(_ key: String, _ json: String) {
    parts.append(JSONWriter.string(key) + ":" + json)
  }
  var object: String { "{" + parts.joined(separator: ",") + "}" }

  static func array(_ items: [String]) -> String {
    "[" + items.map(string).joined(separator: ",") + "]"
  }

  static func number(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
  }

  /// Escapes `"`, `\` and every control character (C0, DEL, C1, U+2028/9, bidi), so a
  /// terminal that shows the JSON shows only text.
  public static func string(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u.value {
      case 0x22: out += "\\\""
      case 0x5C: out += "\\\\"
      case 0x0A: out += "\\n"
      case 0x0D: out += "\\r"
      case 0x09: out += "\\t"
      // Bidi controls too: escaped, the JSON stays exact and a terminal cannot reorder it.
      case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F,
        0x202A...0x202E,
        0x2066...0x2069:
        let hex = String(u.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(u)
      }
    }
    return out + "\""
  }
}
