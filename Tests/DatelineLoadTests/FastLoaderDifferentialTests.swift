import DatelineCore
import DatelineSynth
import Foundation
import XCTest

/// The fast loader against the reference loader on generated corpora, clean and broken.
///
/// Why: the fast path decides on its own which items are clean; if it ever accepts an item
/// the reference would complain about (or words a message differently), these corpora,
/// with every corruption SynthCorruption knows, show the first difference.
final class FastLoaderDifferentialTests: XCTestCase {
  func testCleanCorpusLoadsAlike() throws {
    try compare(records: 3_000, seed: 7, corruption: 0)
  }

  func testCorruptedCorporaGiveTheSameIssuesAndRecords() throws {
    for seed: UInt64 in [1, 2, 3] {
      try compare(records: 2_500, seed: seed, corruption: 0.25)
    }
  }

  /// The same corpora cut into many small pieces (LoadSettings.chunkBytes): duplicates,
  /// links, line numbers and quotes across pieces, and pieces scanned in any order.
  func testCorpusInManyPiecesLoadsAlike() throws {
    let pieces = LoadSettings(chunkBytes: 4096)
    try compare(records: 2_500, seed: 4, corruption: 0.3, settings: pieces)
    try compare(records: 2_000, seed: 5, corruption: 0, settings: pieces)
  }

  /// Files read window by window (what the headless commands do): each scanned piece is
  /// handed back and read again when asked for; the same load as the reference, and the
  /// same JSON lines as a load that keeps its files.
  func testWindowedReadsLoadAlike() throws {
    let windowed = LoadSettings(chunkBytes: 1 << 16, windowedReads: true)
    try compare(records: 6_000, seed: 6, corruption: 0.2, settings: windowed)
    let dir = try temporaryDirectory("windowed-lines")
    try CorpusSynth.write(to: dir, options: .init(records: 6_000, seed: 8))
    let whole = try CorpusLoader.load(
      directory: dir, settings: LoadSettings(chunkBytes: 1 << 16)
    ).corpus
    let read = try CorpusLoader.load(directory: dir, settings: windowed).corpus
    func lines(_ corpus: Corpus) -> [UInt8] {
      var out: [UInt8] = []
      XCTAssertNil(
        corpus.writeJSONLines(
          Array(0..<corpus.records.count).reversed(), block: 100_000
        ) { out += $0 })
      return out
    }
    XCTAssertEqual(lines(read), lines(whole))
    XCTAssertEqual(read.records.count, whole.records.count)
    for i in stride(from: 0, to: read.records.count, by: 97) {
      XCTAssertEqual(read.records[i], whole.records[i])
    }
  }

  /// A sources envelope larger than a piece (16 chunk units) is scanned as it is read
  /// and handed back behind the scan (FastLoader.streamedSources); one whose items are
  /// longer than a piece, or that is corrupted, is read whole and scanned as before.
  func testSourcesScannedAsTheyAreRead() throws {
    let small = LoadSettings(chunkBytes: 1 << 12, windowedReads: true)
    try compare(records: 2_000, seed: 12, corruption: 0, settings: small)
    try compare(records: 2_000, seed: 13, corruption: 0.3, settings: small)
    try compare(
      records: 600, seed: 14, corruption: 0,
      settings: LoadSettings(chunkBytes: 64, windowedReads: true))
  }

  func testHeavilyCorruptedCorpus() throws {
    try compare(records: 1_500, seed: 11, corruption: 0.9)
  }

  /// Every line of a clean corpus cut at every length: each prefix is its own line.
  func testTruncatedLinesAtEveryLength() throws {
    let dir = try temporaryDirectory("truncated")
    try CorpusSynth.write(to: dir, options: .init(records: 40, seed: 5))
    let path = dir + "/records.jsonl"
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(
      separator: "\n")
    var out = ""
    for line in lines.prefix(3) {
      let u = Array(line.utf8)
      for n in stride(from: 0, to: u.count, by: 7) {
        out += String(decoding: u[0..<n], as: UTF8.self) + "\n"
      }
    }
    try out.write(toFile: path, atomically: true, encoding: .utf8)
    try assertSame(dir)
  }

