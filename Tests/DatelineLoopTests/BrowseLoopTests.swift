import DatelineConfig
import DatelineCore
import DatelineTestSupport
import DatelineUI
import Foundation
import XCTest

@testable import dateline

/// The browse loop itself (`BrowseSession`) on a `ScriptedScreen`: keys in, frames out,
/// and the files the loop's effects write, each test in a directory of its own with the
/// state, data and cache homes inside it (no process-wide environment is changed).
///
/// Every wait polls the frames with a bound (`ScriptedScreen.patience`); none sleeps.
final class BrowseLoopTests: XCTestCase {
  /// The seed records (Data/) plus `today.jsonl` with one record: 25 records.
  var work: URL!
  var data: String { work.appendingPathComponent("data").path }

  override func setUpWithError() throws {
    work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-loop-\(UUID().uuidString)")
    let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Data")
    try FileManager.default.createDirectory(
      at: work, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: seed, to: work.appendingPathComponent("data"))
    try appendRecord(1)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: work)
  }

  // MARK: - Effects

  func testQuitEndsTheLoopWithoutASignal() throws {
    let session = try run([.waitFor(" 25/25 "), .key(.character("q"))])
    XCTAssertTrue(session.state.quit)
    XCTAssertNil(session.screen.pendingSignal)
    XCTAssertTrue(session.screen.frames[0].text.contains(" 25/25 "))
  }

  func testAMarkIsWrittenToTheStateDirectory() throws {
    let session = try run(
      [.waitFor(" 25/25 "), .key(.character("j")), .key(.character("m"))]
        + [.waitFor("marked ("), .key(.character("q"))])
    let selected = try XCTUnwrap(session.state.selectedRecord?.id)
    let marks = MarkStore(dataDirectory: data, environment: environment)
    let text = try String(
      contentsOf: XCTUnwrap(marks.file), encoding: .utf8)
    XCTAssertEqual(
      text.split(separator: "\n").filter { !$0.hasPrefix("#") },
      [Substring(selected.rawValue)])
  }

  func testAStarIsAppendedToTheAnnotationsFile() throws {
    let session = try run(
      [.waitFor(" 25/25 "), .key(.character("*")), .waitFor("★")]
        + [.key(.character("q"))])
    let selected = try XCTUnwrap(session.state.selectedRecord?.id)
    let log = try String(
      contentsOfFile: data + "/annotations/tester.jsonl", encoding: .utf8)
    XCTAssertTrue(log.contains(selected.rawValue), log)
    XCTAssertTrue(log.contains("tester"), log)
  }

  func testAnExportWritesTheShownRecordsToTheFileTyped() throws {
    let target = work.appendingPathComponent("out.csv").path
    let session = try run(
      [.waitFor(" 25/25 "), .key(.character("e"))]
        + ScriptedScreen.Step.type(target)
        + [.key(.enter), .waitFor("wrote 25 records"), .key(.character("q"))])
    XCTAssertTrue(session.state.quit)
    let csv = try String(contentsOfFile: target, encoding: .utf8)
    XCTAssertTrue(csv.contains("oct7-abductions"), csv)
    XCTAssertTrue(csv.contains("append-1"), csv)
  }

  func testAnExportOverAnExistingFileAsksAndReplacesItOnYes() throws {
    let target = work.appendingPathComponent("out.md").path
    try "kept\n".write(toFile: target, atomically: true, encoding: .utf8)
    let typed =
      [.waitFor(" 25/25 "), .key(.character("e"))]
      + ScriptedScreen.Step.type(target) + [.key(.enter)]
    _ = try run(
      typed + [.waitFor("exists; replace it? (y/n)"), .key(.character("n"))]
        + [.waitFor("is kept"), .key(.character("q"))])
    XCTAssertEqual(
      try String(contentsOfFile: target, encoding: .utf8), "kept\n")
    _ = try run(
      typed + [.waitFor("exists; replace it? (y/n)"), .key(.character("y"))]
        + [.waitFor("wrote 25 records"), .key(.character("q"))])
    let markdown = try String(contentsOfFile: target, encoding: .utf8)
    XCTAssertTrue(markdown.contains("Appended record 1"), markdown)
  }

  func testACitationGoesToTheConfiguredFile() throws {
    let file = work.appendingPathComponent("citations.txt").path
    var config = Config()
    config.citations = Config.Citations(file: file)
    let session = try run(
      [.waitFor(" 25/25 "), .key(.character("y")), .waitFor("citation added")]
        + [.key(.character("q"))], config: config)
    let headline = try XCTUnwrap(session.state.selectedRecord?.headline)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    XCTAssertTrue(text.contains(headline), text)
    XCTAssertEqual(session.finish(), [])
  }

  func testACitationIsCopiedThroughTheTerminalWithOSC52() throws {
    var config = Config()
    config.citations = Config.Citations(osc52: true)
    let session = try run(
      [.waitFor(" 25/25 "), .key(.character("y")), .waitFor("(OSC 52)")]
        + [.key(.character("q"))], config: config)
    let sent = try XCTUnwrap(session.screen.sent.first)
    XCTAssertEqual(session.screen.sent.count, 1)
    XCTAssertTrue(sent.hasPrefix("\u{1B}]52;c;"), sent)
    XCTAssertTrue(sent.hasSuffix("\u{07}"), sent)
    // Between them only base64 of the citation's text: nothing reaches the terminal raw.
    let payload = sent.dropFirst(7).dropLast()
    let text = try XCTUnwrap(
      Data(base64Encoded: String(payload)).map {
        String(decoding: $0, as: UTF8.self)
      })
    let headline = try XCTUnwrap(session.state.selectedRecord?.headline)
    XCTAssertTrue(text.contains(headline), text)
    XCTAssertEqual(session.finish(), [])
  }

  func testACitationWithNowhereToGoIsPrintedAtTheEnd() throws {
    let session = try run(
      [.waitFor(" 25/25 "), .key(.character("y")), .waitFor("citation kept")]
        + [.key(.character("q"))])
    let headline = try XCTUnwrap(session.state.selectedRecord?.headline)
    let printed = session.finish()
    XCTAssertEqual(printed.count, 1)
    XCTAssertTrue(printed[0].contains(headline), printed[0])
  }

  func testANoteEditedInTheEditorIsSaved() throws {
    // The editor: a script that writes the note into the file it is given.
    let editor = work.appendingPathComponent("editor.sh").path
    try "#!/bin/sh\nprintf 'from the editor\\n' > \"$1\"\n".write(
      toFile: editor, atomically: true, encoding: .utf8)
    XCTAssertEqual(chmod(editor, 0o755), 0)
    extraEnvironment = ["VISUAL": editor]
    let session = try run(
      [.waitFor(" 25/25 "), .key(.character("I")), .waitFor("✎")]
        + [.key(.character("q"))])
    XCTAssertEqual(session.screen.suspensions, 1)
    let selected = try XCTUnwrap(session.state.selectedRecord?.id)
    XCTAssertEqual(
      session.state.workbench.annotations[selected].note, "from the editor")
    let log = try String(
      contentsOfFile: data + "/annotations/tester.jsonl", encoding: .utf8)
    XCTAssertTrue(log.contains("from the editor"), log)
  }

  func testKeysAlreadyWaitingAreAnsweredBeforeTheNextFrame() throws {
    let session = try run(
      [.waitFor(" 25/25 ")]
        + Array(repeating: .key(.character("j")), count: 20)
        + [.waitFor("21 of 25"), .key(.character("q"))])
    // The first frame, then one for all twenty keys (not twenty frames).
    XCTAssertEqual(session.screen.frames.count, 2)
  }

  // MARK: - Signals, resize, reload

  func testSIGTERMEndsTheLoopAndTheSessionIsSaved() throws {
    let session = try run(
      [.waitFor(" 25/25 "), .key(.character("j")), .key(.character("j"))]
        + [.waitFor("3 of 25"), .signal(SIGTERM)])
    XCTAssertEqual(session.screen.pendingSignal, SIGTERM)
    XCTAssertFalse(session.state.quit)
    let selected = try XCTUnwrap(session.state.selectedRecord?.id)
    _ = session.finish()
    let workbench = WorkbenchEffects(
      store: AnnotationPlace.store(
        dataDirectory: data, config: Config(), environment: environment),
      dataDirectory: data, environment: environment)
    let saved = try String(
      contentsOfFile: XCTUnwrap(workbench.sessionPath), encoding: .utf8)
    XCTAssertTrue(saved.contains(selected.rawValue), saved)
  }

  func testTheNextSessionOpensAtTheRecordTheLastOneQuitOn() throws {
    let first = try run(
      [.waitFor(" 25/25 "), .key(.character("2")), .key(.character("j"))]
        + [.waitFor("2 of "), .key(.character("q"))])
    XCTAssertEqual(first.finish(), [])
    let next = try run([.waitFor("2 of "), .key(.character("q"))])
    XCTAssertTrue(next.screen.frames[0].text.contains("2 of "))
    XCTAssertEqual(next.state.query.parties.selected.count, 1)
  }

  func testAResizeDrawsAFrameOfTheNewSize() throws {
    let bigger = Size(columns: 120, rows: 40)
    let session = try run(
      [.waitFor(" 25/25 "), .resize(bigger), .waitFor(" 25/25 ")]
        + [.key(.character("q"))])
    XCTAssertEqual(session.screen.frames.last?.size, bigger)
    XCTAssertEqual(session.screen.frames[0].size, Size(columns: 100, rows: 30))
  }

  func testTheLoopSurvivesATerminalOfOneCellAndComesBack() throws {
    let tiny = Size(columns: 1, rows: 1)
    let session = try run(
      [.waitFor(" 25/25 "), .resize(tiny), .waitFor(""), .key(.character("j"))]
        + [.resize(Size(columns: 100, rows: 30)), .waitFor("2 of 25")]
        + [.key(.character("q"))])
    XCTAssertTrue(session.screen.frames.contains { $0.size == tiny })
    XCTAssertEqual(session.screen.frames.last?.size.columns, 100)
  }

  func testALineAppendedToADataFileIsReloaded() throws {
    let session = try run(
      [.waitFor(" 25/25 "), .perform { try? self.appendRecord(2) }]
        + [.waitFor("+1 record, 0 changed"), .waitFor(" 26/26 ")]
        + [.key(.character("G")), .waitFor("Appended record 2")]
        + [.key(.character("q"))])
    XCTAssertEqual(session.state.corpus.records.count, 26)
  }

  func testAnAppendedLineIsSeenByThePollingWatcherToo() throws {
    // DATELINE_WATCH=poll (network file systems): the status poll, once a second.
    extraEnvironment = ["DATELINE_WATCH": "poll"]
    let session = try run(
      [.waitFor(" 25/25 "), .perform { try? self.appendRecord(2) }]
        + [.waitFor(" 26/26 "), .key(.character("q"))])
    XCTAssertEqual(session.state.corpus.records.count, 26)
  }

  func testARecordWhoseFileChangedUnderTheViewLoadsTheDataAgain() throws {
    // Loaded, then the file rewritten before the view opens: whichever read of its
    // record comes first (the drawing after G, or the fingerprints in the background)
    // fails, and with no watcher (--no-follow) only the loop's check can reload.
    let opening = try complete(data)
    try
      (recordLine(1).replacingOccurrences(
        of: "Appended record", with: "Rewritten record") + "\n").write(
        toFile: data + "/today.jsonl", atomically: false, encoding: .utf8)
    let session = try run(
      [.key(.character("G")), .waitFor("Rewritten record 1")]
        + [.key(.character("q"))],
      opening: opening, follow: false, size: Size(columns: 100, rows: 8))
    XCTAssertTrue(
      session.screen.frames.contains { $0.text.contains("data changed") })
  }

  // MARK: - First open: the check after a first pass

  func testTheCheckAfterAFirstPassTakesTheInvalidRecordOut() throws {
    let lines = (1...5).map { recordLine($0, party: "hamas") }
      .joined(separator: "\n")
    let dir = try linesDirectory(
      lines + "\n" + recordLine(6, party: "nobody") + "\n")
    let outcome = try firstPassOpening(dir)
    let session = try run(
      [.waitFor("checked: 1 record not valid left the view")]
        + [.waitFor(" 5/5 "), .key(.character("q"))],
      directory: dir,
      opening: BrowseOpening(corpus: outcome.corpus, result: nil))
    XCTAssertTrue(session.screen.frames[0].text.contains(" 6/6 "))
    XCTAssertTrue(session.screen.frames[0].text.contains("checking"))
    XCTAssertEqual(session.state.corpus.records.count, 5)
  }

  /// The checked store stands on the first pass's rows (LoadSettings.provisional): a
  /// line appended to the file after the check is read alone as after any load.
  func testALineAppendedAfterTheFirstOpenCheckIsReloaded() throws {
    let dir = try linesDirectory((1...4).map { recordLine($0) + "\n" }.joined())
    let path = dir + "/records.jsonl"
    let outcome = try firstPassOpening(dir)
    let append: () -> Void = {
      guard let handle = FileHandle(forWritingAtPath: path) else { return }
      defer { try? handle.close() }
      _ = try? handle.seekToEnd()
      try? handle.write(contentsOf: Data((self.recordLine(5) + "\n").utf8))
    }
    let session = try run(
      [.waitFor("checked: every record is valid"), .perform(append)]
        + [.waitFor("+1 record, 0 changed"), .waitFor(" 5/5 ")]
        + [.key(.character("q"))],
      directory: dir,
      opening: BrowseOpening(corpus: outcome.corpus, result: nil))
    XCTAssertEqual(session.state.corpus.records.count, 5)
  }

  // MARK: - Helpers

  /// The seed's parties and sources as envelopes and `records` as records.jsonl (lines):
  /// what the first pass reads.
  func linesDirectory(_ records: String) throws -> String {
    let dir = work.appendingPathComponent("lines").path
    try FileManager.default.createDirectory(
      atPath: dir, withIntermediateDirectories: true)
    for name in ["parties.json", "sources.json", "sources"] {
      try FileManager.default.copyItem(
        atPath: data + "/" + name, toPath: dir + "/" + name)
    }
    try records.write(
      toFile: dir + "/records.jsonl", atomically: true, encoding: .utf8)
    return dir
  }

  /// The first pass's opening of `dir`, as the browser's (the test fails when it declines).
  func firstPassOpening(_ dir: String) throws -> FirstPass.Outcome {
    guard
      case .provisional(let outcome)? = try CorpusLoader.openProvisionally(
        directory: dir, settings: LoadEnvironment.settings(environment),
        firstPass: FirstPass.Settings(minimumBytes: 0))
    else {
      XCTFail("the first pass declined the directory")
      throw CocoaError(.fileReadUnknown)
    }
    return outcome
  }

  /// What a test adds to `environment` (the editor).
  var extraEnvironment: [String: String] = [:]

  /// The process's own environment is not read: homes inside `work`, no re-open cache.
  var environment: [String: String] {
    extraEnvironment.merging(
      baseEnvironment, uniquingKeysWith: { extra, _ in extra })
  }

  var baseEnvironment: [String: String] {
    [
      "HOME": work.appendingPathComponent("home").path,
      "XDG_STATE_HOME": work.appendingPathComponent("state").path,
      "XDG_DATA_HOME": work.appendingPathComponent("share").path,
      "XDG_CACHE_HOME": work.appendingPathComponent("cache").path,
      "DATELINE_CACHE": "0", "USER": "tester", "TMPDIR": work.path,
    ]
  }

  /// Opens the directory as the browser does (a complete load), runs the loop on a
  /// 100x30 scripted screen until it ends, and fails the test if the script could not
  /// be played to its end.
  func run(
    _ steps: [ScriptedScreen.Step], config: Config = Config(),
    directory: String? = nil, opening: BrowseOpening? = nil,
    follow: Bool = true, size: Size = Size(columns: 100, rows: 30),
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> BrowseSession<ScriptedScreen> {
    let directory = directory ?? data
    let settings = BrowseSettings(
      directory: directory, follow: follow, config: config,
      environment: environment)
    var session = BrowseSession.open(
      screen: ScriptedScreen(size: size, steps: steps),
      opening: try opening ?? complete(directory),
      settings: settings, drafts: DraftOverlay(directory: directory))
    session.run()
    if let failure = session.screen.failure {
      XCTFail(
        "\(failure); last frame:\n\(session.screen.lastText)", file: file,
        line: line)
    }
    return session
  }

  /// `directory` loaded in full, as the browser opens it without a first pass.
  func complete(_ directory: String) throws -> BrowseOpening {
    let result = try CorpusLoader.open(
      directory: directory,
      settings: LoadEnvironment.settings(environment, digestedReads: true))
    return BrowseOpening(corpus: result.corpus, result: result)
  }

  /// Record `n`, dated after the seed's records, with `party` as its actor.
  func recordLine(_ n: Int, party: String = "hamas") -> String {
    #"{"id":"append-\#(n)","date":"2024-03-0\#(n)","kind":"event","parties":[{"id":"\#(party)","role":"actor"}],"headline":"Appended record \#(n)","source":"cnn-hostage-talks"}"#
  }

  /// Appends record `n` to `today.jsonl`, one line.
  func appendRecord(_ n: Int) throws {
    let line = recordLine(n) + "\n"
    let path = data + "/today.jsonl"
    if !FileManager.default.fileExists(atPath: path) {
      XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
    }
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(line.utf8))
  }
}
