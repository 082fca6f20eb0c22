import DatelineCore
import Foundation
import XCTest

/// Export and citations on the seed corpus: CSV round trip, Markdown, citation text.
final class ExportTests: XCTestCase {
  static let dataPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("../../Data").standardized.path

  func corpus() throws -> Corpus {
    try CorpusLoader.load(directory: Self.dataPath).corpus
  }

  /// Every column a record has survives CSV and the importer; only the source differs
  /// (an import cites its own rows).
  func testCSVReimportedGivesTheSameRecords() throws {
    let c = try corpus()
    var csv = CSVWriter.row(RecordColumns.names)
    for i in c.records.indices {
      csv += CSVWriter.row(RecordColumns.values(c.records[i], in: c))
    }
    var o = EventTableImport.Options(
      dateColumn: "date", partyColumns: ["parties"], headlineColumn: "headline",
      fileName: "x.csv")
    o.schemaColumns = true
    let imported = try EventTableImport(rows: CSVReader.rows(csv), options: o)
    XCTAssertEqual(imported.rejected, [])
    XCTAssertEqual(imported.notes, [])
    XCTAssertEqual(imported.records.count, c.records.count)
    for (i, back) in imported.records.enumerated() {
      var original = c.records[i]
      original.source = back.source
      original.quote = back.quote
      original.also = []
      original.figures = []
      XCTAssertEqual(back, original, original.id.rawValue)
    }
    XCTAssertEqual(
      Set(imported.parties.map(\.name)).isSubset(
        of: Set(c.parties.map(\.name))), true,
      "party names come back from party_names")
  }

  func testMarkdownCellsEscapeTableSyntaxAndControls() {
    XCTAssertEqual(MarkdownTable.cell("a | b"), "a \\| b")
    XCTAssertEqual(
      MarkdownTable.cell("*x* <b>\n[y]"), "\\*x\\* \\<b\\> \\[y\\]")
    XCTAssertEqual(MarkdownTable.cell("esc\u{1B}[31m"), "esc␛\\[31m")
  }

  func testMarkdownTableHasAHeaderAndOneLinePerRecord() throws {
    let c = try corpus()
    let lines = MarkdownTable.render(rows: [0, 1], of: c).split(separator: "\n")
    XCTAssertEqual(lines.count, 4)
    XCTAssertEqual(
      lines[0], "| Date | Kind | Parties | Headline | Attribution | Source |")
    XCTAssertEqual(lines[1], "|---|---|---|---|---|---|")
    XCTAssertTrue(
      lines[2].hasPrefix(
        "| 2023-10-07 | event | Hamas, Hostages | Hostages abducted"),
      String(lines[2]))
  }

  func testCitationOfASeedRecord() throws {
    let c = try corpus()
    let r = try XCTUnwrap(c.record("pmo-135-116"))
    let text = Citation(record: r, corpus: c).text
    let lines = text.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines[0], "Israeli PMO: 135 hostages remain in Gaza, 116 of them alive")
    XCTAssertEqual(lines[1], "Date: 2023-12-12 (inferred) (precision: day)")
    XCTAssertEqual(
      lines[2],
      "Parties: Israeli Prime Minister's Office (actor); Hostages held in Gaza (subject)"
    )
    XCTAssertTrue(
      lines[3].hasPrefix(
        "Attribution: the Israeli prime minister’s office believes (basis: official)"
      ), lines[3])
    XCTAssertTrue(lines[4].hasPrefix("Quote: “"), lines[4])
    XCTAssertTrue(
      lines[5].hasPrefix("Source: CNN, “Hamas not responding"), lines[5])
    XCTAssertTrue(lines.contains("Record: pmo-135-116"))
  }

  func testCitationIsSanitizedAndOSC52CarriesItInBase64() throws {
    let c = Corpus(
      parties: [Party(id: "a", name: "A\u{1B}]52;c;ZXZpbA==\u{07}")],
      sources: [
        Source(id: "s", outlet: "O\nForged: line", title: "T", text: "x")
      ],
      records: [
        Record(
          id: "r", date: RecordDate.parse("2023-12")!, kind: .claim,
          parties: [.init(id: "a")],
          headline: "H\u{1B}[2J", source: "s")
      ])
    let cite = Citation(record: c.records[0], corpus: c)
    XCTAssertFalse(
      cite.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    XCTAssertEqual(cite.text.split(separator: "\n").first, "H␛[2J")
    XCTAssertTrue(cite.text.contains("Source: O Forged: line"))
    XCTAssertTrue(cite.text.contains("Date: December 2023 (precision: month)"))
    let osc = cite.osc52
    XCTAssertTrue(osc.hasPrefix("\u{1B}]52;c;"))
    XCTAssertTrue(osc.hasSuffix("\u{07}"))
    let payload = String(osc.dropFirst(7).dropLast())
    XCTAssertEqual(
      Data(base64Encoded: payload).map { String(decoding: $0, as: UTF8.self) },
      cite.text)
  }
}

/// The progress line: what a person sees while a large directory loads.
final class LoadProgressTests: XCTestCase {
  func testLinesWhileLoadingAndWhenDone() {
    let s = LoadProgress.Snapshot(
      files: 2, bytes: 18_200_000, records: 41_234, checking: false)
    XCTAssertEqual(
      s.line(totalFiles: 3, totalBytes: 26_000_000, seconds: 0.5),
      "loading 2/3 files, 41,234 records, 18.2 of 26.0 MB, 36.4 MB/s")
    var c = s
    c.checking = true
    XCTAssertTrue(
      c.line(totalFiles: 3, totalBytes: 26_000_000, seconds: 0.5).hasSuffix(
        "; checking references and quotes"))
    XCTAssertEqual(
      s.line(totalFiles: 3, totalBytes: 26_000_000, seconds: 2, done: true),
      "loaded 3 files, 41,234 records, 26.0 MB in 2.0 s (13.0 MB/s)")
  }

  func testTheLoaderCountsWhatItScans() throws {
    let progress = LoadProgress()
    let result = try CorpusLoader.load(
      directory: ExportTests.dataPath, progress: progress)
    let s = progress.snapshot
    XCTAssertEqual(s.files, 3)
    XCTAssertEqual(s.records, result.corpus.records.count)
    XCTAssertTrue(s.checking)
    let total = try CorpusLoader.dataFileSizes(in: ExportTests.dataPath).reduce(
      0
    ) { $0 + $1.bytes }
    XCTAssertGreaterThan(s.bytes, 0)
    XCTAssertLessThanOrEqual(s.bytes, total)
  }
}
