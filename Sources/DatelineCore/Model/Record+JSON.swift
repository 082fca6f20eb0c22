/// Records written back as schema-1 JSON, for `list --format json|jsonl`.
///
/// The output is exact (the encoder escapes every control character), so it can be
/// loaded again as a data file: `list --format jsonl > records.jsonl` round-trips.
extension Record {
  /// The members in SCHEMA.md's order, as `jsonObject` writes them (each field of
  /// `RecordField` once).
  static let jsonOrder: [RecordField] = [
    .id, .date, .datePrecision, .time, .utcOffset, .dateApprox, .dateInferred,
    .dateNote, .endDate, .kind, .parties, .headline, .summary, .attribution,
    .source, .quote, .also, .tags, .related, .disputes, .revises, .figures,
  ]

  public var jsonObject: String {
    var w = JSONWriter()
    for field in Record.jsonOrder { writeMember(field, to: &w) }
    if !extensions.isEmpty { w.parts.append(extensions) }
    return w.object
  }

  /// Writes `field` as a member when the record has it (a false flag, an empty list
  /// and a nil value are left out, as the loader's defaults).
  func writeMember(_ field: RecordField, to w: inout JSONWriter) {
    let key = field.key
    func ids(_ list: [Record.ID]) {
      if !list.isEmpty { w.raw(key, JSONWriter.array(list.map(\.rawValue))) }
    }
    switch field {
    case .id: w.field(key, id.rawValue)
    case .date: w.field(key, Record.dateText(date))
    case .datePrecision: if date.precision == .week { w.field(key, "week") }
    case .time: if let t = time { w.field(key, t.description) }
    case .utcOffset: if let o = utcOffset { w.field(key, o) }
    case .dateApprox: if dateApprox { w.raw(key, "true") }
    case .dateInferred: if dateInferred { w.raw(key, "true") }
    case .dateNote: if let n = dateNote { w.field(key, n) }
    case .endDate: if let e = endDate { w.field(key, Record.dateText(e)) }
    case .kind: w.field(key, kind.rawValue)
    case .parties: w.raw(key, partiesJSON)
    case .headline: w.field(key, headline)
    case .summary: if let s = summary { w.field(key, s) }
    case .attribution: if let a = attribution { w.raw(key, a.jsonObject) }
    case .source: w.field(key, source.rawValue)
    case .quote: if let q = quote { w.raw(key, q.jsonObject) }
    case .also: if !also.isEmpty { w.raw(key, alsoJSON) }
    case .tags: if !tags.isEmpty { w.raw(key, JSONWriter.array(tags)) }
    case .related: ids(related)
    case .disputes: ids(disputes)
    case .revises: ids(revises)
    case .figures: if !figures.isEmpty { w.raw(key, figuresJSON) }
    }
  }

  /// A date as SCHEMA.md writes it: a week by its first day (with `date_precision`).
  static func dateText(_ d: RecordDate) -> String {
    d.precision == .week ? d.firstDay.description : d.description
  }

  /// `parties` as its JSON array of `{"id", "role"}` objects.
  var partiesJSON: String {
    "["
      + parties.map { p in
        var o = JSONWriter()
        o.field("id", p.id.rawValue)
        o.field("role", p.role.rawValue)
        return o.object
      }.joined(separator: ",") + "]"
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

extension Attribution {
  /// `{"claimant", "text", "basis"}`, the claimant as a list when it was written so.
  var jsonObject: String {
    var o = JSONWriter()
    if claimantIsList {
      o.raw("claimant", JSONWriter.array(claimants.map(\.rawValue)))
    } else if let c = claimants.first {
      o.field("claimant", c.rawValue)
    }
    o.field("text", text)
    o.field("basis", basis.rawValue)
    return o.object
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
