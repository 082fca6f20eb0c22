import DatelineCore
import XCTest

/// Loader rules for source texts (`text_path`) and for quotes found in them.
final class CorpusLoaderSourceTests: XCTestCase {
  // MARK: - text_path

  func testATextPathMustBeARelativeFileInsideTheDirectoryAndExclusiveWithText()
    throws
  {
    let result = try Fixtures.load("text-path")
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.source: source \"s-missing\" was left out (see its error)",
        "sources.json: items[1] (id \"s-abs\"): $.text_path: an absolute path is not allowed, got \"/etc/hostname\"",
        "sources.json: items[2] (id \"s-dotdot\"): $.text_path: a path with a \"..\" component is not allowed, got \"sources/../sources/ok.txt\"",
        "sources.json: items[3] (id \"s-missing\"): $.text_path: file \"sources/missing.txt\" does not exist in the data directory",
        "sources.json: items[4] (id \"s-dir\"): $.text_path: \"sources/subdir\" is a directory, expected a text file",
        "sources.json: items[5] (id \"s-both\"): $: expected exactly one of text and text_path, got both",
        "sources.json: items[6] (id \"s-empty\"): $.text_path: expected a non-empty string, got \"\"",
      ], records: 1, leftOut: 7)
    XCTAssertEqual(result.sourceIDs, ["s-ok"])
  }

  func testATextPathFileHasItsBOMDroppedAndCRLFTurnedIntoLF() throws {
    let result = try Fixtures.load("text-path")
    XCTAssertEqual(result.corpus.source("s-ok")?.text, "Line one\nLine two\n")
    XCTAssertEqual(result.corpus.source("s-ok")?.textPath, "sources/ok.txt")
  }

  func
    testASymlinkWhoseTargetLiesOutsideTheDirectoryIsAnErrorAndOneInsideIsNot()
    throws
  {
    let outside = try TemporaryDirectory(for: self)
    try outside.write("secret.txt", "secret\n")
    let dir = try TemporaryDirectory(for: self)
    try dir.write("sources/inside.txt", "inside text\n")
    try dir.symlink("sources/link.txt", to: outside.path + "/secret.txt")
    try dir.symlink("sources/alias.txt", to: "inside.txt")
    try dir.symlink("dirlink", to: outside.path)
    try dir.write(
      "sources.json",
      Fixtures.envelope(
        "sources",
        [
          #"{"id": "s-link", "outlet": "W", "title": "T", "text_path": "sources/link.txt"}"#,
          #"{"id": "s-alias", "outlet": "W", "title": "T", "text_path": "sources/alias.txt"}"#,
          #"{"id": "s-dirlink", "outlet": "W", "title": "T", "text_path": "dirlink/secret.txt"}"#,
        ]))
    let result = try dir.load()
    let outsideMessage = "leads outside the data directory (through a symlink)"
    assertLoad(
      result,
      issues: [
        "sources.json: items[0] (id \"s-link\"): $.text_path: \"sources/link.txt\" \(outsideMessage)",
        "sources.json: items[2] (id \"s-dirlink\"): $.text_path: \"dirlink/secret.txt\" \(outsideMessage)",
      ], records: 0, leftOut: 2)
    XCTAssertEqual(result.corpus.source("s-alias")?.text, "inside text\n")
  }

  func testATextPathFileThatIsNotUTF8IsAnError() throws {
    let dir = try TemporaryDirectory(for: self)
    try dir.write("sources/bad.txt", bytes: [0x61, 0x62, 0xFF, 0x63, 0x64])
    try dir.write("sources/cut.txt", bytes: [0x61, 0x62, 0xE4, 0xB8])
    try dir.write("sources/good.txt", bytes: Array("中文\n".utf8))
    try dir.write(
      "sources.json",
      Fixtures.envelope(
        "sources",
        [
          #"{"id": "s-bad", "outlet": "W", "title": "T", "text_path": "sources/bad.txt"}"#,
          #"{"id": "s-cut", "outlet": "W", "title": "T", "text_path": "sources/cut.txt"}"#,
          #"{"id": "s-good", "outlet": "W", "title": "T", "text_path": "sources/good.txt"}"#,
        ]))
    let result = try dir.load()
    assertLoad(
      result,
      issues: [
        "sources.json: items[0] (id \"s-bad\"): $.text_path: \"sources/bad.txt\" is not valid UTF-8 (at byte 2)",
        "sources.json: items[1] (id \"s-cut\"): $.text_path: \"sources/cut.txt\" is not valid UTF-8 (at byte 2)",
      ], records: 0, leftOut: 2)
    XCTAssertEqual(result.corpus.source("s-good")?.text, "中文\n")
  }

  // MARK: - Quotes

  func testAQuoteNotInItsSourceIsAnErrorComparedInNFCWithCRLFAsLF() throws {
    let result = try Fixtures.load("quote-not-found")
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.quote.exact: not found in the text of source \"s1\": \"Gamma\"",
        "records.json: items[2] (id \"r03\"): $.quote.exact: expected a non-empty quote, got \"\"",
        // Verbatim means case too.
        "records.json: items[4] (id \"r05\"): $.quote.exact: not found in the text of source \"s1\": \"alpha met\"",
        "records.json: items[5] (id \"r06\"): $.also[0].quote.exact: not found in the text of source \"s2\": \"third line\"",
        // An inline CRLF is a line end (compared as LF), not a control character: no warning.
      ], records: 2, leftOut: 4)
    // r04 quotes "Cafe\u{301} au lait\nsecond" (NFD, LF) from "Caf\u{E9} au lait\r\nsecond line".
    XCTAssertEqual(result.recordIDs, ["r01", "r04"])
    XCTAssertEqual(
      result.corpus.source("s2")?.text, "Caf\u{E9} au lait\nsecond line")
  }

  func testAnAmbiguousQuoteIsAWarningAndPrefixSuffixOrStartPickTheOccurrence()
    throws
  {
    let result = try Fixtures.load("quote-ambiguous")
    let ambiguous =
      "occurs more than once in source \"s1\" and prefix/suffix/start do not pick one; the first is used"
    let none =
      "prefix/suffix/start match none of the 3 occurrences of the quote in source \"s1\""
    assertLoad(
      result,
      issues: [
        "warning: records.json: items[0] (id \"r01\"): $.quote.exact: \(ambiguous)",
        "records.json: items[4] (id \"r05\"): $.quote: \(none)",
        "records.json: items[5] (id \"r06\"): $.quote: \(none)",
        "warning: records.json: items[6] (id \"r07\"): $.quote.exact: \(ambiguous)",
      ], records: 5, leftOut: 2)
    // "Alpha met Beta. Alpha said yes. Alpha left.": "Alpha" starts at scalars 0, 16 and 32.
    let source = try XCTUnwrap(result.corpus.source("s1"))
    let expected: [(String, Int)] = [
      ("r01", 0), ("r02", 16), ("r03", 32), ("r04", 16), ("r07", 16),
    ]
    for (id, start) in expected {
      let quote = try XCTUnwrap(result.corpus.record(Record.ID(id))?.quote, id)
      switch QuoteLocator.locate(quote, in: source.text) {
      case .success(let match):
        XCTAssertEqual(match.scalarStart, start, id)
        XCTAssertEqual(match.utf8Range, start..<(start + 5), id)
        XCTAssertEqual(match.ambiguous, id == "r01" || id == "r07", id)
      case .failure(let failure):
        XCTFail("\(id): \(failure)")
      }
    }
  }

  func testQuoteLocatorCountsStartInUnicodeScalarsAndReportsUTF8Offsets() {
    let text = "中文 quote, then quote"
    let table: [(Quote, Result<Int, QuoteLocator.Failure>)] = [
      (Quote(exact: "quote", start: 3), .success(3)),
      (Quote(exact: "quote", start: 15), .success(15)),
      (
        Quote(exact: "quote", start: 4),
        .failure(.noOccurrenceFits(occurrences: 2))
      ),
      (Quote(exact: "quote", suffix: ","), .success(3)),
      (Quote(exact: "missing"), .failure(.notFound)),
    ]
    for (quote, expected) in table {
      let got = QuoteLocator.locate(quote, in: text).map(\.scalarStart)
      XCTAssertEqual(got, expected, "\(quote)")
    }
    // The first "quote" starts after two 3-byte scalars and a space.
    XCTAssertEqual(
      try QuoteLocator.locate(Quote(exact: "quote", start: 3), in: text).get()
        .utf8Range, 7..<12)
  }
}
