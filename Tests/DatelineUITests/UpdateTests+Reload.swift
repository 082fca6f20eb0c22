import DatelineCore
import DatelineUI
import XCTest

/// Follow and reload, `R`, the errors pane (`!`) and the editor effect, in the reducer.
final class ReloadUpdateTests: XCTestCase {
  /// The seed corpus with `remove` left out, `change` given a new headline, and `add`.
  static func edited(
    _ corpus: Corpus, remove: Set<String> = [], change: Set<String> = [],
    add: [Record] = []
  ) -> Corpus {
    var records = corpus.records.filter { !remove.contains($0.id.rawValue) }
    for i in records.indices where change.contains(records[i].id.rawValue) {
      records[i].headline += " (corrected)"
    }
    return Corpus(
      parties: corpus.parties, sources: corpus.sources, records: records + add)
  }

  static func newRecord(_ id: String, like template: Record) -> Record {
    var r = template
    r.id = Record.ID(id)
    r.headline = "A record appended today"
    return r
  }

  func reload(
    _ s: BrowserState, to corpus: Corpus, issues: [LoadIssue] = [],
    generation: Int = 1
  ) -> BrowserState {
    // Both sides rebuilt in code (`edited` with no edit): the shell fingerprints two
    // loads from files alike (RecordFingerprintsTests), and a held record's JSON differs
    // from its file's line.
    let summary = RecordFingerprints(Self.edited(s.corpus)).summary(
      to: RecordFingerprints(Self.edited(corpus)),
      errors: issues.count { $0.isError })
    var t = update(s, .reloadStarted)
    XCTAssertTrue(t.live.loading)
    t = update(
      t,
      .reloadFinished(
        ReloadOutcome(
          generation: generation,
          content: .loaded(corpus, issues: issues, summary: summary)))
    )
    XCTAssertFalse(t.live.loading)
    return t
  }

  func testRAsksTheShellForALoadAndTheStartClearsTheAsk() throws {
    let s = press("R", from: try Seed.state())
    XCTAssertTrue(s.live.loadWanted, "a load, as a value for the shell")
    XCTAssertEqual(s.message, "reloading…")
    let started = update(s, .reloadStarted)
    XCTAssertFalse(started.live.loadWanted)
    XCTAssertTrue(started.live.loading)
    XCTAssertEqual(
      started.message, "reloading…",
      "the shell's news does not wipe the message")
  }

  func testAChangeDuringALoadAsksForOneMoreLoadAfterIt() throws {
    let loading = update(update(try Seed.state(), .dataChanged), .reloadStarted)
    let again = update(loading, .dataChanged)
    XCTAssertTrue(again.live.loadWanted)
    XCTAssertTrue(again.live.loading)
  }

  func testADataChangeSaysSo() throws {
    let s = update(try Seed.state(), .dataChanged)
    XCTAssertEqual(s.message, "data changed — reloading")
    XCTAssertTrue(s.live.loadWanted)
  }

  func testAReloadKeepsSelectionFiltersSearchRangeAndMarksAndSaysWhatChanged()
    throws
  {
    var s = press("3 r 2023-11..2024-12 Enter j m j", from: try Seed.state())
    s.search = "hostage"
    let selected = try XCTUnwrap(s.selectedID)
    let marked = s.marks
    let query = s.query
    let shown = s.rows.count
    let old = s.corpus
    let firstShown = old.records[s.rows[0]].id.rawValue
    let template = old.records[s.rows[0]]
    let new = Self.edited(
      old, remove: [firstShown], change: [selected],
      add: [
        Self.newRecord("appended-1", like: template),
        Self.newRecord("appended-2", like: template),
      ])
    let t = reload(s, to: new)
    XCTAssertEqual(t.selectedID, selected, "selection by record id")
    XCTAssertEqual(t.query, query)
    XCTAssertEqual(t.search, "hostage")
    XCTAssertEqual(t.marks, marked)
    XCTAssertEqual(t.rows.count, shown - 1 + 2)
    XCTAssertEqual(t.message, "+2 records, 1 changed, 1 removed, 0 errors")
    XCTAssertTrue(
      t.selectedRecord?.headline.hasSuffix("(corrected)") ?? false,
      "the new data is shown")
  }

  func testAGoneSelectionMovesToTheNextRecordInTime() throws {
    let s = press("j j j", from: try Seed.state())
    let next = press("j", from: s).selectedID
    let gone = try XCTUnwrap(s.selectedID)
    let t = reload(s, to: Self.edited(s.corpus, remove: [gone]))
    XCTAssertEqual(t.message, "+0 records, 0 changed, 1 removed, 0 errors")
    XCTAssertEqual(t.selectedID, next)
  }

  func testScrollAndOpenPaneSurviveAReload() throws {
    let s = press(
      "G k k Enter", from: try Seed.state(Size(columns: 80, rows: 12)))
    let t = reload(s, to: Self.edited(s.corpus, change: [s.selectedID ?? ""]))
    XCTAssertEqual(t.top, s.top)
    XCTAssertEqual(t.selection, s.selection)
    XCTAssertEqual(t.pane, .detail)
  }

  func testANoChangeReloadSaysSo() throws {
    let s = try Seed.state()
    XCTAssertEqual(reload(s, to: s.corpus).message, "reloaded: no change")
  }

