import DatelineCore
import DatelineUI
import Foundation
import XCTest

/// Runs the built `dateline` binary and checks stdout, stderr and the exit status, as
/// swift-argument-parser's AssertExecuteCommand and lnav's run_cap_test do.
final class CLITests: XCTestCase {
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
    var terminatedBySignal: Bool
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let seed = root.appendingPathComponent("Data").path

  var binary: URL { Self.binaryURL }

  /// A developer's own config, marks or cache must not change what the tests see.
  static let isolatedUserDirectories: [String: String] = {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-cli-home-\(getpid())"
    ).path
    return [
      "XDG_CONFIG_HOME": base + "/config", "XDG_STATE_HOME": base + "/state",
      "XDG_CACHE_HOME": base + "/cache", "HOME": base,
    ]
  }()

  /// The built `dateline`: the test bundle sits next to the built products.
  static var binaryURL: URL {
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest")
    {
      return bundle.bundleURL.deletingLastPathComponent()
        .appendingPathComponent("dateline")
    }
    return Bundle.main.bundleURL.appendingPathComponent("dateline")
  }

  /// `shell`: a `sh -c` script that runs the binary as `"$0" "$@"` (for redirections);
  /// `stdout`: where its output goes instead of the returned text.
  func run(
    _ args: [String], stdin: FileHandle? = nil, env: [String: String] = [:],
    shell: String? = nil,
    stdout: FileHandle? = nil, seconds: Double? = nil
  ) throws -> Run {
    let p = Process()
    p.executableURL = shell == nil ? binary : URL(fileURLWithPath: "/bin/sh")
    p.arguments = shell.map { ["-c", $0, binary.path] + args } ?? args
    p.environment = environment(env)
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = stdout ?? out
    p.standardError = err
    p.standardInput = stdin ?? FileHandle(forReadingAtPath: "/dev/null")
    try p.run()
    if stdout != nil { try out.fileHandleForWriting.close() }
    let o = ChildOutput.collect(
      p, out: out.fileHandleForReading, err: err.fileHandleForReading,
      seconds: seconds)
    return Run(
      status: p.terminationStatus,
      stdout: String(decoding: o.stdout, as: UTF8.self),
      stderr: String(decoding: o.stderr, as: UTF8.self),
      terminatedBySignal: p.terminationReason == .uncaughtSignal)
  }

  /// A child that writes more than a pipe holds to stderr before it writes to stdout
  /// (the issues of a corrupted corpus, then the summary) is read whole, not waited on.
  func testRunReadsBothPipesAtOnce() throws {
    let r = try run(
      ["--version"],
      shell: #"head -c 300000 /dev/zero | tr '\0' e >&2; exec "$0" "$@""#,
      seconds: 120)
    // A reader that waits for one pipe's end first is terminated at the deadline.
    XCTAssertEqual(r.status, 0)
    XCTAssertEqual(r.stderr, String(repeating: "e", count: 300_000))
    XCTAssertFalse(r.stdout.isEmpty)
  }

  /// The test process's environment with the user's directories isolated, plus `env`.
  func environment(_ env: [String: String]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    environment["DATELINE_DATA"] = nil
    environment["DATELINE_CONFIG"] = nil
    environment.merge(Self.isolatedUserDirectories) { _, new in new }
    for (k, v) in env { environment[k] = v }
    return environment
  }

  func tempData(_ files: [String: String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    for (name, text) in files {
      try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    return dir.path
  }

  static let parties =
    #"{"schema":1,"type":"parties","items":[{"id":"a","name":"Alpha"},{"id":"b","name":"Beta","parent":"a"}]}"#
  static let sources =
    #"{"schema":1,"type":"sources","items":[{"id":"s","outlet":"O","title":"T","text":"Alpha said yes. Beta said no."}]}"#

  // MARK: - validate

  func testValidateOnTheSeedCorpusReportsNoErrorsAndNoWarnings() throws {
    let r = try run(["validate", "--data", Self.seed])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.stderr, "")
    XCTAssertTrue(
      r.stdout.contains("24 records, 0 items left out, 0 errors, 0 warnings"),
      r.stdout)
  }

  func testValidateOnAMissingDirectoryExitsTwo() throws {
    let r = try run(["validate", "--data", "/nonexistent/dateline"])
    XCTAssertEqual(r.status, 2)
    XCTAssertEqual(
      r.stderr, "dateline: /nonexistent/dateline: no such directory\n")
  }

  func testValidateReportsEveryErrorAndExitsOne() throws {
    let dir = try tempData([
      "parties.json": Self.parties, "sources.json": Self.sources,
      "records.json":
        #"{"schema":1,"type":"records","items":[{"id":"r1","date":"2023-13-01","kind":"event","parties":["a"],"headline":"H","source":"s"},{"id":"r2","date":"2023-12-01","kind":"rumour","parties":["zz"],"headline":"H","source":"s"}]}"#,
    ])
    let r = try run(["validate", "--data", dir])
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(
      r.stderr,
      """
      records.json: items[0] (id "r1"): $.date: expected YYYY-MM-DD, YYYY-MM or YYYY, got "2023-13-01"
      records.json: items[1] (id "r2"): $.kind: expected one of event, statement, claim, denial, figure, got "rumour"

      """)
    XCTAssertTrue(
      r.stdout.hasSuffix("0 records, 2 items left out, 2 errors, 0 warnings\n"),
      r.stdout)
  }

  // MARK: - list

  func ids(_ jsonl: String) -> [String] {
    jsonl.split(separator: "\n").compactMap { line in
      guard let r = line.range(of: #""id":""#) else { return nil }
      return String(line[r.upperBound...].prefix { $0 != "\"" })
    }
  }

  func testListByPartyGivesTheSameRecordsAsTheCoreQuery() throws {
    let corpus = try CorpusLoader.load(directory: Self.seed).corpus
    for party in ["hamas", "israel", "qatar", "il-pmo"] {
      let r = try run([
        "list", "--data", Self.seed, "--party", party, "--format", "jsonl",
      ])
      XCTAssertEqual(r.status, 0)
      let expected = TimelineQuery(parties: PartyFilter([Party.ID(party)])).run(
        on: corpus
      ).map {
        corpus.records[$0].id.rawValue
      }
      XCTAssertEqual(ids(r.stdout), expected, party)
      XCTAssertFalse(expected.isEmpty)
    }
  }

  func testFilterInAndFilterOutMirrorTheBrowsersCommands() throws {
    let corpus = try CorpusLoader.load(directory: Self.seed).corpus
    let r = try run([
      "list", "--data", Self.seed, "--filter-in", "hostages", "--filter-out",
      "qatar", "--filter-out", "biden",
      "--format", "jsonl",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let expected = TimelineQuery(
      search: "hostages", excluded: ["qatar", "biden"]
    ).run(on: corpus).map {
      corpus.records[$0].id.rawValue
    }
    XCTAssertEqual(ids(r.stdout), expected)
    let searched = try run([
      "list", "--data", Self.seed, "--search", "hostages", "--format", "jsonl",
    ])
    XCTAssertGreaterThan(
      ids(searched.stdout).count, expected.count, "--filter-out left some out")
    XCTAssertFalse(expected.isEmpty)
  }

  func testListIsraelIncludesThePrimeMinistersOfficeRecords() throws {
    let r = try run([
      "list", "--data", Self.seed, "--party", "israel", "--format", "jsonl",
    ])
    XCTAssertTrue(ids(r.stdout).contains("pmo-135-116"))
    let hamas = try run([
      "list", "--data", Self.seed, "--party", "hamas", "--format", "jsonl",
    ])
    XCTAssertFalse(ids(hamas.stdout).contains("pmo-135-116"))
  }

  func testListInTextFormatIsInTimelineOrderWithPrecisionMarks() throws {
    let r = try run(["list", "--data", Self.seed])
    let lines = r.stdout.split(separator: "\n")
    XCTAssertEqual(lines.count, 24)
    XCTAssertTrue(lines[0].hasPrefix("2023-10-07 "), String(lines[0]))
    XCTAssertTrue(lines.contains { $0.hasPrefix("2023-11 ~ ") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("wk 2023-12-06 ~ ") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("2023-11-24…11-30 ") })
  }

  func testAnUnknownPartyIsAUsageErrorListingTheKnownIds() throws {
    let r = try run(["list", "--data", Self.seed, "--party", "hamaz"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(
      r.stderr.hasPrefix(
        "dateline: unknown party id \"hamaz\"; known ids: hamas, "), r.stderr)
  }

  func testABadDateOptionIsAUsageError() throws {
    let r = try run(["list", "--data", Self.seed, "--since", "2023-1-5"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(
      r.stderr.contains("--since expects YYYY, YYYY-MM or YYYY-MM-DD"), r.stderr
    )
  }

  func testListJSONRoundTripsThroughTheLoader() throws {
    let r = try run(["list", "--data", Self.seed, "--format", "json"])
    let dir = try tempData(["records.json": r.stdout])
    for f in ["parties.json", "sources.json"] {
      try FileManager.default.copyItem(
        atPath: Self.seed + "/" + f, toPath: dir + "/" + f)
    }
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/sources", withDestinationPath: Self.seed + "/sources")
    // The symlinked text folder leads outside the directory: the copy must be real.
    try FileManager.default.removeItem(atPath: dir + "/sources")
    try FileManager.default.copyItem(
      atPath: Self.seed + "/sources", toPath: dir + "/sources")
    let again = try CorpusLoader.load(directory: dir)
    let original = try CorpusLoader.load(directory: Self.seed)
    XCTAssertEqual(again.issues, [])
    XCTAssertEqual(again.corpus.records, original.corpus.records)
  }

  // MARK: - show

  func testShowPrintsTheDetailAndTheQuoteInContext() throws {
    let r = try run([
      "show", "--data", Self.seed, "israel-rejects-soldiers-claim",
    ])
    XCTAssertEqual(r.status, 0)
    XCTAssertTrue(r.stdout.contains("Kind:         denial"), r.stdout)
    XCTAssertTrue(
      r.stdout.contains("Disputes:     2023-12-12  Hamas refuses"), r.stdout)
    XCTAssertTrue(r.stdout.contains("»a claim that Israel"), r.stdout)
  }

  func testShowOfAnUnknownIdExitsTwo() throws {
    let r = try run(["show", "--data", Self.seed, "nope"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("no record with id \"nope\""))
  }

  // MARK: - screen and browse

  func testScreenPrintsExactlyWhatRenderDraws() throws {
    let corpus = try CorpusLoader.load(directory: Self.seed).corpus
    var state = BrowserState(
      corpus: corpus, dataLabel: Self.seed, size: Size(columns: 80, rows: 24))
    for key in KeyNames.parse("j j Enter") {
      if let e = KeyMap.event(for: key, in: state) { state = update(state, e) }
    }
    let expected =
      render(state).lines.map { l in
        var s = l
        while s.hasSuffix(" ") { s.removeLast() }
        return s
      }.joined(separator: "\n") + "\n"
    let r = try run([
      "screen", "--data", Self.seed, "--size", "80x24", "--keys", "j j Enter",
    ])
    XCTAssertEqual(r.status, 0)
    XCTAssertEqual(r.stdout, expected)
  }

  func testBrowseWithoutATerminalExitsTwoAndSuggestsList() throws {
    let r = try run(["--data", Self.seed])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("needs a terminal"), r.stderr)
    XCTAssertTrue(r.stderr.contains("dateline list"), r.stderr)
  }

  // MARK: - hostile text

  func testEscapeSequencesInDataNeverReachTheOutputRaw() throws {
    let evil =
      #"Evil \u001b]52;c;aGVsbG8=\u0007 \u001b[31mred\u001b[0m \u009b2J \u202eRTL"#
    let dir = try tempData([
      "parties.json":
        #"{"schema":1,"type":"parties","items":[{"id":"a","name":"A \u001b]0;title\u0007"}]}"#,
      "sources.json":
        #"{"schema":1,"type":"sources","items":[{"id":"s","outlet":"O","title":"T","text":"x"}]}"#,
      "records.json":
        #"{"schema":1,"type":"records","items":[{"id":"r1","date":"2023","kind":"event","parties":["a"],"headline":"\#(evil)","source":"s","summary":"\#(evil)"}]}"#,
    ])
    for args in [
      ["list"], ["show", "r1"], ["validate"],
      ["screen", "--size", "80x24", "--keys", "Enter"],
    ] {
      let r = try run(args + ["--data", dir])
      for (name, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
        let bad = text.unicodeScalars.filter { s in
          (s.value < 0x20 && s.value != 0x0A) || (0x7F...0x9F).contains(s.value)
            || (0x202A...0x202E).contains(s.value)
        }
        XCTAssertEqual(
          bad.map { String($0.value, radix: 16) }, [],
          "\(args) \(name): \(text)")
      }
      XCTAssertFalse(r.terminatedBySignal)
    }
    let json = try run(["list", "--data", dir, "--format", "jsonl"])
    XCTAssertTrue(
      json.stdout.contains(#"\u001b]52;c;aGVsbG8=\u0007"#), json.stdout)
  }
}
