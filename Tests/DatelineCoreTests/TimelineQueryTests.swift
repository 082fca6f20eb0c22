import DatelineCore
import Foundation
import XCTest

/// SCHEMA.md "Queries": party filter with descendants, date overlap, folded word search.
final class TimelineQueryTests: XCTestCase {
  private func ids(_ query: TimelineQuery, _ corpus: Corpus) -> [String] {
    query.run(on: corpus).map { corpus.records[$0].id.rawValue }
  }

  private func filter(_ parties: [Party.ID], _ mode: PartyFilter.Mode = .any)
    -> TimelineQuery
  {
    TimelineQuery(parties: PartyFilter(parties, mode: mode))
  }

  // MARK: - Parties

  /// israel > il-pmo > pm-aide, israel > idf; hamas, qatar; zeta is never involved.
  private let partyCorpus = Corpus(
    parties: [
      Party(id: "israel", name: "Israel"),
      Party(id: "il-pmo", name: "Israeli PMO", parent: "israel"),
      Party(id: "pm-aide", name: "PM aide", parent: "il-pmo"),
      Party(id: "hamas", name: "Hamas"),
      Party(id: "qatar", name: "Qatar"),
      Party(id: "idf", name: "IDF", parent: "israel"),
      Party(id: "zeta", name: "Zeta"),
    ], sources: [],
    records: Array(
      [
        makeRecord("ra", "2023-12-01", parties: ["israel"]),
        makeRecord("rb", "2023-12-02", parties: ["il-pmo"]),
        makeRecord("rc", "2023-12-03", parties: ["pm-aide"]),
        makeRecord("rd", "2023-12-04", parties: ["hamas"]),
        makeRecord("re", "2023-12-05", parties: ["hamas", "qatar"]),
        makeRecord(
          "rf", "2023-12-06", parties: ["qatar"],
          attribution: Attribution(
            claimants: ["israel"], text: "Israel says", basis: .official)),
        makeRecord("rg", "2023-12-07", parties: ["pm-aide", "hamas"]),
        makeRecord("rh", "2023-12-08", parties: ["idf"]),
      ].reversed()))

  func testFilteringByAPartyIncludesItsChildrenAndGrandchildrenButNotClaimants()
  {
    let table: [(selected: [Party.ID], expected: [String])] = [
      (["israel"], ["ra", "rb", "rc", "rg", "rh"]),
      (["il-pmo"], ["rb", "rc", "rg"]),
      (["pm-aide"], ["rc", "rg"]),
      (["idf"], ["rh"]),
      (["qatar"], ["re", "rf"]),
      (["zeta"], []),
      ([], ["ra", "rb", "rc", "rd", "re", "rf", "rg", "rh"]),
    ]
    for row in table {
      XCTAssertEqual(
        ids(filter(row.selected), partyCorpus), row.expected, "\(row.selected)")
      XCTAssertEqual(
        ids(filter(row.selected, .all), partyCorpus), row.expected,
        "\(row.selected), all")
    }
  }

  func testSeveralPartiesMatchAnyByDefaultAndAllOnRequest() {
    let table: [(selected: [Party.ID], any: [String], all: [String])] = [
      (["hamas", "qatar"], ["rd", "re", "rf", "rg"], ["re"]),
      (
        ["israel", "hamas"], ["ra", "rb", "rc", "rd", "re", "rg", "rh"], ["rg"]
      ),
      (["il-pmo", "idf"], ["rb", "rc", "rg", "rh"], []),
      (
        ["israel", "il-pmo"], ["ra", "rb", "rc", "rg", "rh"],
        ["rb", "rc", "rg"]
      ),
      (["hamas", "qatar", "pm-aide"], ["rc", "rd", "re", "rf", "rg"], []),
    ]
    for row in table {
      XCTAssertEqual(
        ids(filter(row.selected, .any), partyCorpus), row.any,
        "any of \(row.selected)")
      XCTAssertEqual(
        ids(filter(row.selected, .all), partyCorpus), row.all,
        "all of \(row.selected)")
    }
  }

