import CDatelineScan
import DatelineSynth
import Foundation
import XCTest

@testable import DatelineCore

/// A cache that cannot lie: whatever happens to the cache file (truncated, flipped,
/// random, zeroed, a symlink, a directory, an unwritable folder, or rewritten with valid
/// checksums and wrong values), every answer equals a load without a cache, nothing
/// crashes or hangs, and nothing is left behind; a data file edited in place at the same
/// size with its old time restored is noticed.
final class CorpusCacheAttackTests: XCTestCase {
  var dir = ""
  var settings = LoadSettings()
  var expected = ""

  override func setUpWithError() throws {
    dir = try temporary("data")
    try CorpusSynth.write(
      to: dir, options: .init(records: 80, seed: 12, corruption: 0.2))
    try dropTextPathSources(dir)
    settings = LoadSettings(
      cache: CacheSettings(
        folder: try temporary("home") + "/dateline",
        binaryIdentity: Array("t".utf8), minimumBytes: 0,
        quietNanoseconds: 0))
    expected = answers(try CorpusLoader.load(directory: dir))
  }

  var location: CorpusCache.Location {
    get throws { try settings.cacheLocation(of: dir) }
  }

  func open() throws -> CorpusLoader.Result {
    try CorpusLoader.open(directory: dir, settings: settings)
  }

  /// The cache written by a first open, as bytes.
  func pristineCache() throws -> [UInt8] {
    _ = try open()
    let cached = try open()
    XCTAssertTrue(cached.fromCache)
    XCTAssertEqual(answers(cached), expected)
    return Array(try Data(contentsOf: URL(fileURLWithPath: try location.path)))
  }

