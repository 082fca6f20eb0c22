import DatelineCore
import DatelineSynth
import DatelineUI
import Foundation
import XCTest

/// The browser's first pass (FirstPass) against the reference loader, and the whole
/// progressive open — first pass, then the full load's corpus in its place — against it.
///
/// Why: the first screen is drawn from columns the pass read without validating; every
/// record the reference accepts must be there with the same dates, parties and place in
/// the order, and once the check ends the view must hold exactly the reference's records
/// and errors, including the errors found after the first frame.
final class FirstPassDifferentialTests: XCTestCase {
  /// Small corpora go through the pass too (the browser's threshold is 8 MB).
  let everything = FirstPass.Settings(minimumBytes: 0)
  /// Many pieces and windows smaller than a line: lines across windows and pieces.
  let smallPieces = FirstPass.Settings(
    minimumBytes: 0, pieceBytes: 4096, windowBytes: 256)

  func testACleanCorpusShowsEveryRecordInTheReferenceOrder() throws {
    let dir = try synth(records: 1_500, seed: 7, corruption: 0)
    let first = try firstPass(dir, everything)
    let ref = try CorpusLoader.loadReference(directory: dir)
    XCTAssertEqual(first.notShown, 0)
    XCTAssertEqual(first.lines, 1_500)
    XCTAssertEqual(ids(first.corpus), ids(ref.corpus))
    try assertColumnsAgree(first.corpus, ref.corpus)
    try assertCheckedViewIsTheReference(dir, first, ref)
  }

  func testCorruptedCorporaShowEveryValidRecordAndEndAsTheReference() throws {
    for (seed, corruption, settings) in [
      (UInt64(1), 0.25, everything), (2, 0.5, smallPieces),
      (3, 0.9, smallPieces),
    ] {
      let dir = try synth(records: 800, seed: seed, corruption: corruption)
      let first = try firstPass(dir, settings)
      let ref = try CorpusLoader.loadReference(directory: dir)
      XCTAssertFalse(ref.errors.isEmpty)
      try assertColumnsAgree(first.corpus, ref.corpus)
      try assertCheckedViewIsTheReference(dir, first, ref)
    }
  }

  func testLinesAcrossWindowsAndPiecesReadAlike() throws {
    let dir = try synth(records: 600, seed: 4, corruption: 0)
    let whole = try firstPass(dir, everything)
    let cut = try firstPass(dir, smallPieces)
    XCTAssertEqual(ids(whole.corpus), ids(cut.corpus))
    XCTAssertEqual(
      whole.corpus.records.indices.map {
        whole.corpus.compactDateLabel(at: $0)
      },
      cut.corpus.records.indices.map { cut.corpus.compactDateLabel(at: $0) })
  }

