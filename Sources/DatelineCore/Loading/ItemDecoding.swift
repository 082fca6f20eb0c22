import Foundation

/// Turns validated JSON items into model values; every field rule of SCHEMA.md is here.
///
/// Cross-item rules (references, duplicates, quotes in their sources) are the loader's.
enum ItemDecoding {
  static let partyFields: Set<String> = [
    "id", "name", "label", "kind", "aliases", "parent", "key", "color",
  ]
  static let sourceFields: Set<String> = [
    "id", "outlet", "title", "url", "published", "published_inferred",
    "updated", "via", "text",
    "text_path",
  ]
  /// A record's keys besides `x_` fields: the field table's (`RecordField`).
  static let recordFields = RecordField.keys

  static func party(_ node: JSONNode, _ r: inout ItemReader) -> Party? {
    r.scan(node, path: "$")
    guard let f = r.fields(node, path: "$", known: partyFields) else {
      return nil
    }
    let id: Party.ID? = r.id(f, "id", required: true)
    let name = r.string(f, "name", required: true, nonEmpty: true)
    var label = r.string(f, "label", nonEmpty: true)
    if let l = label, DisplayWidth.of(Sanitizer.clean(l)) > 12 {
      r.error(
        f.path("label"),
        "expected at most 12 columns, got \(quoted(l)) (\(DisplayWidth.of(Sanitizer.clean(l))) columns)"
      )
      label = nil
    }
    let kind = r.enumValue(f, "kind", Party.Kind.self) ?? .other
    let aliases = r.strings(f, "aliases")
    let parent: Party.ID? = r.id(f, "parent")
    var key: Int? = nil
    if let k = f["key"] {
      if case .string(let s) = k.value, s.count == 1, let d = Int(s),
        (1...9).contains(d)
      {
        key = d
      } else {
        r.error(
          f.path("key"),
          "expected a digit \"1\" to \"9\" as a string, got \(k.summary)")
      }
    }
    var color: Party.Color? = nil
    if let c = f["color"] {
      if case .string(let s) = c.value, let v = Party.Color(rawValue: s) {
        color = v
      } else {
        r.warning(
          f.path("color"),
          "expected one of \(Party.Color.allCases.map(\.rawValue).joined(separator: ", ")), got \(c.summary); no colour used"
        )
      }
    }
    guard let id, let name, !r.hasError else { return nil }
    if let parent, parent == id {
      r.error(f.path("parent"), "a party cannot be its own parent")
    }
    return Party(
      id: id, name: name, label: label, kind: kind, aliases: aliases,
      parent: parent, key: key, color: color)
  }

  /// A source without its text: the loader reads `text_path` (it knows the directory).
  static func source(_ node: JSONNode, _ r: inout ItemReader) -> (
    source: Source, textPath: String?
  )? {
    r.scan(node, path: "$", allowLongStringAt: "$.text")
    guard let f = r.fields(node, path: "$", known: sourceFields) else {
      return nil
    }
    let id: Source.ID? = r.id(f, "id", required: true)
    let outlet = r.string(f, "outlet", required: true, nonEmpty: true)
    let title = r.string(f, "title", required: true, nonEmpty: true)
    let url = r.string(f, "url")
    let published = r.date(f, "published")
    let inferred = r.bool(f, "published_inferred") ?? false
    let updated = r.date(f, "updated")
    let via = r.string(f, "via")
    let text = r.string(f, "text")
    let textPath = r.string(f, "text_path", nonEmpty: true)
    switch (f.has("text"), f.has("text_path")) {
    case (true, true):
      r.error("$", "expected exactly one of text and text_path, got both")
    case (false, false):
      r.error("$", "expected exactly one of text and text_path, got neither")
    default: break
    }
    guard let id, let outlet, let title, !r.hasError else { return nil }
    let s = Source(
      id: id, outlet: outlet, title: title, url: url, published: published,
      publishedInferred: inferred, updated: updated, via: via,
      text: text.map(normalizeText) ?? "", textPath: textPath)
    return (s, textPath)
  }

  /// `also`: other sources of the same fact (their ids and quotes; the loader checks that
  /// each source exists and holds its quote). The CSV import reads its `also` cell here too.
  static func alsoValue(_ f: ItemReader.Fields, _ r: inout ItemReader)
    -> [Record.Corroboration]
  {
    var also: [Record.Corroboration] = []
    for (i, n) in (r.array(f, "also") ?? []).enumerated() {
      let p = "\(f.path("also"))[\(i)]"
      guard let af = r.fields(n, path: p, known: ["source", "quote"]) else {
        continue
      }
      guard let s: Source.ID = r.id(af, "source", required: true) else {
        continue
      }
      var aq: Quote? = nil
      if let q = af["quote"] { aq = quoteValue(q, path: af.path("quote"), &r) }
      also.append(Record.Corroboration(source: s, quote: aq))
    }
    return also
  }

