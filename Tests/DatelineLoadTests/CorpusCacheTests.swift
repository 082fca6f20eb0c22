import DatelineSynth
import Foundation
import XCTest

@testable import DatelineCore

/// The re-open cache gives back exactly what loading the files gives, and is not used
/// once a data file changes.
extension FastLoaderDifferentialTests {
  /// Settings with a cache in a fresh folder, for any size, and no quiet time (the test
  /// writes its files and opens them at once).
  func cacheSettings() throws -> LoadSettings {
    let folder = try temporaryDirectory("cache-home") + "/dateline"
    return LoadSettings(
      cache: CacheSettings(
        folder: folder, binaryIdentity: Array("test".utf8), minimumBytes: 0,
        quietNanoseconds: 0))
  }

  func testReopenCacheGivesTheSameCorpusAndNoticesChanges() throws {
    let dir = try temporaryDirectory("cache-data")
    let settings = try cacheSettings()
    try CorpusSynth.write(
      to: dir, options: .init(records: 2_000, seed: 6, corruption: 0.2))
    // Sources read from text_path files are not cached: drop them (their records then
    // have errors, which the cache must give back too).
    let sourcesPath = dir + "/sources.json"
    let sourceLines = try String(contentsOfFile: sourcesPath, encoding: .utf8)
      .split(
        separator: "\n", omittingEmptySubsequences: false)
    let kept = sourceLines.filter { !$0.contains("\"text_path\"") }.joined(
      separator: "\n")
    try kept.replacingOccurrences(of: ",\n]}", with: "\n]}").write(
      toFile: sourcesPath, atomically: true, encoding: .utf8)
    let fresh = try CorpusLoader.load(directory: dir)
    let first = try CorpusLoader.open(directory: dir, settings: settings)
    XCTAssertFalse(first.fromCache)
    let again = try CorpusLoader.open(directory: dir, settings: settings)
    XCTAssertTrue(again.fromCache, "the second open reads the cache")
    XCTAssertEqual(again.issues, fresh.issues)
    XCTAssertEqual(again.summary, fresh.summary)
    XCTAssertEqual(again.corpus.parties, fresh.corpus.parties)
    XCTAssertEqual(again.corpus.sources, fresh.corpus.sources)
    XCTAssertEqual(again.corpus.records.count, fresh.corpus.records.count)
    XCTAssertTrue(again.corpus.records.elementsEqual(fresh.corpus.records))
    XCTAssertEqual(
      again.corpus.involved.map { $0 }, fresh.corpus.involved.map { $0 })
    XCTAssertEqual(again.corpus.filterKeys, fresh.corpus.filterKeys)
    for (i, r) in fresh.corpus.records.enumerated() {
      XCTAssertEqual(again.corpus.recordIndex[r.id], i)
      XCTAssertEqual(again.corpus.disputed(by: i), fresh.corpus.disputed(by: i))
      XCTAssertEqual(again.corpus.revised(by: i), fresh.corpus.revised(by: i))
    }
    XCTAssertNil(again.corpus.recordIndex[Record.ID("no-such-record")])
    assertColumnsMatchRecords(again.corpus)
    var lines: [String] = []
    again.corpus.writeJSONLines(Array(0..<again.corpus.records.count)) {
      lines.append(String(decoding: $0, as: UTF8.self))
    }
    var expected: [String] = []
    fresh.corpus.writeJSONLines(Array(0..<fresh.corpus.records.count)) {
      expected.append(String(decoding: $0, as: UTF8.self))
    }
    XCTAssertEqual(lines.joined(), expected.joined())
    // Search signatures built after an open are kept beside the cache; the next open has
    // them at once, bit for bit, and searches give the same answers.
    XCTAssertNil(again.corpus.searchSignatures.built)
    again.prepareSearch(minimumRecords: 0)
    let built = try XCTUnwrap(again.corpus.searchSignatures.built)
    let third = try CorpusLoader.open(directory: dir, settings: settings)
    let read = try XCTUnwrap(
      third.corpus.searchSignatures.built, "signatures read with the cache")
    XCTAssertTrue(read.bits.elementsEqual(built.bits))
    let rows = Array(0..<third.corpus.records.count)
    for q in ["zzqx", "northland", "geneva talks", "citing 5"] {
      let words = TextSearch.words(q)
      XCTAssertEqual(
        TextMatcher(words, corpus: third.corpus).firstMatch(
          in: rows, from: 0, forward: true
        ) { read },
        TextMatcher(words, corpus: fresh.corpus).firstMatch(
          in: rows, from: 0, forward: true
        ) { nil }, q)
    }
    // A changed data file: the cache is not used, and is written anew.
    let path = dir + "/records.jsonl"
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(
      Data(
        #"{"id":"zz-extra","date":"2020","kind":"event","parties":["nobody"],"headline":"H","source":"s0000000"}"#
          .utf8
          + [0x0A]))
    handle.closeFile()
    let changed = try CorpusLoader.open(directory: dir, settings: settings)
    XCTAssertFalse(changed.fromCache)
    XCTAssertEqual(
      changed.summary, try CorpusLoader.load(directory: dir).summary)
    XCTAssertTrue(
      try CorpusLoader.open(directory: dir, settings: settings).fromCache)
    // Off by request.
    XCTAssertFalse(try CorpusLoader.open(directory: dir).fromCache)
  }
}
