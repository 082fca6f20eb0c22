import DatelineCore
import Foundation
import XCTest

/// Loader rules for directories, files and envelopes (SCHEMA.md top section and "Errors").
final class CorpusLoaderTests: XCTestCase {
  // MARK: - Directories

  func testAMissingDirectoryThrowsADirectoryError() {
    let path = Fixtures.path("no-such-fixture-directory")
    do {
      _ = try CorpusLoader.load(directory: path)
      XCTFail("expected a DirectoryError")
    } catch {
      XCTAssertEqual(error.path, path)
      XCTAssertEqual(error.message, "no such directory")
      XCTAssertEqual(error.description, "\(path): no such directory")
    }
  }

  func testAFileGivenAsTheDirectoryThrowsADirectoryError() throws {
    let dir = try TemporaryDirectory(for: self)
    try dir.write("parties.json", Fixtures.parties)
    let path = dir.path + "/parties.json"
    XCTAssertThrowsError(try CorpusLoader.load(directory: path)) { error in
      XCTAssertEqual(
        (error as? CorpusLoader.DirectoryError)?.message, "not a directory")
    }
  }

  func testAnEmptyDirectoryIsAnError() throws {
    let dir = try TemporaryDirectory(for: self)
    let result = try dir.load()
    assertLoad(
      result,
      issues: [
        "\(dir.name): no data files (*.json or *.jsonl) in this directory"
      ],
      records: 0, leftOut: 0)
    XCTAssertEqual(result.files, 0)
  }

  func testADirectoryWithOnlyOtherFilesAndSubfoldersHasNoDataFiles() throws {
    let dir = try TemporaryDirectory(for: self)
    try dir.write("notes.txt", "not data\n")
    try dir.write(
      "sub/records.json", Fixtures.envelope("records", [Fixtures.record("r01")])
    )
    let result = try dir.load()
    assertLoad(
      result,
      issues: [
        "\(dir.name): no data files (*.json or *.jsonl) in this directory"
      ],
      records: 0, leftOut: 0)
  }

  /// Issue 12: a directory (or FIFO, socket, device) named like a data file is an error of
  /// that file, skipped, not passed over in silence.
  func testAFolderNamedLikeADataFileIsAnErrorOfThatFile() throws {
    let dir = try TemporaryDirectory(for: self)
    try dir.mkdir("folder.json")
    let result = try dir.load()
    assertLoad(
      result,
      issues: ["folder.json: not a regular file (a directory); skipped"],
      records: 0, leftOut: 0, failedFiles: 1
    )
  }

  func testOtherFilesAndSubfoldersAreIgnored() throws {
    let result = try Fixtures.load("directory-layout")
    assertLoad(
      result,
      issues: ["nested.json: not a regular file (a directory); skipped"],
      records: 1, leftOut: 0, failedFiles: 1
    )
    XCTAssertEqual(result.files, 4)
    XCTAssertEqual(
      result.summary,
      "4 files, 2 parties, 1 source, 1 record, 0 items left out, 1 error, 0 warnings"
    )
  }

  func testTheSummaryCountsFilesItemsAndIssues() throws {
    let result = try Fixtures.load("records-bad-date")
    XCTAssertEqual(
      result.summary,
      "3 files, 2 parties, 1 source, 1 record, 3 items left out, 3 errors, 0 warnings"
    )
  }

  func testAFileThatCannotBeOpenedIsAFailedFile() throws {
    // A symlink to itself: listed like any data file, but open(2) fails (ELOOP) for every
    // user, root included (a chmod 0 file would not do: root reads it, and CI is root).
    let dir = try TemporaryDirectory(for: self)
    XCTAssertEqual(symlink("parties.json", dir.path + "/parties.json"), 0)
    assertLoad(
      try dir.load(),
      issues: [
        "parties.json: cannot open the file (Too many levels of symbolic links)"
      ],
      records: 0,
      leftOut: 0, failedFiles: 1)
  }

  // MARK: - Envelopes

  func testASchemaOtherThan1IsAnErrorForThatFile() throws {
    let result = try Fixtures.load("envelope-schema-2")
    assertLoad(
      result,
      issues: [
        "records.json: $.schema: expected 1, got 2",
        "sources.json: $.schema: required field is missing",
      ], records: 0, leftOut: 0, failedFiles: 2)
    XCTAssertEqual(result.partyIDs, ["alpha", "beta"])
  }

  func testABadEnvelopeFailsItsFileAndNoOther() throws {
    let result = try Fixtures.load("envelope-bad")
    assertLoad(
      result,
      issues: [
        "array.json: expected an envelope object {\"schema\": 1, \"type\": …, \"items\": […]}, got an array",
        "dupkey.json: $.type: duplicate key \"type\"",
        "events.json: $.type: expected one of parties, sources, records, got \"events\"",
        "itemsobj.json: $.items: expected an array, got an object",
        "noitems.json: $.items: required field is missing",
      ], records: 0, leftOut: 0, failedFiles: 5)
    XCTAssertEqual(result.files, 6)
    XCTAssertEqual(result.partyIDs, ["alpha"])
  }

