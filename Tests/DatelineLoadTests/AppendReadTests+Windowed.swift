import Foundation
import XCTest

@testable import DatelineCore

/// The browser's loads read `.jsonl` files in windows and keep checksums of what they
/// read, not the bytes (FileDigest): appended lines are still read alone, and every other
/// change, wherever it lies, still asks for a full load.
extension AppendReadTests {
  static let windowed = LoadSettings(
    chunkBytes: 64, windowedReads: true, digestedReads: true)

  func windowedBase(_ dir: String) throws -> AppendBase {
    let loaded = try CorpusLoader.load(directory: dir, settings: Self.windowed)
    XCTAssertTrue(loaded.corpus.store.hasDeferredFiles)
    return try XCTUnwrap(AppendBase(loaded, directory: dir))
  }

  /// `count` records of about 150 bytes each: past a megabyte, two digest blocks.
  func manyLines(_ count: Int) -> [String] {
    (1...count).map {
      Self.line(
        "r\($0)", day: $0 % 28 + 1,
        extra: #","x_pad":"\#(String(repeating: "p", count: 60))""#)
    }
  }

  func testAppendedLinesAfterAWindowedLoadGiveWhatAFullLoadGives() throws {
    let dir = try directory(manyLines(8_000))
    let base = try windowedBase(dir)
    try append(
      Self.line("n1", day: 3) + "\n" + Self.line("n2", party: "nobody") + "\n",
      to: dir + "/records.jsonl")
    guard case .appended(let next, let added, 1) = base.readAppended() else {
      return XCTFail("not read alone")
    }
    XCTAssertEqual(added.count, 1)
    let full = try CorpusLoader.load(directory: dir)
    XCTAssertEqual(
      answers(next.corpus, next.issues), answers(full.corpus, full.issues))
    // The error names the line a full load names: the lines were counted from digests.
    XCTAssertTrue(
      next.issues[0].description.hasPrefix("records.jsonl:8002 "),
      next.issues[0].description)
  }

  func testAnAppendAfterARewriteOfAnEarlyWindowIsSeenAsARewrite() throws {
    let lines = manyLines(8_000)
    for offset in [40, 700_000, 1_100_000] {
      let dir = try directory(lines)
      let base = try windowedBase(dir)
      let path = dir + "/records.jsonl"
      // One byte of a padding changed at the same size, the old time put back, then a
      // line appended: only the checksum of that block can tell.
      let before = try FileManager.default.attributesOfItem(atPath: path)
      let text = try Data(contentsOf: URL(fileURLWithPath: path))
      let at = text[offset...].firstIndex(of: UInt8(ascii: "p"))!
      let fd = open(path, O_WRONLY)
      XCTAssertEqual(pwrite(fd, "q", 1, off_t(at)), 1)
      close(fd)
      try FileManager.default.setAttributes(
        [.modificationDate: before[.modificationDate]!], ofItemAtPath: path)
      try append(Self.line("n1") + "\n", to: path)
      guard case .fullLoadNeeded(let why) = base.readAppended() else {
        return XCTFail("a rewrite at \(offset) was not seen")
      }
      XCTAssertTrue(why.contains("changed in place"), why)
    }
  }

  /// A writer appending before the reload of appended lines ran (or before the first
  /// fingerprints were taken): records not read yet still read, and every line lists; a
  /// file that was also rewritten refuses them.
  func testRecordsNotReadYetStillReadAfterTheFileGrew() throws {
    let dir = try directory(manyLines(8_000))
    let path = dir + "/records.jsonl"
    let loaded = try CorpusLoader.load(directory: dir, settings: Self.windowed)
    try append(Self.line("n1") + "\n", to: path)
    let corpus = loaded.corpus
    guard case .success(let r) = corpus.decodedRecord(at: 7_000) else {
      return XCTFail("a record of a grown file was refused")
    }
    XCTAssertEqual(r.id, corpus.records[7_000].id)
    var lines = 0
    corpus.writeJSONLines(Array(corpus.records.indices)) {
      lines += $0.count(where: { $0 == 0x0A })
    }
    XCTAssertEqual(lines, 8_000)
    XCTAssertNil(corpus.readProblem)
    // Rewritten in place (same size, old time) and grown again: refused.
    let again = try CorpusLoader.load(directory: dir, settings: Self.windowed)
    let before = try FileManager.default.attributesOfItem(atPath: path)
    let fd = open(path, O_WRONLY)
    XCTAssertEqual(pwrite(fd, "q", 1, 1_000_000), 1)
    close(fd)
    try FileManager.default.setAttributes(
      [.modificationDate: before[.modificationDate]!], ofItemAtPath: path)
    try append(Self.line("n2") + "\n", to: path)
    guard case .failure = again.corpus.decodedRecord(at: 7_000) else {
      return XCTFail("a record of a rewritten file was read")
    }
  }

  func testAWindowedLoadWithoutDigestsOrOfABOMFile() throws {
    let dir = try directory([Self.line("r1"), Self.line("r2", day: 2)])
    let plain = try CorpusLoader.load(
      directory: dir,
      settings: LoadSettings(chunkBytes: 64, windowedReads: true))
    XCTAssertNil(AppendBase(plain, directory: dir))
    // A BOM: the first piece starts after it, and the digests still cover it.
    let path = dir + "/records.jsonl"
    let body = try Data(contentsOf: URL(fileURLWithPath: path))
    try (Data([0xEF, 0xBB, 0xBF]) + body).write(to: URL(fileURLWithPath: path))
    let base = try windowedBase(dir)
    try append(Self.line("r3", day: 3) + "\n", to: path)
    guard case .appended(let next, let added, 0) = base.readAppended(),
      added.count == 1
    else {
      return XCTFail("not read alone")
    }
    let full = try CorpusLoader.load(directory: dir)
    XCTAssertEqual(
      answers(next.corpus, next.issues), answers(full.corpus, full.issues))
    // The BOM itself changed (same size): seen.
    let again = try windowedBase(dir)
    let fd = open(path, O_WRONLY)
    XCTAssertEqual(pwrite(fd, " ", 1, 0), 1)
    close(fd)
    guard case .fullLoadNeeded = again.readAppended() else {
      return XCTFail("a changed BOM was not seen")
    }
  }

  func testDigestsTileTheFileAndFindAChangedBlock() throws {
    let bytes = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let digests = bytes.withUnsafeBytes { FileDigest.of($0, at: 0) }
    XCTAssertEqual(digests.map(\.count), [1 << 20, 1 << 20, 1 << 20])
    XCTAssertEqual(
      FileDigest.tiling(digests.reversed(), count: bytes.count), digests)
    XCTAssertNil(FileDigest.tiling(Array(digests.dropFirst()), count: 3 << 20))
    XCTAssertNil(FileDigest.tiling(digests + [digests[1]], count: 3 << 20))
    let path = NSTemporaryDirectory() + "dateline-digest-\(getpid())"
    defer { unlink(path) }
    var changed = bytes
    for k in [0, (2 << 20) + 5] {
      changed = bytes
      changed[k] &+= 1
      try Data(changed).write(to: URL(fileURLWithPath: path))
      let fd = open(path, O_RDONLY)
      XCTAssertFalse(FileDigest.fileMatches(fd, digests))
      close(fd)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let fd = open(path, O_RDONLY)
    XCTAssertTrue(FileDigest.fileMatches(fd, digests))
    close(fd)
  }
}
