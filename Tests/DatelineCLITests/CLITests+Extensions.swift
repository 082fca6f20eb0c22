import DatelineCore
import Foundation
import XCTest

/// `x_` fields survive every export that carries records (SCHEMA.md "Queries"): records of
/// a `.json` envelope lost them in `json`, `jsonl` and `csv` (only `.jsonl` lines kept
/// theirs, copied as they are).
extension CLITests {
  /// An envelope written over several lines with spaces, as people write them: nested
  /// objects and arrays, a number a double cannot hold, escapes, a bidi control.
  static let extensionRecords = """
    {"schema": 1, "type": "records", "items": [
      {"id": "r1", "date": "2023-01-01", "kind": "event",
       "parties": [{"id": "a", "role": "actor"}], "headline": "Alpha acts",
       "source": "s", "quote": {"exact": "Alpha said yes."},
       "x_review": {"by": "ana", "scores": [1, 9007199254740993, -0.0], "ok": true, "note": null},
       "x_text": "tab\\there \\"quoted\\" \\u202e rtl"},
      {"id": "r2", "date": "2023-01-02", "kind": "statement",
       "parties": [{"id": "b", "role": "subject"}], "headline": "Beta speaks",
       "source": "s", "quote": {"exact": "Beta said no."}},
      {"id": "r3", "date": "2023-01-03", "kind": "event",
       "parties": [{"id": "a", "role": "actor"}], "headline": "Alpha again", "source": "s",
       "x_empty": {}, "x_list": [[], {"k": [1, {"deep": "v"}]}]}
    ]}

    """

  func extensionData() throws -> String {
    try tempData([
      "parties.json": Self.parties, "sources.json": Self.sources,
      "records.json": Self.extensionRecords,
    ])
  }

  func jsonl(_ dir: String) throws -> String {
    let r = try run(["list", "--data", dir, "--format", "jsonl"])
    XCTAssertEqual(r.status, 0, r.stderr)
    return r.stdout
  }

