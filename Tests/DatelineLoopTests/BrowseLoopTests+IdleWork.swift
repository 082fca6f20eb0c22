import DatelineCore
import DatelineUI
import Foundation
import XCTest

@testable import dateline

/// The work after the first frame (IdleWork: the re-open cache, the search signatures),
/// and a reload that replaces the cache, say what they could not do in the status line,
/// once: here a cache home that is a file, which no process (root neither) can make a
/// folder in.
extension BrowseLoopTests {
  /// The re-open cache on, for any size of data, under a cache home that is a file.
  func unwritableCache() throws {
    let home = work.appendingPathComponent("cache-is-a-file").path
    XCTAssertTrue(FileManager.default.createFile(atPath: home, contents: nil))
    extraEnvironment = [
      "DATELINE_CACHE": "1", "DATELINE_CACHE_MIN_BYTES": "0",
      "DATELINE_CACHE_QUIET_MS": "0", "XDG_CACHE_HOME": home,
    ]
  }

  /// The seed's parties, its source with the text inline (a source read from a
  /// `text_path` file keeps a directory from being cached) and five records as lines.
  func cacheableDirectory() throws -> String {
    let dir = work.appendingPathComponent("inline").path
    try FileManager.default.createDirectory(
      atPath: dir, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: data + "/parties.json", toPath: dir + "/parties.json")
    try
      #"{"schema":1,"type":"sources","items":[{"id":"cnn-hostage-talks","outlet":"CNN","title":"T","text":"Hamas said no."}]}"#
      .write(toFile: dir + "/sources.json", atomically: true, encoding: .utf8)
    try (1...5).map { recordLine($0) + "\n" }.joined().write(
      toFile: dir + "/records.jsonl", atomically: true, encoding: .utf8)
    return dir
  }

  func testACacheThatCannotBeWrittenAfterACompleteLoadIsSaidOnce() throws {
    try unwritableCache()
    let dir = try cacheableDirectory()
    let result = try CorpusLoader.open(
      directory: dir, deferCacheWrite: true,
      settings: LoadEnvironment.settings(environment, digestedReads: true))
    XCTAssertTrue(result.cacheWarnings.isEmpty, "left to the browser")
    let session = try run(
      [.waitFor("re-open cache not written"), .key(.character("j"))]
        + [.waitFor(""), .key(.character("q"))],
      directory: dir,
      opening: BrowseOpening(corpus: result.corpus, result: result),
      size: Size(columns: 200, rows: 10))
    let said = session.screen.frames.map {
      $0.text.contains("re-open cache not written")
    }
    XCTAssertEqual(said.last, false, "gone with the next key")
    XCTAssertNil(session.state.message)
  }

  func testACacheThatCannotBeWrittenAfterTheFirstOpenCheckIsSaid() throws {
    try unwritableCache()
    let dir = try cacheableDirectory()
    let outcome = try firstPassOpening(dir)
    _ = try run(
      [.waitFor("checked: every record is valid; re-open cache not written")]
        + [.key(.character("q"))],
      directory: dir,
      opening: BrowseOpening(corpus: outcome.corpus, result: nil),
      size: Size(columns: 200, rows: 10))
  }

  /// A reload after the cache did not match the files writes it again; when it cannot,
  /// that is said after the reload's own summary (which takes the status line).
  func testAReloadThatCannotReplaceTheCacheSaysSoAfterItsEnd() throws {
    try unwritableCache()
    let plan = ReloadPlan(
      generation: 1, appendOnly: nil, why: "asked for", readCache: false,
      settings: LoadEnvironment.settings(environment, digestedReads: true),
      shownCount: 5)
    let mailbox = Mailbox()
    let content = LiveReload.load(
      plan, directory: try cacheableDirectory(), mailbox: mailbox)
    mailbox.finish(
      .reloadFinished(ReloadOutcome(generation: 1, content: content)))
    let news = mailbox.take()
    guard news.count == 2, case .reloadFinished = news[0],
      case .backgroundWarning(let why) = news[1]
    else { return XCTFail("\(news)") }
    XCTAssertTrue(why.hasPrefix("re-open cache not written: "), why)
    XCTAssertTrue(mailbox.take().isEmpty, "said once")
  }
}
