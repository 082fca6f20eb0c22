import DatelineCore
import DatelineSynth
import Foundation
import XCTest

/// `CorpusLoader.check` (what `validate` runs: every check, no store) against the full
/// load of the same files.
///
/// Why: the check skips the store, so an issue, a count or a kept record that only the
/// store's build decided would go missing from `validate` without a word; these corpora
/// (clean, 30% and 90% corrupted, in pieces, read window by window, every loader
/// fixture and hostile directory) show the first difference.
final class CheckOnlyTests: XCTestCase {
  func testCleanCorpusChecksAsItLoads() throws {
    try compare(records: 3_000, seed: 21, corruption: 0)
  }

  func testCorruptedCorporaCheckAsTheyLoad() throws {
    try compare(records: 2_500, seed: 22, corruption: 0.3)
    try compare(records: 1_500, seed: 23, corruption: 0.9)
  }

  /// Pieces of 4 KB and 64 bytes read window by window (what `validate` does), and
  /// their quotes checked in three groups.
  func testCorporaInPiecesReadByWindowsCheckAsTheyLoad() throws {
    try compare(
      records: 2_000, seed: 24, corruption: 0.3,
      settings: LoadSettings(chunkBytes: 4096, windowedReads: true))
    try compare(
      records: 500, seed: 25, corruption: 0.9,
      settings: LoadSettings(chunkBytes: 64, windowedReads: true))
    // The browser's loads check the quotes of their pieces in groups.
    var groups = LoadSettings(chunkBytes: 4096, windowedReads: true)
    groups.quotePasses = 3
    try compare(records: 1_500, seed: 27, corruption: 0.3, settings: groups)
  }

  /// Every loader fixture, each hostile directory of the CLI tests and the seed corpus.
  func testEveryFixtureChecksAsItLoads() throws {
    let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
    var directories: [String] = [
      tests.deletingLastPathComponent().appendingPathComponent("Data").path
    ]
    for folder in ["DatelineCoreTests/Fixtures", "DatelineCLITests/Hostile"] {
      let root = tests.appendingPathComponent(folder).path
      let names = try FileManager.default.contentsOfDirectory(atPath: root)
      directories += names.sorted().map { root + "/" + $0 }
    }
    var checked = 0
    for dir in directories {
      var isDirectory: ObjCBool = false
      guard
        FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { continue }
      try CheckOnlyTests.assertCheckMatchesLoad(dir)
      checked += 1
    }
    XCTAssertGreaterThan(checked, 50)
  }

  /// The ids a check says are loaded are exactly the corpus's: kept records, the first
  /// of duplicates (a later one or a left-out first is not), none of the other ids.
  func testRecordIDsAreTheLoadedRecords() throws {
    let dir = try temporaryDirectory("ids")
    try CorpusSynth.write(
      to: dir, options: .init(records: 1_200, seed: 26, corruption: 0.4))
    let full = try CorpusLoader.load(directory: dir)
    let check = try CorpusLoader.check(directory: dir)
    var ids = Set(try CheckOnlyTests.quotedIDs(in: dir))
    ids.formUnion(["", "nope", "r-000001x", "p-northland"])
    XCTAssertGreaterThan(ids.count, 1_000)
    var known = 0
    for id in ids.map({ Record.ID($0) }) {
      let loaded = full.corpus.recordIndex[id] != nil
      XCTAssertEqual(check.recordIDs.contains(id), loaded, id.rawValue)
      known += loaded ? 1 : 0
    }
    XCTAssertEqual(known, full.corpus.records.count)
  }

  // MARK: - Helpers

  func compare(
    records: Int, seed: UInt64, corruption: Double,
    settings: LoadSettings = .init()
  ) throws {
    let dir = try synth(records: records, seed: seed, corruption: corruption)
    try CheckOnlyTests.assertCheckMatchesLoad(dir, settings: settings)
  }

  /// The check's issues (order and words), counts and summary equal the full load's.
  static func assertCheckMatchesLoad(
    _ dir: String, settings: LoadSettings = .init(),
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let full = try CorpusLoader.load(directory: dir, settings: settings)
    let check = try CorpusLoader.check(directory: dir, settings: settings)
    assertCheck(check, matches: full, dir, file: file, line: line)
  }

  /// The check's issues (order and words), counts and summary equal this load's.
  static func assertCheck(
    _ check: CorpusLoader.Check, matches full: CorpusLoader.Result,
    _ dir: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    assertSameIssues(
      check.issues, full.issues, names: ("check", "load"), dir, file: file,
      line: line)
    XCTAssertEqual(check.summary, full.summary, dir, file: file, line: line)
    XCTAssertEqual(
      [check.files, check.failedFiles, check.leftOut, check.records],
      [full.files, full.failedFiles, full.leftOut, full.corpus.records.count],
      dir, file: file, line: line)
    for record in full.corpus.records.prefix(300) {
      XCTAssertTrue(
        check.recordIDs.contains(record.id), "\(dir): \(record.id.rawValue)",
        file: file, line: line)
    }
  }

  /// The two lists of issues are the same, in order; else the first difference.
  static func assertSameIssues(
    _ first: [LoadIssue], _ second: [LoadIssue], names: (String, String),
    _ dir: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    let a = first.map(\.description)
    let b = second.map(\.description)
    guard a != b else { return }
    let at =
      (0..<min(a.count, b.count)).first { a[$0] != b[$0] }
      ?? min(a.count, b.count)
    XCTFail(
      "\(dir): issues differ at \(at) (\(names.0) \(a.count), \(names.1) \(b.count)):\n \(names.0): \(a.dropFirst(at).first ?? "-")\n \(names.1): \(b.dropFirst(at).first ?? "-")",
      file: file, line: line)
  }

  /// Every string after an `"id":` in the directory's files (records, parties, sources).
  static func quotedIDs(in dir: String) throws -> [String] {
    var out: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
      let text = String(
        decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)),
        as: UTF8.self)
      var rest = Substring(text)
      while let key = rest.range(of: #""id":""#) {
        rest = rest[key.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { break }
        out.append(String(rest[..<end]))
      }
    }
    return out
  }

}
