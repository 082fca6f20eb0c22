import DatelineSynth
import Foundation
import XCTest

@testable import DatelineCore

/// Ids made to fall in one half of `IDTable` (the top bit of their hash): the half's table,
/// sized for half the items, grows as it fills instead of filling up, and every lookup,
/// duplicate and link is the reference's.
extension FastLoaderDifferentialTests {
  func testIDsAllInOneHalfOfTheIDTableLoadAlike() throws {
    let dir = try synth(records: 2_500, seed: 43, corruption: 0.2)
    let path = dir + "/records.jsonl"
    // Latin-1: one scalar a byte, so the corrupted lines' bytes are written back as read.
    let text = try String(contentsOfFile: path, encoding: .isoLatin1)
    // Each record id (and every link to it) becomes the nearest id in the upper half.
    let pattern = try NSRegularExpression(pattern: #""(r[0-9]+)""#)
    var renamed: [String: String] = [:]
    var out = ""
    var last = text.startIndex
    for match in pattern.matches(
      in: text, range: NSRange(text.startIndex..., in: text))
    {
      guard let all = Range(match.range, in: text),
        let id = Range(match.range(at: 1), in: text)
      else { continue }
      let old = String(text[id])
      let new = renamed[old] ?? Self.upperHalfID(near: old)
      renamed[old] = new
      out += text[last..<all.lowerBound] + "\"\(new)\""
      last = all.upperBound
    }
    out += text[last...]
    try out.write(toFile: path, atomically: true, encoding: .isoLatin1)
    XCTAssertGreaterThan(renamed.count, 2_000)
    try assertSame(dir)
    try assertSame(dir, settings: LoadSettings(chunkBytes: 4096))
  }

  /// `id` with the shortest suffix `-k` whose hash falls in IDTable's upper half.
  static func upperHalfID(near id: String) -> String {
    for k in 0... {
      var candidate = "\(id)-\(k)"
      let upper = candidate.withUTF8 { u in
        ByteKeyTable.hash(u.baseAddress!, u.count) >> 31 == 1
      }
      if upper { return candidate }
    }
    return id
  }
}
