import DatelineSynth
import Foundation
import XCTest

@testable import DatelineCore

/// Files that change under a loaded corpus: nothing is read from a mapping, a record that
/// was loaded decodes as it was validated, a file read window by window that changed in
/// place gives `.dataChanged` (a value, never a trap), and special files never block.
final class SafeReadTests: XCTestCase {
  func directory(_ name: String) throws -> String {
    let dir = NSTemporaryDirectory() + "dateline-safe-\(getpid())/" + name
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(
      atPath: dir, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    return dir
  }

  /// A corpus without text_path sources (those are not cached), written by the synthesizer.
  func synthCorpus(_ name: String, records: Int) throws -> String {
    let dir = try directory(name)
    try CorpusSynth.write(
      to: dir, options: .init(records: records, seed: 3, corruption: 0))
    let sourcesPath = dir + "/sources.json"
    let lines = try String(contentsOfFile: sourcesPath, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    let kept = lines.filter { !$0.contains("\"text_path\"") }.joined(
      separator: "\n")
    try kept.replacingOccurrences(of: ",\n]}", with: "\n]}").write(
      toFile: sourcesPath, atomically: true, encoding: .utf8)
    return dir
  }

  func overwriteInPlace(_ path: String, with bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_TRUNC)
    XCTAssertGreaterThanOrEqual(fd, 0)
    defer { close(fd) }
    XCTAssertEqual(
      bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, bytes.count
    )
  }

  func
    testALoadedCorpusKeepsItsRecordsAndTextsWhenItsFilesAreTruncatedOrRewritten()
    throws
  {
    let dir = try synthCorpus("truncated", records: 300)
    let loaded = try CorpusLoader.load(directory: dir)
    let before = Array(loaded.corpus.records)
    let texts = loaded.corpus.sources.map(\.text)
    XCTAssertEqual(loaded.corpus.changedFiles(), [])
    // Truncated, then rewritten at the same size with other bytes (the mmap loader died
    // of SIGBUS on the first and trapped on the second).
    let records = dir + "/records.jsonl"
    let size = try XCTUnwrap(FileIdentity.of(path: records)).size
    XCTAssertEqual(truncate(records, 0), 0)
    XCTAssertEqual(truncate(dir + "/sources.json", 10), 0)
    for i in 0..<before.count {
      XCTAssertEqual(try loaded.corpus.decodedRecord(at: i).get(), before[i])
    }
    XCTAssertEqual(loaded.corpus.sources.map(\.text), texts)
    try overwriteInPlace(records, with: [UInt8](repeating: 0x7B, count: size))
    XCTAssertTrue(loaded.corpus.records.elementsEqual(before))
    XCTAssertNil(loaded.corpus.readProblem)
    XCTAssertEqual(
      Set(loaded.corpus.changedFiles()), [records, dir + "/sources.json"])
  }

  func testADeferredFileThatChangedOrWasReplacedRefusesWindowsNotReadYet()
    throws
  {
    let path = try directory("deferred") + "/data.jsonl"
    let content = [UInt8](
      (0..<(3 * FileBytes.window)).map { UInt8(truncatingIfNeeded: $0 % 251) })
    FileManager.default.createFile(atPath: path, contents: Data(content))
    guard case .success(let f) = FileBytes.deferred(path) else {
      return XCTFail("deferred open")
    }
    XCTAssertTrue(f.ensure(0..<10))
    XCTAssertEqual(
      Array(UnsafeRawBufferPointer(rebasing: f.bytes[0..<10])),
      Array(content[0..<10]))
    // Replaced by rename: the old inode's ctime moves as it loses its name, so windows
    // not read yet are refused too (the browser reloads); read ones stay.
    let fresh = path + ".new"
    FileManager.default.createFile(
      atPath: fresh, contents: Data(repeating: 0, count: content.count))
    XCTAssertEqual(rename(fresh, path), 0)
    XCTAssertFalse(f.ensure(FileBytes.window..<(FileBytes.window + 10)))
    XCTAssertTrue(f.ensure(0..<10))
    XCTAssertEqual(
      Array(UnsafeRawBufferPointer(rebasing: f.bytes[0..<10])),
      Array(content[0..<10]))
    XCTAssertFalse(f.stillMatches())

    // Changed in place (truncated): windows not read yet are refused, read ones stay.
    guard case .success(let g) = FileBytes.deferred(path) else {
      return XCTFail("deferred open")
    }
    XCTAssertTrue(g.ensure(0..<10))
    XCTAssertEqual(truncate(path, 100), 0)
    XCTAssertFalse(
      g.ensure((2 * FileBytes.window)..<(2 * FileBytes.window + 10)))
    XCTAssertTrue(g.ensure(0..<10))
    XCTAssertFalse(g.ensure(0..<(content.count + 1)), "past the end as opened")
  }

  /// A file read row by row (the first pass's, the re-open cache's data files) reads
  /// 16 KB windows: a row's bytes bring only the windows they lie in, each checked as
  /// the 64 KB ones are.
  func testAFileReadRowByRowReadsOnlyTheRowWindowsAsked() throws {
    let path = try directory("rows") + "/data.jsonl"
    let w = FileBytes.rowWindow
    let content = [UInt8](
      (0..<(3 * FileBytes.window)).map { UInt8(truncatingIfNeeded: $0 % 251) })
    FileManager.default.createFile(atPath: path, contents: Data(content))
    guard
      case .success(let f) = FileBytes.deferred(
        path, hugePages: false, window: w)
    else { return XCTFail("deferred open") }
    XCTAssertTrue(f.ensure((w - 5)..<(w + 5)))
    XCTAssertEqual(f.windowsHeld, 2, "the two row windows the range lies in")
    XCTAssertEqual(
      Array(UnsafeRawBufferPointer(rebasing: f.bytes[(w - 5)..<(w + 5)])),
      Array(content[(w - 5)..<(w + 5)]))
    XCTAssertTrue(f.ensure((5 * w + 1)..<(5 * w + 2)))
    XCTAssertEqual(f.windowsHeld, 3)
    f.release(0..<content.count)
    XCTAssertEqual(f.windowsHeld, 0)
    XCTAssertTrue(f.ensure((w - 5)..<(w + 5)))
    XCTAssertEqual(
      Array(UnsafeRawBufferPointer(rebasing: f.bytes[(w - 5)..<(w + 5)])),
      Array(content[(w - 5)..<(w + 5)]))
    // Changed in place: a window not read yet is refused, read ones stay.
    XCTAssertEqual(truncate(path, 100), 0)
    XCTAssertFalse(f.ensure((8 * w)..<(8 * w + 10)))
    XCTAssertTrue(f.ensure((w - 5)..<(w + 5)))
  }

  func testARecordWhoseFileChangedAfterAReopenIsAValueNotATrap() throws {
    let dir = try synthCorpus("reopen", records: 3_000)
    // The cache comes in as a setting (Core reads no environment): any size, and no quiet
    // time, since the test writes its files and opens them at once.
    let settings = LoadSettings(
      cache: CacheSettings(
        folder: try directory("reopen-cache") + "/dateline",
        binaryIdentity: Array("test".utf8),
        minimumBytes: 0, quietNanoseconds: 0))
    let fresh = try CorpusLoader.load(directory: dir)
    XCTAssertFalse(
      try CorpusLoader.open(directory: dir, settings: settings).fromCache)
    let reopened = try CorpusLoader.open(directory: dir, settings: settings)
    XCTAssertTrue(reopened.fromCache)
    let corpus = reopened.corpus
    XCTAssertEqual(
      try corpus.decodedRecord(at: 0).get(), fresh.corpus.records[0])
    // The same size, other bytes, the old times put back (`touch -r`): ctime still moves.
    let records = dir + "/records.jsonl"
    let old = try XCTUnwrap(FileIdentity.of(path: records))
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: records)))
    for k in stride(from: 0, to: bytes.count, by: 7) where bytes[k] == 0x65 {
      bytes[k] = 0x61
    }
    try overwriteInPlace(records, with: bytes)
    var times = [
      timespec(tv_sec: old.modifiedSeconds, tv_nsec: old.modifiedNanoseconds),
      timespec(tv_sec: old.modifiedSeconds, tv_nsec: old.modifiedNanoseconds),
    ]
    XCTAssertEqual(utimensat(AT_FDCWD, records, &times, 0), 0)
    XCTAssertEqual(corpus.changedFiles(), [records])
    let last = corpus.records.count - 1
    guard case .failure(.dataChanged(let file)) = corpus.decodedRecord(at: last)
    else {
      return XCTFail("a record from a file changed in place must not decode")
    }
    XCTAssertEqual(file, records)
    XCTAssertEqual(corpus.records[last].headline, DataReadProblem.notice)
    XCTAssertEqual(
      corpus.records[last].id, fresh.corpus.records[last].id,
      "the stand-in keeps the id")
    XCTAssertNotNil(corpus.readProblem)
    var written = 0
    let problem = corpus.writeJSONLines(Array(0..<corpus.records.count)) {
      written += $0.count
    }
    XCTAssertEqual(problem, .dataChanged(file: records))
    XCTAssertEqual(written, 0, "nothing is listed that is not in the files")
    // Truncated: the same, and no SIGBUS.
    XCTAssertEqual(truncate(records, 0), 0)
    for i in stride(from: 0, to: corpus.records.count, by: 97) {
      if case .failure(let p) = corpus.decodedRecord(at: i) {
        XCTAssertEqual(p, .dataChanged(file: records))
      }
    }
    // A fresh open sees the new content, not the cache.
    XCTAssertFalse(try CorpusLoader.open(directory: dir).fromCache)
  }

  func
    testAFIFOADirectoryOrADeviceNamedJSONIsAnErrorOfThatFileAndNothingBlocks()
    throws
  {
    let dir = try directory("special")
    try
      #"{"schema": 1, "type": "parties", "items": [{"id": "a", "name": "A", "kind": "state"}]}"#
      .write(toFile: dir + "/parties.json", atomically: true, encoding: .utf8)
    XCTAssertEqual(mkfifo(dir + "/fifo.jsonl", 0o644), 0)
    try FileManager.default.createDirectory(
      atPath: dir + "/folder.json", withIntermediateDirectories: false)
    XCTAssertEqual(symlink("/dev/zero", dir + "/zero.json"), 0)
    for result in [
      try CorpusLoader.load(directory: dir),
      try CorpusLoader.loadReference(directory: dir),
    ] {
      let messages = result.errors.map { "\($0.file): \($0.message)" }
      XCTAssertEqual(
        messages,
        [
          "fifo.jsonl: not a regular file (a FIFO); skipped",
          "folder.json: not a regular file (a directory); skipped",
          "zero.json: not a regular file (a character device); skipped",
        ])
      XCTAssertEqual(result.corpus.parties.count, 1)
      XCTAssertEqual(result.failedFiles, 3)
    }
  }

  func testATextPathThatIsAFIFOIsAnErrorNotABlockingRead() throws {
    let dir = try directory("text-fifo")
    XCTAssertEqual(mkfifo(dir + "/article.txt", 0o644), 0)
    let result = TextPathReader.read("article.txt", in: dir)
    guard case .failure(let problem) = result else {
      return XCTFail("a FIFO is not a text")
    }
    XCTAssertEqual(
      problem.message, "\"article.txt\" is a FIFO, expected a text file")
  }
}