  /// Truncated lines, a BOM, CRLF, blank lines, escapes in keys and ids, nested `date`
  /// and `id` keys, duplicate keys, an id of 300 bytes, a last line without a newline.
  func testOddLinesAreLeftToTheReferenceDecoder() throws {
    let (dir, path, original) = try synthLines(records: 200, seed: 5)
    var lines = original
    lines[0] = "\u{FEFF}" + lines[0]
    lines[3] += "\r"
    lines[5] = String(lines[5].prefix(lines[5].count / 2))
    lines[7] = lines[7].replacingOccurrences(
      of: "\"date\":", with: "\"\\u0064ate\":")
    lines[9] = lines[9].replacingOccurrences(
      of: "{\"id\":",
      with: "{\"x_meta\":{\"date\":\"1999\",\"id\":\"zz\"},\"id\":")
    lines[11] = lines[11].replacingOccurrences(
      of: "{\"id\":", with: "{\"date\":\"2001\",\"id\":")
    lines[13] = lines[13].replacingOccurrences(
      of: "{\"id\":\"", with: "{\"id\":\"\\u0041")
    lines[15] = "   \t "
    lines[17] = lines[17].replacingOccurrences(
      of: "\"parties\":[",
      with: "\"parties\":[{\"role\":\"actor\",\"id\":\"p-northland\"},")
    // An id longer than the pass's line records hold (255 bytes; SCHEMA allows 64): left
    // to the reference decoder, which refuses it.
    lines[19] = lines[19].replacingOccurrences(
      of: "{\"id\":\"",
      with: "{\"id\":\"" + String(repeating: "long-", count: 60))
    // After `parties` the pass looks for the names it reads instead of walking each
    // value: a name in a tag, in a nested object or escaped, and a top-level time after
    // the headline, each send the line back to the walk and none is missed.
    let plain = lines.indices.filter { i in
      i > 20 && !lines[i].contains("\"time\"")
        && !lines[i].contains("date_precision")
        && lines[i].range(
          of: #""date":"\d{4}-\d{2}-\d{2}""#, options: .regularExpression)
          != nil
    }
    let insertions = [
      "\"time\":\"07:45\",", "\"\\u0074ime\":\"08:15\",",
      "\"x_meta\":{\"time\":\"23:59\",\"date\":\"1999\"},",
      "\"tags\":[\"time\",\"parties\"],\"x_note\":\"id\",",
    ]
    XCTAssertGreaterThanOrEqual(plain.count, insertions.count)
    for (i, text) in zip(plain, insertions) {
      lines[i] = lines[i].replacingOccurrences(
        of: "\"tags\":[", with: "\"x_tags\":[")
      lines[i] = lines[i].replacingOccurrences(
        of: "\"headline\":", with: text + "\"headline\":")
    }
    try (lines.joined(separator: "\n")).write(
      toFile: path, atomically: true, encoding: .utf8)
    let first = try firstPass(dir, smallPieces)
    let ref = try CorpusLoader.loadReference(directory: dir)
    XCTAssertEqual(first.lines, 199, "the blank line is not a record")
    try assertColumnsAgree(first.corpus, ref.corpus)
    try assertCheckedViewIsTheReference(dir, first, ref)
  }

  /// The sort's day buckets are sized from each piece's range of days: dates from year 1
  /// to 9999 (buckets of several days each), and lines the pass leaves to the reference
  /// decoder at both ends of the range, sort as the reference does.
  func testDaysOverThousandsOfYearsSortAsTheReference() throws {
    let (dir, path, original) = try synthLines(records: 500, seed: 9)
    var lines = original
    for i in lines.indices {
      let year = 1 + (i * 7_919) % 9_999
      let date = String(format: "%04d-%02d-%02d", year, 1 + i % 12, 1 + i % 28)
      lines[i] = lines[i].replacingOccurrences(
        of: #""date":"\d{4}-\d{2}-\d{2}""#, with: "\"date\":\"\(date)\"",
        options: .regularExpression)
    }
    for (i, date) in [(3, "0001-01-01"), (5, "9999-12-01"), (8, "5000-06-15")] {
      lines[i] = lines[i].replacingOccurrences(
        of: #""end_date":"[^"]*","#, with: "", options: .regularExpression)
      lines[i] = lines[i].replacingOccurrences(
        of: #""date":"[^"]*""#, with: "\"\\\\u0064ate\":\"\(date)\"",
        options: .regularExpression)
    }
    try (lines.joined(separator: "\n")).write(
      toFile: path, atomically: true, encoding: .utf8)
    for settings in [everything, smallPieces] {
      let first = try firstPass(dir, settings)
      let ref = try CorpusLoader.loadReference(directory: dir)
      // The lines left to the reference decoder are the range's ends.
      let last = ref.corpus.records.count - 1
      XCTAssertTrue(ref.corpus.compactDateLabel(at: 0).hasPrefix("0001"))
      XCTAssertTrue(ref.corpus.compactDateLabel(at: last).hasPrefix("9999"))
      try assertColumnsAgree(first.corpus, ref.corpus)
      try assertCheckedViewIsTheReference(dir, first, ref)
    }
  }

  /// The pass finds a usual line's end while it walks (no search for the `\n` first): a
  /// newline inside a string, after a backslash, inside a nested value, a number or a
  /// literal, and spaces, tabs, `\r` or other bytes after the closing `}` each end the
  /// line where the reference does, in windows of 256 bytes and in whole pieces alike.
  /// Each cut line would read as one valid record without its newline, so a walk that
  /// went on past the `\n` would show a record the reference does not have.
  func testANewlineInsideAValueEndsTheLineThere() throws {
    let (dir, path, original) = try synthLines(records: 120, seed: 8)
    var lines = original
    let cuts = [
      "\"x_s\":\"ab\ncd\",", "\"x_s\":\"a\\\n\",", "\"x_o\":{\"a\":\n1},",
      "\"x_a\":[1,\n2],", "\"x_n\":12\n,", "\"x_t\":tr\nue,",
    ]
    for (k, cut) in cuts.enumerated() {
      lines[2 + 2 * k] = lines[2 + 2 * k].replacingOccurrences(
        of: "\"headline\":\"", with: cut + "\"headline\":\"")
    }
    lines[20] += " \t\r "
    lines[22] += "\r\r"
    lines[24] += " x"
    lines[26] += "}"
    try (lines.joined(separator: "\n")).write(
      toFile: path, atomically: true, encoding: .utf8)
    let ref = try CorpusLoader.loadReference(directory: dir)
    XCTAssertFalse(ref.errors.isEmpty)
    for settings in [everything, smallPieces] {
      let first = try firstPass(dir, settings)
      XCTAssertEqual(first.lines, 126, "each cut line is two lines")
      try assertColumnsAgree(first.corpus, ref.corpus)
      try assertCheckedViewIsTheReference(dir, first, ref)
    }
  }

  /// Lines far shorter than the pass sizes its regions for (about 256 bytes a line):
  /// each worker's regions grow while its pieces are scanned, by copying, and every
  /// piece's lines, ids and parties are still found where they were copied to.
  func testRegionsThatGrowKeepEveryPiecesLines() throws {
    let dir = try synth(records: 10, seed: 9, corruption: 0)
    var lines: [String] = []
    for i in 0..<3_000 {
      let parties = i % 3 == 0 ? "\"p-southland\"" : "\"p-northland\""
      lines.append(
        "{\"id\":\"r\(i)\",\"date\":\"20\(10 + i % 10)-0\(1 + i % 9)-1\(i % 10)\","
          + "\"kind\":\"event\",\"parties\":[\(parties)],\"headline\":\"h\","
          + "\"source\":\"s0000000\"}")
    }
    try lines.joined(separator: "\n").write(
      toFile: dir + "/records.jsonl", atomically: true, encoding: .utf8)
    let ref = try CorpusLoader.loadReference(directory: dir)
    XCTAssertEqual(ref.corpus.records.count, 3_000)
    for settings in [everything, smallPieces] {
      let first = try firstPass(dir, settings)
      XCTAssertEqual(first.lines, 3_000)
      XCTAssertEqual(ids(first.corpus), ids(ref.corpus))
      for i in ref.corpus.records.indices {
        XCTAssertEqual(first.corpus.involved[i], ref.corpus.involved[i])
        XCTAssertEqual(first.corpus.firstDay(at: i), ref.corpus.firstDay(at: i))
      }
    }
  }

  func testAnEnvelopeOfRecordsOrASmallDirectoryIsLoadedInFull() throws {
    let dir = try synth(records: 300, seed: 6, corruption: 0)
    XCTAssertNil(
      try CorpusLoader.openProvisionally(directory: dir, firstPass: .init()))
    let records = try String(
      contentsOfFile: dir + "/records.jsonl", encoding: .utf8
    ).split(separator: "\n")
    try "{\"schema\": 1, \"type\": \"records\", \"items\": [\(records[0])]}"
      .write(
        toFile: dir + "/more.json", atomically: true, encoding: .utf8)
    XCTAssertNil(
      try CorpusLoader.openProvisionally(directory: dir, firstPass: everything))
  }

  // MARK: - Helpers

  /// A clean generated corpus, its records file and that file's lines (to be changed).
  func synthLines(records: Int, seed: UInt64) throws -> (
    dir: String, path: String, lines: [String]
  ) {
    let dir = try synth(records: records, seed: seed, corruption: 0)
    let path = dir + "/records.jsonl"
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(
      separator: "\n"
    ).map(String.init)
    return (dir, path, lines)
  }

  func ids(_ corpus: Corpus) -> [String] {
    corpus.records.indices.map { corpus.records[$0].id.rawValue }
  }

  /// Every record the reference accepts is in the first pass with the same date columns
  /// and parties, and the records shown once each come in the reference's order.
  func assertColumnsAgree(
    _ first: Corpus, _ ref: Corpus, file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    var at: [String: [Int]] = [:]
    for (i, id) in ids(first).enumerated() { at[id, default: []].append(i) }
    let refIDs = ids(ref)
    for (i, id) in refIDs.enumerated() {
      let candidates = at[id] ?? []
      let same = candidates.contains { j in
        first.firstDay(at: j) == ref.firstDay(at: i)
          && first.lastDay(at: j) == ref.lastDay(at: i)
          && first.compactDateLabel(at: j) == ref.compactDateLabel(at: i)
          && first.involved[j] == ref.involved[i]
          && first.records[j].headline == ref.records[i].headline
      }
      XCTAssertTrue(
        same, "record \(id) differs or is missing in the first pass",
        file: file, line: line)
    }
    let once = Set(at.filter { $0.value.count == 1 }.keys)
    let refSet = Set(refIDs)
    XCTAssertEqual(
      ids(first).filter { once.contains($0) && refSet.contains($0) },
      refIDs.filter { once.contains($0) },
      "order", file: file, line: line)
    assertIDsFound(first, at, file: file, line: line)
  }

  /// The id index (built on another core after the store): every id shown is found at
  /// its first place in the timeline, and an id that is not shown is not found.
  func assertIDsFound(
    _ first: Corpus, _ at: [String: [Int]], file: StaticString = #filePath,
    line: UInt = #line
  ) {
    for (id, places) in at {
      XCTAssertEqual(
        first.position(of: Record.ID(id))?.offset, places.min(),
        "id \(id)", file: file, line: line)
    }
    for id in ["absent", "", String(repeating: "x", count: 300)] {
      XCTAssertNil(first.position(of: Record.ID(id)), file: file, line: line)
    }
  }

  /// The browser's state after the check's event: the reference's records in its order,
  /// its issues, and no record that is not in it.
  func assertCheckedViewIsTheReference(
    _ dir: String, _ first: FirstPass.Outcome, _ ref: CorpusLoader.Result,
    file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    let full = try CorpusLoader.load(directory: dir)
    var state = BrowserState(
      corpus: first.corpus, dataLabel: dir, size: Size(columns: 120, rows: 40))
    state.validation.running = true
    state = update(
      state,
      .validationFinished(
        ReloadOutcome(
          generation: 0,
          content: .loaded(
            full.corpus, issues: full.issues, summary: ReloadSummary()))))
    XCTAssertFalse(state.validation.running)
    XCTAssertFalse(state.corpus.isProvisional)
    XCTAssertEqual(
      state.rows.map { state.corpus.records[$0].id.rawValue }, ids(ref.corpus),
      file: file, line: line)
    XCTAssertEqual(
      state.live.issues.map(\.description), ref.issues.map(\.description),
      file: file, line: line)
    XCTAssertNotNil(state.message, file: file, line: line)
  }

}
