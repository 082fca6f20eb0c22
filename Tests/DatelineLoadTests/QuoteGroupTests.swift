import DatelineCore
import DatelineSynth
import Foundation
import XCTest

/// The browser's check as it reads: `.jsonl` pieces read a window at a time (lines cut
/// by a read, lines longer than a window), and quotes checked in groups of shrinking size
/// whose texts lie in several sources files, some cited by every group.
extension FastLoaderDifferentialTests {
  /// Lines of many windows (a read window is the chunk unit), CRLF endings, blank and
  /// blank-looking lines at every place, and no newline at the end: the same load as the
  /// reference, read window by window with and without checksums, and in groups.
  func testLinesLongerThanTheReadWindow() throws {
    let dir = try synth(records: 300, seed: 31, corruption: 0.2)
    let path = dir + "/records.jsonl"
    let lines = try Data(contentsOf: URL(fileURLWithPath: path))
      .split(separator: UInt8(ascii: "\n"))
    var out = Data()
    for (n, line) in lines.enumerated() {
      var l = Data(line)
      if n % 7 == 3, let brace = l.lastIndex(of: UInt8(ascii: "}")) {
        // A long unknown member: the line spans many windows.
        let pad = #","x_pad":""# + String(repeating: "p", count: 900 * (n % 5))
        l.insert(contentsOf: Data((pad + "\"").utf8), at: brace)
      }
      out += l
      out += n % 5 == 1 ? Data("\r\n".utf8) : Data("\n".utf8)
      if n % 11 == 4 { out += Data(" \t \n\n".utf8) }
    }
    out.removeLast()
    try out.write(to: URL(fileURLWithPath: path))
    for unit in [64, 100, 1 << 10] {
      try assertSame(
        dir, settings: LoadSettings(chunkBytes: unit, windowedReads: true))
      try assertSame(
        dir,
        settings: LoadSettings(
          chunkBytes: unit, windowedReads: true, digestedReads: true))
    }
    try assertSame(dir, settings: inPasses(4, unit: 200, windowed: true))
  }

  /// One record's source and quote repeated through the whole file (so every group
  /// cites that text), a copy whose quote is not in it in the middle and at the end, and
  /// the sources split into three envelopes: the same issues and records as the
  /// reference in 1, 3 and 6 groups, read whole and window by window.
  func testATextCitedByEveryGroupInSeveralSourcesFiles() throws {
    let dir = try synth(records: 900, seed: 32, corruption: 0.1)
    try splitSources(dir, into: 3)
    let path = dir + "/records.jsonl"
    // Bytes, not text: the corrupted lines hold invalid UTF-8.
    var lines = try Data(contentsOf: URL(fileURLWithPath: path))
      .split(separator: UInt8(ascii: "\n"))
    let template = try XCTUnwrap(
      lines.lazy.map { String(decoding: $0, as: UTF8.self) }.first {
        $0.hasPrefix(#"{"id":""#) && $0.contains(#""quote":{"exact":"#)
          && !$0.contains("\u{FFFD}")
      })
    let idEnd = try XCTUnwrap(template.dropFirst(7).firstIndex(of: "\""))
    for k in stride(from: lines.count - 1, to: 0, by: -40) {
      var copy = #"{"id":"every-\#(k)"# + template[idEnd...]
      if k == lines.count - 1 || k == 441 {
        copy = copy.replacingOccurrences(
          of: #""exact":""#, with: #""exact":"not in the text "#)
      }
      lines.insert(Data(copy.utf8), at: k)
    }
    try Data(
      lines.joined(separator: [UInt8(ascii: "\n")]) + [UInt8(ascii: "\n")]
    )
    .write(to: URL(fileURLWithPath: path))
    for passes in [1, 3, 6] {
      try assertSame(dir, settings: inPasses(passes, unit: 1 << 12))
    }
    try assertSame(dir, settings: inPasses(3, unit: 1 << 12, windowed: true))
  }

  /// Rewrites `dir/sources.json` (one item a line) as `count` envelopes of consecutive
  /// items, `sources-1.json`…
  func splitSources(_ dir: String, into count: Int) throws {
    let path = dir + "/sources.json"
    let lines = try String(contentsOfFile: path, encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let items = lines.dropFirst().dropLast().map {
      $0.hasSuffix(",") ? String($0.dropLast()) : $0
    }
    try FileManager.default.removeItem(atPath: path)
    let per = (items.count + count - 1) / count
    for (n, start) in stride(from: 0, to: items.count, by: per).enumerated() {
      let part = items[start..<min(items.count, start + per)]
      let text =
        lines[0] + "\n" + part.joined(separator: ",\n") + "\n" + "]}\n"
      try text.write(
        toFile: dir + "/sources-\(n + 1).json", atomically: true,
        encoding: .utf8)
    }
  }
}
