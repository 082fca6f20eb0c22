import DatelineCore
@testable import DatelineUI
import XCTest

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
    XCTAssertNotEqual(idHash(#"{"x":{"id":"r1"}}"#), a, "a nested id is not the record's")
    XCTAssertNotEqual(idHash(#"{"id":"r1\"x"}"#), a, "an escaped quote is inside the id")
  }

  func testATruncatedLineDoesNotReadPastItsEnd() {
    for line in [#"{"id":"#, #"{"id":"r1"#, #"{"id"#, #"{"a":"\"#, "{", ""] { _ = idHash(line) }
  }

  func testSummaryCountsAddedChangedAndRemovedById() throws {
    let seed = try Seed.corpus()
    let records = Array(seed.records)
    var edited = Array(records.dropFirst(2))
    edited[0].headline += "!"
    edited[1].headline += "!"
    var extra = records[0]
    extra.id = "brand-new"
    edited.append(extra)
    let new = Corpus(parties: seed.parties, sources: seed.sources, records: edited)
    XCTAssertEqual(
      RecordFingerprints(seed).summary(to: RecordFingerprints(new), errors: 3),
      ReloadSummary(added: 1, changed: 2, removed: 2, errors: 3))
    XCTAssertEqual(RecordFingerprints(seed).summary(to: RecordFingerprints(seed), errors: 0), ReloadSummary())
  }
}
