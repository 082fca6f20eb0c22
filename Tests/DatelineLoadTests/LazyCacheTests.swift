import DatelineSynth
import Foundation
import XCTest

@testable import DatelineCore

/// The re-open cache read lazily (the browser's open: `LoadSettings.lazyCacheReads`): the
/// rows' columns and the id tables are read and checked a block at a time when first
/// used. Blocks of 16 rows here, so that a small corpus has many. Whatever was done to
/// the cache file (a byte flipped in any block, wrong values resealed with valid
/// checksums, blocks swapped, the file cut or rewritten after the open), a row read is
/// the files' record or is refused as `cacheMismatch`, the corpus then reports that
/// problem, a lookup finds the right record or none, and nothing crashes; the whole
/// check at open (`checkAll`, the headless commands) refuses the same file outright.
final class LazyCacheTests: XCTestCase {
  var dir = ""
  var settings = LoadSettings()
  var full: Corpus!
  var fileLines: Set<String> = []

  override func setUpWithError() throws {
    dir =
      NSTemporaryDirectory() + "dateline-lazy-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: dir + "/data", withIntermediateDirectories: true)
    addTeardownBlock { [dir] in try? FileManager.default.removeItem(atPath: dir)
    }
    try CorpusSynth.write(
      to: data, options: .init(records: 300, seed: 8, corruption: 0))
    try CorpusCacheAttackTests.dropTextPathSources(data)
    settings = LoadSettings(
      cache: CacheSettings(
        folder: dir + "/cache", binaryIdentity: Array("t".utf8),
        minimumBytes: 0, quietNanoseconds: 0, blockShift: 4),
      lazyCacheReads: true)
    full = try CorpusLoader.load(directory: data).corpus
    let text = try String(
      contentsOfFile: data + "/records.jsonl", encoding: .utf8)
    fileLines = Set(text.split(separator: "\n").map(String.init))
    XCTAssertFalse(try open().fromCache, "the first open writes the cache")
  }

  var data: String { dir + "/data" }

  func open(lazy: Bool = true) throws -> CorpusLoader.Result {
    var s = settings
    s.lazyCacheReads = lazy
    return try CorpusLoader.open(directory: data, settings: s)
  }

  var cachePath: String {
    get throws { try settings.cacheLocation(of: data).path }
  }