  /// `figures`: the numbers a record states. The CSV import reads its `figures` cell here too.
  static func figuresValue(_ f: ItemReader.Fields, _ r: inout ItemReader)
    -> [Figure]
  {
    var figures: [Figure] = []
    for (i, n) in (r.array(f, "figures") ?? []).enumerated() {
      let p = "\(f.path("figures"))[\(i)]"
      guard
        let ff = r.fields(
          n, path: p,
          known: ["label", "value", "value_max", "qualifier", "unit"])
      else { continue }
      let label = r.string(ff, "label", required: true, nonEmpty: true)
      let value = r.number(ff, "value", required: true)
      let valueMax = r.number(ff, "value_max")
      let qualifier = r.enumValue(ff, "qualifier", Figure.Qualifier.self)
      let unit = r.string(ff, "unit")
      if let v = value, let m = valueMax, m < v {
        r.error(
          ff.path("value_max"),
          "expected a number not below value (\(v)), got \(m)")
      }
      if let label, let value {
        var figure = Figure(
          label: label, value: value, valueMax: valueMax, qualifier: qualifier,
          unit: unit)
        figure.valueLiteral = ff["value"]?.literal
        figure.valueMaxLiteral = ff["value_max"]?.literal
        figures.append(figure)
      }
    }
    return figures
  }

  static func partyRefs(_ f: ItemReader.Fields, _ r: inout ItemReader)
    -> [Record.PartyRef]
  {
    guard let node = f["parties"] else {
      r.error(f.path("parties"), "required field is missing")
      return []
    }
    guard case .array(let items) = node.value, !items.isEmpty else {
      r.error(
        f.path("parties"),
        "expected an array of at least one party, got \(node.summary)")
      return []
    }
    var refs: [Record.PartyRef] = []
    for (i, n) in items.enumerated() {
      let p = "\(f.path("parties"))[\(i)]"
      if case .string = n.value {
        if let id: Party.ID = r.id(n, path: p) { refs.append(.init(id: id)) }
        continue
      }
      guard let pf = r.fields(n, path: p, known: ["id", "role"]) else {
        continue
      }
      let id: Party.ID? = r.id(pf, "id", required: true)
      let role =
        pf.has("role")
        ? r.enumValue(pf, "role", Record.Role.self) : .participant
      if let id, let role { refs.append(.init(id: id, role: role)) }
    }
    return refs
  }

  static func attributionValue(_ f: ItemReader.Fields, _ r: inout ItemReader)
    -> Attribution?
  {
    guard let node = f["attribution"] else { return nil }
    guard
      let af = r.fields(
        node, path: f.path("attribution"), known: ["claimant", "text", "basis"])
    else {
      return nil
    }
    var claimants: [Party.ID] = []
    var isList = false
    if let c = af["claimant"] {
      if case .array(let items) = c.value {
        isList = true
        for (i, n) in items.enumerated() {
          if let id: Party.ID = r.id(n, path: "\(af.path("claimant"))[\(i)]") {
            claimants.append(id)
          }
        }
      } else if let id: Party.ID = r.id(c, path: af.path("claimant")) {
        claimants.append(id)
      }
    }
    let text = r.string(af, "text", required: true)
    let basis = r.enumValue(af, "basis", Attribution.Basis.self, required: true)
    guard let text, let basis else { return nil }
    return Attribution(
      claimants: claimants, claimantIsList: isList, text: text, basis: basis)
  }

  static func quoteValue(_ node: JSONNode, path: String, _ r: inout ItemReader)
    -> Quote?
  {
    guard
      let qf = r.fields(
        node, path: path, known: ["exact", "prefix", "suffix", "start"])
    else {
      return nil
    }
    let exact = r.string(qf, "exact", required: true)
    if let e = exact, e.isEmpty {
      r.error(qf.path("exact"), "expected a non-empty quote, got \"\"")
    }
    let prefix = r.string(qf, "prefix")
    let suffix = r.string(qf, "suffix")
    var start: Int? = nil
    if let n = r.number(qf, "start") {
      if n >= 0, n == n.rounded(), n < 1e12 {
        start = Int(n)
      } else {
        r.error(qf.path("start"), "expected a whole number ≥ 0, got \(n)")
      }
    }
    guard let exact, !exact.isEmpty else { return nil }
    var quote = Quote(
      exact: exact, prefix: prefix, suffix: suffix, start: start)
    quote.startLiteral = qf["start"]?.literal
    return quote
  }

  /// SCHEMA.md compares texts in NFC with CRLF as LF.
  static func normalizeText(_ s: String) -> String {
    var t = s
    if t.utf8.contains(0x0D) {
      t = t.replacingOccurrences(of: "\r\n", with: "\n")
    }
    var ascii = true
    for b in t.utf8 where b >= 0x80 {
      ascii = false
      break
    }
    return ascii ? t : t.precomposedStringWithCanonicalMapping
  }
}