  func testAnUnknownPartyIDMatchesNothing() {
    XCTAssertEqual(ids(filter(["nobody"]), partyCorpus), [])
    XCTAssertEqual(ids(filter(["nobody"], .all), partyCorpus), [])
    XCTAssertEqual(
      ids(filter(["hamas", "nobody"]), partyCorpus), ["rd", "re", "rg"])
    XCTAssertEqual(ids(filter(["hamas", "nobody"], .all), partyCorpus), [])
  }

  func testPartyCountsCountEachPartyWithItsDescendantsOverTheResult() {
    let everything = TimelineQuery().run(on: partyCorpus)
    XCTAssertEqual(
      TimelineQuery.partyCounts(everything, in: partyCorpus),
      [
        "israel": 5, "il-pmo": 3, "pm-aide": 2, "idf": 1, "hamas": 3,
        "qatar": 2, "zeta": 0,
      ])
    let hamas = filter(["hamas"]).run(on: partyCorpus)
    XCTAssertEqual(
      TimelineQuery.partyCounts(hamas, in: partyCorpus),
      [
        "israel": 1, "il-pmo": 1, "pm-aide": 1, "idf": 0, "hamas": 3,
        "qatar": 1, "zeta": 0,
      ])
    XCTAssertEqual(TimelineQuery.partyCounts([], in: partyCorpus)["israel"], 0)
  }

  func testPartyFilterTogglesSelectionInOrder() {
    var f = PartyFilter()
    XCTAssertTrue(f.isEmpty)
    f.toggle("hamas")
    f.toggle("qatar")
    XCTAssertEqual(f.selected, ["hamas", "qatar"])
    f.toggle("hamas")
    XCTAssertEqual(f.selected, ["qatar"])
    XCTAssertTrue(f.contains("qatar"))
    XCTAssertFalse(f.contains("hamas"))
  }

  // MARK: - Dates

  /// Full order: y23, octnov, span, wk, n30, d01, mdec, d31, j01, y24.
  private let dateCorpus = Corpus(
    parties: [Party(id: "alpha", name: "Alpha")], sources: [],
    records: [
      makeRecord("n30", "2023-11-30"), makeRecord("d01", "2023-12-01"),
      makeRecord("d31", "2023-12-31"),
      makeRecord("j01", "2024-01-01"), makeRecord("mdec", "2023-12"),
      makeRecord("y23", "2023"),
      makeRecord("wk", "2023-11-28", week: true),
      makeRecord("span", "2023-11-15", end: "2023-12-02"),
      makeRecord("y24", "2024"),
      makeRecord("octnov", "2023-10", end: "2023-11"),
    ])

  func testADateRangeIsInclusiveAndMatchesRecordsWhoseDaysOverlapIt() {
    let table: [(since: String?, until: String?, expected: [String])] = [
      (
        "2023-12-01", "2023-12-31", ["y23", "span", "wk", "d01", "mdec", "d31"]
      ),
      (
        nil, "2023-12",
        ["y23", "octnov", "span", "wk", "n30", "d01", "mdec", "d31"]
      ),
      (
        nil, "2023-12-30",
        ["y23", "octnov", "span", "wk", "n30", "d01", "mdec"]
      ),
      ("2023-12-31", nil, ["y23", "mdec", "d31", "j01", "y24"]),
      ("2023-12-04", "2023-12-04", ["y23", "wk", "mdec"]),
      ("2023-12-05", "2023-12-05", ["y23", "mdec"]),
      ("2024", nil, ["j01", "y24"]),
      (nil, "2023-11-15", ["y23", "octnov", "span"]),
      ("2023-11-30", "2023-11-30", ["y23", "octnov", "span", "wk", "n30"]),
      ("2023-12", "2023-12", ["y23", "span", "wk", "d01", "mdec", "d31"]),
      (
        nil, nil,
        [
          "y23", "octnov", "span", "wk", "n30", "d01", "mdec", "d31", "j01",
          "y24",
        ]
      ),
    ]
    for row in table {
      let q = TimelineQuery(
        since: row.since.flatMap(RecordDate.parseBound),
        until: row.until.flatMap(RecordDate.parseBound))
      XCTAssertEqual(
        ids(q, dateCorpus), row.expected,
        "since \(row.since ?? "-") until \(row.until ?? "-")")
    }
  }

  // MARK: - Text search

