import DatelineCore
import Foundation
import XCTest

/// SplitMix64: a tiny seeded generator so every run sees the same "random" corpora.
struct SplitMix64 {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// 0..<n (the modulo bias is irrelevant here).
  mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  mutating func percent(_ p: Int) -> Bool { int(100) < p }
  mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}

/// Random corpora checked against brute-force references written here from SCHEMA.md
/// "Order" and "Queries", without calling the code under test for any decision.
final class TimelinePropertyTests: XCTestCase {
  // MARK: - An independent model of dates

  /// A calendar day as (year, month, day), compared as the number yyyymmdd.
  struct Ymd: Comparable {
    var y: Int, m: Int, d: Int
    var key: Int { y * 10_000 + m * 100 + d }
    static func < (a: Ymd, b: Ymd) -> Bool { a.key < b.key }
    var text: String { String(format: "%04d-%02d-%02d", y, m, d) }

    static func length(_ m: Int, _ y: Int) -> Int {
      let leap = y % 400 == 0 || (y % 4 == 0 && y % 100 != 0)
      return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    }

    func plusDays(_ n: Int) -> Ymd {
      var r = self
      for _ in 0..<n {
        r.d += 1
        if r.d > Ymd.length(r.m, r.y) {
          r.d = 1
          r.m += 1
          if r.m > 12 {
            r.m = 1
            r.y += 1
          }
        }
      }
      return r
    }
  }

  /// A date as written: precision 0 day, 1 week, 2 month, 3 year (SCHEMA.md rank).
  struct DateSpec {
    var day: Ymd
    var precision: Int

    var first: Ymd {
      switch precision {
      case 2: return Ymd(y: day.y, m: day.m, d: 1)
      case 3: return Ymd(y: day.y, m: 1, d: 1)
      default: return day
      }
    }

    var last: Ymd {
      switch precision {
      case 0: return day
      case 1: return day.plusDays(6)
      case 2: return Ymd(y: day.y, m: day.m, d: Ymd.length(day.m, day.y))
      default: return Ymd(y: day.y, m: 12, d: 31)
      }
    }

    var text: String {
      switch precision {
      case 2: return String(day.text.prefix(7))
      case 3: return String(day.text.prefix(4))
      default: return day.text
      }
    }

    func recordDate() -> RecordDate {
      let parsed = RecordDate.parse(text)!
      return precision == 1
        ? RecordDate(firstDay: parsed.firstDay, precision: .week) : parsed
    }
  }

  struct Spec {
    var id: String
    var date: DateSpec
    var end: DateSpec?
    var time: String?
    var parties: [Int]
    var fields: [String]  // headline, summary, attribution text, tags
  }

  // MARK: - Generators

  static func randomDate(_ g: inout SplitMix64, precisions: [Int]) -> DateSpec {
    let y = g.pick([2023, 2023, 2024])
    let m = g.pick([1, 2, 2, 11, 12, 12])
    let d = min(g.pick([1, 1, 2, 3, 28, 29, 30, 31]), Ymd.length(m, y))
    return DateSpec(day: Ymd(y: y, m: m, d: d), precision: g.pick(precisions))
  }

  static let words = [
    "truce", "Hamás", "HAMAS", "qatar", "Doha", "café", "talks", "Ceasefire",
    "hostages", "ISRAËL",
    "négociation", "Tunnel", "zürich",
  ]
  static let queryWords = [
    "hamas", "HAMÁS", "truce", "cafe", "CAFÉ", "doha", "ceasef", "israel",
    "negoci", "tunnel",
    "zurich",
    "ZÜRICH", "talk", "hostage", "zzz", "a", "élite", "white", "unit",
  ]
  static let partyNames = [
    ("Hamás", "Hamas", ["Islamic Resistance"]), ("Israel", "Israel", []),
    ("Qatar", "Qatar", ["Doha"]),
    ("Café Group", "Café", []), ("ÉLITE Unit", "Elite", ["Tzahal"]),
    ("White House", "WH", []),
  ]

