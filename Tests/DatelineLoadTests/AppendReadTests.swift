import Foundation
import XCTest

@testable import DatelineCore

/// Lines appended to a `.jsonl` read alone (`AppendBase.readAppended`) give what a full
/// load of the files gives: the same records in the same order, the same links, the same
/// issues; everything else asks for a full load.
final class AppendReadTests: XCTestCase {
  static let parties =
    #"{"schema":1,"type":"parties","items":[{"id":"a","name":"Alpha"},{"id":"b","name":"Beta","parent":"a"}]}"#
  static let sources =
    #"{"schema":1,"type":"sources","items":[{"id":"s","outlet":"O","title":"T","text":"Alpha said yes. Beta said no. Alpha said yes."}]}"#

  static func line(
    _ id: String, day: Int = 1, party: String = "a", extra: String = ""
  ) -> String {
    #"{"id":"\#(id)","date":"2023-01-\#(String(format: "%02d", day))","kind":"event","parties":[{"id":"\#(party)","role":"actor"}],"headline":"h \#(id)","source":"s"\#(extra)}"#
  }

  func directory(_ lines: [String]) throws -> String {
    let dir =
      NSTemporaryDirectory()
      + "dateline-append-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: dir, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    try Data(Self.parties.utf8).write(
      to: URL(fileURLWithPath: dir + "/parties.json"))
    try Data(Self.sources.utf8).write(
      to: URL(fileURLWithPath: dir + "/sources.json"))
    try Data(lines.map { $0 + "\n" }.joined().utf8).write(
      to: URL(fileURLWithPath: dir + "/records.jsonl"))
    return dir
  }

  func append(_ text: String, to path: String) throws {
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data(text.utf8))
    try handle.close()
  }

  /// What a reader sees: every record's line in timeline order, the dispute links, the issues.
  func answers(_ corpus: Corpus, _ issues: [LoadIssue]) -> [String] {
    var lines: [UInt8] = []
    corpus.writeJSONLines(Array(corpus.records.indices)) { lines += $0 }
    let links = corpus.records.indices.map { i in
      "\(i) <- \(corpus.disputed(by: i)) \(corpus.revised(by: i))"
    }
    let involved = corpus.records.indices.map { "\(corpus.involved[$0])" }
    return [String(decoding: lines, as: UTF8.self)] + links + involved
      + issues.map(\.description)
  }

  func base(_ dir: String) throws -> AppendBase {
    try XCTUnwrap(
      AppendBase(try CorpusLoader.load(directory: dir), directory: dir))
  }

  func testAppendedLinesGiveWhatAFullLoadGives() throws {
    let dir = try directory([
      Self.line("r1", day: 5), Self.line("r2", day: 9, party: "b"),
    ])
    var base = try base(dir)
    try append(
      [
        Self.line(
          "r3", day: 7, extra: #","disputes":["r1"],"x_note":{"k":[1]}"#),
        Self.line("r4", day: 1, party: "nobody"),  // an error: left out
        Self.line(
          // ambiguous: a warning
          "r5", day: 2, extra: #","quote":{"exact":"Alpha said yes."}"#),
        "{not json",
        // refers to one left out
        Self.line("r6", day: 3, extra: #","related":["r4"]"#),
        Self.line("r3", day: 4),  // a duplicate among the new
      ].map { $0 + "\n" }.joined(), to: dir + "/records.jsonl")
    guard case .appended(let next, let added, let errors) = base.readAppended()
    else {
      return XCTFail("not read alone")
    }
    XCTAssertEqual(
      added.map { next.corpus.recordIndex.id(at: $0) }, ["r5", "r3"])
    XCTAssertEqual(errors, 4)
    let full = try CorpusLoader.load(directory: dir)
    XCTAssertEqual(
      answers(next.corpus, next.issues), answers(full.corpus, full.issues))
    XCTAssertEqual(
      full.corpus.records.map(\.id.rawValue), ["r5", "r1", "r3", "r2"])
    base = next
    // Errors loaded: the next change is a full load (a new line could resolve one).
    guard case .fullLoadNeeded = base.readAppended() else {
      return XCTFail("read alone after errors")
    }
  }

  func testAHalfWrittenLineWaitsForItsNewline() throws {
    let dir = try directory([Self.line("r1")])
    var base = try base(dir)
    let whole = Self.line("r2", day: 2)
    try append(String(whole.prefix(30)), to: dir + "/records.jsonl")
    guard case .unchanged(let waiting) = base.readAppended() else {
      return XCTFail("a cut line was read")
    }
    base = waiting
    try append(
      String(whole.dropFirst(30)) + "\n" + Self.line("r3", day: 3) + "\n",
      to: dir + "/records.jsonl")
    guard case .appended(let next, let added, 0) = base.readAppended(),
      added.count == 2
    else {
      return XCTFail("not read alone")
    }
    let full = try CorpusLoader.load(directory: dir)
    XCTAssertEqual(
      answers(next.corpus, next.issues), answers(full.corpus, full.issues))
    // And again from there (the lines counted on: an error names line 5).
    try append(
      Self.line("r4", party: "nobody") + "\n", to: dir + "/records.jsonl")
    guard case .appended(let after, let none, 1) = next.readAppended(),
      none.isEmpty
    else {
      return XCTFail("not read alone")
    }
    XCTAssertEqual(
      after.issues.map(\.description),
      try CorpusLoader.load(directory: dir).issues.map(\.description))
    XCTAssertTrue(
      after.issues[0].description.hasPrefix("records.jsonl:4 "),
      after.issues[0].description)
  }

  func testEveryOtherChangeAsksForAFullLoad() throws {
    let lines = [Self.line("r1"), Self.line("r2", day: 2)]
    let text = lines.map { $0 + "\n" }.joined()
    func expectFull(_ change: (String) throws -> Void, _ what: String) throws {
      let dir = try directory(lines)
      let base = try base(dir)
      try change(dir)
      guard case .fullLoadNeeded = base.readAppended() else {
        return XCTFail(what)
      }
    }
    try expectFull(
      {
        try Data(text.dropLast(5).utf8).write(
          to: URL(fileURLWithPath: $0 + "/records.jsonl"))
      }, "truncated")
    try expectFull(
      { dir in
        // Same size, one byte changed, the old times put back: only the bytes tell.
        let path = dir + "/records.jsonl"
        let before = try FileManager.default.attributesOfItem(atPath: path)
        let fd = open(path, O_WRONLY)
        _ = pwrite(fd, "2", 1, off_t(text.utf8.count - 20))
        close(fd)
        try FileManager.default.setAttributes(
          [.modificationDate: before[.modificationDate]!], ofItemAtPath: path)
      }, "rewritten in place")
    try expectFull(
      { dir in
        try Data((text + Self.line("r9") + "\n").utf8).write(
          to: URL(fileURLWithPath: dir + "/new.jsonl"))
        XCTAssertEqual(rename(dir + "/new.jsonl", dir + "/records.jsonl"), 0)
      }, "replaced by rename")
    try expectFull(
      { try append(Self.line("r1", day: 3) + "\n", to: $0 + "/records.jsonl") },
      "an id taken")
    try expectFull(
      {
        try Data(Self.line("z1").utf8).write(
          to: URL(fileURLWithPath: $0 + "/more.jsonl"))
      }, "a new file")
    try expectFull(
      { try append(" ", to: $0 + "/sources.json") }, "an envelope changed")
    try expectFull(
      { try FileManager.default.removeItem(atPath: $0 + "/parties.json") },
      "a file removed")
    // More than a full load takes: 8 MB of lines (read, never parsed).
    try expectFull(
      { dir in
        let many = String(
          repeating: Self.line("r9") + "\n",
          count: AppendBase.largestAppend / 100 + 1)
        try append(many, to: dir + "/records.jsonl")
      }, "megabytes appended")
  }

  func testNoBaseForDataWithErrorsOrACutLastLine() throws {
    XCTAssertNil(
      AppendBase(
        try CorpusLoader.load(
          directory: try directory([Self.line("r1", party: "x")])),
        directory: "x"))
    let dir = try directory([Self.line("r1")])
    // no newline: a full load reads it
    try append(Self.line("r2"), to: dir + "/records.jsonl")
    let base = try base(dir)
    try append("\n", to: dir + "/records.jsonl")
    guard case .fullLoadNeeded = base.readAppended() else {
      return XCTFail("a line without its newline was extended")
    }
  }

  /// Rounds of random appends (some cut in two, some with errors or links), each read
  /// alone when it can be and compared with a full load.
  func testRandomAppendsReadAloneEqualFullLoads() throws {
    let dir = try directory(
      (1...20).map { Self.line("r\($0)", day: $0 % 28 + 1) })
    var base: AppendBase? = try base(dir)
    var rng = SystemRandomNumberGenerator()
    var next = 21
    var pending = ""
    var readAlone = 0
    for _ in 0..<30 {
      var text = pending
      for _ in 0..<Int.random(in: 1...5, using: &rng) {
        let link =
          Int.random(in: 0..<4, using: &rng) == 0
          ? #","disputes":["r\#(Int.random(in: 1..<next, using: &rng))"]"# : ""
        let party =
          Int.random(in: 0..<10, using: &rng) == 0
          ? "nobody" : (Bool.random(using: &rng) ? "a" : "b")
        text +=
          Self.line(
            "r\(next)", day: Int.random(in: 1...28, using: &rng), party: party,
            extra: link) + "\n"
        next += 1
      }
      let cut =
        Bool.random(using: &rng)
        ? Int.random(in: 0..<text.utf8.count, using: &rng) : text.utf8.count
      try append(
        String(decoding: Array(text.utf8)[..<cut], as: UTF8.self),
        to: dir + "/records.jsonl")
      pending = String(decoding: Array(text.utf8)[cut...], as: UTF8.self)
      let full = try CorpusLoader.load(directory: dir)
      switch base?.readAppended() {
      case .appended(let b, _, _)?:
        // The full load reads the cut line too; compare once it is whole.
        if pending.isEmpty {
          XCTAssertEqual(
            answers(b.corpus, b.issues), answers(full.corpus, full.issues))
        }
        readAlone += 1
        base = b
      case .unchanged(let b)?: base = b
      case .fullLoadNeeded?, nil:
        base = pending.isEmpty ? AppendBase(full, directory: dir) : nil
      }
    }
    XCTAssertGreaterThan(readAlone, 0)
  }
}
