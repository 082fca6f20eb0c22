import DatelineCore
import Foundation
import XCTest

/// EventTableImport: rows to records, every rejected row reported by line, output loads.
final class EventTableImportTests: XCTestCase {
  static let acled = """
    event_id_cnty,event_date,event_type,actor1,actor2,notes
    ISR1,12 December 2023,Battles,Military Forces of Israel,Hamas,Clashes reported near the camp.
    ISR2,2023-13-01,Battles,Hamas,,Bad date.
    ISR3,13 December 2023,Protests,,,No actor at all.
    ISR1,14 December 2023,Battles,Hamas,,Same id again.
    ISR5,15 December 2023,Strategic developments,Hamas; Qatar,Hostages,"A note, with a comma
    and a second line."
    ISR6,16 December 2023,Battles,Hamas
    ISR7,17 December 2023,Protests,Civilians,,

    """

  func options() -> EventTableImport.Options {
    var o = EventTableImport.Options(
      dateColumn: "event_date", partyColumns: ["actor1", "actor2"],
      headlineColumn: "notes", fileName: "acled.csv")
    o.idColumn = "event_id_cnty"
    o.roles = [.actor, .target]
    o.tagColumns = ["event_type"]
    return o
  }

  func testRowsBecomeRecordsAndRejectedRowsAreReportedByLine() throws {
    let result = try EventTableImport(
      rows: CSVReader.rows(Self.acled), options: options())
    XCTAssertEqual(result.records.map(\.id.rawValue), ["isr1", "isr5"])
    XCTAssertEqual(
      result.rejected.map(\.description),
      [
        "line 3: date \"2023-13-01\" is not one of \(EventDate.forms)",
        "line 4: no party in columns \"actor1\", \"actor2\"",
        "line 5: duplicate id \"isr1\" (first on line 2)",
        "line 8: 4 fields, but the header has 6",
        "line 9: no headline in column \"notes\"",
      ])
    let first = result.records[0]
    XCTAssertEqual(first.date.description, "2023-12-12")
    XCTAssertEqual(
      first.parties,
      [
        .init(id: "military-forces-of-israel", role: .actor),
        .init(id: "hamas", role: .target),
      ])
    XCTAssertEqual(first.tags, ["Battles"])
    XCTAssertEqual(first.kind, .event)
    let multi = result.records[1]
    XCTAssertEqual(
      multi.parties.map(\.id.rawValue), ["hamas", "qatar", "hostages"])
    XCTAssertEqual(multi.parties.map(\.role), [.actor, .actor, .target])
    XCTAssertEqual(multi.headline, "A note, with a comma and a second line.")
    XCTAssertEqual(
      result.parties.map(\.name),
      ["Military Forces of Israel", "Hamas", "Qatar", "Hostages"])
  }

  func testEachRecordQuotesItsRowInItsOwnSource() throws {
    let result = try EventTableImport(
      rows: CSVReader.rows(Self.acled), options: options())
    let r = result.records[1]
    let source = try XCTUnwrap(result.sources.first { $0.id == r.source })
    XCTAssertEqual(source.title, "acled.csv, line 6")
    XCTAssertTrue(source.text.hasPrefix("event_id_cnty,event_date,"))
    let quote = try XCTUnwrap(r.quote)
    XCTAssertTrue(quote.exact.hasPrefix("ISR5,15 December 2023"))
    XCTAssertTrue(quote.exact.hasSuffix("a second line.\""))
    XCTAssertEqual(
      result.sources.count, 2, "sources of rejected rows are not written")
  }

  func testTheWrittenDirectoryLoadsWithoutErrors() throws {
    let result = try EventTableImport(
      rows: CSVReader.rows(Self.acled), options: options())
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, contents) in result.files {
      try Data(contents.utf8).write(to: dir.appendingPathComponent(name))
    }
    let loaded = try CorpusLoader.load(directory: dir.path)
    XCTAssertEqual(loaded.issues.map(\.description), [])
    XCTAssertEqual(loaded.corpus.records.count, 2)
    XCTAssertEqual(loaded.corpus.parties.count, 4)
  }

  func testAMissingColumnIsAHeaderErrorNamingTheColumns() {
    var o = options()
    o.headlineColumn = "headline"
    XCTAssertThrowsError(
      try EventTableImport(rows: CSVReader.rows(Self.acled), options: o)
    ) { error in
      let e = error as? EventTableImport.HeaderError
      XCTAssertEqual(
        e?.description,
        "no column \"headline\" in the header; the columns are \"event_id_cnty\", \"event_date\", \"event_type\", \"actor1\", \"actor2\", \"notes\""
      )
    }
  }

  func testLongHeadlinesAreCutAndKeptInFullAsTheSummary() throws {
    let long = String(repeating: "word ", count: 30).trimmingCharacters(
      in: .whitespaces)
    let rows = CSVReader.rows("d,p,h\n2023,x,\(long)\n")
    let result = try EventTableImport(
      rows: rows,
      options: .init(
        dateColumn: "d", partyColumns: ["p"], headlineColumn: "h",
        fileName: "f.csv"))
    XCTAssertEqual(DisplayWidth.of(result.records[0].headline), 100)
    XCTAssertEqual(result.records[0].summary, long)
    XCTAssertEqual(
      result.notes.map(\.description),
      ["line 2: headline cut to 100 columns (the full text is the summary)"])
    XCTAssertEqual(result.records[0].id.rawValue, "row-2")
  }
}