  /// Byte-level hostility: invalid UTF-8, raw controls, BOM, CRLF, odd escapes.
  func testHostileBytesInRecordLines() throws {
    let dir = try temporaryDirectory("bytes")
    try CorpusSynth.write(to: dir, options: .init(records: 60, seed: 9))
    let path = dir + "/records.jsonl"
    var data = try Data(contentsOf: URL(fileURLWithPath: path))
    var r = SynthRandom(seed: 3)
    let hostile: [[UInt8]] = [
      [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0x01], [0x7F], [0xC2, 0x85],
      Array("\\ud800".utf8),
      Array("\\u00".utf8), Array("\\x".utf8), [0xEF, 0xBB, 0xBF], [0x0D],
      Array("\\ud83d\\u0041".utf8),
    ]
    for k in 0..<120 {
      let at = r.below(data.count)
      data.insert(contentsOf: hostile[k % hostile.count], at: at)
    }
    data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
    try data.write(to: URL(fileURLWithPath: path))
    try assertSame(dir)
    // Read window by window in pieces of every size the cut gives: each piece goes to a
    // block reused from piece to piece (PieceBlocks), the first one read with the BOM.
    for unit in [64, 200, 1 << 12] {
      try assertSame(
        dir, settings: LoadSettings(chunkBytes: unit, windowedReads: true))
    }
  }

  /// Hostile bytes in a sources envelope, mostly inside its texts: the sources job only
  /// delimits the strings of the envelope (the item scans check the texts), so an item
  /// that neither the scan nor the parser reads must send the envelope back to the scan
  /// that checks its strings, whole or read as it is scanned, and word the same issues.
  func testHostileBytesInSourceTexts() throws {
    let hostile: [[UInt8]] = [
      [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0x01], [0x0A], [0x7F],
      Array("\\u12".utf8), Array("\\x".utf8), Array("\\".utf8),
      Array("\"".utf8),
      Array("\\ud800".utf8), Array("\\\"".utf8),
    ]
    for (k, insert) in hostile.enumerated() {
      let dir = try temporaryDirectory("source-bytes-\(k)")
      try CorpusSynth.write(to: dir, options: .init(records: 200, seed: 15))
      let path = dir + "/sources.json"
      var data = try Data(contentsOf: URL(fileURLWithPath: path))
      var r = SynthRandom(seed: UInt64(k))
      // Inside a text (after its opening quote) once, anywhere once.
      let texts = data.ranges(of: Data(#""text":""#.utf8)).map(\.upperBound)
      data.insert(
        contentsOf: insert, at: texts[r.below(texts.count)] + r.below(20))
      data.insert(contentsOf: insert, at: r.below(data.count))
      try data.write(to: URL(fileURLWithPath: path))
      try assertSame(dir)
      try assertSame(
        dir, settings: LoadSettings(chunkBytes: 64, windowedReads: true))
    }
  }

  // MARK: - Helpers

  func compare(
    records: Int, seed: UInt64, corruption: Double,
    settings: LoadSettings = .init()
  ) throws {
    let dir = try synth(records: records, seed: seed, corruption: corruption)
    try assertSame(dir, settings: settings)
  }

  func assertSame(
    _ dir: String, settings: LoadSettings = .init(),
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let fast = try CorpusLoader.load(directory: dir, settings: settings)
    let ref = try CorpusLoader.loadReference(directory: dir)
    CheckOnlyTests.assertSameIssues(
      fast.issues, ref.issues, names: ("fast", "reference"), dir, file: file,
      line: line)
    XCTAssertEqual(fast.summary, ref.summary, file: file, line: line)
    // What `validate` runs (every check, no store) says what the reference says.
    CheckOnlyTests.assertCheck(
      try CorpusLoader.check(directory: dir, settings: settings), matches: ref,
      dir, file: file, line: line)
    XCTAssertEqual(
      fast.corpus.parties, ref.corpus.parties, file: file, line: line)
    XCTAssertEqual(
      fast.corpus.sources.map(\.id), ref.corpus.sources.map(\.id), file: file,
      line: line)
    for (s, t) in zip(fast.corpus.sources, ref.corpus.sources) where s != t {
      XCTFail("source \(s.id) differs", file: file, line: line)
      break
    }
    XCTAssertEqual(
      fast.corpus.records.count, ref.corpus.records.count, file: file,
      line: line)
    for i in 0..<min(fast.corpus.records.count, ref.corpus.records.count)
    where fast.corpus.records[i] != ref.corpus.records[i] {
      XCTFail(
        "record \(i) differs: \(fast.corpus.records[i].id) vs \(ref.corpus.records[i].id)",
        file: file, line: line)
      break
    }
    for (id, i) in ref.corpus.records.enumerated().map({ ($1.id, $0) }).prefix(
      200)
    {
      XCTAssertEqual(fast.corpus.recordIndex[id], i, file: file, line: line)
    }
    XCTAssertEqual(
      fast.corpus.involved.map { $0 }, ref.corpus.involved.map { $0 },
      file: file, line: line)
    assertColumnsMatchRecords(fast.corpus, file: file, line: line)
    assertColumnsMatchRecords(ref.corpus, file: file, line: line)
  }

}
