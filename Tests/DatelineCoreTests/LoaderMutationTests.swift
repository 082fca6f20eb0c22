import DatelineCore
import Foundation
import XCTest

/// A bounded, seeded mutation fuzz of the loader that runs in every `swift test`: the
/// seed corpus's records are flipped, cut, spliced and stuffed with hostile bytes, and
/// each mutant must load without a crash, report issues that print, and sanitize clean.
///
/// scripts/fuzz.sh runs the same kind of check under libFuzzer for a million inputs.
final class LoaderMutationTests: XCTestCase {
  static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Data")

  static let hostileBytes: [[UInt8]] = [
    Array("\u{1B}]52;c;aGk=\u{07}".utf8), Array("\u{1B}[2J".utf8),
    [0xC2, 0x9B], [0xFF, 0xFE], [0xED, 0xA0, 0x80],
    Array("\\ud800".utf8), Array("1e400".utf8),
    Array(repeating: UInt8(ascii: "["), count: 300), [0],
    Array("\u{202E}".utf8), Array(",,".utf8), Array("\"\"".utf8),
    Array("NaN".utf8), [0xEF, 0xBB, 0xBF],
  ]

  func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
    var b = input
    for _ in 0..<(1 + rng.int(4)) {
      guard !b.isEmpty else { break }
      let at = rng.int(b.count)
      switch rng.int(6) {
      case 0: b[at] ^= UInt8(1 << rng.int(8))
      case 1: b.removeSubrange(at..<min(b.count, at + 1 + rng.int(40)))
      case 2: b.insert(contentsOf: rng.pick(Self.hostileBytes), at: at)
      case 3: b = Array(b.prefix(at))
      case 4:
        let from = rng.int(b.count)
        let piece = b[from..<min(b.count, from + 1 + rng.int(200))]
        b.insert(contentsOf: piece, at: at)
      default: b[at] = UInt8(truncatingIfNeeded: rng.next())
      }
    }
    return b
  }

  func testMutatedCorporaNeverCrashAndAlwaysReportPrintably() throws {
    let records = try Array(
      Data(contentsOf: Self.seed.appendingPathComponent("records.json")))
    let parties = try Array(
      Data(contentsOf: Self.seed.appendingPathComponent("parties.json")))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-mutants-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("sources"),
      withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(
      at: Self.seed.appendingPathComponent("sources/hostage-talks-article.txt"),
      to: dir.appendingPathComponent("sources/hostage-talks-article.txt"))
    try Data(contentsOf: Self.seed.appendingPathComponent("sources.json"))
      .write(
        to: dir.appendingPathComponent("sources.json"))
    var rng = SplitMix64(state: 20_231_212)
    var outcomes = (clean: 0, failedFiles: 0, leftOut: 0)
    for i in 0..<400 {
      let target = i % 5 == 0 ? "parties.json" : "records.json"
      let mutant = mutate(target == "parties.json" ? parties : records, &rng)
      try Data(target == "parties.json" ? mutant : parties).write(
        to: dir.appendingPathComponent("parties.json"))
      try Data(target == "records.json" ? mutant : records).write(
        to: dir.appendingPathComponent("records.json"))
      let result = try CorpusLoader.load(directory: dir.path)
      for issue in result.issues {
        let line = Sanitizer.clean(issue.description)
        XCTAssertFalse(
          line.unicodeScalars.contains {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
          }, line)
      }
      for r in result.corpus.records {
        XCTAssertLessThanOrEqual(
          DisplayWidth.of(Sanitizer.clean(r.headline)), 100)
        _ = RecordDetail(record: r, corpus: result.corpus)
      }
      if result.issues.isEmpty { outcomes.clean += 1 }
      if result.failedFiles > 0 { outcomes.failedFiles += 1 }
      if result.leftOut > 0 { outcomes.leftOut += 1 }
    }
    // The mutations must reach every layer: whole-file syntax errors, item errors, and
    // mutants that still load clean.
    XCTAssertGreaterThan(outcomes.failedFiles, 50)
    XCTAssertGreaterThan(outcomes.leftOut, 5)
    XCTAssertGreaterThan(outcomes.clean, 0)
  }
}