  func testJSONLinesOfAnEnvelopeKeepEveryExtensionFieldAndLoadBackTheSame()
    throws
  {
    let dir = try extensionData()
    let lines = try jsonl(dir)
    XCTAssertTrue(
      lines.contains(
        #""x_review":{"by":"ana","scores":[1,9007199254740993,-0.0],"ok":true,"note":null}"#
      ), lines)
    XCTAssertTrue(
      lines.contains(#""x_list":[[],{"k":[1,{"deep":"v"}]}]"#), lines)
    // The bidi control is escaped, never raw (the line was written again, not copied).
    XCTAssertTrue(
      lines.contains(#""x_text":"tab\there \"quoted\" \u202e rtl""#), lines)
    XCTAssertFalse(lines.contains("\u{202E}"))
    XCTAssertEqual(lines.split(separator: "\n").count, 3)
    let copy = try tempData([
      "parties.json": Self.parties, "sources.json": Self.sources,
      "records.jsonl": lines,
    ])
    XCTAssertEqual(try run(["validate", "--data", copy]).status, 0)
    XCTAssertEqual(try jsonl(copy), lines)
  }

  func testJSONOfAnEnvelopeKeepsEveryExtensionFieldAndLoadsBackTheSame() throws
  {
    let dir = try extensionData()
    let json = try run(["list", "--data", dir, "--format", "json"])
    XCTAssertEqual(json.status, 0, json.stderr)
    XCTAssertTrue(
      json.stdout.hasPrefix(
        "{\"schema\": 1, \"type\": \"records\", \"items\": [\n  {\"id\":\"r1\""),
      json.stdout)
    XCTAssertTrue(json.stdout.hasSuffix("}\n]}\n"), json.stdout)
    let copy = try tempData([
      "parties.json": Self.parties, "sources.json": Self.sources,
      "records.json": json.stdout,
    ])
    XCTAssertEqual(try run(["validate", "--data", copy]).status, 0)
    XCTAssertEqual(try jsonl(copy), try jsonl(dir))
    let none = try run([
      "list", "--data", dir, "--format", "json", "--search", "nothing-matches",
    ])
    XCTAssertEqual(
      none.stdout, "{\"schema\": 1, \"type\": \"records\", \"items\": [\n]}\n")
  }

  func
    testCSVOfAnEnvelopeKeepsExtensionFieldsInOneColumnThatTheImportReadsBack()
    throws
  {
    let dir = try extensionData()
    let csv = try run(["list", "--data", dir, "--format", "csv"])
    XCTAssertEqual(csv.status, 0, csv.stderr)
    let rows = CSVReader.rows(csv.stdout)
    XCTAssertEqual(
      rows[0].fields, RecordColumns.names + [RecordColumns.extensionsName])
    XCTAssertEqual(rows[2].fields.last, "")
    XCTAssertEqual(
      rows[3].fields.last,
      #"{"x_empty":{},"x_list":[[],{"k":[1,{"deep":"v"}]}]}"#)
    let place = try tempData(["all.csv": csv.stdout])
    let imported = try run([
      "import", "csv", place + "/all.csv", "--date-column", "date",
      "--party-columns", "parties",
      "--headline-column", "headline", "--schema-columns", "--out",
      place + "/copy",
    ])
    XCTAssertEqual(imported.status, 0, imported.stderr)
    // The same extension members, in the same records (the import cites its own rows).
    func extensions(_ text: String) -> [String] {
      text.split(separator: "\n").map { line in
        line.components(separatedBy: ",\"x_").dropFirst().map { "x_" + $0 }
          .joined(separator: ",")
      }
    }
    let again = try jsonl(place + "/copy")
    XCTAssertEqual(extensions(again), extensions(try jsonl(dir)))
    let csvAgain = CSVReader.rows(
      try run(["list", "--data", place + "/copy", "--format", "csv"]).stdout)
    XCTAssertEqual(csvAgain.map { $0.fields.last }, rows.map { $0.fields.last })
  }

  func testAnImportRefusesAnExtensionCellThatIsNotAnObjectOfXFields() throws {
    let header = RecordColumns.names.joined(separator: ",") + ",x_fields\n"
    let cells = [
      "r1", "2023-01-01", "day", "", "", "", "", "", "", "event", "a:actor", "",
      "H", "", "", "", "", "", "", "", "",
      "s", "", "", "", "", "",
    ]
    let place = try tempData([
      "a.csv": header + cells.joined(separator: ",") + ",\"{\"\"id\"\":1}\"\n"
        + cells.joined(separator: ",").replacingOccurrences(
          of: "r1", with: "r2") + ",[1]\n"
    ])
    let r = try run([
      "import", "csv", place + "/a.csv", "--date-column", "date",
      "--party-columns", "parties",
      "--headline-column", "headline", "--schema-columns", "--out",
      place + "/copy",
    ])
    XCTAssertTrue(
      r.stderr.contains(#"column "x_fields" holds "id", not an x_ field"#),
      r.stderr)
    XCTAssertTrue(
      r.stderr.contains(#"column "x_fields" is not a JSON object"#), r.stderr)
  }

  /// Figures (a qualifier, a range, a unit, a number a double cannot hold), `also` sources
  /// with and without a quote, and `x_` fields: each field a record can hold.
  static let figureRecords = """
    {"schema": 1, "type": "records", "items": [
      {"id": "r1", "date": "2023-01-01", "kind": "figure",
       "parties": [{"id": "a", "role": "actor"}], "headline": "Alpha counts",
       "source": "s", "quote": {"exact": "Alpha said yes."},
       "also": [{"source": "s2", "quote": {"exact": "Gamma counted 135 people."}}, {"source": "s2"}],
       "figures": [{"label": "hostages", "value": 135, "qualifier": "about", "unit": "people"},
                   {"label": "dead", "value": 200, "value_max": 250.5, "qualifier": "at least"},
                   {"label": "big \\"one\\"", "value": 9007199254740993}],
       "x_review": {"by": "ana"}},
      {"id": "r2", "date": "2023-01-02", "kind": "statement",
       "parties": [{"id": "b", "role": "subject"}], "headline": "Beta speaks",
       "source": "s", "quote": {"exact": "Beta said no."}, "tags": ["t1", "t2"]},
      {"id": "r3", "date": "2023-01-03", "kind": "event",
       "parties": [{"id": "a", "role": "actor"}], "headline": "Alpha again", "source": "s2",
       "also": [{"source": "s"}], "x_list": [1, {"k": "v"}]}
    ]}

    """
  static let figureSources = """
    {"schema":1,"type":"sources","items":[{"id":"s","outlet":"O","title":"T","text":"Alpha said yes. Beta said no."},
    {"id":"s2","outlet":"P","title":"U","text":"Gamma counted 135 people."}]}
    """

  func
    testCSVKeepsFiguresAlsoAndExtensionFieldsAndTheImportGivesTheSameRecords()
    throws
  {
    let dir = try tempData([
      "parties.json": Self.parties, "sources.json": Self.figureSources,
      "records.json": Self.figureRecords,
    ])
    XCTAssertEqual(try run(["validate", "--data", dir]).status, 0)
    let csv = try run(["list", "--data", dir, "--format", "csv"])
    XCTAssertEqual(csv.status, 0, csv.stderr)
    let rows = CSVReader.rows(csv.stdout)
    XCTAssertEqual(
      rows[0].fields,
      RecordColumns.names + RecordColumns.jsonNames + [
        RecordColumns.extensionsName
      ])
    let figures = RecordColumns.names.count
    XCTAssertEqual(
      rows[1].fields[figures],
      #"[{"label":"hostages","value":135,"qualifier":"about","unit":"people"},{"label":"dead","value":200,"value_max":250.5,"qualifier":"at least"},{"label":"big \"one\"","value":9007199254740993}]"#
    )
    XCTAssertEqual(rows[2].fields[figures..<figures + 3], ["", "", ""])
    XCTAssertEqual(rows[3].fields[figures + 1], #"[{"source":"s"}]"#)
    // The directory the import writes holds only its rows' sources: the sources `also`
    // names stand beside it in a file of their own.
    let place = try tempData(["all.csv": csv.stdout])
    try FileManager.default.createDirectory(
      atPath: place + "/copy", withIntermediateDirectories: true)
    try Data(Self.figureSources.utf8).write(
      to: URL(fileURLWithPath: place + "/copy/cited.json"))
    let imported = try run([
      "import", "csv", place + "/all.csv", "--date-column", "date",
      "--party-columns", "parties",
      "--headline-column", "headline", "--schema-columns", "--out",
      place + "/copy", "--force",
    ])
    XCTAssertEqual(imported.status, 0, imported.stderr)
    XCTAssertEqual(try run(["validate", "--data", place + "/copy"]).status, 0)
    // The same records, field for field, but for `source` and `quote` (the import cites its rows).
    func records(_ text: String) throws -> [NSDictionary] {
      try text.split(separator: "\n").map { line in
        let object = try XCTUnwrap(
          JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return object.filter { $0.key != "source" && $0.key != "quote" }
          as NSDictionary
      }
    }
    let original = try jsonl(dir)
    let again = try jsonl(place + "/copy")
    XCTAssertEqual(try records(again), try records(original))
    // Numbers as written, not as a double holds them.
    XCTAssertTrue(again.contains(#""value":9007199254740993}]"#), again)
    XCTAssertTrue(again.contains(#""value_max":250.5"#), again)
    XCTAssertEqual(again.split(separator: "\n").count, 3)
  }

  func testAnImportRefusesAFiguresOrAlsoCellTheLoaderWouldRefuse() throws {
    let header =
      (RecordColumns.names + RecordColumns.jsonNames).joined(separator: ",")
      + "\n"
    func row(_ id: String, _ figures: String, _ also: String) -> String {
      let cells = [
        id, "2023-01-01", "day", "", "", "", "", "", "", "event", "a:actor", "",
        "H", "", "", "", "", "", "", "", "",
        "s", "", "", "", "", "",
      ]
      return cells.joined(separator: ",") + ","
        + CSVWriter.row([figures, also]).dropLast()
    }
    let text =
      header + row("r1", #"[{"label":"n","value":"many"}]"#, "") + "\n"
      + row("r2", #"[{"label":"n","value":250,"value_max":200}]"#, "") + "\n"
      + row("r3", #"[{"label":"n","value":1,"qualifier":"roughly"}]"#, "")
      + "\n"
      + row("r4", "", #"{"source":"s"}"#) + "\n"
      + row("r5", "", #"[{"quote":{"exact":"x"}}]"#) + "\n"
      + row(
        "r6", #"[{"label":"n","value":1,"unit":"km"}]"#, #"[{"source":"s"}]"#)
      + "\n"
    let place = try tempData(["a.csv": text])
    let r = try run([
      "import", "csv", place + "/a.csv", "--date-column", "date",
      "--party-columns", "parties",
      "--headline-column", "headline", "--schema-columns", "--out",
      place + "/copy",
    ])
    XCTAssertTrue(
      r.stderr.contains(
        #"column "figures": figures[0].value: expected a number, got "many""#),
      r.stderr)
    XCTAssertTrue(
      r.stderr.contains(
        #"column "figures": figures[0].value_max: expected a number not below value (250.0), got 200.0"#
      ), r.stderr)
    XCTAssertTrue(
      r.stderr.contains(
        #"column "figures": figures[0].qualifier: expected one of"#), r.stderr)
    XCTAssertTrue(
      r.stderr.contains(#"column "also" is not a JSON array"#), r.stderr)
    XCTAssertTrue(
      r.stderr.contains(
        #"column "also": also[0].source: required field is missing"#), r.stderr)
    let records = try String(
      contentsOfFile: place + "/copy/records.jsonl", encoding: .utf8)
    XCTAssertEqual(records.split(separator: "\n").count, 1)
    XCTAssertTrue(records.contains(#""also":[{"source":"s"}]"#), records)
    XCTAssertTrue(
      records.contains(#""figures":[{"label":"n","value":1,"unit":"km"}]"#),
      records)
  }
}
