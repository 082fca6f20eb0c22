import DatelineCore
import DatelineUI
import XCTest

/// `e` (export), `y` (citation) and the config's preferences: remapped keys, colours per
/// party kind, where the pane opens. The shell's side is answered here with its events.
extension UpdateTests {
  // MARK: - Export

  func testEAsksForAFileAndRequestsTheFilteredView() throws {
    let filtered = press("2", from: try Seed.state())
    XCTAssertLessThan(filtered.rows.count, 24)
    let typing = press("e out.csv", from: filtered)
    XCTAssertEqual(typing.prompt, .export(text: "out.csv"))
    XCTAssertEqual(
      render(typing).statusLine,
      "export \(filtered.rows.count) records to (.csv, .md): out.csv")
    let s = press("Enter", from: typing)
    XCTAssertNil(s.prompt)
    XCTAssertEqual(
      s.exportRequest,
      ExportRequest(path: "out.csv", rows: filtered.rows.positions))
    XCTAssertEqual(s.exportRequest?.format, .csv)
    XCTAssertEqual(ExportRequest(path: "Report.MD", rows: []).format, .markdown)
    let done = update(
      s,
      .exportFinished(path: "out.csv", count: filtered.rows.count, error: nil))
    XCTAssertNil(done.exportRequest)
    XCTAssertEqual(
      done.message, "wrote \(filtered.rows.count) records to out.csv")
    let failed = update(
      s,
      .exportFinished(path: "out.csv", count: 0, error: "cannot write the file")
    )
    XCTAssertEqual(
      failed.message, "export failed: out.csv: cannot write the file")
  }

  func testAnExistingFileIsReplacedOnlyAfterY() throws {
    let asked = update(
      press("e out.md Enter", from: try Seed.state()),
      .exportTargetExists(path: "out.md"))
    XCTAssertNil(
      asked.exportRequest, "nothing is written while the question is open")
    XCTAssertEqual(
      asked.prompt,
      .overwrite(ExportRequest(path: "out.md", rows: Array(0..<24))))
    XCTAssertEqual(render(asked).statusLine, "out.md exists; replace it? (y/n)")
    let yes = press("y", from: asked)
    XCTAssertNil(yes.prompt)
    XCTAssertEqual(
      yes.exportRequest,
      ExportRequest(path: "out.md", rows: Array(0..<24), overwrite: true))
    for answer in ["n", "Enter", "Escape", "x"] {
      let kept = press(answer, from: asked)
      XCTAssertNil(kept.prompt, answer)
      XCTAssertNil(kept.exportRequest, answer)
      XCTAssertTrue(
        kept.message?.hasPrefix("export cancelled") ?? false,
        "\(answer): \(kept.message ?? "nil")")
    }
  }

  func testNothingToExportAndAnEmptyNameCancel() throws {
    let empty = press(
      "e", from: update(try Seed.state(), .toggleParty("no-such-party")))
    XCTAssertNil(empty.prompt)
    XCTAssertEqual(empty.message, "nothing to export: no record is shown")
    let unnamed = press("e Enter", from: try Seed.state())
    XCTAssertNil(unnamed.exportRequest)
    XCTAssertEqual(unnamed.message, "export cancelled: no file name")
  }

  // MARK: - Citation

  func testYRequestsACitationOfTheSelectedRecord() throws {
    let s = selecting("pmo-135-116", in: try Seed.state())
    let asked = press("y", from: s)
    let record = try XCTUnwrap(s.selectedRecord)
    XCTAssertEqual(
      asked.citationRequest, Citation(record: record, corpus: s.corpus))
    let told = update(
      asked, .citationDelivered("citation copied to the clipboard (OSC 52)"))
    XCTAssertNil(told.citationRequest)
    XCTAssertEqual(told.message, "citation copied to the clipboard (OSC 52)")
    XCTAssertTrue(
      render(told).statusLine.contains("citation copied"),
      render(told).statusLine)
  }

  // MARK: - Preferences from the config

  func testRemappedKeysActAsTheirTargetsButNotInPrompts() throws {
    var s = try Seed.state()
    s.preferences.keys = KeyRemap([
      .control("n"): .character("j"), .character("j"): Optional<Key>.none,
      .character("x"): .character("q"),
    ])
    XCTAssertEqual(press("C-n C-n", from: s).selection, 2)
    XCTAssertEqual(press("j j", from: s).selection, 0, "j is unbound")
    XCTAssertEqual(KeyMap.event(for: .character("j"), in: s), nil)
    XCTAssertEqual(KeyMap.event(for: .character("x"), in: s), .closeOrQuit)
    XCTAssertEqual(
      press("/ jx", from: s).prompt, .search(text: "jx", origin: 0),
      "a prompt types the keys as they are")
    XCTAssertEqual(
      KeyMap.event(for: .resize(Size(columns: 50, rows: 10)), in: s),
      .resize(Size(columns: 50, rows: 10)))
  }

  func testKindColoursFromTheConfigAndNoColorWins() throws {
    var s = try Seed.state()
    let plain = render(s).styleRuns
    s.preferences.kindColors = [
      .state: .white, .armed_group: .white, .person: .white,
      .government_body: .white,
    ]
    let themed = render(s).styleRuns
    XCTAssertNotEqual(themed, plain)
    XCTAssertTrue(
      themed.contains { $0.hasSuffix(" f7") }, themed.joined(separator: "\n"))
    XCTAssertFalse(plain.contains { $0.hasSuffix(" f7") })
    s.useColor = false
    XCTAssertFalse(
      render(s).styleRuns.contains { $0.contains("f") },
      "NO_COLOR: no colour at all")
  }

  func testTheLayoutPreferencePlacesThePane() throws {
    var wide = press(
      "Enter", from: try Seed.state(Size(columns: 120, rows: 40)))
    XCTAssertTrue(Layout(wide).paneBeside)
    wide.preferences.split = .below
    XCTAssertFalse(Layout(wide).paneBeside)
    XCTAssertEqual(Layout(wide).pane?.column, 0)
    var narrow = press(
      "Enter", from: try Seed.state(Size(columns: 60, rows: 24)))
    XCTAssertFalse(Layout(narrow).paneBeside)
    narrow.preferences.split = .right
    XCTAssertTrue(Layout(narrow).paneBeside)
    XCTAssertEqual(
      render(narrow).text.split(separator: "\n").first?.contains("│"), true)
    narrow.size = Size(columns: 30, rows: 24)
    XCTAssertFalse(
      Layout(narrow).paneBeside, "too narrow to put anything beside")
  }
}