  static func randomCorpus(seed: UInt64, records count: Int) -> (
    Corpus, [Party], [Spec]
  ) {
    // Ids are one of 3 first characters and up to 3 of 6 more: 3 * (1 + 6 + 36 + 216) =
    // 777 distinct ids; more records than that would never finish drawing them.
    precondition(count <= 777, "randomCorpus draws at most 777 distinct ids")
    var g = SplitMix64(state: seed)
    var parties: [Party] = []
    for i in 0..<12 {
      let (name, label, aliases) = g.pick(partyNames)
      let parent: Party.ID? =
        i > 0 && g.percent(60) ? parties[g.int(i)].id : nil
      parties.append(
        Party(
          id: Party.ID("p\(i)"), name: name, label: label, aliases: aliases,
          parent: parent))
    }
    var specs: [Spec] = []
    var used = Set<String>()
    while specs.count < count {
      var id = g.pick(["a", "b", "0"])
      for _ in 0..<g.int(4) { id += g.pick(["a", "b", "0", "-", ".", "_"]) }
      guard used.insert(id).inserted else { continue }
      let date = randomDate(&g, precisions: [0, 0, 0, 1, 2, 3])
      var end: DateSpec? = nil
      if g.percent(30) {
        let e = randomDate(&g, precisions: [0, 2, 3])
        if !(e.first < date.first) { end = e }
      }
      let time =
        date.precision == 0 && g.percent(40)
        ? g.pick(["00:00", "09:30", "09:31", "23:59"]) : nil
      var ps: [Int] = []
      for _ in 0...g.int(3) {
        let p = g.int(parties.count)
        if !ps.contains(p) { ps.append(p) }
      }
      var fields = [
        (0...g.int(3)).map { _ in g.pick(words) }.joined(separator: " ")
      ]
      if g.percent(40) { fields.append(g.pick(words) + " " + g.pick(words)) }
      if g.percent(30) { fields.append("said " + g.pick(words)) }
      for _ in 0..<g.int(3) { fields.append(g.pick(words).lowercased()) }
      specs.append(
        Spec(
          id: id, date: date, end: end, time: time, parties: ps, fields: fields)
      )
    }
    let records = specs.map { s -> Record in
      var iterator = s.fields.dropFirst().makeIterator()
      let summary = iterator.next()
      let rest = Array(iterator)
      let attribution = rest.first.map {
        Attribution(claimants: [parties[0].id], text: $0, basis: .named)
      }
      return Record(
        id: Record.ID(s.id), date: s.date.recordDate(),
        endDate: s.end?.recordDate(),
        time: s.time.map { TimeOfDay($0)! }, kind: .event,
        parties: s.parties.map { Record.PartyRef(id: parties[$0].id) },
        headline: s.fields[0],
        summary: summary, attribution: attribution, source: "s1",
        tags: Array(rest.dropFirst()))
    }
    return (
      Corpus(parties: parties, sources: [], records: records), parties, specs
    )
  }

  // MARK: - References

  /// SCHEMA.md "Order", read literally.
  static func referencePrecedes(_ a: Spec, _ b: Spec) -> Bool {
    if a.date.first != b.date.first { return a.date.first < b.date.first }
    if a.date.precision != b.date.precision {
      return a.date.precision < b.date.precision
    }
    let (la, lb) = (a.end?.last ?? a.date.last, b.end?.last ?? b.date.last)
    if la != lb { return la < lb }
    switch (a.time, b.time) {
    case (.some, nil): return true
    case (nil, .some): return false
    // "HH:MM" strings order as times
    case (let x?, let y?) where x != y: return x < y
    default: return Array(a.id.utf8).lexicographicallyPrecedes(Array(b.id.utf8))
    }
  }

  static func fold(_ s: String) -> [Unicode.Scalar] {
    let stripped = s.decomposedStringWithCanonicalMapping.unicodeScalars.filter
    {
      !(0x300...0x36F).contains($0.value)
    }
    return Array(
      String(String.UnicodeScalarView(stripped)).lowercased().unicodeScalars)
  }

