import CDatelineScan
import DatelineSynth
import Foundation
import XCTest

@testable import DatelineCore

/// The C record walk (`dl_record_walk_run`) against the Swift walk, item by item: every
/// line below is scanned twice, once as the loader does (the C walk where it can) and once
/// by the Swift walk alone, and the two chunks must hold the same items, parties, quote
/// checks, links and ids after each line. Lines: generated corpora (clean and corrupted),
/// every member of a full record moved to every place and given twice, hostile bytes and
/// escapes at every offset, every cut, numbers of every form, nesting at the depth limit.
final class RecordWalkTests: XCTestCase {
  static let full = #"""
    {"id":"r1","date":"2023-11-20","time":"09:30","utc_offset":"+02:00","date_approx":true,"date_inferred":false,"date_note":"from echo","end_date":"2023-11-30","kind":"claim","parties":[{"id":"a","role":"actor"},"b","zz"],"headline":"Alpha said so","summary":"Bravo text","attribution":{"claimant":["a","q"],"text":"charlie says","basis":"named"},"source":"s1","quote":{"exact":"the first quote","prefix":"é ","suffix":" 北","start":4},"tags":["delta"],"related":["r2","r3"],"disputes":["r2"],"revises":["r2"],"figures":[{"label":"hostages","value":135,"value_max":1.5e3,"qualifier":"about","unit":"people"}]}
    """#

  let lookup = PartyLookup(parties: [
    Party(id: "a", name: "A"), Party(id: "b", name: "B", parent: "a"),
    Party(id: "p-northland", name: "N"),
  ])

  /// Scans each line both ways: the same verdicts, and the same chunks once all are
  /// scanned (compared at the end: a dump after each line made the test quadratic).
  /// Returns how many lines the C walk read itself.
  @discardableResult
  func assertWalksAgree(
    _ lines: [[UInt8]], depthBase: Int = 0,
    file: StaticString = #filePath, line: UInt = #line
  ) -> Int {
    var viaC = RecordScanChunk()
    var swift = RecordScanChunk()
    let space = RecordWalkSpace()
    var taken = 0
    for (k, bytes) in lines.enumerated() {
      let (a, b, c) = bytes.withUnsafeBytes { raw in
        var m = RecordItemScan.Members()
        var lists = RecordScanChunk.Scratch()
        let c = RecordItemScan.walked(
          ByteScanner(raw, depthBase: depthBase), space.record, lookup.view, &m,
          &lists)
        return (
          RecordItemScan.scan(
            raw, offset: k * 1000, depthBase: depthBase, ordinal: Int32(k),
            parties: lookup.view, into: &viaC),
          RecordItemScan.scan(
            raw, offset: k * 1000, depthBase: depthBase, ordinal: Int32(k),
            parties: lookup.view, into: &swift, cWalk: false), c
        )
      }
      if c { taken += 1 }
      if a != b {
        XCTFail(
          "verdicts differ (\(a), \(b)): \(String(decoding: bytes, as: UTF8.self))",
          file: file, line: line)
        return taken
      }
    }
    XCTAssertEqual(dump(viaC), dump(swift), file: file, line: line)
    return taken
  }

  /// Everything a chunk holds, ids and normalized bytes as text.
  func dump(_ c: RecordScanChunk) -> String {
    func fields(_ v: Any) -> String {
      Mirror(reflecting: v).children.map { child in
        let value = (child.value as? ByteRef)?.string ?? "\(child.value)"
        return "\(child.label ?? "?")=\(value)"
      }.joined(separator: ",")
    }
    return [
      c.items.map(fields), c.dates.map(fields),
      c.itemSources.map { "\($0)" }, c.involved.map { "\($0)" },
      c.quotes.map(fields),
      c.extras.map(fields), c.links.map(fields), c.sources.map(\.string),
      [String(decoding: c.arena, as: UTF8.self)],
      c.fallbacks.keys.sorted().map { "\($0)" },
    ].map { $0.joined(separator: ";") }.joined(separator: "\n")
  }

  func testGeneratedCorporaScanAlikeAndTheCWalkTakesCleanLines() throws {
    for (seed, corruption) in [(UInt64(21), 0.0), (22, 0.3), (23, 0.9)] {
      let dir = NSTemporaryDirectory() + "dateline-walk-\(getpid())-\(seed)"
      try? FileManager.default.removeItem(atPath: dir)
      addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
      try CorpusSynth.write(
        to: dir,
        options: .init(records: 800, seed: seed, corruption: corruption))
      let data = try Data(
        contentsOf: URL(fileURLWithPath: dir + "/records.jsonl"))
      let lines = data.split(separator: 0x0A).map { Array($0) }
      let taken = assertWalksAgree(lines)
      if corruption == 0 {
        XCTAssertEqual(taken, lines.count, "the C walk takes every clean line")
      }
    }
  }

  /// Each member of the full record moved to each place, and each member twice.
  func testEveryMemberOrderAndDuplicateKeys() throws {
    let members = try Self.topMembers(Self.full)
    XCTAssertEqual(members.count, 20)
    var lines: [[UInt8]] = [Array(Self.full.utf8)]
    for i in members.indices {
      for j in members.indices where j != i {
        var m = members
        m.insert(m.remove(at: i), at: j)
        lines.append(Array(("{" + m.joined(separator: ",") + "}").utf8))
      }
      var twice = members
      twice.insert(members[i], at: (i * 7) % members.count)
      lines.append(Array(("{" + twice.joined(separator: ",") + "}").utf8))
    }
    XCTAssertEqual(
      assertWalksAgree(lines), members.count * (members.count - 1) + 1)
  }

  /// Keys one step from the schema's (the C walk looks a key up by its first byte, then
  /// matches it whole): each member's key cut short, lengthened, given another first
  /// byte, or another key's first byte, in the record and in its nested objects. The
  /// walks agree, and the C walk takes none of them as a member of the schema.
  func testNearMissKeys() {
    let keys = [
      "id", "date", "time", "utc_offset", "date_approx", "date_inferred",
      "date_note",
      "end_date", "kind", "parties", "role", "headline", "summary",
      "attribution",
      "claimant", "text", "basis", "source", "quote", "exact", "prefix",
      "suffix", "start",
      "tags", "related", "disputes", "revises", "figures", "label", "value",
      "value_max",
      "qualifier", "unit",
    ]
    var lines: [[UInt8]] = []
    for key in keys {
      let near =
        [
          String(key.dropLast()), key + "x", key + "_", "date" + key,
          String(key.dropFirst()),
        ]
        + "adefhikpqrstuxDI_é".map { String($0) + key.dropFirst() }
      for other in near where !keys.contains(other) {
        let line = Self.full.replacingOccurrences(
          of: "\"\(key)\":", with: "\"\(other)\":")
        lines.append(Array(line.utf8))
      }
    }
    XCTAssertEqual(assertWalksAgree(lines), 0)
  }

  /// Hostile bytes, escapes and white space at every offset; every cut of the line.
  func testHostileBytesAtEveryOffsetAndEveryCut() {
    let line = Array(Self.full.utf8)
    let inserts: [[UInt8]] = [
      [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98], [0x01], [0x7F],
      [0xC2, 0x85], [0xE2, 0x80, 0x83], [0xCC, 0x81], [0xD0, 0x96],
      Array(#"\""#.utf8), Array(#"\u00e9"#.utf8), [0x20], [0x0A],
      Array(",".utf8),
      Array("}".utf8), Array("\"".utf8),
      [0xE4, 0xB8, 0xAD], [0xE4, 0x80, 0x80], [0xB8],
      Array(#"\ud83d\ude00"#.utf8),
      Array(#"\ud800"#.utf8), Array(#"\u0000"#.utf8), Array(#"\x"#.utf8),
      Array(#"\u12"#.utf8),
    ]
    var lines: [[UInt8]] = []
    for at in 0...line.count {
      for insert in inserts {
        var l = line
        l.insert(contentsOf: insert, at: at)
        lines.append(l)
      }
      lines.append(Array(line[0..<at]))
    }
    assertWalksAgree(lines)
  }

  /// Escapes in every text member, and at every offset of a text long enough to cross the
  /// string run's 16- and 32-byte blocks: the C walk reads them itself (flagged escaped,
  /// with the Swift walk's width and flags) and the two walks agree.
  func testEscapesInTextsAreReadByTheCWalk() {
    let escapes = [
      #"\""#, #"\\"#, #"\/"#, #"\n"#, #"\t"#, #"\u00e9"#, #"\u4E2D"#,
      #"\ud83d\ude00"#,
      #"\ud800x"#, #"\udc00"#, #"\u0020"#, #"\u3000"#, #"\u0301"#, #"é\"北"#,
    ]
    let text = String(repeating: "abcdefgh ", count: 9)
    let members = [
      "Alpha said so", "Bravo text", "charlie says", "from echo",
      "the first quote",
      "é ", " 北", "delta", "hostages", "people",
    ]
    var lines: [[UInt8]] = []
    for member in members {
      // Every offset in one member; the ends and two places between in the others.
      let offsets =
        member == "Bravo text"
        ? Array(0...text.count) : [0, 17, 40, text.count]
      for escape in escapes {
        for at in offsets {
          var t = text
          t.insert(contentsOf: escape, at: t.index(t.startIndex, offsetBy: at))
          lines.append(
            Array(
              Self.full.replacingOccurrences(
                of: "\"\(member)\"", with: "\"\(t)\""
              ).utf8))
        }
      }
    }
    XCTAssertEqual(assertWalksAgree(lines), lines.count)
  }

  /// Numbers of every form in a figure and a quote's start; nesting at the depth limit.
  func testNumbersAndDepth() {
    let numbers = [
      "0", "-0", "7", "-7", "01", "1.", ".5", "1.5", "-1.25e2", "1e400",
      "-1e-400",
      "123456789012345", "1234567890123456", "9999999999999999999", "2E+3",
      "1e",
      "999999999999", "1000000000000", "3.0", "nan", "true", "\"5\"",
      String(repeating: "1", count: 70),
    ]
    var lines: [[UInt8]] = []
    for n in numbers {
      for (value, max) in [(n, "10"), ("10", n), (n, n)] {
        lines.append(Array(figureLine(value: value, max: max).utf8))
      }
      lines.append(
        Array(
          Self.full.replacingOccurrences(
            of: #""start":4"#, with: "\"start\":\(n)"
          ).utf8))
    }
    assertWalksAgree(lines)
    for depthBase in [0, 2, 58, 59, 60, 61, 62, 63, 64] {
      assertWalksAgree([Array(Self.full.utf8)], depthBase: depthBase)
    }
  }

  /// The walk's enums are RecordItemScan's, in order.
  func testEnumTablesMatch() {
    func names(_ t: Int32) -> [String] {
      var out: [String] = []
      while let p = dl_record_walk_name(t, Int32(out.count)) {
        out.append(String(cString: p))
      }
      return out
    }
    func swift<let n: Int>(_ a: InlineArray<n, StaticString>) -> [String] {
      a.indices.map { "\(a[$0])" }
    }
    XCTAssertEqual(names(0), swift(RecordItemScan.kinds))
    XCTAssertEqual(names(1), swift(RecordItemScan.roles))
    XCTAssertEqual(names(2), swift(RecordItemScan.bases))
    XCTAssertEqual(names(3), swift(RecordItemScan.qualifiers))
  }

  func figureLine(value: String, max: String) -> String {
    #"{"id":"f1","date":"2020-01-02","kind":"figure","parties":["a"],"headline":"H","source":"s1","figures":[{"label":"x","value":"#
      + value + #","value_max":"# + max + "}]}"
  }

  /// The top-level members of a one-line object, as written.
  static func topMembers(_ json: String) throws -> [String] {
    let bytes = Array(json.utf8)
    var out: [String] = []
    var depth = 0
    var inString = false
    var start = 1
    for (i, b) in bytes.enumerated() {
      if inString {
        if b == 0x22 && bytes[i - 1] != 0x5C { inString = false }
        continue
      }
      switch b {
      case 0x22: inString = true
      case 0x7B, 0x5B: depth += 1
      case 0x7D, 0x5D:
        depth -= 1
        if depth == 0 {
          out.append(String(decoding: bytes[start..<i], as: UTF8.self))
        }
      case 0x2C where depth == 1:
        out.append(String(decoding: bytes[start..<i], as: UTF8.self))
        start = i + 1
      default: break
      }
    }
    return out
  }
}
