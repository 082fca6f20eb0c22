import DatelineSynth
import Foundation
import XCTest

@testable import DatelineCore

/// The browser's check built on the first pass's store (`LoadSettings.provisional`,
/// `RecordStore.checked(onto:)`) against the full load of the same files.
///
/// Why: the checked view must be exactly the reference load's, whatever failed after the
/// first frame; the store it stands on was read by the first pass, not by the check.
/// Every column, link, id lookup and issue is compared, and each test says whether the
/// store was built on the pass's (or, when a row cannot be matched, from the scan).
final class CheckOntoFirstPassTests: XCTestCase {
  let everything = FirstPass.Settings(minimumBytes: 0)
  let smallPieces = FirstPass.Settings(
    minimumBytes: 0, pieceBytes: 4096, windowBytes: 256)

  func testACleanCorpusKeepsTheFirstPassColumns() throws {
    let dir = try synth(records: 1_000, seed: 11, corruption: 0)
    let first = try firstPass(dir, everything)
    let (onto, built) = try checkOnto(dir, first.corpus)
    XCTAssertTrue(built)
    try assertSame(onto, dir)
    // Nothing failed: the rows, ids and index are the pass's own, not copies.
    XCTAssertEqual(
      onto.corpus.store.firstDay.values, first.corpus.store.firstDay.values)
    XCTAssertEqual(
      onto.corpus.store.involved.values, first.corpus.store.involved.values)
  }

  func testCorruptedCorporaEndAsTheFullLoad() throws {
    for (seed, corruption, settings) in [
      (UInt64(12), 0.3, everything), (13, 0.5, smallPieces),
      (14, 0.9, smallPieces),
    ] {
      let dir = try synth(records: 500, seed: seed, corruption: corruption)
      let first = try firstPass(dir, settings)
      let (onto, built) = try checkOnto(dir, first.corpus)
      XCTAssertTrue(built, "\(corruption)")
      try assertSame(onto, dir)
    }
  }

  /// A corpus written as many files (one a day, say): each row is placed in its own
  /// file among the pass's, whatever the order of their buffers in memory.
  func testACorpusInManyFilesIsMatchedFileByFile() throws {
    let dir = try synth(records: 600, seed: 15, corruption: 0.3)
    // Bytes, not text: the corrupted lines hold invalid UTF-8.
    let path = dir + "/records.jsonl"
    let lines = try Data(contentsOf: URL(fileURLWithPath: path))
      .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    try FileManager.default.removeItem(atPath: path)
    let per = 37
    for (n, start) in stride(from: 0, to: lines.count, by: per).enumerated() {
      var part = Data()
      for line in lines[start..<min(lines.count, start + per)] {
        part += line + [UInt8(ascii: "\n")]
      }
      try part.write(
        to: URL(fileURLWithPath: dir + "/records-\(1000 + n).jsonl"))
    }
    for settings in [everything, smallPieces] {
      let first = try firstPass(dir, settings)
      XCTAssertGreaterThan(first.corpus.store.files.count, 10)
      let (onto, built) = try checkOnto(dir, first.corpus)
      XCTAssertTrue(built)
      try assertSame(onto, dir)
    }
  }

