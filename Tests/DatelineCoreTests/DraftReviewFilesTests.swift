import DatelineCore
import Foundation
import XCTest

/// Reading drafts files and review logs, and checking a record against a directory
/// (Core's `Review/`), table by table.
final class DraftReviewFilesTests: XCTestCase {
  static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Data").standardizedFileURL.path

  func temp(_ name: String, _ text: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "draft-review-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func testADraftsFileKeepsRecordsWithTheirLinesAndReportsTheRest() throws {
    let good =
      #"{"id":"a-1","date":"2023-12-12","kind":"event","parties":[{"id":"hamas"}],"headline":"H","source":"s"}"#
    let path = try temp(
      "t.jsonl",
      good + "\n\n{not json\n"
        + #"{"id":"a-2","date":"2023-13-40","kind":"event","parties":[],"headline":"H","source":"s"}"#
        + "\n")
    let file = DraftFile.read(path)
    XCTAssertEqual(file.entries.map(\.record.id.rawValue), ["a-1"])
    XCTAssertEqual(file.entries.map(\.line), [1])
    XCTAssertEqual(
      file.issues.map(\.place), [.line(3, id: nil), .line(4, id: nil)])
    XCTAssertTrue(
      file.issues[0].message.hasPrefix("not JSON"), file.issues[0].message)
    XCTAssertTrue(file.issues.allSatisfy { !$0.isError })
    XCTAssertEqual(DraftFile.read(path + ".missing").issues.count, 1)
  }

  func testTheLastDecisionWinsAndBadLinesAreSkipped() throws {
    let log = try temp("t.review.log", "")
    let now = Date(timeIntervalSince1970: 1_702_400_000)
    try ReviewLog.append(Record.ID("a"), .rejected, log: log, now: now)
    try ReviewLog.append(Record.ID("a"), .reopened, log: log, now: now)
    try ReviewLog.append(
      Record.ID("b"), .accepted, into: "D/t.jsonl", log: log, now: now)
    try AppendFile.append(
      "garbage\n{\"id\":\"c\",\"decision\":\"maybe\"}\n", to: log)
    XCTAssertEqual(
      ReviewLog.read(log),
      [Record.ID("a"): .reopened, Record.ID("b"): .accepted])
    XCTAssertEqual(
      ReviewLog.path(forDrafts: "D/drafts/t.jsonl"), "D/drafts/t.review.log")
    XCTAssertEqual(
      ReviewLog.line(Record.ID("b"), .accepted, into: "D/t.jsonl", time: "T"),
      #"{"id":"b","decision":"accepted","into":"D/t.jsonl","time":"T"}"# + "\n")
  }

  func testAdmissionAgainstTheSeedDirectory() throws {
    let corpus = try CorpusLoader.load(directory: Self.seed).corpus
    let template = try XCTUnwrap(corpus.records.first { $0.quote != nil })
    var fresh = template
    fresh.id = Record.ID("new-record-1")
    let rows: [(String, (inout Record) -> Void, String?)] = [
      ("a new id", { _ in }, nil),
      (
        "an existing id", { $0.id = template.id },
        "a record \(template.id.rawValue) exists already"
      ),
      (
        "an unknown party",
        { $0.parties = [Record.PartyRef(id: Party.ID("unidentified"))] },
        "no party unidentified in the data (P sets the parties)"
      ),
      (
        "an unknown source", { $0.source = Source.ID("nowhere") },
        "no source nowhere in the data"
      ),
      (
        "a quote not in the text",
        { $0.quote = Quote(exact: "words the article never printed") },
        "the quote is not in the text of \(template.source.rawValue)"
      ),
      (
        "a dangling link", { $0.disputes = [Record.ID("no-such-record")] },
        "it links to no-such-record, which is not in the data"
      ),
    ]
    for (name, change, expected) in rows {
      var r = fresh
      change(&r)
      XCTAssertEqual(
        RecordAdmission.problem(r, joining: corpus), expected, name)
    }
  }
}
