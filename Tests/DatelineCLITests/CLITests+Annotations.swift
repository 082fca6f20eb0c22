import DatelineCore
import Foundation
import XCTest

/// `dateline annotate`, the annotation filters of `list`, the annotations file under
/// concurrent writers, a cut last line and a place that cannot be written.
extension CLITests {
  /// A copy of the seed data in a temporary directory (annotations are written into it).
  func seedCopy() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-ann-\(UUID().uuidString)")
    try FileManager.default.copyItem(atPath: Self.seed, toPath: dir.path)
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    return dir.path
  }

  func ids(_ r: Run) -> [String] {
    r.stdout.split(separator: "\n").compactMap { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8))
        as? [String: Any])?["id"] as? String
    }
  }

  func testAnnotateThenListByStarTagAndNote() throws {
    let data = try seedCopy()
    let env = ["USER": "ana"]
    XCTAssertEqual(
      try run(
        [
          "annotate", "oct7-abductions", "--data", data, "--star", "--tag",
          "Key", "--tag", "check",
        ], env: env
      )
      .status, 0)
    XCTAssertEqual(
      try run(
        [
          "annotate", "truce", "--data", data, "--tag", "key", "--note",
          "ask \"why\"",
        ], env: env
      ).status, 0)
    let lines = try String(
      contentsOfFile: data + "/annotations/ana.jsonl", encoding: .utf8
    ).split(separator: "\n")
    XCTAssertEqual(lines.count, 5)
    XCTAssertTrue(
      lines[0].hasPrefix(#"{"record":"oct7-abductions","time":"20"#),
      String(lines[0]))
    XCTAssertTrue(
      lines[0].hasSuffix(#","author":"ana","op":"star"}"#), String(lines[0]))

    func list(_ args: [String]) throws -> [String] {
      let r = try run(
        ["list", "--data", data, "--format", "jsonl"] + args, env: env)
      XCTAssertEqual(r.status, 0, r.stderr)
      return ids(r)
    }
    XCTAssertEqual(try list(["--starred"]), ["oct7-abductions"])
    XCTAssertEqual(try list(["--tag", "key"]), ["oct7-abductions", "truce"])
    XCTAssertEqual(
      try list(["--tag", "key", "--tag", "check", "--all-tags"]),
      ["oct7-abductions"])
    XCTAssertEqual(try list(["--has-note"]), ["truce"])
    XCTAssertEqual(try list(["--search", "why"]), ["truce"])

    let json = try run(
      ["list", "--data", data, "--format", "json", "--has-note"], env: env)
    XCTAssertTrue(
      json.stdout.contains(
        #""x_annotations":{"tags":["key"],"note":"ask \"why\""}}"#), json.stdout
    )
    let csv = try run(
      ["list", "--data", data, "--format", "csv", "--starred"], env: env)
    XCTAssertTrue(
      csv.stdout.hasPrefix(
        RecordColumns.names.joined(separator: ",")
          + ",starred,annotation_tags,note\r\n"))
    XCTAssertTrue(csv.stdout.hasSuffix(",true,check; key,\r\n"), csv.stdout)
    let md = try run(
      ["list", "--data", data, "--format", "md", "--tag", "key"], env: env)
    XCTAssertTrue(
      md.stdout.hasPrefix(
        "| Date | Kind | Parties | Headline | Attribution | Source | starred | annotation\\_tags | note |"
      ), md.stdout)

    XCTAssertEqual(
      try run(
        [
          "annotate", "oct7-abductions", "--data", data, "--unstar", "--untag",
          "KEY",
        ], env: env
      ).status, 0)
    XCTAssertEqual(try list(["--starred"]), [])
    XCTAssertEqual(try list(["--tag", "key"]), ["truce"])
  }

  func testAnnotateRefusesUnknownRecordsAndEmptyRequests() throws {
    let data = try seedCopy()
    let unknown = try run([
      "annotate", "no-such-record", "--data", data, "--star",
    ])
    XCTAssertEqual(unknown.status, 2)
    XCTAssertTrue(
      unknown.stderr.contains("unknown record id \"no-such-record\""),
      unknown.stderr)
    XCTAssertEqual(try run(["annotate", "truce", "--data", data]).status, 2)
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: data + "/annotations"))
  }

  func testTwoProcessesAnnotatingAtOnceLoseNoLine() throws {
    let data = try seedCopy()
    let perProcess = 300
    var processes: [Process] = []
    for who in ["a", "b"] {
      let p = Process()
      p.executableURL = binary
      p.arguments =
        ["annotate", "truce", "--data", data]
        + (0..<perProcess).flatMap { ["--tag", "\(who)\($0)"] }
      var environment = ProcessInfo.processInfo.environment
      environment.merge(Self.isolatedUserDirectories) { _, new in new }
      environment["USER"] = "same-user"
      p.environment = environment
      processes.append(p)
    }
    for p in processes { try p.run() }
    for p in processes { p.waitUntilExit() }
    XCTAssertEqual(processes.map(\.terminationStatus), [0, 0])
    let r = try run(["list", "--data", data, "--format", "json", "--tag", "a0"])
    XCTAssertEqual(r.stderr, "")
    let lines = try String(
      contentsOfFile: data + "/annotations/same-user.jsonl", encoding: .utf8
    ).split(
      separator: "\n")
    XCTAssertEqual(lines.count, 2 * perProcess)
    let parsed = AnnotationLog.parse(
      Array(lines.joined(separator: "\n").utf8), name: "x")
    XCTAssertEqual(parsed.issues, [])
    XCTAssertEqual(
      Set(parsed.changes.compactMap(\.value)).count, 2 * perProcess)
  }

  func testACutLastLineIsIgnoredWithAWarningAndEarlierLinesKept() throws {
    let data = try seedCopy()
    try FileManager.default.createDirectory(
      atPath: data + "/annotations", withIntermediateDirectories: true)
    let good =
      #"{"record":"truce","time":"2026-01-01T00:00:00.000Z","author":"ana","op":"star"}"#
      + "\n"
    try Data(
      (good + #"{"record":"oct7-abductions","time":"2026-01-01T00:0"#).utf8
    ).write(
      to: URL(fileURLWithPath: data + "/annotations/ana.jsonl"))
    let r = try run(["list", "--data", data, "--format", "jsonl", "--starred"])
    XCTAssertEqual(ids(r), ["truce"])
    XCTAssertEqual(
      r.stderr,
      "warning: annotations/ana.jsonl:2: the last line is cut short (an interrupted write?), ignored\n"
    )
    let v = try run(["validate", "--data", data])
    XCTAssertEqual(v.status, 0)
    XCTAssertTrue(
      v.stderr.contains("annotations/ana.jsonl:2: the last line is cut short"),
      v.stderr)
    // The next change starts a line of its own: the cut one stays one bad line.
    XCTAssertEqual(
      try run(
        ["annotate", "oct7-abductions", "--data", data, "--star"],
        env: ["USER": "ana"]
      ).status, 0)
    XCTAssertEqual(
      ids(try run(["list", "--data", data, "--format", "jsonl", "--starred"])),
      ["oct7-abductions", "truce"])
  }

  func testAnAnnotationOfAnUnknownRecordIsAValidateWarning() throws {
    let data = try seedCopy()
    try FileManager.default.createDirectory(
      atPath: data + "/annotations", withIntermediateDirectories: true)
    let line =
      #"{"record":"gone","time":"2026-01-01T00:00:00.000Z","author":"ana","op":"star"}"#
      + "\n"
    try Data(line.utf8).write(
      to: URL(fileURLWithPath: data + "/annotations/ana.jsonl"))
    let v = try run(["validate", "--data", data])
    XCTAssertEqual(v.status, 0)
    XCTAssertEqual(
      v.stderr,
      "warning: annotations: annotation of unknown record id \"gone\", ignored\n"
    )
    XCTAssertTrue(v.stdout.hasSuffix("0 errors, 1 warning\n"), v.stdout)
  }

  func testAnUnwritablePlaceGivesAClearMessageAndAFallbackOutsideTheData()
    throws
  {
    let data = try seedCopy()
    // `annotations` as a plain file: not writable as a directory, even for root.
    try Data().write(to: URL(fileURLWithPath: data + "/annotations"))
    let xdg = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-xdg-\(UUID().uuidString)"
    ).path
    addTeardownBlock { try? FileManager.default.removeItem(atPath: xdg) }
    let ok = try run(
      ["annotate", "truce", "--data", data, "--star"],
      env: ["XDG_DATA_HOME": xdg, "USER": "ana"])
    XCTAssertEqual(ok.status, 0, ok.stderr)
    let fallback = try FileManager.default.subpathsOfDirectory(atPath: xdg)
      .filter { $0.hasSuffix("ana.jsonl") }
    XCTAssertEqual(fallback.count, 1)
    XCTAssertTrue(fallback[0].hasPrefix("dateline/annotations/"), fallback[0])
    XCTAssertEqual(
      ids(
        try run(
          ["list", "--data", data, "--format", "jsonl", "--starred"],
          env: ["XDG_DATA_HOME": xdg])), ["truce"])
    // Nowhere to write: the message names the place and the reason, exit 1.
    let failed = try run(
      ["annotate", "truce", "--data", data, "--star"],
      env: ["XDG_DATA_HOME": "/dev/null/x", "HOME": "/dev/null"])
    XCTAssertEqual(failed.status, 1)
    XCTAssertTrue(
      failed.stderr.hasPrefix("dateline: cannot save the annotation: "),
      failed.stderr)
    XCTAssertTrue(
      failed.stderr.contains("/dev/null/x/dateline/annotations"), failed.stderr)
  }
}

extension CLITests {
  func testListViewUsesTheFiltersOfASavedView() throws {
    let data = try seedCopy()
    try FileManager.default.createDirectory(
      atPath: data + "/annotations", withIntermediateDirectories: true)
    let views =
      #"{"schema": 1, "views": [{"name":"hamas-dec","parties":["hamas"],"since":"2023-12","search":"talks"}]}"#
    try Data(views.utf8).write(
      to: URL(fileURLWithPath: data + "/annotations/ana.views.json"))
    let env = ["USER": "ana"]
    let viewed = try run(
      ["list", "--data", data, "--view", "hamas-dec", "--format", "jsonl"],
      env: env)
    let flags = try run(
      [
        "list", "--data", data, "--party", "hamas", "--since", "2023-12",
        "--search", "talks", "--format", "jsonl",
      ],
      env: env)
    XCTAssertEqual(viewed.status, 0, viewed.stderr)
    XCTAssertFalse(ids(viewed).isEmpty)
    XCTAssertEqual(ids(viewed), ids(flags))
    let missing = try run(["list", "--data", data, "--view", "nope"], env: env)
    XCTAssertEqual(missing.status, 2)
    XCTAssertEqual(
      missing.stderr, "dateline: no view named \"nope\"; views: \"hamas-dec\"\n"
    )
  }
}
