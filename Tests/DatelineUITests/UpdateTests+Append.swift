import DatelineCore
import DatelineUI
import XCTest

/// Lines appended to a `.jsonl` and read alone (`AppendBase`) reach the browser as a
/// finished reload: the reader's place survives and the status line counts the new records.
final class AppendUpdateTests: XCTestCase {
  func line(_ id: String, day: Int, party: String) -> String {
    #"{"id":"\#(id)","date":"2023-02-\#(String(format: "%02d", day))","kind":"event","parties":[{"id":"\#(party)","role":"actor"}],"headline":"news \#(id)","source":"s"}"#
      + "\n"
  }

  func testAppendedRecordsKeepSelectionFilterSearchAndMarksAndAreCounted()
    throws
  {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "append-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(
      atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data(
      #"{"schema":1,"type":"parties","items":[{"id":"a","name":"Alpha"},{"id":"b","name":"Beta"}]}"#
        .utf8
    )
    .write(to: URL(fileURLWithPath: dir + "/parties.json"))
    try Data(
      #"{"schema":1,"type":"sources","items":[{"id":"s","outlet":"O","title":"T","text":"x"}]}"#
        .utf8
    )
    .write(to: URL(fileURLWithPath: dir + "/sources.json"))
    let path = dir + "/records.jsonl"
    try Data(
      (1...10).map {
        line("old\($0)", day: $0 * 2, party: $0 % 2 == 0 ? "a" : "b")
      }.joined().utf8
    )
    .write(to: URL(fileURLWithPath: path))
    let loaded = try CorpusLoader.load(directory: dir)
    let base = try XCTUnwrap(AppendBase(loaded, directory: dir))
    var s = press(
      "1 j m",
      from: BrowserState(
        corpus: loaded.corpus, dataLabel: "d", size: Size(columns: 80, rows: 24)
      ))
    s.search = "news"
    let selected = try XCTUnwrap(s.selectedID)
    let (query, marks) = (s.query, s.marks)
    let shown = s.rows.count
    // Twelve records, six of party a, dated between the old ones (they sort among them).
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(
      Data(
        (1...12).map {
          line("new\($0)", day: $0 * 2 - 1, party: $0 % 2 == 0 ? "a" : "b")
        }.joined().utf8))
    try handle.close()
    guard case .appended(let next, let added, let errors) = base.readAppended()
    else {
      return XCTFail("not read alone")
    }
    let summary = ReloadSummary(added: added.count, errors: errors)
    var t = update(update(s, .dataChanged), .reloadStarted)
    t = update(
      t,
      .reloadFinished(
        ReloadOutcome(
          generation: 1,
          content: .loaded(next.corpus, issues: next.issues, summary: summary)))
    )
    XCTAssertEqual(t.message, "+12 records, 0 changed, 0 removed, 0 errors")
    XCTAssertEqual(t.selectedID, selected)
    XCTAssertEqual(t.query, query)
    XCTAssertEqual(t.search, "news")
    XCTAssertEqual(t.marks, marks)
    XCTAssertEqual(
      t.rows.count, shown + 6, "the new records of the filtered party are shown"
    )
    XCTAssertEqual(t.corpus.records.count, 22)
  }
}
