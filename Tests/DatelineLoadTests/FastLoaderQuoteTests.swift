import DatelineCore
import DatelineSynth
import Foundation
import XCTest

/// Quote checks where the fast loader searches escaped source texts in place, and the
/// columns it fills from the scan (date labels, basis, sources), against the reference.
extension FastLoaderDifferentialTests {
  /// Texts with `\n`, `\"`, `\\` (searched escaped), `\/` and `\u` (decoded first), raw
  /// non-ASCII and a combining mark; quotes found once, twice, never, across a line
  /// break, only at an escape's second byte, with prefix, suffix and start.
  func testQuotesInEscapedTextsGiveTheReferenceMessages() throws {
    let texts = [
      #"First line.\nnext line says \"hello\" and C:\\dir\\n too.\n\nThird paragraph: Zürich, 北京."#,
      #"Slash \/ and \u00e9t\u00e9 here.\nSecond line, second line."#,
      #"Plain text with a repeat: alpha beta. alpha beta. gamma."#,
      #"Cafe\u0301 combining; the end."#,
      #"Tabs\there and \"quotes\" \\\" tricky \\n end."#,
    ]
    var sources: [String] = []
    for (i, t) in texts.enumerated() {
      sources.append(
        #"{"id":"s\#(i)","outlet":"O","title":"T\#(i)","text":"\#(t)"}"#)
    }
    let quotes: [(Int, String)] = [
      // across the line break: found
      (0, #"{"exact":"First line.\nnext line"}"#),
      // only at the escape's second byte: not found
      (0, #"{"exact":"nnext line"}"#),
      (0, #"{"exact":"says \"hello\""}"#),
      (0, #"{"exact":"C:\\dir\\n too"}"#),
      (0, #"{"exact":"n too"}"#),  // after an escaped backslash: a real "n"
      (0, #"{"exact":"Zürich, 北京"}"#),
      (0, #"{"exact":"line","prefix":"First "}"#),
      (0, #"{"exact":"line","prefix":"\nnext "}"#),
      (0, #"{"exact":"line","suffix":" says"}"#),
      (0, #"{"exact":"line"}"#),  // twice: ambiguous (warning)
      (0, #"{"exact":"line","start":23}"#),
      (0, #"{"exact":"line","start":6}"#),
      (0, #"{"exact":"line","start":7}"#),  // fits no occurrence: error
      (0, #"{"exact":"Third","prefix":"\n\n"}"#),
      // the prefix only at an escape: error
      (0, #"{"exact":"Third","prefix":"n"}"#),
      (1, #"{"exact":"Slash / and été"}"#),
      (1, #"{"exact":"second line","start":49}"#),
      (1, #"{"exact":"nSecond"}"#),
      (2, #"{"exact":"alpha beta."}"#),
      (2, #"{"exact":"alpha beta.","suffix":" gamma"}"#),
      (2, #"{"exact":"alpha beta.","prefix":"beta. "}"#),
      (2, #"{"exact":"delta"}"#),
      (3, #"{"exact":"Café combining"}"#),
      (4, #"{"exact":"Tabs\there"}"#),
      (4, #"{"exact":"\"quotes\" \\\" tricky \\n"}"#),
      (4, #"{"exact":"here and \""}"#),
    ]
    var lines: [String] = []
    for (k, (s, q)) in quotes.enumerated() {
      lines.append(
        #"{"id":"q\#(k)","date":"2023-12-\#(String(format: "%02d", k % 28 + 1))","kind":"event","parties":["a"],"headline":"H\#(k)","source":"s\#(s)","quote":\#(q)}"#
      )
    }
    // Corroboration, facets, date labels.
    lines.append(
      #"{"id":"c1","date":"2023-11","date_approx":true,"end_date":"2024","kind":"claim","parties":["a",{"id":"b","role":"target"}],"headline":"Also","attribution":{"claimant":"a","text":"x","basis":"anonymous"},"source":"s2","quote":{"exact":"gamma"},"also":[{"source":"s0","quote":{"exact":"Third paragraph"}},{"source":"s2"},{"source":"s1","quote":{"exact":"here."}}],"figures":[{"label":"Count","value":3},{"label":"count ","value":4,"value_max":5}]}"#
    )
    lines.append(
      #"{"id":"c2","date":"2023-11-02","date_precision":"week","end_date":"2023-12-20","time":"07:05","kind":"figure","parties":["b"],"headline":"Week","attribution":{"text":"y","basis":"official"},"source":"s0","also":[{"source":"s0","quote":{"exact":"nope"}}],"figures":[{"label":"count","value":1}]}"#
    )
    lines.append(
      #"{"id":"c3","date":"2023","end_date":"2023-11","time":"23:59","kind":"event","parties":["b"],"headline":"Year","source":"s9"}"#
    )
    lines.append(
      #"{"id":"c4","date":"2023-01-01","time":"12:00","date_approx":false,"end_date":"2024-02","kind":"event","parties":["b"],"headline":"Span","source":"s1","also":[{"source":"s3"},{"source":"s3"},{"source":"s4"}]}"#
    )
    let dir = try temporaryDirectory("quotes")
    try
      #"{"schema":1,"type":"parties","items":[{"id":"a","name":"A"},{"id":"b","name":"B","parent":"a"}]}"#
      .write(toFile: dir + "/parties.json", atomically: true, encoding: .utf8)
    try
      (#"{"schema":1,"type":"sources","items":["#
      + sources.joined(separator: ",\n") + "]}")
      .write(toFile: dir + "/sources.json", atomically: true, encoding: .utf8)
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: dir + "/records.jsonl", atomically: true, encoding: .utf8)
    try assertSame(dir)
    // In pieces of a few lines, their quotes checked in three groups, read whole and
    // in windows.
    try assertSame(dir, settings: inPasses(3, unit: 256))
    try assertSame(dir, settings: inPasses(3, unit: 256, windowed: true))
    let loaded = try CorpusLoader.load(directory: dir)
    XCTAssertTrue(
      loaded.issues.contains {
        $0.description.contains("q1") && $0.description.contains("not found")
      })
    XCTAssertTrue(
      loaded.issues.contains {
        $0.description.contains("q9")
          && $0.description.contains("more than once")
      })
    XCTAssertFalse(
      loaded.issues.contains { $0.description.contains("(id \"q0\")") })
  }

  /// More sources (500) than quote buckets (256), so a bucket holds one or two sources,
  /// and records cut into many pieces, so a source's quotes come from many chunks
  /// (QuoteBuckets, QuoteBox.bucket): clean and corrupted (quotes not in their text,
  /// ambiguous, with a start, sources unknown), read whole and window by window.
  func testQuotesOfManySourcesFromManyPiecesGiveTheReferenceMessages() throws {
    for (seed, corruption) in [(21, 0.0), (22, 0.35)] as [(UInt64, Double)] {
      let dir = try temporaryDirectory("buckets-\(seed)")
      try CorpusSynth.write(
        to: dir,
        options: .init(
          records: 1_500, seed: seed, corruption: corruption,
          recordsPerSource: 3))
      try assertSame(dir, settings: LoadSettings(chunkBytes: 4096))
      try assertSame(
        dir, settings: LoadSettings(chunkBytes: 1 << 14, windowedReads: true))
    }
  }

  /// The last source's text cut short (the envelope still valid): the quotes cited from
  /// its lost tail are not found, those from its head are, in the last bucket as in the
  /// others; and the sources file cut inside that text (not valid JSON), which loses it.
  func testQuotesOfTheLastSourceCutShortGiveTheReferenceMessages() throws {
    let dir = try temporaryDirectory("last-source")
    try CorpusSynth.write(
      to: dir,
      options: .init(records: 2_000, seed: 23, recordsPerSource: 4))
    let path = dir + "/sources.json"
    let whole = try Data(contentsOf: URL(fileURLWithPath: path))
    let end = [UInt8](whole)
    // The last text's closing quote: the last `"` followed by `}`.
    guard
      let close = end.indices.dropLast().last(where: {
        end[$0] == UInt8(ascii: "\"") && end[$0 + 1] == UInt8(ascii: "}")
      })
    else { return XCTFail("no closing quote") }
    // Cut 80 bytes after the text's start, on a plain ASCII byte after no backslash.
    let key = Array(#""text":""#.utf8)
    guard
      let start = (0..<(close - key.count)).last(where: {
        end[$0..<($0 + key.count)].elementsEqual(key)
      })
    else { return XCTFail("no text") }
    var cut = start + key.count + 80
    while end[cut - 1] == UInt8(ascii: "\\") || end[cut - 1] >= 0x80
      || end[cut] >= 0x80
    {
      cut -= 1
    }
    try Data(end[..<cut] + end[close...]).write(to: URL(fileURLWithPath: path))
    try assertSame(dir)
    XCTAssertTrue(
      try CorpusLoader.load(directory: dir).issues.contains {
        $0.description.contains("not found")
      })
    try assertSame(
      dir, settings: LoadSettings(chunkBytes: 1 << 12, windowedReads: true))
    try Data(end[..<cut]).write(to: URL(fileURLWithPath: path))
    try assertSame(dir)
  }

  /// The columns the loader fills from its scan match what the decoded records say.
  func assertColumnsMatchRecords(
    _ corpus: Corpus, file: StaticString = #filePath, line: UInt = #line
  ) {
    let facets = FacetColumns(corpus: corpus)
    var labels: [String: [Int]] = [:]
    for i in 0..<corpus.records.count {
      let r = corpus.records[i]
      XCTAssertEqual(
        corpus.compactDateLabel(at: i), DateLabel.compact(r), "\(r.id)",
        file: file, line: line)
      XCTAssertEqual(
        facets.basis(at: i), r.basis, "\(r.id)", file: file, line: line)
      XCTAssertEqual(
        facets.sourceCount(at: i), min(255, r.sourceCount), "\(r.id)",
        file: file, line: line)
      for f in r.figures where labels[FigureSeries.key(f.label)]?.last != i {
        labels[FigureSeries.key(f.label), default: []].append(i)
      }
    }
    XCTAssertEqual(facets.figureRecords, labels, file: file, line: line)
  }
}

extension FastLoaderDifferentialTests {
  /// A sources envelope that declares its type first is scanned inside the sources job
  /// (every generated corpus here is); the same messages when it is broken after that,
  /// or declares a type its items are not.
  func testSourcesEnvelopeScannedInItsJob() throws {
    let dir = try temporaryDirectory("job-sources")
    try CorpusSynth.write(to: dir, options: .init(records: 3_000, seed: 8))
    try assertSame(dir)
    let text = try String(
      contentsOfFile: dir + "/sources.json", encoding: .utf8)
    try text.replacingOccurrences(
      of: #""type": "sources", "items""#,
      with: #""type": "sources", "type": "records", "items""#
    )
    .write(toFile: dir + "/sources.json", atomically: true, encoding: .utf8)
    try assertSame(dir)
    // Cut in the middle: invalid JSON, reported by the reference reader on the job's copy.
    let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/sources.json"))
    try data.prefix(data.count / 2).write(
      to: URL(fileURLWithPath: dir + "/sources.json"))
    try assertSame(dir)
  }
}