  static func contains(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar])
    -> Bool
  {
    guard needle.count <= hay.count else { return false }
    if needle.isEmpty { return true }
    for i in 0...(hay.count - needle.count)
    where Array(hay[i..<(i + needle.count)]) == needle {
      return true
    }
    return false
  }

  /// Whether party `p` is `q` or one of `q`'s ancestors.
  static func isSelfOrAncestor(
    _ p: Party.ID, of q: Party.ID, _ parties: [Party]
  ) -> Bool {
    var cur: Party.ID? = q
    while let c = cur {
      if c == p { return true }
      cur = parties.first { $0.id == c }?.parent
    }
    return false
  }

  // MARK: - Properties

  func testTheStoreOrderAgreesWithAReferenceComparatorOnRandomRecords() {
    for seed: UInt64 in [1, 2, 3, 42, 2023] {
      let (corpus, _, specs) = Self.randomCorpus(seed: seed, records: 300)
      let expected = specs.sorted(by: Self.referencePrecedes).map(\.id)
      XCTAssertEqual(
        corpus.records.map(\.id.rawValue), expected, "seed \(seed)")
      // And pair by pair, from the store's positions.
      var g = SplitMix64(state: seed &* 7)
      for _ in 0..<2000 {
        let (a, b) = (g.pick(specs), g.pick(specs))
        guard let i = corpus.recordIndex[Record.ID(a.id)],
          let j = corpus.recordIndex[Record.ID(b.id)]
        else {
          XCTFail("seed \(seed): \(a.id) or \(b.id) not loaded")
          break
        }
        let got = i < j
        if got != Self.referencePrecedes(a, b) {
          XCTFail("seed \(seed): precedes(\(a.id), \(b.id)) = \(got)")
          break
        }
      }
    }
  }

  func testTimelineQueryAgreesWithABruteForceFilterOnRandomQueries() {
    for seed: UInt64 in [7, 8, 9] {
      let (corpus, parties, specs) = Self.randomCorpus(seed: seed, records: 300)
      let ordered = specs.sorted(by: Self.referencePrecedes)
      // Worked out once per corpus: what each record involves, and its folded search fields.
      var involves: [String: Set<Party.ID>] = [:]
      var folded: [String: [[Unicode.Scalar]]] = [:]
      for s in specs {
        involves[s.id] = Set(
          parties.filter { p in
            s.parties.contains {
              Self.isSelfOrAncestor(p.id, of: parties[$0].id, parties)
            }
          }
          .map(\.id))
        var fields = s.fields
        for p in s.parties {
          fields += [parties[p].name, parties[p].label] + parties[p].aliases
        }
        folded[s.id] = fields.map(Self.fold)
      }
      var g = SplitMix64(state: seed &+ 1000)
      var nonEmptyResults = 0
      for q in 0..<300 {
        var selected: [Party.ID] = []
        for _ in 0..<g.pick([0, 0, 1, 1, 2, 3]) {
          selected.append(
            g.percent(8) ? "nobody" : parties[g.int(parties.count)].id)
        }
        let mode: PartyFilter.Mode = g.percent(50) ? .any : .all
        let since =
          g.percent(40) ? Self.randomDate(&g, precisions: [0, 2, 3]) : nil
        let until =
          g.percent(40) ? Self.randomDate(&g, precisions: [0, 2, 3]) : nil
        let search = (0..<g.pick([0, 0, 1, 1, 2])).map { _ in
          g.pick(Self.queryWords)
        }.joined(
          separator: " ")
        let query = TimelineQuery(
          parties: PartyFilter(selected, mode: mode),
          since: since?.recordDate(),
          until: until?.recordDate(),
          search: search)

        let queryWords = search.split(separator: " ").map {
          Self.fold(String($0))
        }
        // A range that ends before it starts matches nothing (DateRange.isInverted), even a
        // span record that overlaps both of its ends.
        let inverted =
          since.flatMap { s in until.map { $0.last < s.first } } ?? false
        let expected = ordered.filter { s in
          if inverted { return false }
          let last = s.end?.last ?? s.date.last
          if let since, last < since.first { return false }
          if let until, s.date.first > until.last { return false }
          if !selected.isEmpty {
            let hits = selected.map { involves[s.id]!.contains($0) }
            if mode == .any ? !hits.contains(true) : hits.contains(false) {
              return false
            }
          }
          return queryWords.allSatisfy { w in
            folded[s.id]!.contains { Self.contains($0, w) }
          }
        }.map(\.id)

        let result = query.run(on: corpus)
        let got = result.map { corpus.records[$0].id.rawValue }
        if got != expected {
          XCTFail(
            "seed \(seed) query \(q) \(selected) \(mode) \(since?.text ?? "-")..\(until?.text ?? "-") \(search.debugDescription): got \(got), expected \(expected)"
          )
          return
        }
        if !expected.isEmpty { nonEmptyResults += 1 }

        let counts = TimelineQuery.partyCounts(result, in: corpus)
        for p in parties {
          let n = expected.filter { involves[$0]!.contains(p.id) }.count
          XCTAssertEqual(
            counts[p.id], n, "seed \(seed) query \(q) count of \(p.id)")
        }
      }
      XCTAssertGreaterThan(
        nonEmptyResults, 100, "the random queries should not all be empty")
    }
  }
}