  func cacheBytes() throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: try cachePath)))
  }

  func entries(_ bytes: [UInt8]) throws -> [CacheFile.Entry] {
    try settings.cacheEntries(bytes, of: data)
  }

  /// Every row read from `r`: the files' record or a refusal; lookups right or nil; the
  /// JSON lines written all lines of the files. Returns how many rows were refused.
  @discardableResult
  func assertRowsAreTheFilesOrRefused(
    _ r: CorpusLoader.Result, _ what: String, line: UInt = #line
  ) -> Int {
    var refused = 0
    XCTAssertEqual(r.corpus.records.count, full.records.count, what, line: line)
    for i in 0..<r.corpus.records.count {
      switch r.corpus.decodedRecord(at: i) {
      case .success(let record):
        XCTAssertEqual(record, full.records[i], "\(what): row \(i)", line: line)
      case .failure(.cacheMismatch): refused += 1
      case .failure(let other): XCTFail("\(what): \(other)", line: line)
      }
    }
    for (i, record) in full.records.enumerated() {
      let found = r.corpus.recordIndex[record.id]
      XCTAssertTrue(found == i || found == nil, "\(what): lookup", line: line)
      XCTAssertEqual(
        r.corpus.disputed(by: i), full.disputed(by: i), what, line: line)
      XCTAssertEqual(
        r.corpus.revised(by: i), full.revised(by: i), what, line: line)
    }
    refused += sourcesAreTheFilesOrRefused(r, what, line: line)
    var out: [UInt8] = []
    let problem = r.corpus.writeJSONLines(Array(r.corpus.records.indices)) {
      out += $0
    }
    for l in String(decoding: out, as: UTF8.self).split(separator: "\n") {
      XCTAssertTrue(
        fileLines.contains(String(l)), "\(what): \(l.prefix(60))", line: line)
    }
    if refused > 0 {
      // The cache file (a block did not hold) or a data file (a row not in place).
      guard case .cacheMismatch? = r.corpus.readProblem,
        case .cacheMismatch? = problem
      else {
        XCTFail("\(what): the corpus says the cache does not match", line: line)
        return refused
      }
    }
    return refused
  }

  /// Every source read from `r`: the files' source or a stand-in with an empty id;
  /// lookups by id right or nil. Returns how many were stand-ins.
  func sourcesAreTheFilesOrRefused(
    _ r: CorpusLoader.Result, _ what: String, line: UInt = #line
  ) -> Int {
    XCTAssertEqual(r.corpus.sources.count, full.sources.count, what, line: line)
    var refused = 0
    for (k, s) in full.sources.enumerated() {
      let found = r.corpus.sources.index(of: s.id)
      XCTAssertTrue(found == k || found == nil, "\(what): source", line: line)
      let read = r.corpus.sources[k]
      if read.id.rawValue.isEmpty {
        refused += 1
      } else {
        XCTAssertEqual(read, s, "\(what): source \(k)", line: line)
      }
    }
    return refused
  }

  func testALazyReopenReadsTheBlocksOfTheRowsItUsesAndGivesTheFilesAnswers()
    throws
  {
    let r = try open()
    XCTAssertTrue(r.fromCache)
    let gate = try XCTUnwrap(r.corpus.store.cachedRows?.gate)
    XCTAssertEqual(gate.blocks, 19)
    XCTAssertEqual(
      (0..<gate.blocks).filter(gate.isRead), [], "nothing read yet")
    XCTAssertEqual(try r.corpus.decodedRecord(at: 100).get(), full.records[100])
    XCTAssertEqual((0..<gate.blocks).filter(gate.isRead), [6])
    XCTAssertEqual(assertRowsAreTheFilesOrRefused(r, "untouched"), 0)
    XCTAssertNil(r.corpus.readProblem)
    XCTAssertNil(r.corpus.recordIndex[Record.ID("no-such-record")])
    XCTAssertNil(r.corpus.source(Source.ID("no-such-source")))
  }

  /// Sources and their id table read as used: nothing before a source is asked for,
  /// then its block; planted places (valid checksums) give stand-ins and the cache is
  /// reported as not matching, planted slots give the right source or none, and the
  /// whole check at open refuses them.
  func testPlantedSourcesAreRefusedWhenUsedAndLookupsAreRightOrNone() throws {
    let r = try open()
    guard case .cached(let cached) = r.corpus.sources.storage else {
      return XCTFail("a lazy re-open reads its sources as used")
    }
    XCTAssertFalse(cached.bytes.gate?.isRead(0) ?? true, "nothing read yet")
    let s = try XCTUnwrap(full.sources.last)
    XCTAssertEqual(r.corpus.source(s.id), s)
    XCTAssertEqual(sourcesAreTheFilesOrRefused(r, "untouched"), 0)
    XCTAssertNil(r.corpus.readProblem)
    let good = try cacheBytes()
    let all = try entries(good)
    let starts = try XCTUnwrap(all.first { $0.id == CacheLayout.sourceStarts })
    let table = try XCTUnwrap(all.first { $0.id == CacheLayout.sourceTable })
    var plants: [(Int, [UInt8], String)] = [
      (
        starts.offset + 8 * 3, [0xFF, 0xFF, 0xFF, 0x7F], "a start past the end"
      ),
      (starts.offset + 8 * 3, [0, 0, 0, 0], "a start before the one before"),
      (starts.offset + 8 * 3, [9], "a start inside a source"),
    ]
    // Each used slot pointed at source 1 (value 2: slots hold the index plus one).
    for k in 0..<table.count
    where ![0, 2].contains(good[table.offset + 8 * k]) {
      plants.append((table.offset + 8 * k, [2, 0, 0, 0], "slot \(k) moved"))
    }
    for (at, value, what) in plants {
      var bad = good
      for (j, v) in value.enumerated() { bad[at + j] = v }
      let planted = CorpusCacheAttackTests.reseal(bad)
      try Data(planted).write(to: URL(fileURLWithPath: try cachePath))
      XCTAssertFalse(try open(lazy: false).fromCache, what)
      try Data(planted).write(to: URL(fileURLWithPath: try cachePath))
      let lazy = try open()
      XCTAssertTrue(lazy.fromCache, what)
      if sourcesAreTheFilesOrRefused(lazy, what) > 0 {
        guard case .cacheMismatch? = lazy.corpus.readProblem else {
          return XCTFail("\(what): the corpus says the cache does not match")
        }
      }
    }
  }

  func testAFlippedByteInAnyBlockIsRefusedWhenItsRowsAreUsed() throws {
    let good = try cacheBytes()
    for e in try entries(good) where e.id != CacheLayout.meta {
      for b in Set([0, e.blocks / 2, e.blocks - 1]) where e.length > 0 {
        var bad = good
        let (offset, length) = e.block(b)
        bad[offset + length / 2] ^= 0x10
        let what = "section \(e.id) block \(b)"
        // A refused cache is written again by the open: the bad one before each.
        try Data(bad).write(to: URL(fileURLWithPath: try cachePath))
        let read = try open(lazy: false)
        try Data(bad).write(to: URL(fileURLWithPath: try cachePath))
        let r = try open()
        if r.fromCache {
          assertRowsAreTheFilesOrRefused(r, what)
        }
        // Read whole at open, or checked whole (the headless commands): refused.
        XCTAssertFalse(read.fromCache, what)
        XCTAssertFalse(read.cacheWarnings.isEmpty, what)
      }
    }
  }

  /// Values a planted file could hold, each resealed with valid checksums.
  func testResealedWrongValuesInALazyBlockAreRefusedWhenUsed() throws {
    let good = try cacheBytes()
    let all = try entries(good)
    // (section, element offset in the block, value bytes); an offset inside the file
    // is found not to be a line only when the row is read (the placement check).
    let inside: [UInt8] = [0x10, 0, 0, 0, 0, 0, 0, 0]
    let plants: [(UInt32, Int, [UInt8])] = [
      (4, 3, [9]), (5, 3, [0xFF, 0x7F]), (8, 3, [0, 0, 0, 0]),
      (8, 3, [0xFF, 0xFF, 0xFF, 0x7F]), (9, 3, [70]), (14, 3, [9, 0]),
      (15, 3, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]),
      (15, 3, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
      (15, 3, inside), (16, 3, [0xFF, 0xFF, 0, 0]),
      (16, 3, [0, 0, 0, 0]), (17, 3, [1, 2, 3, 4]), (18, 3, [0x41]),
    ]
    for (id, k, value) in plants {
      let e = try XCTUnwrap(all.first { $0.id == id })
      var bad = good
      let at = e.block(2).offset + k * e.element.size
      for (j, v) in value.enumerated() { bad[at + j] = v }
      let what = "section \(id) = \(value)"
      let planted = CorpusCacheAttackTests.reseal(bad)
      try Data(planted).write(to: URL(fileURLWithPath: try cachePath))
      XCTAssertEqual(try open(lazy: false).fromCache, value == inside, what)
      try Data(planted).write(to: URL(fileURLWithPath: try cachePath))
      let r = try open()
      XCTAssertTrue(r.fromCache, what)
      XCTAssertGreaterThan(
        assertRowsAreTheFilesOrRefused(r, what), 0, "\(what): refused")
    }
  }

  func testSwappedBlocksOfWhereRowsAreGiveTheFilesRecordsOrRefusals() throws {
    let good = try cacheBytes()
    let all = try entries(good)
    for ids: [UInt32] in [[15], [15, 8], [16, 17], [2, 3]] {
      var bad = good
      for id in ids {
        let e = try XCTUnwrap(all.first { $0.id == id })
        let (a, b) = (e.block(1), e.block(3))
        let first = Array(bad[a.offset..<(a.offset + a.length)])
        bad.replaceSubrange(
          a.offset..<(a.offset + a.length),
          with: bad[b.offset..<(b.offset + b.length)])
        bad.replaceSubrange(b.offset..<(b.offset + b.length), with: first)
      }
      try Data(CorpusCacheAttackTests.reseal(bad)).write(
        to: URL(fileURLWithPath: try cachePath))
      let r = try open()
      guard r.fromCache else { continue }
      assertRowsAreTheFilesOrRefused(r, "swapped \(ids)")
    }
  }

  func testACacheCutOrRewrittenAfterALazyOpenIsRefusedForTheBlocksNotRead()
    throws
  {
    let good = try cacheBytes()
    for cut in [good.count / 2, good.count - 8, 0] {
      try Data(good).write(to: URL(fileURLWithPath: try cachePath))
      let r = try open()
      XCTAssertTrue(r.fromCache)
      XCTAssertEqual(try r.corpus.decodedRecord(at: 0).get(), full.records[0])
      XCTAssertEqual(truncate(try cachePath, off_t(cut)), 0)
      assertRowsAreTheFilesOrRefused(r, "cut at \(cut)")
    }
    // The same inode written over in place with other bytes.
    try Data(good).write(to: URL(fileURLWithPath: try cachePath))
    let r = try open()
    let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: try cachePath))
    var rng = SplitMix(seed: 4)
    handle.seek(toFileOffset: 4096)
    handle.write(
      Data(
        (0..<(good.count - 4096)).map { _ in
          UInt8(truncatingIfNeeded: rng.next())
        }))
    handle.closeFile()
    XCTAssertGreaterThan(assertRowsAreTheFilesOrRefused(r, "rewritten"), 0)
  }

  func testACacheOfAnotherCorpusIsNotUsed() throws {
    let other = dir + "/other"
    try FileManager.default.createDirectory(
      atPath: other, withIntermediateDirectories: true)
    try CorpusSynth.write(
      to: other, options: .init(records: 300, seed: 9, corruption: 0))
    let otherPath = try settings.cacheLocation(of: other).path
    try FileManager.default.copyItem(atPath: try cachePath, toPath: otherPath)
    let r = try CorpusLoader.open(directory: other, settings: settings)
    XCTAssertFalse(r.fromCache)
    XCTAssertEqual(
      r.corpus.records.map(\.id),
      try CorpusLoader.load(directory: other).corpus.records.map(\.id))
  }

  /// A planted cache (checksums valid) that points a row at a line the load left out,
  /// a copy of the row's own line that is not its record: a date that does not parse, a
  /// later duplicate with another (valid) date, or the same date and a kind no record
  /// has. Wherever the row is decoded (the browser's rows, `show`) it is refused, the
  /// other rows are the files' records; `list --format jsonl` (which copies lines
  /// without decoding them, checking place, id and date) refuses the first two. The
  /// third is what reliability.md lists as not defended there.
  func testARowPointedAtALeftOutLineIsRefusedWhereverItIsRead() throws {
    let path = data + "/records.jsonl"
    let original = try String(contentsOfFile: path, encoding: .utf8)
    let row = 5
    let id = full.records[row].id.rawValue
    let line = try XCTUnwrap(
      original.split(separator: "\n").first {
        $0.contains("{\"id\":\"\(id)\"")
      })
    let date = try XCTUnwrap(line.firstRange(of: "\"date\":\""))
    let copies = [
      line.replacingOccurrences(of: "\"date\":\"", with: "\"date\":\"x"),
      line.replacingCharacters(
        in: date.upperBound..<line.index(date.upperBound, offsetBy: 4),
        with: "1901"),
      line.replacingOccurrences(of: "\"kind\":\"", with: "\"kind\":\"x"),
    ]
    for (k, bad) in copies.enumerated() {
      try plantRow(row, at: bad, after: original)
      let r = try open()
      XCTAssertTrue(r.fromCache, bad)
      guard case .failure(.cacheMismatch) = r.corpus.decodedRecord(at: row)
      else {
        return XCTFail("the left-out line was shown as row \(row): \(bad)")
      }
      for i in r.corpus.records.indices where i != row {
        XCTAssertEqual(
          try r.corpus.decodedRecord(at: i).get(), full.records[i], bad)
      }
      guard k < 2 else { continue }
      let listed = try open()
      var out: [UInt8] = []
      let problem = listed.corpus.writeJSONLines(
        Array(listed.corpus.records.indices)
      ) { out += $0 }
      guard case .cacheMismatch? = problem else {
        return XCTFail("the left-out line was listed: \(bad)")
      }
      XCTAssertFalse(
        String(decoding: out, as: UTF8.self).contains(bad), "listed: \(bad)")
    }
  }

  /// The records file with `bad` appended to `original` (a line the load leaves out),
  /// its cache written, and row `row` pointed at `bad` (resealed: checksums valid).
  func plantRow(_ row: Int, at bad: String, after original: String) throws {
    let path = data + "/records.jsonl"
    try (original + bad + "\n").write(
      toFile: path, atomically: false, encoding: .utf8)
    full = try CorpusLoader.load(directory: data).corpus
    XCTAssertEqual(
      full.records.map(\.id), try open(lazy: false).corpus.records.map(\.id),
      "the bad copy is left out: \(bad)")
    _ = try open()
    var bytes = try cacheBytes()
    let all = try entries(bytes)
    let offset = try XCTUnwrap(all.first { $0.id == 15 }).offset + 8 * row
    let length = try XCTUnwrap(all.first { $0.id == 8 }).offset + 4 * row
    withUnsafeBytes(of: Int64(original.utf8.count).littleEndian) {
      for k in 0..<8 { bytes[offset + k] = $0[k] }
    }
    withUnsafeBytes(of: Int32(bad.utf8.count).littleEndian) {
      for k in 0..<4 { bytes[length + k] = $0[k] }
    }
    try Data(CorpusCacheAttackTests.reseal(bytes)).write(
      to: URL(fileURLWithPath: try cachePath))
  }
}