  func testAFailedReloadKeepsTheOldView() throws {
    let s = press("j j", from: try Seed.state())
    let t = update(
      update(s, .reloadStarted),
      .reloadFinished(
        ReloadOutcome(
          generation: 1, content: .failed("Data: no such directory"))))
    XCTAssertEqual(
      t.message,
      "reload failed, showing the data as it was: Data: no such directory")
    XCTAssertEqual(t.rows, s.rows)
    XCTAssertEqual(t.selectedID, s.selectedID)
  }

  func testAReloadToAnEmptyDirectoryLeavesNoSelection() throws {
    let s = press("G", from: try Seed.state())
    let empty = Corpus(parties: [], sources: [], records: [])
    let t = reload(s, to: empty)
    XCTAssertEqual(t.rows.positions, [])
    XCTAssertNil(t.selectedRecord)
    XCTAssertEqual(
      press("j k G g Enter o f", from: t).rows.positions, [],
      "keys on an empty view do nothing")
  }

  // MARK: - Errors pane

  static let issues = [
    LoadIssue(
      .error, file: "records.jsonl", place: .line(12, id: "r12"),
      path: "$.date",
      message: "expected a date, got \"2023-13-01\""),
    LoadIssue(
      .warning, file: "sources.json", place: .item(index: 3, id: "s4"),
      message: "quote not found in the text"),
    LoadIssue(
      .error, file: "bad.json", place: .position(line: 4, column: 2),
      message: "expected ',' or '}'"),
  ]

  func testBangOpensTheErrorsPaneAndEnterAsksForTheEditorAtTheLine() throws {
    var s = try Seed.state()
    s.live.issues = Self.issues
    s.live.directory = "/data"
    let open = press("!", from: s)
    XCTAssertEqual(open.pane, .issues)
    XCTAssertEqual(open.focus, .pane)
    let first = press("Enter", from: open)
    XCTAssertEqual(
      first.editorRequest, EditorRequest(path: "/data/records.jsonl", line: 12))
    let second = press("j Enter", from: open)
    XCTAssertEqual(
      second.editorRequest,
      EditorRequest(path: "/data/sources.json", line: nil, item: 3),
      "an envelope item: the shell finds its line")
    let third = press("j j j j Enter", from: open)
    XCTAssertEqual(third.live.issueCursor, 2, "the cursor stops at the last")
    XCTAssertEqual(
      third.editorRequest, EditorRequest(path: "/data/bad.json", line: 4))
    XCTAssertNil(press("!", from: open).pane, "! closes it again")
    XCTAssertEqual(
      press("Esc", from: open).focus, .timeline,
      "Esc gives the keys back (one pane model)")
    XCTAssertEqual(press("Esc Esc", from: open).pane, nil)
  }

  func testWithoutErrorsBangSaysSo() throws {
    let s = press("!", from: try Seed.state())
    XCTAssertNil(s.pane)
    XCTAssertEqual(s.message, "no errors or warnings in the data")
  }

  func testTheEditorsReturnAsksForAReload() throws {
    var s = try Seed.state()
    s.editorRequest = EditorRequest(path: "Data/records.json", line: 3)
    let done = update(s, .editorFinished(error: nil))
    XCTAssertNil(done.editorRequest)
    XCTAssertTrue(done.live.loadWanted)
    let failed = update(
      s, .editorFinished(error: "cannot start nosuch (set $VISUAL or $EDITOR)"))
    XCTAssertEqual(
      failed.message, "editor: cannot start nosuch (set $VISUAL or $EDITOR)")
    XCTAssertTrue(failed.live.loadWanted)
  }

  func testAReloadReplacesTheIssuesAndClosesAnEmptyPane() throws {
    var s = try Seed.state()
    s.live.issues = Self.issues
    let open = press("! j j", from: s)
    let fewer = reload(open, to: s.corpus, issues: [Self.issues[0]])
    XCTAssertEqual(fewer.live.issues, [Self.issues[0]])
    XCTAssertEqual(fewer.live.issueCursor, 0)
    XCTAssertEqual(fewer.pane, .issues)
    XCTAssertEqual(fewer.message, "+0 records, 0 changed, 0 removed, 1 error")
    let none = reload(open, to: s.corpus, issues: [])
    XCTAssertNil(none.pane)
    XCTAssertEqual(none.focus, .timeline)
  }

  // MARK: - Screens

  func testErrorsPaneGoldens() throws {
    for size in [
      Size(columns: 20, rows: 5), Size(columns: 80, rows: 24),
      Size(columns: 200, rows: 50),
    ] {
      var s = try Seed.state(size)
      s.live.issues =
        Self.issues + [
          LoadIssue(
            .warning, file: "x\u{1B}[31m.json", place: .line(2, id: "日本語🙂"),
            message:
              "control \u{7} and wide 漢字 text that goes on and on past the pane's right edge"
          )
        ]
      assertGolden(render(press("! j", from: s)), "issues-pane")
    }
  }

  func testReloadStatusGoldens() throws {
    for size in [
      Size(columns: 20, rows: 5), Size(columns: 80, rows: 24),
      Size(columns: 200, rows: 50),
    ] {
      let s = try Seed.state(size)
      let template = s.corpus.records[0]
      let new = Self.edited(
        s.corpus, remove: [template.id.rawValue],
        add: (1...12).map { Self.newRecord("added-\($0)", like: template) })
      assertGolden(render(reload(s, to: new)), "reload-status")
    }
  }
}
