import DatelineCore
import Foundation
import XCTest

/// The loader fixtures: one directory per validation rule under `Fixtures/<rule>/`.
///
/// The Fixtures folder is excluded from the test target in Package.swift, so the files are
/// read from the source tree, found relative to this file.
enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func path(_ rule: String) -> String {
    root.appendingPathComponent(rule).path
  }

  static func load(_ rule: String) throws -> CorpusLoader.Result {
    try CorpusLoader.load(directory: path(rule))
  }

  /// Two parties, `alpha` and `beta`, as most record fixtures use.
  static let parties = """
    {"schema": 1, "type": "parties", "items": [
      {"id": "alpha", "name": "Alpha"},
      {"id": "beta", "name": "Beta"}
    ]}
    """

  /// A record with every required field; `extra` is spliced in as more members.
  static func record(_ id: String, source: String = "s1", extra: String = "")
    -> String
  {
    """
    {"id": "\(id)", "date": "2023-12-01", "kind": "event", "parties": ["alpha"], \
    "headline": "Alpha met Beta", "source": "\(source)"\(extra.isEmpty ? "" : ", " + extra)}
    """
  }

  static func envelope(_ type: String, _ items: [String]) -> String {
    "{\"schema\": 1, \"type\": \"\(type)\", \"items\": [\n  "
      + items.joined(separator: ",\n  ") + "\n]}\n"
  }
}

/// Builds a record for order and query tests; dates are written as in the data.
func makeRecord(
  _ id: String, _ date: String, week: Bool = false, end: String? = nil,
  time: String? = nil,
  offset: String? = nil, parties: [String] = ["alpha"],
  headline: String = "Headline",
  summary: String? = nil, attribution: Attribution? = nil, tags: [String] = []
) -> Record {
  guard var d = RecordDate.parse(date) else {
    fatalError("bad test date \(date)")
  }
  if week { d = RecordDate(firstDay: d.firstDay, precision: .week) }
  return Record(
    id: Record.ID(id), date: d, endDate: end.map { RecordDate.parse($0)! },
    time: time.map { TimeOfDay($0)! }, utcOffset: offset, kind: .event,
    parties: parties.map { Record.PartyRef(id: Party.ID($0)) },
    headline: headline,
    summary: summary, attribution: attribution, source: "s1", tags: tags)
}

/// Asserts the exact issue lines (SCHEMA.md "Errors" form, in report order) and the counts.
func assertLoad(
  _ result: CorpusLoader.Result, issues expected: [String], records: Int,
  leftOut: Int,
  failedFiles: Int = 0, file: StaticString = #filePath, line: UInt = #line
) {
  let actual = result.issues.map(\.description)
  XCTAssertEqual(
    actual, expected,
    "issue lines differ:\n--- actual\n\(actual.joined(separator: "\n"))\n--- expected\n"
      + expected.joined(separator: "\n"), file: file, line: line)
  let expectedWarnings = expected.filter { $0.hasPrefix("warning: ") }.count
  XCTAssertEqual(
    result.warnings.count, expectedWarnings, "warnings", file: file, line: line)
  XCTAssertEqual(
    result.errors.count, expected.count - expectedWarnings, "errors",
    file: file, line: line)
  XCTAssertEqual(
    result.corpus.records.count, records, "records loaded", file: file,
    line: line)
  XCTAssertEqual(
    result.leftOut, leftOut, "items left out", file: file, line: line)
  XCTAssertEqual(
    result.failedFiles, failedFiles, "failed files", file: file, line: line)
}

extension CorpusLoader.Result {
  var recordIDs: [String] { corpus.records.map(\.id.rawValue) }
  var partyIDs: [String] { corpus.parties.map(\.id.rawValue) }
  var sourceIDs: [String] { corpus.sources.map(\.id.rawValue) }
}

/// A data directory built at run time (symlinks, invalid UTF-8, permissions, big strings),
/// removed when the test ends.
struct TemporaryDirectory: Sendable {
  let path: String

  /// Creates a fresh directory and registers its removal with `test`.
  init(for test: XCTestCase) throws {
    let base = FileManager.default.temporaryDirectory.path
    path = base + "/dateline-coretests-" + UUID().uuidString
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: true)
    let path = self.path
    test.addTeardownBlock {
      // Restore permissions first, or an unreadable file would stay behind.
      if let e = FileManager.default.enumerator(atPath: path) {
        for case let name as String in e {
          chmod(path + "/" + name, 0o755)
        }
      }
      try? FileManager.default.removeItem(atPath: path)
    }
  }

  /// The directory's last path component, as the loader names it in messages.
  var name: String { (path as NSString).lastPathComponent }

  func write(_ name: String, _ text: String) throws {
    try write(name, bytes: Array(text.utf8))
  }

  func write(_ name: String, bytes: [UInt8]) throws {
    let full = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: full, contents: Data(bytes))
    else {
      throw CocoaError(.fileWriteUnknown)
    }
  }

  func mkdir(_ name: String) throws {
    try FileManager.default.createDirectory(
      atPath: path + "/" + name, withIntermediateDirectories: true)
  }

  func symlink(_ name: String, to destination: String) throws {
    try FileManager.default.createSymbolicLink(
      atPath: path + "/" + name, withDestinationPath: destination)
  }

  func load() throws -> CorpusLoader.Result {
    try CorpusLoader.load(directory: path)
  }
}