  private let textCorpus = Corpus(
    parties: [
      Party(
        id: "hamas", name: "Hamas", aliases: ["Islamic Resistance Movement"]),
      Party(id: "israel", name: "Israel"),
      Party(
        id: "idf", name: "Israel Defense Forces", label: "IDF",
        aliases: ["Tzahal"],
        parent: "israel"),
      Party(id: "qatar", name: "Qatar", label: "Doha team"),
    ], sources: [],
    records: [
      makeRecord(
        "t1", "2023-12-01", parties: ["hamas"], headline: "Statement issued"),
      makeRecord(
        "t2", "2023-12-02", parties: ["israel"], headline: "HAMÁS leaders named"
      ),
      makeRecord(
        "t3", "2023-12-03", parties: ["qatar"], headline: "Talks",
        summary: "Talks in Doha at a café."),
      makeRecord(
        "t4", "2023-12-04", parties: ["israel"], headline: "Efforts",
        attribution: Attribution(
          text: "a source familiar with the efforts", basis: .anonymous)),
      makeRecord(
        "t5", "2023-12-05", parties: ["israel"], headline: "Tags",
        tags: ["ceasefire", "hostages"]),
      makeRecord(
        "t6", "2023-12-06", parties: ["idf"], headline: "Tunnels flooded"),
      makeRecord(
        "t7", "2023-12-07", parties: ["qatar"], headline: "Truce extended"),
      makeRecord(
        "t8", "2023-12-08", parties: ["israel"], headline: "Spokesman",
        attribution: Attribution(
          claimants: ["hamas"], text: "said a spokesman", basis: .named)),
      makeRecord(
        "t9", "2023-12-09", parties: ["israel"], headline: "Negotiations resume"
      ),
    ])

  func testTextSearchIsCaseAndDiacriticInsensitiveOverTheSchemaFields() {
    let table: [(search: String, expected: [String])] = [
      ("hamás", ["t1", "t2"]),  // party name, headline; never t8's claimant
      ("HAMAS", ["t1", "t2"]),
      ("Hamas", ["t1", "t2"]),
      ("resistance", ["t1"]),  // alias
      ("cafe", ["t3"]),  // summary, "café" in the data
      ("CAFÉ", ["t3"]),
      ("familiar", ["t4"]),  // attribution text
      ("ceasefire", ["t5"]),  // tag
      ("hostage", ["t5"]),  // a substring of a tag
      ("tzahal", ["t6"]),  // alias
      ("idf", ["t6"]),  // label
      ("defense", ["t6"]),  // name
      ("team", ["t3", "t7"]),  // label
      ("negotiat", ["t9"]),
      ("israel", ["t2", "t4", "t5", "t6", "t8", "t9"]),
      // every word must occur: t3 has qatar but no truce
      ("qatar truce", ["t7"]),
      ("truce qatar", ["t7"]),
      ("truce zzz", []),
      ("spokesman hamas", []),  // hamas is only t8's claimant
      ("", ["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"]),
      ("   ", ["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"]),
    ]
    for row in table {
      XCTAssertEqual(
        ids(TimelineQuery(search: row.search), textCorpus), row.expected,
        row.search.debugDescription)
    }
  }

  func testSearchWordsAreFoldedAndSplitOnWhitespace() {
    XCTAssertEqual(
      TextSearch.words("  Hamás\tCAFÉ  truce "), ["hamas", "cafe", "truce"])
    XCTAssertEqual(TextSearch.words(""), [])
    XCTAssertEqual(TextSearch.fold("ÉLÈVE Ñandú"), "eleve nandu")
  }

  func testFiltersSearchAndDatesCombine() {
    var q = TimelineQuery(parties: PartyFilter(["israel"]), search: "israel")
    XCTAssertEqual(ids(q, textCorpus), ["t2", "t4", "t5", "t6", "t8", "t9"])
    q.since = RecordDate.parse("2023-12-05")
    q.until = RecordDate.parse("2023-12-08")
    XCTAssertEqual(ids(q, textCorpus), ["t5", "t6", "t8"])
    q.parties = PartyFilter(["idf"])
    XCTAssertEqual(ids(q, textCorpus), ["t6"])
    XCTAssertFalse(q.isEmpty)
    XCTAssertTrue(TimelineQuery(search: "  ").isEmpty)
  }
}
