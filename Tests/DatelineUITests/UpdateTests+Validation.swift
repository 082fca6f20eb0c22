import DatelineCore
import DatelineUI
import XCTest

/// The first open of a large directory in the reducer: a provisional view, the check's
/// progress in the status line, and the checked data in its place, with a message for
/// the records that left the view.
final class ValidationUpdateTests: XCTestCase {
  func checking(_ s: BrowserState) -> BrowserState {
    var t = s
    t.validation.running = true
    return t
  }

  func finish(_ s: BrowserState, with corpus: Corpus, issues: [LoadIssue])
    -> BrowserState
  {
    update(
      s,
      .validationFinished(
        ReloadOutcome(
          generation: 0,
          content: .loaded(corpus, issues: issues, summary: ReloadSummary()))))
  }

  func issue(for id: String, _ message: String) -> LoadIssue {
    LoadIssue(
      .error, file: "records.jsonl", place: .line(7, id: id), path: "$.date",
      message: message)
  }

  func testTheSelectedRecordThatTurnsOutInvalidLeavesTheViewWithItsError()
    throws
  {
    var s = press("j j", from: checking(try Seed.state()))
    let gone = try XCTUnwrap(s.selectedID)
    let before = s.rows.count
    let nextDay = s.corpus.firstDay(at: s.rows[s.selection])
    let checked = ReloadUpdateTests.edited(s.corpus, remove: [gone])
    s = finish(
      s, with: checked,
      issues: [
        issue(
          for: gone,
          "$.date: expected YYYY-MM-DD, YYYY-MM or YYYY, got \"2023-13-01\"")
      ])
    XCTAssertEqual(s.rows.count, before - 1)
    XCTAssertFalse(s.rows.contains { s.corpus.records[$0].id.rawValue == gone })
    XCTAssertEqual(
      s.message,
      "record \(gone) is not valid and left the view: $.date: expected YYYY-MM-DD, YYYY-MM or YYYY, got \"2023-13-01\"; 1 error: ! lists them"
    )
    XCTAssertGreaterThanOrEqual(
      try XCTUnwrap(s.selectedRecord).firstDay, nextDay,
      "the next record in time is selected")
    XCTAssertEqual(s.live.issues.count, 1)
    XCTAssertFalse(s.validation.running)
    XCTAssertNil(s.validation.chip)
  }

  func testRecordsThatLeaveElsewhereAreCountedAndTheSelectionStays() throws {
    var s = checking(try Seed.state())
    let selected = try XCTUnwrap(s.selectedID)
    let others = s.rows.suffix(2).map { s.corpus.records[$0].id.rawValue }
    s = finish(
      s, with: ReloadUpdateTests.edited(s.corpus, remove: Set(others)),
      issues: others.map { issue(for: $0, "bad") })
    XCTAssertEqual(s.selectedID, selected)
    XCTAssertEqual(
      s.message,
      "checked: 2 records not valid left the view; 2 errors: ! lists them")
    s = update(s, .showIssues)
    XCTAssertEqual(s.pane, .issues, "the errors are listed")
  }

  func testACleanCheckSaysSoAndKeepsTheView() throws {
    var s = press("3 j", from: checking(try Seed.state()))
    let (selected, query, rows) = (s.selectedID, s.query, s.rows.count)
    s = finish(s, with: s.corpus, issues: [])
    XCTAssertEqual(s.selectedID, selected)
    XCTAssertEqual(s.query, query)
    XCTAssertEqual(s.rows.count, rows)
    XCTAssertEqual(s.message, "checked: every record is valid")
  }

  func testTheStatusLineShowsTheProgressAndTheErrorsSoFar() throws {
    var s = checking(try Seed.state(Size(columns: 120, rows: 30)))
    XCTAssertEqual(s.validation.chip, "checking 0%")
    s = update(
      s, .validationProgress(ValidationProgress(fraction: 0.436, errors: 0)))
    XCTAssertEqual(s.validation.chip, "checking 43%")
    XCTAssertTrue(render(s).lines.last?.contains("checking 43%") ?? false)
    s = update(
      s,
      .validationProgress(
        ValidationProgress(fraction: 1, crossChecks: true, errors: 2)))
    XCTAssertEqual(
      s.validation.chip, "checking links and quotes, 2 errors so far")
    let keyed = press("j", from: s)
    XCTAssertEqual(
      keyed.validation, s.validation, "keys are answered while the check runs")
  }

  func testNewsOfACheckThatIsNotRunningIsIgnored() throws {
    let s = try Seed.state()
    let t = finish(
      s,
      with: ReloadUpdateTests.edited(
        s.corpus, remove: [try XCTUnwrap(s.selectedID)]), issues: [])
    XCTAssertEqual(t.rows.count, s.rows.count)
    XCTAssertNil(
      update(s, .validationProgress(ValidationProgress(fraction: 0.5)))
        .validation.chip)
  }

  /// The re-open cache written after the check (or after a complete load) could not
  /// be: said once in the status line, beside the check's verdict, until the next key.
  func testABackgroundWarningIsSaidBesideTheCheckAndGoesWithTheNextKey() throws
  {
    var s = checking(try Seed.state(Size(columns: 200, rows: 30)))
    s = finish(s, with: s.corpus, issues: [])
    let why = "re-open cache not written: /c/dateline: Not a directory"
    s = update(s, .backgroundWarning(why))
    XCTAssertEqual(s.message, "checked: every record is valid; " + why)
    XCTAssertTrue(render(s).lines.last?.contains(why) ?? false)
    s = update(s, .validationProgress(ValidationProgress(fraction: 1)))
    XCTAssertEqual(s.message, "checked: every record is valid; " + why)
    s = press("j", from: s)
    XCTAssertNil(s.message)
    XCTAssertEqual(update(s, .backgroundWarning(why)).message, why)
  }

  /// A file that changed while the check read it: the check's verdict may mix two
  /// versions, so none of it is shown (the first pass's view and issues stay) and the
  /// data is loaded again (a reload waits for no watcher).
  func testACheckThatReadAChangingFileAsksForAReload() throws {
    let before = checking(try Seed.state())
    let torn = LoadIssue(
      .warning, file: "sources.json", message: LoadIssue.changedWhileRead)
    let s = finish(
      before,
      with: ReloadUpdateTests.edited(
        before.corpus, remove: ["oct7-abductions"]),
      issues: [issue(for: "r1", "$.quote.exact: not found"), torn])
    XCTAssertTrue(s.live.loadWanted)
    XCTAssertFalse(s.validation.running)
    XCTAssertEqual(
      s.message, "the data changed while it was checked — reloading")
    XCTAssertEqual(s.rows, before.rows)
    XCTAssertEqual(s.corpus.records.count, before.corpus.records.count)
    XCTAssertEqual(s.live.issues, before.live.issues)
    XCTAssertFalse(
      finish(checking(try Seed.state()), with: s.corpus, issues: [])
        .live.loadWanted)
  }

  func testAFailedCheckKeepsTheViewAndSaysHowToTryAgain() throws {
    let s = checking(try Seed.state())
    let t = update(
      s,
      .validationFinished(
        ReloadOutcome(generation: 0, content: .failed("no such directory"))))
    XCTAssertEqual(t.rows, s.rows)
    XCTAssertEqual(
      t.message,
      "the data could not be checked (no such directory); R loads it again")
    XCTAssertFalse(t.validation.running)
  }
}
