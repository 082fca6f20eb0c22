import DatelineCore
import Foundation
import XCTest

/// What an import writes stays proportional to what it reads, and what it keeps loads.
extension EventTableImportTests {
  func plain(_ file: String = "e.csv") -> EventTableImport.Options {
    EventTableImport.Options(
      dateColumn: "date", partyColumns: ["actor"], headlineColumn: "notes",
      fileName: file)
  }

  /// 1,000 columns with 1 KB names: each row's source holds the three columns it reads,
  /// not the whole header again (the 1 MB CSV became a 39 MB sources.json).
  func testASourceCarriesOnlyTheColumnsTheImportReads() throws {
    let wide = (0..<1000).map { "c\($0)" + String(repeating: "x", count: 1000) }
    var csv =
      (["date", "actor"] + wide + ["notes"]).joined(separator: ",") + "\n"
    for r in 0..<40 {
      csv +=
        (["2023-01-01", "A"] + Array(repeating: "v", count: 1000) + ["h\(r)"])
        .joined(separator: ",") + "\n"
    }
    let result = try EventTableImport(
      rows: CSVReader.rows(csv), options: plain())
    XCTAssertEqual(result.records.count, 40)
    XCTAssertEqual(
      result.sources.first?.text, "date,actor,notes\n2023-01-01,A,h0")
    XCTAssertEqual(result.records.first?.quote?.exact, "2023-01-01,A,h0")
    let written = result.files.reduce(0) { $0 + $1.contents.utf8.count }
    XCTAssertLessThan(
      written, csv.utf8.count / 10, "the output is a fraction of the input")
  }

  func testACellWithACommaOrQuoteIsQuotedInTheSourceAndStillFound() throws {
    let csv = "date,actor,notes,extra\n2023-01-01,A,\"a, \"\"b\"\"\",zzz\n"
    let result = try EventTableImport(
      rows: CSVReader.rows(csv), options: plain())
    XCTAssertEqual(
      result.sources.first?.text,
      "date,actor,notes\n2023-01-01,A,\"a, \"\"b\"\"\"")
    XCTAssertEqual(result.records.first?.headline, "a, \"b\"")
  }

  /// A cell over the loader's 1 MiB limit: the row is rejected with the loader's reason,
  /// and no trace of it (a note, a party) stays.
  func testARowTheLoaderWouldRefuseIsRejectedWithItsReason() throws {
    let big = String(repeating: "x", count: 1_100_000)
    let csv =
      "date,actor,notes\n2023-01-01,A,fine\n2023-01-02,B,\(big)\n2023-01-03,\(big),fine\n"
    let result = try EventTableImport(
      rows: CSVReader.rows(csv), options: plain())
    XCTAssertEqual(result.records.map(\.headline), ["fine"])
    XCTAssertEqual(result.rejected.map(\.line), [3, 4])
    XCTAssertEqual(
      result.rejected.map(\.message),
      [
        "column \"notes\" holds 1100000 bytes, over the loader's 1 MiB limit for a string",
        "column \"actor\" holds 1100000 bytes, over the loader's 1 MiB limit for a string",
      ])
    XCTAssertEqual(result.notes, [])
    XCTAssertEqual(result.parties.map(\.id.rawValue), ["a"])
  }

  /// The net behind the early checks: what else the loader refuses is refused here with
  /// its words. An ESC is 0 columns to the importer's measure but 1 (as ␛) to the loader's.
  func testTheLoadersOwnReasonRejectsWhatNoEarlyCheckCovers() throws {
    let headline = "\u{1B}" + String(repeating: "a", count: 100)
    let csv = "date,actor,notes\n2023-01-01,A,ok\n2023-01-02,B,\(headline)\n"
    let result = try EventTableImport(
      rows: CSVReader.rows(csv), options: plain())
    XCTAssertEqual(result.records.count, 1)
    XCTAssertEqual(
      result.rejected.map(\.description),
      [
        "line 3: the loader would refuse it: headline: expected at most 100 columns, got 101"
      ])
  }

  func testInvalidUTF8IsAnErrorWithItsLineAndByteOffset() throws {
    let bytes =
      Array("date,actor,notes\n2023-01-01,A,ok\n2023-01-02,B".utf8) + [0xFF]
      + Array(",bad\n".utf8)
    let result = try EventTableImport(
      rows: CSVReader.rows(bytes: bytes), options: plain())
    XCTAssertEqual(result.records.count, 1)
    XCTAssertEqual(
      result.rejected.map(\.description),
      ["line 3: invalid UTF-8 (byte 0xFF at byte offset 45 of the file)"])
    let header =
      [0xEF, 0xBB, 0xBF] + Array("da".utf8) + [0xC3]
      + Array("te,actor,notes\n".utf8)
    XCTAssertThrowsError(
      try EventTableImport(
        rows: CSVReader.rows(bytes: header), options: plain())
    ) {
      XCTAssertEqual(
        "\($0)",
        "line 1 (the header): invalid UTF-8 (byte 0xC3 at byte offset 5 of the file)"
      )
    }
  }

  func testABOMIsNotPartOfAColumnName() throws {
    let csv = "\u{FEFF}date,actor,notes\n2023-01-01,A,ok\n"
    XCTAssertThrowsError(
      try EventTableImport(
        rows: CSVReader.rows(csv),
        options: .init(
          dateColumn: "day", partyColumns: ["actor"], headlineColumn: "notes",
          fileName: "e.csv"))
    ) {
      XCTAssertEqual(
        "\($0)",
        "no column \"day\" in the header; the columns are \"date\", \"actor\", \"notes\""
      )
    }
    XCTAssertEqual(
      try EventTableImport(rows: CSVReader.rows(csv), options: plain()).records
        .count, 1)
  }
}
