import Foundation
import XCTest

/// `import csv --out DIR --force` replaces only the files it writes, and only once they are
/// complete.
extension CLITests {
  static let twoEvents =
    "date,actor,notes\n2023-01-01,Alpha,hello\n2023-01-02,Beta,world\n"

  func importArgs(_ csv: String, out: String) -> [String] {
    [
      "import", "csv", csv, "--date-column", "date", "--party-columns", "actor",
      "--headline-column", "notes", "--out",
      out,
    ]
  }

  /// The case: --force deleted package.json, tsconfig.json and a directory
  /// backup.json/ with a file inside. Now they all stay.
  func testImportWithForceNeverDeletesWhatItDidNotWrite() throws {
    let dir = try tempData(["e.csv": Self.twoEvents])
    let out = dir + "/out"
    try FileManager.default.createDirectory(
      atPath: out + "/backup.json", withIntermediateDirectories: true)
    for (name, text) in [
      "package.json": "{}", "tsconfig.json": "{\"x\":1}",
      "backup.json/inner": "kept",
    ] {
      try Data(text.utf8).write(to: URL(fileURLWithPath: out + "/" + name))
    }
    let r = try run(importArgs(dir + "/e.csv", out: out) + ["--force"])
    XCTAssertTrue(
      r.stderr.contains(
        "dateline: note: \(out) also holds backup.json, package.json, tsconfig.json, left as they were\n"
      ), r.stderr)
    XCTAssertEqual(
      FileManager.default.contents(atPath: out + "/package.json"),
      Data("{}".utf8))
    XCTAssertEqual(
      FileManager.default.contents(atPath: out + "/tsconfig.json"),
      Data("{\"x\":1}".utf8))
    XCTAssertEqual(
      FileManager.default.contents(atPath: out + "/backup.json/inner"),
      Data("kept".utf8))
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted(),
      [
        "backup.json", "package.json", "parties.json", "records.jsonl",
        "sources.json", "tsconfig.json",
      ])
  }

  /// On a full disk the old corpus stays whole and no temporary is left (a 64 KB tmpfs;
  /// mounting needs root).
  func testImportOnAFullDiskLeavesTheOldFilesAsTheyWere() throws {
    guard geteuid() == 0 else { throw XCTSkip("mounting a tmpfs needs root") }
    var csv = "date,actor,notes\n"
    for i in 0..<600 {
      csv +=
        "2023-01-\(10 + i % 18),Actor \(i % 50),headline number \(i) with some words\n"
    }
    let dir = try tempData(["big.csv": csv])
    let out = dir + "/full"
    try FileManager.default.createDirectory(
      atPath: out, withIntermediateDirectories: true)
    guard
      try run([], shell: "mount -t tmpfs -o size=64k tmpfs '\(out)'").status
        == 0
    else {
      throw XCTSkip("cannot mount a tmpfs here")
    }
    defer { _ = try? run([], shell: "umount '\(out)'") }
    let old = [
      "parties.json": "old parties", "records.jsonl": "old records",
      "sources.json": "old sources",
    ]
    for (name, text) in old {
      try Data(text.utf8).write(to: URL(fileURLWithPath: out + "/" + name))
    }
    let r = try run(importArgs(dir + "/big.csv", out: out) + ["--force"])
    XCTAssertEqual(r.status, 2, r.stderr)
    XCTAssertTrue(
      r.stderr.hasSuffix(
        ": cannot write: No space left on device; nothing was replaced\n"),
      r.stderr)
    for (name, text) in old {
      XCTAssertEqual(
        FileManager.default.contents(atPath: out + "/" + name), Data(text.utf8),
        name)
    }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted(),
      old.keys.sorted())
  }

  /// The 10 MB cell (2 MB here: the limit is 1 MiB, and a debug build reads CSV
  /// slowly): rejected by the importer (exit 1), and what is written validates.
  func testImportRejectsARowTheLoaderWouldRefuse() throws {
    let dir = try tempData([
      "e.csv": Self.twoEvents + "2023-01-03,Gamma,"
        + String(repeating: "x", count: 2 << 20) + "\n"
    ])
    let r = try run(importArgs(dir + "/e.csv", out: dir + "/out"))
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(
      r.stderr,
      "e.csv:4: rejected: column \"notes\" holds 2097152 bytes, over the loader's 1 MiB limit for a string\n"
    )
    XCTAssertTrue(
      r.stdout.hasSuffix(
        "2 records, 2 parties from 3 rows of e.csv; 1 rejected; validate: 0 errors, 0 warnings\n"
      ))
  }

  func testImportReportsInvalidUTF8WithItsLineAndOffset() throws {
    let dir = try tempData([:])
    var bytes = Array(Self.twoEvents.utf8)
    bytes.insert(0xFF, at: 30)  // inside "Alpha" on line 2
    try Data(bytes).write(to: URL(fileURLWithPath: dir + "/e.csv"))
    let r = try run(importArgs(dir + "/e.csv", out: dir + "/out"))
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(
      r.stderr,
      "e.csv:2: rejected: invalid UTF-8 (byte 0xFF at byte offset 30 of the file)\n"
    )
  }
}
