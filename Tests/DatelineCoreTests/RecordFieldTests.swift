import Foundation
import XCTest

@testable import DatelineCore

/// The field table (`RecordField`) walked against everything that names a record field:
/// `Record`'s properties, both decoders, the CSV header and cells, the detail labels and
/// the search. A field added to one of them and not to the table (or the other way
/// round) fails here.
final class RecordFieldTests: XCTestCase {
  /// A record with every field set, each text holding a word no other field has.
  static let full = #"""
    {"id":"r1","date":"2023-11-20","time":"09:30","utc_offset":"+02:00","date_approx":true,"date_inferred":true,"date_note":"from echo","end_date":"2023-11-30","kind":"claim","parties":[{"id":"a","role":"actor"},"b"],"headline":"Alpha said so","summary":"Bravo text","attribution":{"claimant":"a","text":"charlie says","basis":"named"},"source":"s1","quote":{"exact":"the first quote"},"also":[{"source":"s2","quote":{"exact":"the second quote"}}],"tags":["delta"],"related":["r2"],"disputes":["r2"],"revises":["r2"],"figures":[{"label":"hostages","value":135,"qualifier":"about"}]}
    """#
  /// The one field the full record cannot carry beside a time: a week.
  static let week = #"""
    {"id":"r2","date":"2023-11-01","date_precision":"week","kind":"event","parties":["b"],"headline":"Foxtrot","source":"s2"}
    """#

  func corpus() throws -> Corpus {
    let dir = NSTemporaryDirectory() + "dateline-fields-\(getpid())"
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(
      atPath: dir, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    let parties = #"""
      {"schema":1,"type":"parties","items":[{"id":"a","name":"Able"},{"id":"b","name":"Baker","aliases":["golf"]}]}
      """#
    let sources = #"""
      {"schema":1,"type":"sources","items":[{"id":"s1","outlet":"O","title":"T","url":"https://example.org","text":"Here is the first quote."},{"id":"s2","outlet":"P","title":"U","text":"And the second quote."}]}
      """#
    try parties.write(
      toFile: dir + "/parties.json", atomically: true, encoding: .utf8)
    try sources.write(
      toFile: dir + "/sources.json", atomically: true, encoding: .utf8)
    try (RecordFieldTests.full + "\n" + RecordFieldTests.week + "\n").write(
      toFile: dir + "/records.jsonl", atomically: true, encoding: .utf8)
    let fast = try CorpusLoader.load(directory: dir)
    let reference = try CorpusLoader.loadReference(directory: dir)
    XCTAssertEqual(fast.issues.map(\.description), [])
    XCTAssertEqual(fast.corpus.records, reference.corpus.records)
    return fast.corpus
  }

  func full(_ corpus: Corpus) throws -> Record {
    try XCTUnwrap(corpus.record("r1"))
  }

  func testEveryPropertyOfRecordIsARowOfTheTable() {
    let record = Record(
      id: "r",
      date: RecordDate(firstDay: CalendarDay(dayNumber: 0), precision: .day),
      kind: .event, parties: [.init(id: "a")], headline: "h", source: "s")
    let properties = Set(
      Mirror(reflecting: record).children.compactMap(\.label))
    XCTAssertEqual(
      properties.subtracting(["extensions"]),
      Set(RecordField.allCases.map(\.row.property)))
    // The name of each case is its property, but for the member the date holds.
    for field in RecordField.allCases where field != .datePrecision {
      XCTAssertEqual("\(field)", field.row.property)
    }
  }

  func testBothDecodersReadEveryFieldOfTheTable() throws {
    let corpus = try corpus()
    let r = try full(corpus)
    // The fixture sets every property (a new field needs a value in it).
    for child in Mirror(reflecting: r).children
    where child.label != "extensions" {
      let value = "\(child.value)"
      XCTAssertFalse(
        value == "nil" || value == "[]" || value == "false" || value.isEmpty,
        "the full record lacks \(child.label ?? "?")")
    }
    XCTAssertEqual(corpus.record("r2")?.date.precision, .week)
    XCTAssertEqual(ItemDecoding.recordFields, RecordField.keys)
    for field in RecordField.allCases {
      let line = field == .datePrecision ? Self.week : Self.full
      XCTAssertTrue(line.contains("\"\(field.key)\":"), field.key)
    }
    // The fast scan takes both lines itself (no key sends them to the reference).
    var chunk = RecordScanChunk()
    for (k, line) in [Self.full, Self.week].enumerated() {
      let bytes = Array(line.utf8)
      let taken = bytes.withUnsafeBytes {
        RecordItemScan.scan(
          $0, offset: 0, depthBase: 0, ordinal: Int32(k),
          parties: corpus.partyLookup.view, into: &chunk)
      }
      XCTAssertTrue(taken, line)
    }
    // And the JSON export writes every field back, each once.
    XCTAssertEqual(Record.jsonOrder.count, RecordField.allCases.count)
    XCTAssertEqual(Set(Record.jsonOrder), Set(RecordField.allCases))
    XCTAssertEqual(
      try XCTUnwrap(corpus.record("r2")).jsonObject,
      Self.week.replacingOccurrences(
        of: #"["b"]"#, with: #"[{"id":"b","role":"participant"}]"#))
    let written = r.jsonObject
    for field in RecordField.allCases where field != .datePrecision {
      XCTAssertTrue(written.contains("\"\(field.key)\":"), field.key)
    }
  }

  /// The table's `required` is the decoder's: the full record without a required
  /// field is refused, without any other field it still decodes.
  func testTheRequiredFieldsAreThoseTheDecoderRequires() throws {
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(Self.full.utf8))
        as? [String: Any])
    for field in RecordField.allCases where field != .datePrecision {
      var without = object
      without[field.key] = nil
      // An offset is allowed only beside a time.
      if field == .time { without["utc_offset"] = nil }
      let bytes = Array(try JSONSerialization.data(withJSONObject: without))
      let node = try bytes.withUnsafeBytes { try JSONParser.parse($0) }
      var reader = ItemReader()
      let record = ItemDecoding.record(node, &reader)
      XCTAssertEqual(record == nil, field.row.required, field.key)
    }
  }

  func testTheCSVHeaderIsTheTablesColumnsAndEveryFieldHasItsCell() throws {
    let corpus = try corpus()
    let r = try full(corpus)
    let plain = RecordField.allCases.filter { !$0.row.jsonCell }
    XCTAssertEqual(RecordColumns.names, plain.flatMap(\.row.csv))
    XCTAssertEqual(
      RecordColumns.jsonNames,
      RecordField.allCases.filter(\.row.jsonCell).map(\.column))
    let values = RecordColumns.values(r, in: corpus)
    XCTAssertEqual(values.count, RecordColumns.names.count)
    for field in plain {
      var cells: [String] = []
      RecordColumns.appendCells(field, r, corpus, to: &cells)
      XCTAssertEqual(cells.count, field.row.csv.count, field.key)
      let own = try XCTUnwrap(RecordColumns.names.firstIndex(of: field.column))
      XCTAssertFalse(values[own].isEmpty, "no \(field.column) cell")
    }
    for (name, cell) in zip(
      RecordColumns.jsonNames, RecordColumns.jsonValues(r))
    {
      XCTAssertFalse(cell.isEmpty, "no \(name) cell")
    }
  }

  /// What the CSV export writes of each field, `import csv --schema-columns` reads
  /// back: every property but the source and quote (an import cites its own rows).
  func testEveryFieldComesBackThroughACSVImport() throws {
    let corpus = try corpus()
    let header = RecordColumns.names + RecordColumns.jsonNames
    var csv = CSVWriter.row(header)
    for r in corpus.records {
      csv += CSVWriter.row(
        RecordColumns.values(r, in: corpus) + RecordColumns.jsonValues(r))
    }
    var options = EventTableImport.Options(
      dateColumn: RecordField.date.column,
      partyColumns: [RecordField.parties.column],
      headlineColumn: RecordField.headline.column, fileName: "x.csv")
    options.schemaColumns = true
    let imported = try EventTableImport(
      rows: CSVReader.rows(csv), options: options)
    XCTAssertEqual(imported.rejected, [])
    XCTAssertEqual(imported.records.count, corpus.records.count)
    for (original, back) in zip(corpus.records, imported.records) {
      let fields = zip(
        Mirror(reflecting: original).children, Mirror(reflecting: back).children
      )
      for (a, b) in fields where a.label != "source" && a.label != "quote" {
        XCTAssertEqual(
          "\(a.value)", "\(b.value)", "\(original.id) \(a.label ?? "?")")
      }
    }
  }

  func testEveryLabelOfTheTableShowsInTheDetail() throws {
    let corpus = try corpus()
    let detail = RecordDetail(record: try full(corpus), corpus: corpus)
    var labels = Set<String>()
    for line in detail.lines {
      switch line.kind {
      case .field(let label), .link(let label, _): labels.insert(label)
      default: break
      }
    }
    let table = Set(RecordField.allCases.compactMap(\.row.detail))
    XCTAssertEqual(table.subtracting(labels), [])
    // The labels that are not a field's: the source's URL, the reverse links and a
    // quote under its source.
    let others: Set = [
      RecordDetail.urlLabel, RecordDetail.disputedByLabel,
      RecordDetail.revisedByLabel, "",
    ]
    XCTAssertTrue(
      labels.subtracting(table).isSubset(of: others),
      "\(labels.subtracting(table))")
    // The label column fits the longest label and its colon ("Revised from: ").
    XCTAssertEqual(RecordDetail.labelWidth, 14)
    XCTAssertEqual(detail.lines.first?.value, "Alpha said so")
    XCTAssertTrue(
      detail.lines.contains { $0.kind == .text && $0.value == "Bravo text" })
  }

  func testSearchReadsTheTablesSearchedFieldsAndNoOther() throws {
    let corpus = try corpus()
    let r = try full(corpus)
    let index = try XCTUnwrap(corpus.recordIndex["r1"])
    let words = [
      RecordField.headline: "alpha", .summary: "bravo", .attribution: "charlie",
      .tags: "delta",
    ]
    XCTAssertEqual(Set(words.keys), Set(RecordField.searched))
    for field in RecordField.searched {
      let word = try XCTUnwrap(words[field])
      XCTAssertTrue(
        field.searchTexts(of: r).joined().lowercased().contains(word))
      let located = SearchField.locate([word], in: r, corpus: corpus)
      XCTAssertEqual(located, [field.row.search], field.key)
      XCTAssertTrue(TextMatcher([word], corpus: corpus).matches(index), word)
    }
    // A text field that is not searched: the date note's word finds nothing.
    XCTAssertNil(RecordField.dateNote.row.search)
    XCTAssertFalse(TextMatcher(["echo"], corpus: corpus).matches(index))
    XCTAssertEqual(
      SearchField.locate(["golf"], in: r, corpus: corpus), [.partyAlias])
  }
}