  /// Opens with `bytes` as the cache file: the answers must be the files', and a cache
  /// that is not used must say so (unless it is simply for other data).
  func assertOpensAlike(_ bytes: [UInt8], _ what: String, line: UInt = #line)
    throws
  {
    try Data(bytes).write(to: URL(fileURLWithPath: try location.path))
    let r = try open()
    XCTAssertEqual(answers(r), expected, what, line: line)
  }

  func testTruncatedFlippedAndRandomCachesGiveTheFilesAnswers() throws {
    let good = try pristineCache()
    var cuts = Array(
      stride(from: 0, to: good.count, by: max(1, good.count / 12)))
    cuts += [1, 7, 8, 47, 48, 63, good.count - 1]
    for cut in cuts {
      try assertOpensAlike(Array(good[..<cut]), "truncated at \(cut)")
    }
    var rng = SplitMix(seed: 3)
    // Every byte of the header, key and section table, and a sample of the rest.
    var positions = Array(stride(from: 0, to: min(good.count, 240), by: 12))
    positions += (0..<16).map { _ in Int(rng.next() % UInt64(good.count)) }
    for p in positions {
      var bad = good
      bad[p] ^= UInt8(1 << (rng.next() % 8))
      try assertOpensAlike(bad, "bit flipped at \(p)")
    }
    for _ in 0..<2 {
      try assertOpensAlike(
        (0..<good.count).map { _ in UInt8(truncatingIfNeeded: rng.next()) },
        "random bytes")
    }
    try assertOpensAlike([UInt8](repeating: 0, count: good.count), "zeros")
    try assertOpensAlike(good + [0], "one byte more")
  }

  /// Checksums recomputed after each change: what a bug or a planted file could hand the
  /// reader. No crash, no hang, no unbounded allocation, nothing outside the directory.
  func testResealedCachesWithWrongValuesAreRefused() throws {
    let good = try pristineCache()
    let entries = try CacheFile.checkHeader(
      good.withUnsafeBytes { $0 }, fileSize: good.count,
      magic: CacheLayout.magic, key: try location.key
    ).0
    let meta = try XCTUnwrap(entries.first { $0.id == CacheLayout.meta })
    var rng = SplitMix(seed: 9)
    // Every 8-byte field of the meta section set to huge, negative and off-by-one values
    // (counts, file indexes, links, the record count: the 4.4 GB allocation was one).
    let fields = (meta.length - 8) / 8
    for at
      in (Array(0..<min(fields, 8))
      + (0..<6).map { _ in Int(rng.next() % UInt64(fields)) }).map({
        meta.offset + 8 * $0
      })
    {
      for value: UInt64 in [0xFFFF_FFFF_FFFF, UInt64(bitPattern: -1), 1 << 40] {
        var bad = good
        withUnsafeBytes(of: value.littleEndian) {
          for k in 0..<8 { bad[at + k] = $0[k] }
        }
        try assertRefusedOrAlike(
          reseal(bad), "meta field at \(at - meta.offset) = \(value)",
          strict: false)
      }
    }
    // Indexes, offsets, lengths and list starts far out of range; links (keys, starts,
    // lists), contested records and where sources start too.
    for e in entries
    where [6, 7, 8, 14, 15, 16].contains(e.id) || (19...26).contains(e.id) {
      for _ in 0..<2 {
        var bad = good
        let size = e.element.size
        let at = e.offset + Int(rng.next() % UInt64(e.length / size)) * size
        bad[at + size - 1] ^= 0x70
        try assertRefusedOrAlike(reseal(bad), "section \(e.id) out of range")
      }
    }
    // A flip in the sources' bytes: a field's length or a text's place refused, or
    // (a title's letter, which no check can know to be wrong) no crash and no hang.
    for e in entries where e.id == CacheLayout.sourceBytes {
      for _ in 0..<8 {
        var bad = good
        bad[e.offset + Int(rng.next() % UInt64(e.length))] ^= 0x70
        try assertRefusedOrAlike(
          reseal(bad), "source bytes flipped", strict: false)
      }
    }
    // Any flip in the ids (bytes, starts, hashes) and the id tables.
    for e in entries
    where [16, 17, 18].contains(e.id) || e.id >= CacheLayout.idTable {
      for _ in 0..<5 where e.length > 0 {
        var bad = good
        bad[e.offset + Int(rng.next() % UInt64(e.length))] ^= UInt8(
          1 << (rng.next() % 8))
        try assertRefusedOrAlike(reseal(bad), "section \(e.id) flipped")
      }
    }
    // A full id table (no empty slot): lookups of a missing id would never end.
    for e in entries where e.id >= CacheLayout.idTable {
      var bad = good
      for s in stride(from: e.offset, to: e.offset + e.length, by: 8)
      where bad[s..<(s + 8)].allSatisfy({ $0 == 0 }) {
        bad[s + 4] = 0xFF
        bad[s] = 0xFE
      }
      try assertOpensAlike(reseal(bad), "full id table")
    }
  }

  /// A resealed cache is refused (the files' answers), or used with the same answers: a
  /// wrong value never reaches a lookup, a slice or an allocation.
  /// `strict: false` (a count or line number in the meta section, which no check can
  /// know to be wrong): only no crash, no hang, and the files' answers when refused.
  func assertRefusedOrAlike(
    _ bytes: [UInt8], _ what: String, strict: Bool = true, line: UInt = #line
  ) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: try location.path))
    let r = try open()
    if r.fromCache {
      guard strict else { return }
      XCTAssertEqual(
        answers(r, decode: false),
        answers(try CorpusLoader.load(directory: dir), decode: false), what,
        line: line)
      for case let f as FileBytes in r.corpus.store.owners {
        XCTAssertTrue(
          f.path.hasPrefix(dir + "/"), "\(what): opened \(f.path)", line: line)
      }
    } else {
      XCTAssertEqual(answers(r), expected, what, line: line)
      XCTAssertFalse(r.cacheWarnings.isEmpty, "\(what): a warning", line: line)
    }
  }

  /// `bytes` with every section checksum and the header checksum made to match again.
  func reseal(_ bytes: [UInt8]) throws -> [UInt8] { Self.reseal(bytes) }

  static func reseal(_ bytes: [UInt8]) -> [UInt8] {
    var out = bytes
    func u64(_ at: Int) -> Int {
      out.withUnsafeBytes {
        Int($0.loadUnaligned(fromByteOffset: at, as: UInt64.self))
      }
    }
    func put(_ v: UInt64, at: Int) {
      withUnsafeBytes(of: v.littleEndian) {
        for k in 0..<8 { out[at + k] = $0[k] }
      }
    }
    let keyCount = u64(32)
    let sections = u64(40)
    let table = CacheFile.headerBytes + ((keyCount + 7) & ~7)
    var sum = table + sections * CacheFile.tableEntryBytes
    for s in 0..<sections {
      let e = table + s * CacheFile.tableEntryBytes
      let element = CacheElement(rawValue: UInt32(u64(e) >> 32)) ?? .bytes
      let (offset, length) = (u64(e + 16), u64(e + 24))
      let sums = out.withUnsafeBytes {
        CacheFile.blockSums(
          UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + length)]),
          element, shift: u64(48))
      }
      for v in sums {
        put(v, at: sum)
        sum += 8
      }
    }
    let headerSum = out.withUnsafeBytes {
      CacheFile.checksum(UnsafeRawBufferPointer(rebasing: $0[32..<sum]))
    }
    put(headerSum, at: 24)
    return out
  }

  func testADataFileEditedAtTheSameSizeWithItsOldTimeIsNoticed() throws {
    _ = try pristineCache()
    let path = dir + "/records.jsonl"
    var st = stat()
    XCTAssertEqual(stat(path, &st), 0)
    var text = try Data(contentsOf: URL(fileURLWithPath: path))
    let headline = Data("\"headline\":\"".utf8)
    let at = try XCTUnwrap(text.range(of: headline)).upperBound
    text[at] =
      text[at] == UInt8(ascii: "Q") ? UInt8(ascii: "R") : UInt8(ascii: "Q")
    let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
    handle.write(text)  // in place: same inode, same size
    handle.closeFile()
    var times = [st.st_atim, st.st_mtim]  // touch -r: the old times back
    XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
    let fresh = try CorpusLoader.load(directory: dir)
    XCTAssertNotEqual(answers(fresh), expected, "the edit changes an answer")
    let reopened = try open()
    XCTAssertFalse(reopened.fromCache)
    XCTAssertEqual(answers(reopened), answers(fresh))
  }

  func testAFileChangedWithinTheQuietTimeIsNotCached() throws {
    settings.cache?.quietNanoseconds = 3_600_000_000_000
    _ = try open()
    XCTAssertFalse(FileManager.default.fileExists(atPath: try location.path))
    XCTAssertFalse(try open().fromCache)
  }

  func testZeroedSearchSignaturesAreRebuilt() throws {
    _ = try pristineCache()
    let cached = try open()
    cached.prepareSearch(minimumRecords: 0)
    let signatures = CorpusCache.signaturePath(try location.path)
    let size = try XCTUnwrap(
      FileManager.default.attributesOfItem(atPath: signatures)[.size] as? Int)
    for bytes in [
      [UInt8](repeating: 0, count: size), [UInt8](repeating: 0, count: 48),
    ] {
      try Data(bytes).write(to: URL(fileURLWithPath: signatures))
      let again = try open()
      XCTAssertNil(
        again.corpus.searchSignatures.built,
        "zeroed signatures are not installed")
      XCTAssertFalse(again.cacheWarnings.isEmpty)
      let rows = Array(0..<again.corpus.records.count)
      let fresh = try CorpusLoader.load(directory: dir)
      for q in ["northland", "geneva talks", "zzqx"] {
        let words = TextSearch.words(q)
        XCTAssertEqual(
          TextMatcher(words, corpus: again.corpus).firstMatch(
            in: rows, from: 0, forward: true
          ) {
            again.corpus.searchSignatures.built
          },
          TextMatcher(words, corpus: fresh.corpus).firstMatch(
            in: rows, from: 0, forward: true
          ) { nil }, q)
      }
    }
  }

  /// A lazy re-open reads the signatures when a search first needs them: a file that
  /// is not sound is said then (it was lost with a copy of the result), and replaced.
  func testALazyReopenSaysItsSignaturesWereIgnored() throws {
    _ = try pristineCache()
    XCTAssertNil(try open().prepareSearch(minimumRecords: 0))
    let signatures = CorpusCache.signaturePath(try location.path)
    try Data([UInt8](repeating: 0, count: 48)).write(
      to: URL(fileURLWithPath: signatures))
    var lazy = settings
    lazy.lazyCacheReads = true
    let again = try CorpusLoader.open(directory: dir, settings: lazy)
    XCTAssertTrue(again.fromCache)
    XCTAssertEqual(again.cacheWarnings, [], "not read at a lazy open")
    let warning = again.prepareSearch(minimumRecords: 0)
    XCTAssertNotNil(again.corpus.searchSignatures.built)
    XCTAssertEqual(
      warning?.hasPrefix("search signatures ignored ("), true,
      warning ?? "no warning")
    let third = try CorpusLoader.open(directory: dir, settings: lazy)
    XCTAssertNil(third.prepareSearch(minimumRecords: 0), "written again")
    XCTAssertNotNil(third.corpus.searchSignatures.built)
  }

  func testXXH64GivesThePublishedValues() {
    func h(_ s: String, _ seed: UInt64 = 0) -> UInt64 {
      Array(s.utf8).withUnsafeBytes { dl_xxh64($0.baseAddress, $0.count, seed) }
    }
    XCTAssertEqual(h(""), 0xEF46_DB37_51D8_E999)
    XCTAssertEqual(h("a"), 0xD24E_C4F1_A98C_6E5B)
    XCTAssertEqual(h("abc"), 0x44BC_2CF5_AD77_0999)
    XCTAssertEqual(
      h("Nobody inspects the spammish repetition"), 0xFBCE_A83C_8A37_8BF1)
  }

  // MARK: - Helpers

  func temporary(_ name: String) throws -> String {
    let path = NSTemporaryDirectory() + "dateline-attack-\(getpid())/" + name
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
  }

  /// Everything a command can answer: the summary and issues, parties, sources with their
  /// texts, record ids in order with their dates and parties, id lookups, links, and
  /// (`decode`) each record and its JSON line.
  func answers(_ r: CorpusLoader.Result, decode: Bool = true) -> String {
    let c = r.corpus
    var out = [r.summary] + r.issues.map(\.description)
    out +=
      c.parties.map { "\($0)" }
      + c.sources.map {
        "\($0.id) \($0.title) \($0.text) \(c.sources.index(of: $0.id) ?? -1)"
      }
    for i in 0..<c.records.count {
      let id = c.store.ids[i]
      let s = String(
        decoding: UnsafeBufferPointer(start: id.pointer, count: id.count),
        as: UTF8.self)
      out.append(
        "\(s) \(c.compactDateLabel(at: i)) \(Array(c.involved[i])) \(c.recordIndex[Record.ID(s)] ?? -1)"
      )
      out.append("\(c.disputed(by: i)) \(c.revised(by: i))")
      if decode { out.append("\(c.records[i])") }
    }
    if decode {
      c.writeJSONLines(Array(0..<c.records.count)) {
        out.append(String(decoding: $0, as: UTF8.self))
      }
    }
    return out.joined(separator: "\n")
  }

  func dropTextPathSources(_ dir: String) throws {
    try Self.dropTextPathSources(dir)
  }

  /// Sources read from `text_path` files are not cached: the generated corpus in `dir`
  /// without them (their records then have errors, which the cache must give back too).
  static func dropTextPathSources(_ dir: String) throws {
    let path = dir + "/sources.json"
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    let kept = lines.filter { !$0.contains("\"text_path\"") }.joined(
      separator: "\n")
    try kept.replacingOccurrences(of: ",\n]}", with: "\n]}").write(
      toFile: path, atomically: true, encoding: .utf8)
  }
}

/// A small seeded generator (SplitMix64), so a failure names a case that can be re-run.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
