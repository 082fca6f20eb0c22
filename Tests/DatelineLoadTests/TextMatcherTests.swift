import DatelineSynth
import Foundation
import XCTest

@testable import DatelineCore

/// The search's quick rejection over raw bytes never changes an answer: for every record
/// of a generated corpus (non-ASCII names, places in several scripts, party aliases),
/// TextMatcher agrees with the exact test on decoded records.
extension FastLoaderDifferentialTests {
  func testTextMatcherAgreesWithTheExactSearch() throws {
    let dir = try temporaryDirectory("search")
    try CorpusSynth.write(to: dir, options: .init(records: 1_500, seed: 4))
    // A line with escapes and one with a combining mark take the exact path.
    let path = dir + "/records.jsonl"
    var text = try String(contentsOfFile: path, encoding: .utf8)
    text = text.replacingOccurrences(of: "Diplomats", with: #"Diplo\u006dats"#)
    text = text.replacingOccurrences(of: "Geneva", with: "Gene\u{0301}va")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let corpus = try CorpusLoader.load(directory: dir).corpus
    // Signatures built at any size here (the browser builds them from 50 000 records).
    let signatures = SearchSignatures.build(corpus)
    var rejected = 0
    let queries = [
      "zürich", "ZURICH", "reykjavik", "北京", "diplomats", "geneva", "géneva",
      "northland officials",
      "the northland side", "kind", "source", "talks resume", "ss", "tōkyō",
      "tokyo", "r000", "\"", "citing 20", "zzz",
    ]
    for q in queries {
      let words = TextSearch.words(q)
      let matcher = TextMatcher(words, corpus: corpus)
      for i in 0..<corpus.records.count {
        let exact = TextSearch.words(q).allSatisfy { w in
          let r = corpus.records[i]
          // The searched fields are the table's (RecordField), read here from the
          // decoded record, there from the raw line.
          var parts = RecordField.searched.flatMap { $0.searchTexts(of: r) }
          for ref in r.parties {
            if let p = corpus.party(ref.id) {
              parts += [p.name, p.label] + p.aliases
            }
          }
          return TextSearch.fold(parts.joined(separator: "\u{1F}")).contains(w)
        }
        XCTAssertEqual(
          matcher.matches(i), exact, "\(q) record \(corpus.records[i].id)")
        var scratch = TextMatcher.Scratch()
        defer { scratch.free() }
        XCTAssertEqual(
          matcher.matches(i, scratch: &scratch, signatures: signatures), exact,
          "\(q) record \(corpus.records[i].id), signatures")
        if !matcher.mayMatch(i, signatures, scratch: &scratch) { rejected += 1 }
      }
      // The ring search with signatures finds what a plain walk finds, from several places.
      let rows = Array(0..<corpus.records.count)
      for start in [0, 700, 1_499] {
        for forward in [true, false] {
          let walk = (0..<rows.count).lazy.map { step in
            ((forward ? start + step : start - step) % rows.count + rows.count)
              % rows.count
          }
          .first { matcher.matches(rows[$0]) }
          XCTAssertEqual(
            matcher.firstMatch(in: rows, from: start, forward: forward) {
              signatures
            }, walk, "\(q) from \(start)")
        }
      }
    }
    // The signatures do reject: most records for the words no record has.
    XCTAssertGreaterThan(
      rejected, corpus.records.count,
      "signatures rejected only \(rejected) record-queries")
  }
}

/// A search in `TimelineQuery` (the one `dateline list --search` and the screen share)
/// over more candidates than one core tests (4 096), with signatures and without: the
/// rows, in order, are those whose decoded record has every word.
extension FastLoaderDifferentialTests {
  func testTimelineQuerySearchOverManyRecordsKeepsOrderAndAnswers() throws {
    let dir = try temporaryDirectory("search-many")
    try CorpusSynth.write(to: dir, options: .init(records: 6_000, seed: 11))
    let corpus = try CorpusLoader.load(directory: dir).corpus
    let haystacks = (0..<corpus.records.count).map { corpus.searchText($0) }
    func exact(_ q: String) -> [Int] {
      let words = TextSearch.words(q)
      return haystacks.indices.filter { i in
        words.allSatisfy { haystacks[i].contains($0) }
      }
    }
    let queries = ["northland", "geneva", "zzqx", "talks resume", "citing 1"]
    for q in queries {
      XCTAssertEqual(TimelineQuery(search: q).run(on: corpus), exact(q), q)
    }
    corpus.prepareSearch(minimumRecords: 0)
    XCTAssertNotNil(corpus.searchSignatures.built)
    for q in queries {
      XCTAssertEqual(
        TimelineQuery(search: q).run(on: corpus), exact(q),
        "\(q), with signatures")
    }
  }
}

/// Lines whose characters join with a neighbouring letter, or fold differently in a
/// text than alone: emoji modifiers, joiners, a soft hyphen, a prepended letter,
/// ligatures, full-width letters, the Kelvin sign, Greek sigma, ß. TextMatcher answers
/// those without decoding only when that cannot differ from the exact test, so every
/// query gives the exact answer for every record.
extension FastLoaderDifferentialTests {
  func testTextMatcherOnCharactersThatJoinOrFoldInContext() throws {
    let dir = try temporaryDirectory("search-joins")
    let headlines = [
      "cafe\u{1F3FB} talks", "ca\u{200D}fe talks", "ca\u{00AD}fe talks",
      "\u{0D4E}cafe talks", "\u{FB01}re at the cafe",
      "\u{FF23}\u{FF21}\u{FF26}\u{FF25} talks", "\u{212A}elvin cafe",
      "\u{03A3}\u{039F}\u{03A3} cafe",
      "Stra\u{00DF}e cafe",
      "Caf\u{00E9} talks", "CAFE\u{0301} talks", "a\u{037E}b cafe",
      "Ωmega cafe", "北京 cafe", "ab\u{1F600}cd",
      "plain cafe talks",
    ]
    // Odd records name party b, whose parent a is "Alpha": "alpha" is then in neither
    // their fields nor their parties' names, though a is among the parties they involve.
    let records = headlines.enumerated().map { i, h -> String in
      #"{"id":"r\#(i)","date":"2023-12-0\#(i % 9 + 1)","kind":"event","parties":["\#(i % 2 == 0 ? "a" : "b")"],"headline":"\#(h)","summary":"\#(h)","source":"s"}"#
    }
    try
      #"{"schema": 1, "type": "parties", "items": [{"id": "a", "name": "Alpha"}, {"id": "b", "name": "Beta", "parent": "a"}]}"#
      .write(
        toFile: dir + "/parties.json", atomically: true, encoding: .utf8)
    try
      #"{"schema": 1, "type": "sources", "items": [{"id": "s", "outlet": "O", "title": "T", "text": "x"}]}"#
      .write(
        toFile: dir + "/sources.json", atomically: true, encoding: .utf8)
    try (records.joined(separator: "\n") + "\n").write(
      toFile: dir + "/records.jsonl", atomically: true, encoding: .utf8)
    let corpus = try CorpusLoader.load(directory: dir).corpus
    XCTAssertEqual(corpus.records.count, headlines.count)
    for q in [
      "cafe", "fe", "ca", "fire", "fi", "kelvin", "k", "sos", "strasse", "ss",
      "ab", "b", "a;b", "mega", "cd", "talks",
      "alpha",
      "beta", "alpha cafe", "e t",
    ] {
      let words = TextSearch.words(q)
      let matcher = TextMatcher(words, corpus: corpus)
      for i in 0..<corpus.records.count {
        let exact = words.allSatisfy { corpus.searchText(i).contains($0) }
        XCTAssertEqual(
          matcher.matches(i), exact,
          "\(q) in \(corpus.records[i].headline.debugDescription)")
      }
    }
  }
}