  // MARK: - Invalid JSON

  func testATrailingCommaIsInvalidJSONWithLineAndColumn() throws {
    let result = try Fixtures.load("json-trailing-comma")
    assertLoad(
      result,
      issues: [
        "records.json:3:1: invalid JSON: expected a value, got ']'",
        "sources.json:2:79: invalid JSON: expected a string key, got '}'",
      ], records: 0, leftOut: 0, failedFiles: 2)
    XCTAssertEqual(
      result.partyIDs, ["alpha", "beta"], "the valid file still loads")
  }

  func testATruncatedFileIsInvalidJSONWithLineAndColumn() throws {
    let result = try Fixtures.load("json-truncated")
    assertLoad(
      result,
      issues: [
        "records.json:2:37: invalid JSON: expected ',' or '}', got end of file",
        "sources.json:2:26: invalid JSON: unterminated string",
      ], records: 0, leftOut: 0, failedFiles: 2)
  }

  func testAByteOrderMarkAtTheStartOfAFileIsDropped() throws {
    let result = try Fixtures.load("bom")
    // broken.json has a BOM too: its column counts from after the BOM.
    assertLoad(
      result,
      issues: ["broken.json:1:2: invalid JSON: expected a string key, got ','"],
      records: 2,
      leftOut: 0, failedFiles: 1)
    XCTAssertEqual(result.partyIDs, ["alpha", "beta"])
    XCTAssertEqual(result.sourceIDs, ["s1"])
  }

  // MARK: - JSONL

  func testAJSONLLineWithInvalidJSONIsLeftOutAndTheRestLoad() throws {
    let result = try Fixtures.load("jsonl-bad-line")
    assertLoad(
      result,
      issues: [
        "records.jsonl:3:23: invalid JSON: expected a value, got '}'",
        "records.jsonl:5 (id \"r05\"): $.date: expected YYYY-MM-DD, YYYY-MM or YYYY, got \"2023-13-01\"",
        "records.jsonl:6: $: expected an object, got an array",
      ], records: 3, leftOut: 3, failedFiles: 0)
    XCTAssertEqual(result.recordIDs, ["r01", "r02", "r04"])
  }

  func testBlankJSONLLinesAreSkippedButCounted() throws {
    let result = try Fixtures.load("jsonl-blank-lines")
    assertLoad(
      result,
      issues: [
        "records.jsonl:6 (id \"r03\"): $.date: expected YYYY-MM-DD, YYYY-MM or YYYY, got \"2023-02-30\""
      ], records: 3, leftOut: 1)
    XCTAssertEqual(result.recordIDs, ["r01", "r02", "r04"])
  }

  // MARK: - Duplicate ids and file order

  func testTheFirstIDInByteOrderOfFileNamesWinsEvenWhenItWasLeftOut() throws {
    let result = try Fixtures.load("duplicate-id-across-files")
    // "Z-records.json" sorts before "a-records.json" in byte order (0x5A < 0x61).
    assertLoad(
      result,
      issues: [
        "Z-records.json: items[0] (id \"r01\"): $.date: expected YYYY-MM-DD, YYYY-MM or YYYY, got \"2023-13-01\"",
        "a-records.json: items[0] (id \"r01\"): $.id: duplicate id \"r01\" (first in Z-records.json items[0])",
        "a-records.json: items[1] (id \"r02\"): $.id: duplicate id \"r02\" (first in Z-records.json items[1])",
        "parties.json: items[2] (id \"alpha\"): $.id: duplicate id \"alpha\" (first in parties.json items[0])",
      ], records: 1, leftOut: 4)
    XCTAssertEqual(result.corpus.record("r02")?.headline, "From Z")
    XCTAssertEqual(result.corpus.party("alpha")?.name, "Alpha")
  }

  func testADuplicateIDNamesAJSONLFirstOccurrenceByItsLine() throws {
    let dir = try TemporaryDirectory(for: self)
    try dir.write("parties.json", Fixtures.parties)
    try dir.write(
      "sources.json",
      Fixtures.envelope(
        "sources",
        [
          "{\"id\": \"s1\", \"outlet\": \"W\", \"title\": \"T\", \"text\": \"x\"}"
        ]))
    try dir.write("a.jsonl", "\n" + Fixtures.record("r01") + "\n")
    try dir.write(
      "b.json", Fixtures.envelope("records", [Fixtures.record("r01")]))
    assertLoad(
      try dir.load(),
      issues: [
        "b.json: items[0] (id \"r01\"): $.id: duplicate id \"r01\" (first in a.jsonl:2)"
      ],
      records: 1, leftOut: 1)
  }
}
