/// The generated parties: ~30, a few with parents, used with Zipf-like frequency.
struct SynthParty {
  var id: String
  var name: String
  var label: String?
  var kind: String
  var parent: String?
  var aliases: [String]
  var key: String?
}

enum SynthParties {
  static let names = [
    ("state", "Northland"), ("state", "Southland"),
    ("armed_group", "River Brigades"),
    ("intl_org", "United Nations"),
    ("government_body", "Northland Foreign Ministry"),
    ("person", "Amira Haddad"), ("ngo", "Red Crescent"),
    ("media", "Coastal Broadcasting"),
    ("state", "Eastmark"), ("political_group", "Unity Bloc"),
    ("civilian_group", "Displaced families"),
    ("government_body", "Southland Defence Forces"), ("person", "Jonas Ek"),
    ("state", "Westport"),
    ("intl_org", "Regional Union"), ("ngo", "Médecins de Garde"),
    ("armed_group", "Hill Militia"),
    ("person", "Tomás Álvarez"),
    ("government_body", "Eastmark Interior Office"),
    ("political_group", "Reform Front"),
    ("civilian_group", "Detainees' relatives"),
    ("state", "Lakeshire"), ("media", "Daily Courier"), ("person", "李明"),
    ("ngo", "Aid Without Borders"),
    ("government_body", "Westport Harbour Authority"),
    ("intl_org", "Monitoring Mission"), ("armed_group", "Delta Guard"),
    ("person", "Sara Cohen"),
    ("state", "Highvale"),
  ]

  /// Children name their parent by index in `names`.
  static let parents: [Int: Int] = [4: 0, 11: 1, 18: 8, 25: 13, 9: 0, 12: 4]

  static func make(seed: UInt64) -> [SynthParty] {
    let ids = names.enumerated().map { i, e in
      let slug = e.1.lowercased().unicodeScalars
        .filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == " ") }
        .map { $0 == " " ? "-" : String($0) }.joined()
      return "p-" + slug + (i > 20 ? "-\(i)" : "")
    }
    return names.enumerated().map { i, e in
      SynthParty(
        id: ids[i], name: e.1,
        label: e.1.count > 12 ? String(e.1.prefix(11)) + "." : nil,
        kind: e.0, parent: parents[i].map { ids[$0] },
        aliases: i % 3 == 0 ? ["\(e.1) officials", "the \(e.1) side"] : [],
        key: i == 2 ? "3" : nil)
    }
  }

  static func write(
    _ parties: [SynthParty], corrupt: Bool, into w: inout SynthWriter
  ) {
    w.raw("{\"schema\": 1, \"type\": \"parties\", \"items\": [\n")
    for (i, p) in parties.enumerated() {
      w.raw(i == 0 ? "  {" : ",\n  {")
      w.field("id", p.id, first: true)
      w.field("name", p.name)
      if let l = p.label { w.field("label", l) }
      w.field("kind", p.kind)
      if let parent = p.parent { w.field("parent", parent) }
      if !p.aliases.isEmpty {
        w.key("aliases")
        w.raw("[")
        for (k, a) in p.aliases.enumerated() {
          if k > 0 { w.raw(",") }
          w.string(a)
        }
        w.raw("]")
      }
      if let k = p.key { w.field("key", k) }
      w.raw("}")
    }
    if corrupt {
      // A party left out for a bad kind, so records naming it cascade ("was left out").
      w.raw(
        ",\n  {\"id\": \"p-broken\", \"name\": \"Broken\", \"kind\": \"planet\"}"
      )
    }
    w.raw("\n]}\n")
  }
}
