import Foundation
import XCTest

/// Every command's output is checked: a full disk, a closed stdout and a reader that went
/// away end the command as Output documents, never with a trap.
extension CLITests {
  static let writingCommands: [[String]] = [
    ["list"], ["validate"], ["show", "pmo-135-116"], ["figures"],
    ["screen", "--size", "80x24"],
    ["list", "--histogram"], ["list", "--format", "json"],
    ["list", "--format", "jsonl"], ["list", "--format", "csv"],
  ]

  func testEveryCommandOnAFullDiskSaysSoOnceAndExitsTwo() throws {
    try assertEveryCommand(
      #"exec "$0" "$@" >/dev/full"#, says: "No space left on device")
  }

  func testEveryCommandWithStdoutClosedSaysSoOnceAndExitsTwo() throws {
    try assertEveryCommand(#"exec "$0" "$@" >&-"#, says: "it is closed")
  }

  /// Runs each writing command through `shell`: one message on stderr, exit 2, no trap.
  func assertEveryCommand(
    _ shell: String, says reason: String, line: UInt = #line
  ) throws {
    for args in Self.writingCommands {
      let r = try run(args + ["--data", Self.seed], shell: shell)
      XCTAssertFalse(r.terminatedBySignal, "\(args)", line: line)
      XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)", line: line)
      XCTAssertEqual(
        r.stderr, "dateline: cannot write to standard output: \(reason)\n",
        "\(args)", line: line)
    }
  }

  /// With SIGPIPE ignored a write to a pipe nobody reads fails with EPIPE: the command
  /// ends quietly, as if by SIGPIPE (141 in the shell), like `cat` with the signal on.
  func testEveryCommandIntoAPipeWithNoReaderEndsQuietlyAsBySIGPIPE() throws {
    for args in Self.writingCommands {
      // The reader end is closed before dateline starts, so its first write fails for sure.
      var ends: [Int32] = [0, 0]
      XCTAssertEqual(pipe(&ends), 0)
      close(ends[0])
      let writeEnd = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
      let r = try run(
        args + ["--data", Self.seed], shell: #"trap '' PIPE; exec "$0" "$@""#,
        stdout: writeEnd)
      XCTAssertEqual(r.stderr, "", "\(args)")
      XCTAssertTrue(r.terminatedBySignal, "\(args): status \(r.status)")
      XCTAssertEqual(r.status, SIGPIPE, "\(args)")
    }
  }

  func testAListPipedIntoHeadWithSIGPIPEIgnoredGivesTheFirstLineAndNoError()
    throws
  {
    let all = try run(["list", "--data", Self.seed])
    let r = try run(
      ["list", "--data", Self.seed],
      shell: #"trap '' PIPE; "$0" "$@" | head -1"#)
    XCTAssertEqual(r.stdout, String(all.stdout.prefix { $0 != "\n" }) + "\n")
    XCTAssertFalse(r.stderr.contains("dateline"), r.stderr)
    XCTAssertEqual(r.status, 0)
  }

  /// Help and version text is output too: on a full disk or a closed stdout it was lost
  /// with exit 0 (ArgumentParser's print does not check its write).
  func testHelpAndVersionOnAFullDiskOrClosedStdoutSaySoAndExitTwo() throws {
    for args in [
      ["--help"], ["--version"], ["list", "--help"], ["help", "import", "csv"],
    ] {
      XCTAssertEqual(try run(args).status, 0, "\(args)")
      for (shell, reason) in [
        (#"exec "$0" "$@" >/dev/full"#, "No space left on device"),
        (#"exec "$0" "$@" >&-"#, "it is closed"),
      ] {
        let r = try run(args, shell: shell)
        XCTAssertEqual(r.status, 2, "\(args) \(shell)")
        XCTAssertEqual(
          r.stderr, "dateline: cannot write to standard output: \(reason)\n",
          "\(args)")
      }
    }
  }

  /// A full stderr loses messages, never the command.
  func testAFullStderrLosesTheMessageButNotTheExitStatus() throws {
    let r = try run(
      ["list", "--party", "nobody", "--data", Self.seed],
      shell: #"exec "$0" "$@" 2>/dev/full"#)
    XCTAssertFalse(r.terminatedBySignal)
    XCTAssertEqual(r.status, 2)
    let browse = try run(
      ["--data", Self.seed], shell: #"exec "$0" "$@" 2>/dev/full"#)
    XCTAssertFalse(browse.terminatedBySignal)
    XCTAssertEqual(browse.status, 2)
  }
}

extension CLITests {
  /// The phase times (DATELINE_TIMING) are stderr notes too: a full or closed stderr loses
  /// them, never the command (FileHandle's write trapped there).
  func testPhaseTimesOnAFullOrClosedStderrNeverStopTheCommand() throws {
    for shell in [
      #"DATELINE_TIMING=1 exec "$0" "$@" 2>/dev/full"#,
      #"DATELINE_TIMING=1 exec "$0" "$@" 2>&-"#,
    ] {
      let r = try run(["validate", "--data", Self.seed], shell: shell)
      XCTAssertFalse(r.terminatedBySignal, shell)
      XCTAssertEqual(r.status, 0, shell)
      XCTAssertTrue(r.stdout.contains("24 records"), r.stdout)
    }
  }
}
