import Foundation
import XCTest

/// Hostile corpora (Tests/DatelineCLITests/Hostile/<case>/): each must give its exact
/// messages and exit status, never die by a signal, never hang, and never write a control
/// character from the data to the terminal, whatever the command.
final class HostileInputTests: XCTestCase {
  static let hostile = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("Hostile")

  var cases: [String] {
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: Self.hostile.path))
      ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  /// Runs the binary with a deadline; a run that outlives it is killed and reported.
  func run(_ args: [String], in directory: URL = hostile, seconds: Double = 60)
    throws -> (
      status: Int32, out: String, err: String, signalled: Bool, timedOut: Bool
    )
  {
    let p = Process()
    p.executableURL = CLITests.binaryURL
    p.arguments = args
    p.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["SWIFT_BACKTRACE"] = "enable=no"
    env["DATELINE_CONFIG"] = nil
    env.merge(CLITests.isolatedUserDirectories) { _, new in new }
    p.environment = env
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    try p.run()
    let o = ChildOutput.collect(
      p, out: out.fileHandleForReading, err: err.fileHandleForReading,
      seconds: seconds)
    return (
      p.terminationStatus, String(decoding: o.stdout, as: UTF8.self),
      String(decoding: o.stderr, as: UTF8.self),
      p.terminationReason == .uncaughtSignal && o.finished, !o.finished
    )
  }

  func testEveryHostileCorpusGivesItsExactMessagesAndExitStatus() throws {
    XCTAssertGreaterThanOrEqual(cases.count, 16)
    for name in cases {
      let expected = try String(
        contentsOf: Self.hostile.appendingPathComponent(name)
          .appendingPathComponent("expected.txt"), encoding: .utf8)
      let r = try run(["validate", "--data", name])
      XCTAssertFalse(r.signalled, name)
      XCTAssertFalse(r.timedOut, name)
      XCTAssertEqual("exit \(r.status)\n" + r.err + r.out, expected, name)
    }
  }

  func testNoCommandWritesAControlCharacterOrDiesOnHostileData() throws {
    for name in cases {
      for args in [
        ["list"], ["list", "--format", "json"], ["show", "inj"],
        ["show", "ok"],
        ["screen", "--size", "80x24", "--keys", "Enter j o p Escape ?"],
        ["screen", "--size", "20x5", "--keys", "o"],
      ] {
        let r = try run(args + ["--data", name])
        XCTAssertFalse(r.signalled, "\(name) \(args)")
        XCTAssertFalse(r.timedOut, "\(name) \(args)")
        XCTAssertTrue(
          [0, 1, 2].contains(r.status), "\(name) \(args): \(r.status)")
        for (stream, text) in [("stdout", r.out), ("stderr", r.err)] {
          let bad = text.unicodeScalars.filter { s in
            (s.value < 0x20 && s.value != 0x0A)
              || (0x7F...0x9F).contains(s.value)
              || (0x202A...0x202E).contains(s.value)
              || (0x2066...0x2069).contains(s.value)
          }
          XCTAssertEqual(
            bad.map { String($0.value, radix: 16) }, [],
            "\(name) \(args) \(stream)")
        }
      }
    }
  }

  func testAMissingOrNonDirectoryDataPathIsAUsageError() throws {
    let missing = try run(["validate", "--data", "no-such-dir"])
    XCTAssertEqual(missing.status, 2)
    XCTAssertEqual(missing.err, "dateline: no-such-dir: no such directory\n")
    let file = try run(["validate", "--data", "escape-injection/records.json"])
    XCTAssertEqual(file.status, 2)
    XCTAssertEqual(
      file.err, "dateline: escape-injection/records.json: not a directory\n")
  }

  func testASymlinkLeadingOutsideTheDataDirectoryIsNeverRead() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-symlink-\(UUID().uuidString)")
    let data = dir.appendingPathComponent("data")
    try FileManager.default.createDirectory(
      at: data, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    try "TOP SECRET outside".write(
      to: dir.appendingPathComponent("secret.txt"), atomically: true,
      encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: data.appendingPathComponent("text.txt").path,
      withDestinationPath: "../secret.txt")
    try #"{"schema":1,"type":"parties","items":[{"id":"a","name":"A"}]}"#.write(
      to: data.appendingPathComponent("parties.json"), atomically: true,
      encoding: .utf8)
    try
      #"{"schema":1,"type":"sources","items":[{"id":"s","outlet":"O","title":"T","text_path":"text.txt"}]}"#
      .write(
        to: data.appendingPathComponent("sources.json"), atomically: true,
        encoding: .utf8)
    try
      #"{"schema":1,"type":"records","items":[{"id":"r","date":"2023","kind":"event","parties":["a"],"headline":"H","source":"s","quote":{"exact":"TOP SECRET"}}]}"#
      .write(
        to: data.appendingPathComponent("records.json"), atomically: true,
        encoding: .utf8)
    let r = try run(["validate", "--data", data.path])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(
      r.err.contains(
        #"sources.json: items[0] (id "s"): $.text_path: "text.txt" leads outside the data directory (through a symlink)"#
      ), r.err)
    let screen = try run(["screen", "--data", data.path, "--keys", "o"])
    XCTAssertFalse(screen.out.contains("TOP SECRET"))
  }

  func testAFiftyMegabyteSourceTextLoadsAndShowsItsQuote() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-big-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    var text = String(
      repeating: String(repeating: "lorem ipsum dolor sit amet ", count: 40)
        + "\n", count: 46_000)
    text += "THE QUOTE IS HERE. " + String(repeating: "tail ", count: 100_000)
    XCTAssertGreaterThan(text.utf8.count, 50_000_000)
    try text.write(
      to: dir.appendingPathComponent("big.txt"), atomically: true,
      encoding: .utf8)
    try #"{"schema":1,"type":"parties","items":[{"id":"a","name":"A"}]}"#.write(
      to: dir.appendingPathComponent("parties.json"), atomically: true,
      encoding: .utf8)
    try
      #"{"schema":1,"type":"sources","items":[{"id":"s","outlet":"O","title":"Big","text_path":"big.txt"}]}"#
      .write(
        to: dir.appendingPathComponent("sources.json"), atomically: true,
        encoding: .utf8)
    try
      #"{"schema":1,"type":"records","items":[{"id":"r","date":"2023","kind":"event","parties":["a"],"headline":"H","source":"s","quote":{"exact":"THE QUOTE IS HERE."}}]}"#
      .write(
        to: dir.appendingPathComponent("records.json"), atomically: true,
        encoding: .utf8)
    let r = try run(
      ["screen", "--data", dir.path, "--size", "80x24", "--keys", "o"],
      seconds: 120)
    XCTAssertEqual(r.status, 0, r.err)
    XCTAssertTrue(r.out.contains("THE QUOTE IS HERE."), r.out)
    XCTAssertTrue(
      r.out.contains("long text: showing 256 KB around the quote"), r.out)
  }
}
