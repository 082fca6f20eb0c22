import DatelineCore
import XCTest

@testable import DatelineUI

/// `RecordFingerprints`: records told apart by their top-level id, and counted as added,
/// changed or removed.
final class RecordFingerprintsTests: XCTestCase {
  func idHash(_ line: String) -> Int {
    Array(line.utf8).withUnsafeBytes { RecordFingerprints.idHash($0) }
  }

  func testTheTopLevelIdIsFoundWhereverItIs() {
    let a = idHash(#"{"id":"r1","headline":"x"}"#)
    let cases = [
      #"{"id":"r1","headline":"changed"}"#,
      #"{ "id" : "r1" }"#,
      #"{"parties":[{"id":"p1"}],"x_note":{"id":"nested"},"id":"r1"}"#,
      #"{"headline":"a \"quoted\" \\ \"id\":\"r2\"","id":"r1"}"#,
      #"{"tags":["id","r2"],"id":"r1"}"#,
    ]
    for line in cases { XCTAssertEqual(idHash(line), a, line) }
    XCTAssertNotEqual(idHash(#"{"id":"r2"}"#), a)
    XCTAssertNotEqual(
      idHash(#"{"x":{"id":"r1"}}"#), a, "a nested id is not the record's")
    XCTAssertNotEqual(
      idHash(#"{"id":"r1\"x"}"#), a, "an escaped quote is inside the id")
  }

  func testATruncatedLineDoesNotReadPastItsEnd() {
    for line in [#"{"id":"#, #"{"id":"r1"#, #"{"id"#, #"{"a":"\"#, "{", ""] {
      _ = idHash(line)
    }
  }

  func testSummaryCountsAddedChangedAndRemovedById() throws {
    // Both built in code (held records: their JSON is `Record.jsonObject`).
    let loaded = try Seed.corpus()
    let records = Array(loaded.records)
    let seed = Corpus(
      parties: loaded.parties, sources: loaded.sources, records: records)
    var edited = Array(records.dropFirst(2))
    edited[0].headline += "!"
    edited[1].headline += "!"
    var extra = records[0]
    extra.id = "brand-new"
    edited.append(extra)
    let new = Corpus(
      parties: seed.parties, sources: seed.sources, records: edited)
    XCTAssertEqual(
      RecordFingerprints(seed).summary(to: RecordFingerprints(new), errors: 3),
      ReloadSummary(added: 1, changed: 2, removed: 2, errors: 3))
    XCTAssertEqual(
      RecordFingerprints(seed).summary(to: RecordFingerprints(seed), errors: 0),
      ReloadSummary())
  }

  /// Both loads read from files, as a reload does: an envelope's record is fingerprinted
  /// by its complete line (the one `list --format jsonl` writes), so an edit to an `x_`
  /// field is a change and white space between tokens is not.
  func testAReloadOfAnEnvelopeCountsExtensionEditsAndIgnoresReformatting()
    throws
  {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fingerprints-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(
      atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    func write(_ items: [String], spaced: Bool) throws -> Corpus {
      let separator = spaced ? ",\n    " : ","
      let parties =
        #"{"schema":1,"type":"parties","items":[{"id":"a","name":"Alpha"}]}"#
      let sources =
        #"{"schema":1,"type":"sources","items":[{"id":"s","outlet":"O","title":"T","text":"x"}]}"#
      try Data(parties.utf8).write(
        to: URL(fileURLWithPath: dir + "/parties.json"))
      try Data(sources.utf8).write(
        to: URL(fileURLWithPath: dir + "/sources.json"))
      let text =
        #"{"schema":1,"type":"records","items":["#
        + items.joined(separator: separator) + "]}"
      try Data(
        (spaced ? text.replacingOccurrences(of: "\":", with: "\": ") : text)
          .utf8
      )
      .write(to: URL(fileURLWithPath: dir + "/records.json"))
      let result = try CorpusLoader.load(directory: dir)
      XCTAssertEqual(result.issues, [])
      return result.corpus
    }
    func item(_ id: String, headline: String = "h", review: String = "ok")
      -> String
    {
      #"{"id":"\#(id)","date":"2023-01-01","kind":"event","parties":[{"id":"a","role":"actor"}],"headline":"\#(headline)","source":"s","x_review":{"state":"\#(review)"}}"#
    }
    let before = RecordFingerprints(
      try write(["r1", "r2", "r3", "r4", "r5"].map { item($0) }, spaced: false))
    let after = RecordFingerprints(
      try write(
        [
          item("r1"), item("r2", review: "redo"), item("r3", headline: "h2"),
          item("r6"),
        ], spaced: true))
    XCTAssertEqual(
      before.summary(to: after, errors: 0),
      ReloadSummary(added: 1, changed: 2, removed: 2, errors: 0))
    let reformatted = RecordFingerprints(
      try write(["r1", "r2", "r3", "r4", "r5"].map { item($0) }, spaced: true))
    XCTAssertEqual(before.summary(to: reformatted, errors: 0), ReloadSummary())
  }
}

extension RecordFingerprintsTests {
  /// The fingerprints use Core's `TopLevelID`, as the placement check does: a malformed
  /// line without a string id hashes as its whole line, one with an id by that id.
  func testMalformedLinesHashByTheIdCoreFinds() {
    let r1 = idHash(#"{"id":"r1"}"#)
    XCTAssertEqual(
      idHash(#"{"id" : "r1", "x": [}"#), r1, "found before the damage")
    for line in [
      #"{"id":5,"x":"r1"}"#, #"{"id" "r1"}"#, #"{"id"::"r1"}"#, #"{"id":"r1"#,
    ] {
      XCTAssertNotEqual(idHash(line), r1, line)
      XCTAssertEqual(idHash(line), idHash(line), line)
    }
    XCTAssertNotEqual(
      idHash(#"{"id":5,"x":"r1"}"#), idHash(#"{"id":5,"x":"r2"}"#),
      "lines without an id hash apart by their bytes")
  }
}
