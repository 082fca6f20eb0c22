import DatelineSynth
import Foundation
import XCTest

@testable import DatelineCore

/// A planted re-open cache whose checksums are valid but whose record offsets point at
/// other bytes of the same files (or a data file rewritten within one timestamp tick):
/// every record read is refused (`cacheMismatch`) or is the record of a full load with
/// the row's id; never a crash, a part of a line, or a record that is not in the files.
final class CachePlacementTests: XCTestCase {
  var dir = ""
  var settings = LoadSettings()

  override func setUpWithError() throws {
    dir =
      NSTemporaryDirectory()
      + "dateline-placement-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: dir + "/data", withIntermediateDirectories: true)
    addTeardownBlock { [dir] in try? FileManager.default.removeItem(atPath: dir)
    }
    try CorpusSynth.write(
      to: dir + "/data", options: .init(records: 60, seed: 5, corruption: 0))
    try CorpusCacheAttackTests.dropTextPathSources(dir + "/data")
    settings = LoadSettings(
      cache: CacheSettings(
        folder: dir + "/cache", binaryIdentity: Array("t".utf8),
        minimumBytes: 0, quietNanoseconds: 0))
  }

  var data: String { dir + "/data" }
  func open(readCache: Bool = true) throws -> CorpusLoader.Result {
    try CorpusLoader.open(
      directory: data, settings: settings, readCache: readCache)
  }
  var cachePath: String {
    get throws { try settings.cacheLocation(of: data).path }
  }

  /// The cache with the `offset` (15) and `lengths` (8) columns changed by `change`, resealed.
  func planted(
    _ change: (_ offsets: inout [Int64], _ lengths: inout [Int32]) -> Void
  ) throws -> [UInt8] {
    var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: try cachePath)))
    let entries = try settings.cacheEntries(bytes, of: data)
    let off = try XCTUnwrap(entries.first { $0.id == 15 })
    let len = try XCTUnwrap(entries.first { $0.id == 8 })
    var offsets = (0..<(off.length / 8)).map { k in
      bytes.withUnsafeBytes {
        $0.loadUnaligned(fromByteOffset: off.offset + 8 * k, as: Int64.self)
      }
    }
    var lengths = (0..<(len.length / 4)).map { k in
      bytes.withUnsafeBytes {
        $0.loadUnaligned(fromByteOffset: len.offset + 4 * k, as: Int32.self)
      }
    }
    change(&offsets, &lengths)
    for (k, v) in offsets.enumerated() {
      withUnsafeBytes(of: v) {
        for b in 0..<8 { bytes[off.offset + 8 * k + b] = $0[b] }
      }
    }
    for (k, v) in lengths.enumerated() {
      withUnsafeBytes(of: v) {
        for b in 0..<4 { bytes[len.offset + 4 * k + b] = $0[b] }
      }
    }
    return CorpusCacheAttackTests.reseal(bytes)
  }

  func testPlantedOffsetsGiveRecordsOfTheFilesOrRefusalsNeverOtherBytes() throws
  {
    _ = try open()
    let pristine = Array(
      try Data(contentsOf: URL(fileURLWithPath: try cachePath)))
    let full = try CorpusLoader.load(directory: data).corpus
    var fullLines: [String: String] = [:]
    full.writeJSONLines(Array(full.records.indices)) { block in
      for line in String(decoding: block, as: UTF8.self).split(separator: "\n")
      {
        fullLines[
          String(
            RecordStore.topLevelID(
              UnsafeRawBufferPointer(Array(line.utf8).withUnsafeBytes { $0 })
            ).map {
              String(decoding: $0, as: UTF8.self)
            } ?? "")] = String(line)
      }
    }
    var rng = SplitMix(seed: 21)
    let attacks: [(String, (inout [Int64], inout [Int32]) -> Void)] = [
      (
        "neighbours swapped",
        { o, l in
          o.swapAt(0, 1)
          l.swapAt(0, 1)
          o.swapAt(5, 9)
          l.swapAt(5, 9)
        }
      ),
      (
        "one byte later",
        { o, l in
          for k in o.indices {
            o[k] += 1
            l[k] -= 1
          }
        }
      ),
      ("one byte shorter", { o, l in for k in l.indices { l[k] -= 1 } }),
      (
        "all at the first",
        { o, l in
          for k in o.indices {
            o[k] = o[0]
            l[k] = l[0]
          }
        }
      ),
      (
        "random",
        { o, l in
          let total = Int64(o.max() ?? 0)
          for k in o.indices {
            o[k] = Int64(rng.next() % UInt64(max(1, total)))
            l[k] = Int32(1 + rng.next() % 400)
          }
        }
      ),
    ]
    var refused = 0
    for (what, change) in attacks {
      try Data(try planted(change)).write(
        to: URL(fileURLWithPath: try cachePath))
      let r = try open()
      // refused at once by a range check: the files' answers
      guard r.fromCache else { continue }
      for i in r.corpus.records.indices {
        let id = r.corpus.recordIndex.id(at: i)
        switch r.corpus.decodedRecord(at: i) {
        case .success(let record):
          XCTAssertEqual(
            record, full.record(Record.ID(id)), "\(what): row \(id)")
        case .failure(.cacheMismatch): refused += 1
        case .failure(let other): XCTFail("\(what): \(other)")
        }
      }
      var out: [UInt8] = []
      let problem = r.corpus.writeJSONLines(Array(r.corpus.records.indices)) {
        out += $0
      }
      for line in String(decoding: out, as: UTF8.self).split(separator: "\n") {
        XCTAssertTrue(
          fullLines.values.contains(String(line)),
          "\(what): a line not in the files: \(line.prefix(80))")
      }
      if case .dataChanged? = problem {
        XCTFail("\(what): \(String(describing: problem))")
      }
    }
    XCTAssertGreaterThan(refused, 0, "the attacks reached the decoder")
    // A run that does not read the cache writes it again from the files.
    try Data(
      try planted { o, l in
        o.swapAt(0, 1)
        l.swapAt(0, 1)
      }
    ).write(to: URL(fileURLWithPath: try cachePath))
    _ = try open(readCache: false)
    XCTAssertEqual(
      Array(try Data(contentsOf: URL(fileURLWithPath: try cachePath))).count,
      pristine.count)
    let healed = try open()
    XCTAssertTrue(healed.fromCache)
    for i in healed.corpus.records.indices {
      XCTAssertEqual(
        try healed.corpus.decodedRecord(at: i).get(), full.records[i])
    }
  }

  /// The JSON lines of a store re-opened through the cache are checked where they are
  /// read (the byte before each line and the two after it in the same `pread`), so
  /// listing every record keeps no window of the records file.
  func testListingEveryRecordThroughTheCacheKeepsNoWindow() throws {
    _ = try open()
    let r = try open()
    XCTAssertTrue(r.fromCache)
    var lines = 0
    XCTAssertNil(
      r.corpus.writeJSONLines(Array(r.corpus.records.indices)) {
        lines += $0.filter { $0 == 0x0A }.count
      })
    XCTAssertEqual(lines, r.corpus.records.count)
    let records = try XCTUnwrap(
      r.corpus.store.files.first { $0.path.hasSuffix("records.jsonl") })
    XCTAssertEqual(records.windowsHeld, 0)
  }
}