  /// Lines the pass reads as usual that the check then refuses: a quote not in its
  /// source, a link to a record that is not there, a duplicate id, an unknown kind; and
  /// links that hold, on both sides of a row that leaves.
  func testRecordsFoundInvalidAfterTheFirstFrameLeaveAndLinksFollow() throws {
    let dir = try synth(records: 900, seed: 15, corruption: 0)
    let path = dir + "/records.jsonl"
    var lines = try String(contentsOfFile: path, encoding: .utf8)
      .split(separator: "\n").map(String.init)
    // The first line from `i` on that has `key` and no links of its own.
    func pick(_ i: Int, _ key: String = "\"kind\":\"") -> Int {
      lines.indices.first { j in
        j >= i && lines[j].contains(key) && !lines[j].contains("\"disputes\"")
          && !lines[j].contains("\"revises\"")
      } ?? 0
    }
    func edit(_ i: Int, _ from: String, _ to: String) {
      lines[i] = lines[i].replacingOccurrences(of: from, with: to)
    }
    let quote = pick(10, "\"exact\":\"")
    let (link, dup, kind, target) = (pick(200), 300, pick(400), pick(600))
    let disputes = pick(500)
    let (revises, chained) = (pick(disputes + 1), pick(700))
    edit(quote, "\"exact\":\"", "\"exact\":\"Nowhere in the source: ")
    edit(link, "\"kind\":\"", "\"disputes\":[\"r9999999\"],\"kind\":\"")
    edit(dup, "\"id\":\"r0000300\"", "\"id\":\"r0000301\"")
    edit(kind, "\"kind\":\"", "\"kind\":\"nonsense-")
    let targetID =
      "r" + String(repeating: "0", count: 7 - "\(target)".count)
      + "\(target)"
    let quoteID =
      "r" + String(repeating: "0", count: 7 - "\(quote)".count)
      + "\(quote)"
    edit(
      disputes, "\"kind\":\"", "\"disputes\":[\"\(targetID)\"],\"kind\":\"")
    edit(revises, "\"kind\":\"", "\"revises\":[\"\(targetID)\"],\"kind\":\"")
    edit(
      chained, "\"kind\":\"", "\"disputes\":[\"\(quoteID)\"],\"kind\":\"")
    // Valid records written with escapes: an id (the pass hands its line to the
    // reference decoder: an extra row) and a source id (mends' red team, session 8).
    edit(
      800, "\"id\":\"r0000800\"", "\"id\":\"\\u0072\(String(800).leftPadded)\"")
    edit(899, "\"source\":\"s", "\"source\":\"\\u0073")
    try lines.joined(separator: "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let first = try firstPass(dir, everything)
    XCTAssertEqual(first.corpus.records.count, 900)
    let (onto, built) = try checkOnto(dir, first.corpus)
    XCTAssertTrue(built)
    try assertSame(onto, dir)
    XCTAssertEqual(onto.corpus.records.count, 900 - 5)
    XCTAssertNotNil(onto.corpus.position(of: Record.ID("r0000800")))
    let leftOut = [quote, link, 301, kind, chained]
    XCTAssertEqual(Set(leftOut).count, 5)
    for i in leftOut where i != 301 {
      let id = "r" + String(repeating: "0", count: 7 - "\(i)".count) + "\(i)"
      XCTAssertNil(onto.corpus.position(of: Record.ID(id)), id)
    }
    func place(_ i: Int) throws -> Int {
      let id = "r" + String(repeating: "0", count: 7 - "\(i)".count) + "\(i)"
      return try XCTUnwrap(onto.corpus.position(of: Record.ID(id))?.offset)
    }
    let at = try place(target)
    XCTAssertTrue(onto.corpus.disputed(by: at).contains(try place(disputes)))
    XCTAssertTrue(onto.corpus.revised(by: at).contains(try place(revises)))
  }

  /// A records file rewritten between the pass and the check: its rows are not the
  /// check's items, and the store is built from the scan, as the full load's.
  func testAFileChangedAfterThePassIsBuiltFromTheScan() throws {
    let dir = try synth(records: 600, seed: 16, corruption: 0)
    let first = try firstPass(dir, everything)
    let path = dir + "/records.jsonl"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try ("\n" + text).write(toFile: path, atomically: true, encoding: .utf8)
    let (onto, built) = try checkOnto(dir, first.corpus)
    XCTAssertFalse(built)
    try assertSame(onto, dir)
  }

  /// Lines appended after the pass are kept items without a row: the store is built from
  /// the scan, the pieces whose rows vouched for their dates and parties (and let their
  /// own go at the scan) reading them back from those rows.
  func testLinesAppendedAfterThePassAreBuiltWithTheRowsDates() throws {
    for (seed, corruption) in [(UInt64(17), 0.0), (18, 0.3)] {
      let dir = try synth(records: 500, seed: seed, corruption: corruption)
      let first = try firstPass(dir, everything)
      let path = dir + "/records.jsonl"
      let text = try String(contentsOfFile: path, encoding: .isoLatin1)
      let line = try XCTUnwrap(
        text.split(separator: "\n").first { $0.contains("\"r0000003\"") })
      let added = (1...3).map {
        line.replacingOccurrences(of: "\"r0000003\"", with: "\"added-\($0)\"")
      }
      let end = text.hasSuffix("\n") ? "" : "\n"
      try (text + end + added.joined(separator: "\n") + "\n").write(
        toFile: path, atomically: true, encoding: .isoLatin1)
      let (onto, phases) = try checkOntoPhases(dir, first.corpus)
      XCTAssertFalse(phases.contains("store on the first pass.columns"))
      XCTAssertTrue(
        phases.contains("store from the scan.dates read back from the rows"))
      try assertSame(onto, dir)
      XCTAssertNotNil(onto.corpus.position(of: Record.ID("added-2")))
    }
  }

  /// Each piece of lines lets its own reading of dates and parties go once every clean
  /// item in it agreed with its one row; a piece whose line differs keeps its own.
  func testPiecesLetTheirDatesGoOnlyWhenTheRowsVouch() throws {
    let dir = try synth(records: 400, seed: 19, corruption: 0.3)
    let first = try firstPass(dir, everything)
    var settings = LoadSettings(chunkBytes: 4096, windowedReads: true)
    settings.provisional = try XCTUnwrap(ProvisionalStore(first.corpus))
    var loader = FastLoader(
      directory: dir, fileNames: try CorpusLoader.dataFiles(in: dir),
      progress: nil, settings: settings)
    let chunks = loader.check().verdicts.set.chunks.filter(\.isLines)
    XCTAssertGreaterThan(chunks.count, 10)
    for c in chunks {
      XCTAssertTrue(c.datesFromRows)
      XCTAssertTrue(c.data.dates.isEmpty && c.data.involved.isEmpty)
    }
    // One line's date changed after the pass: its piece keeps its own reading.
    let clean = try synth(records: 400, seed: 20, corruption: 0)
    settings.provisional = try XCTUnwrap(
      ProvisionalStore(try firstPass(clean, everything).corpus))
    let path = clean + "/records.jsonl"
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let date = try XCTUnwrap(bytes.range(of: Data("\"date\":\"20".utf8)))
    bytes[date.upperBound - 1] = UInt8(ascii: "1")
    try bytes.write(to: URL(fileURLWithPath: path))
    loader = FastLoader(
      directory: clean, fileNames: try CorpusLoader.dataFiles(in: clean),
      progress: nil, settings: settings)
    let after = loader.check().verdicts.set.chunks.filter(\.isLines)
    XCTAssertEqual(after.count { !$0.datesFromRows }, 1)
    XCTAssertTrue(
      after.contains { !$0.datesFromRows && !$0.data.dates.isEmpty })
  }

  // MARK: - Helpers

  /// The browser's check of `dir` given the pass's corpus (as FirstOpenCheck loads it:
  /// windowed, digested, quotes in three groups), and whether its store was built on the pass's.
  func checkOnto(_ dir: String, _ first: Corpus) throws -> (
    CorpusLoader.Result, Bool
  ) {
    let (result, phases) = try checkOntoPhases(dir, first)
    return (result, phases.contains("store on the first pass.columns"))
  }

  /// The browser's check of `dir` (as `checkOnto`) and the phases it timed.
  func checkOntoPhases(_ dir: String, _ first: Corpus) throws -> (
    CorpusLoader.Result, [String]
  ) {
    let timings = LoadTimings()
    var settings = LoadSettings(
      chunkBytes: 4096, timings: timings, windowedReads: true,
      digestedReads: true)
    settings.provisional = try XCTUnwrap(ProvisionalStore(first))
    settings.quotePasses = 3
    let result = try CorpusLoader.open(directory: dir, settings: settings)
    return (result, timings.drain().map(\.phase))
  }

  /// Every column, link, contested mark, id lookup, record and issue of `onto` equals
  /// the full load's of `dir`, and its issues the reference's.
  func assertSame(
    _ onto: CorpusLoader.Result, _ dir: String,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let full = try CorpusLoader.load(directory: dir)
    let ref = try CorpusLoader.loadReference(directory: dir)
    XCTAssertEqual(
      onto.issues.map(\.description), ref.issues.map(\.description),
      file: file, line: line)
    XCTAssertEqual(onto.summary, full.summary, file: file, line: line)
    let (a, b) = (onto.corpus, full.corpus)
    XCTAssertEqual(a.records.count, b.records.count, file: file, line: line)
    guard a.records.count == b.records.count else { return }
    let (s, t) = (a.store, b.store)
    for i in 0..<a.records.count {
      let same =
        s.ids[i].string == t.ids[i].string && s.firstDay[i] == t.firstDay[i]
        && s.lastDay[i] == t.lastDay[i] && s.precision[i] == t.precision[i]
        && s.time[i] == t.time[i] && s.dateFlags[i] == t.dateFlags[i]
        && s.basis[i] == t.basis[i] && s.sourceCount[i] == t.sourceCount[i]
        && s.figureCount[i] == t.figureCount[i] && s.lengths[i] == t.lengths[i]
        && s.depthBases[i] == t.depthBases[i] && a.involved[i] == b.involved[i]
        && a.disputed(by: i) == b.disputed(by: i)
        && a.revised(by: i) == b.revised(by: i)
        && s.contested.contains(i) == t.contested.contains(i)
        && a.position(of: a.records[i].id)?.offset == i
        && a.records[i] == b.records[i]
      XCTAssertTrue(same, "row \(i) differs", file: file, line: line)
      if !same { return }
    }
    XCTAssertNil(a.position(of: Record.ID("absent")), file: file, line: line)
  }
}

extension String {
  /// Seven digits, as the generated ids have them.
  fileprivate var leftPadded: String {
    String(repeating: "0", count: max(0, 7 - count)) + self
  }
}
