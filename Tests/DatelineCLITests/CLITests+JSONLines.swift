import DatelineCore
import Foundation
import XCTest

/// `list --format jsonl` copies `.jsonl` lines as they are, except lines a terminal could
/// act on, which are re-encoded; either way the output loads back as the same records.
extension CLITests {
  func testJSONLinesKeepLinesAsWrittenAndEscapeWhatATerminalWouldActOn() throws
  {
    let plain =
      #"{"id":"r1", "date":"2023-12-01","kind":"event","parties":["a"],"headline":"Plain","source":"s","x_note":{"kept":true}}"#
    let bidi =
      #"{"id":"r2","date":"2023-12-02","kind":"event","parties":["a"],"headline":"Bidi \#u{202E}RTL and \#u{85}","source":"s"}"#
    let dir = try tempData([
      "parties.json":
        #"{"schema":1,"type":"parties","items":[{"id":"a","name":"A"}]}"#,
      "sources.json":
        #"{"schema":1,"type":"sources","items":[{"id":"s","outlet":"O","title":"T","text":"x"}]}"#,
      "records.jsonl": plain + "\r\n\n" + bidi + "\n",
    ])
    let r = try run(["list", "--data", dir, "--format", "jsonl"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let lines = r.stdout.split(
      separator: "\n", omittingEmptySubsequences: false)
    XCTAssertEqual(lines.count, 3, r.stdout)
    XCTAssertEqual(
      String(lines[0]), plain,
      "a plain line is copied as written (extension kept, no CR)")
    XCTAssertFalse(
      r.stdout.unicodeScalars.contains {
        $0.value == 0x202E || $0.value == 0x85
      }, r.stdout)
    XCTAssertTrue(lines[1].contains(#"\u202e"#), String(lines[1]))
    // Round trip: the output is a data file that loads the same records.
    let again = try tempData([
      "parties.json":
        #"{"schema":1,"type":"parties","items":[{"id":"a","name":"A"}]}"#,
      "sources.json":
        #"{"schema":1,"type":"sources","items":[{"id":"s","outlet":"O","title":"T","text":"x"}]}"#,
      "records.jsonl": r.stdout,
    ])
    let a = try CorpusLoader.load(directory: dir).corpus
    let b = try CorpusLoader.load(directory: again).corpus
    XCTAssertEqual(Array(a.records), Array(b.records))
  }
}
