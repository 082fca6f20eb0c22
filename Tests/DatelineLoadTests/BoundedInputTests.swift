import Foundation
import XCTest

@testable import DatelineCore

/// Inputs that pass validation but once took cubic time or crashed (issues 12 and 13):
/// deep party chains, more parties than a 16-bit index holds, and search words that occur
/// only inside an extension's object. Times are compared as a ratio between two sizes,
/// never against a clock.
final class BoundedInputTests: XCTestCase {
  func directory(_ name: String) throws -> String {
    let dir = NSTemporaryDirectory() + "dateline-bounded-\(getpid())/" + name
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(
      atPath: dir, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    return dir
  }

  /// Parties `p0` (root) … `p(n-1)`, each the parent of the next, written deepest first,
  /// and a record involving the root.
  func writeChain(_ n: Int, cycle: Bool = false, to dir: String) throws {
    var items: [String] = []
    for i in stride(from: n - 1, through: 0, by: -1) {
      let parent =
        i > 0
        ? ", \"parent\": \"p\(i - 1)\""
        : cycle ? ", \"parent\": \"p\(n - 1)\"" : ""
      items.append("{\"id\": \"p\(i)\", \"name\": \"Party \(i)\"\(parent)}")
    }
    try envelope("parties", items).write(
      toFile: dir + "/parties.json", atomically: true, encoding: .utf8)
    try envelope(
      "sources",
      [#"{"id": "s1", "outlet": "O", "title": "T", "text": "Party zero met."}"#]
    )
    .write(toFile: dir + "/sources.json", atomically: true, encoding: .utf8)
    try
      (#"{"id": "r1", "date": "2020-01-02", "kind": "event", "parties": ["p0"], "headline": "H", "source": "s1"}"#
      + "\n")
      .write(toFile: dir + "/records.jsonl", atomically: true, encoding: .utf8)
  }

  func envelope(_ type: String, _ items: [String]) -> String {
    "{\"schema\": 1, \"type\": \"\(type)\", \"items\": [\n  "
      + items.joined(separator: ",\n  ") + "\n]}\n"
  }

  /// The best of three runs of `body`, in seconds.
  func fastest(_ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      best = min(
        best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
  }

  func testADeepPartyChainLoadsInTimeLinearInItsDepth() throws {
    let small = try directory("chain-small")
    let large = try directory("chain-large")
    try writeChain(2_500, to: small)
    try writeChain(10_000, to: large)
    let result = try CorpusLoader.load(directory: large)
    XCTAssertEqual(result.issues, [])
    XCTAssertEqual(result.corpus.parties.count, 10_000)
    XCTAssertEqual(result.corpus.depth(of: Party.ID("p9999")), 9_999)
    XCTAssertEqual(result.corpus.descendants(of: Party.ID("p0")).count, 10_000)
    let a = try fastest { _ = try CorpusLoader.load(directory: small) }
    let b = try fastest { _ = try CorpusLoader.load(directory: large) }
    // Linear: 4× the depth in about 4× the time (the cubic walk took 64×).
    XCTAssertLessThan(b / a, 8, "2,500 levels \(a) s, 10,000 levels \(b) s")
  }

  func testAChainWhoseRootIsMissingOrThatLoopsIsStillAnErrorAndStaysLinear()
    throws
  {
    let dir = try directory("chain-cycle")
    try writeChain(4, cycle: true, to: dir)
    let result = try CorpusLoader.load(directory: dir)
    XCTAssertEqual(
      result.errors.map(\.description).filter { $0.contains("parent cycle") },
      [
        "parties.json: items[0] (id \"p3\"): $.parent: parent cycle: p3 → p2 → p1 → p0 → p3",
        "parties.json: items[1] (id \"p2\"): $.parent: parent cycle: p2 → p1 → p0 → p3 → p2",
        "parties.json: items[2] (id \"p1\"): $.parent: parent cycle: p1 → p0 → p3 → p2 → p1",
        "parties.json: items[3] (id \"p0\"): $.parent: parent cycle: p0 → p3 → p2 → p1 → p0",
      ])
    XCTAssertEqual(result.corpus.parties.count, 0)
    XCTAssertEqual(
      try CorpusLoader.loadReference(directory: dir).issues, result.issues)
    // A long cycle: every member is an error, and its message stays short.
    let long = try directory("chain-long-cycle")
    try writeChain(5_000, cycle: true, to: long)
    let loop = try CorpusLoader.load(directory: long)
    XCTAssertEqual(
      loop.leftOut, 5_001, "5,000 parties and the record naming one")
    XCTAssertLessThan(loop.issues.map(\.message.count).max() ?? 0, 200)
  }

  func testMoreThan65535PartiesLeaveTheRestOutWithAClearErrorNotACrash() throws
  {
    let dir = try directory("many-parties")
    let n = Int(UInt16.max) + 3
    let items = (0..<n).map { "{\"id\": \"q\($0)\", \"name\": \"Q\($0)\"}" }
    try envelope("parties", items).write(
      toFile: dir + "/parties.json", atomically: true, encoding: .utf8)
    try envelope(
      "sources",
      [#"{"id": "s1", "outlet": "O", "title": "T", "text": "Text."}"#]
    )
    .write(toFile: dir + "/sources.json", atomically: true, encoding: .utf8)
    let records = [
      #"{"id": "r1", "date": "2020-01-02", "kind": "event", "parties": ["q65534"], "headline": "H", "source": "s1"}"#,
      #"{"id": "r2", "date": "2020-01-03", "kind": "event", "parties": ["q65536"], "headline": "H", "source": "s1"}"#,
    ]
    try (records.joined(separator: "\n") + "\n").write(
      toFile: dir + "/records.jsonl", atomically: true, encoding: .utf8)
    let result = try CorpusLoader.load(directory: dir)
    XCTAssertEqual(result.corpus.parties.count, Int(UInt16.max))
    XCTAssertEqual(result.corpus.records.map(\.id.rawValue), ["r1"])
    XCTAssertEqual(result.errors.count, 4)
    XCTAssertEqual(
      result.errors.first?.description,
      "parties.json: items[65535] (id \"q65535\"): $: more than 65,535 parties: dateline keeps the first 65,535 and leaves this one out"
    )
    XCTAssertEqual(
      result.errors.last?.description,
      "records.jsonl:2 (id \"r2\"): $.parties[0]: party \"q65536\" was left out (see its error)"
    )
  }

  func testASearchWordInsideAnExtensionObjectDoesNotMatch() throws {
    let dir = try directory("nested-search")
    try envelope("parties", [#"{"id": "alpha", "name": "Alpha"}"#])
      .write(toFile: dir + "/parties.json", atomically: true, encoding: .utf8)
    try envelope(
      "sources",
      [#"{"id": "s1", "outlet": "O", "title": "T", "text": "A zebra quote."}"#]
    )
    .write(toFile: dir + "/sources.json", atomically: true, encoding: .utf8)
    let base =
      #""date": "2020-01-02", "kind": "event", "parties": ["alpha"], "source": "s1""#
    let lines = [
      #"{"id": "nested", "headline": "Plain", "x_review": {"text": "zebra", "headline": "zebra"}, "#,
      #"{"id": "nested-array", "headline": "Plain", "x_notes": [{"summary": "zebra"}], "#,
      #"{"id": "attributed", "headline": "Plain", "attribution": {"text": "a zebra said so", "basis": "unattributed"}, "#,
      #"{"id": "headline", "headline": "A zebra", "#,
      #"{"id": "tagged", "headline": "Plain", "tags": ["zebra"], "#,
    ].map { $0 + base + "}" }
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: dir + "/records.jsonl", atomically: true, encoding: .utf8)
    let corpus = try CorpusLoader.load(directory: dir).corpus
    let matcher = TextMatcher(["zebra"], corpus: corpus)
    let found = corpus.records.indices.filter { matcher.matches($0) }.map {
      corpus.records[$0].id.rawValue
    }
    XCTAssertEqual(Set(found), ["attributed", "headline", "tagged"])
  }

  func testQuoteSearchInAPeriodicTextIsLinear() {
    func time(_ n: Int) -> Double {
      let text = String(repeating: "Q", count: n) + " needle "
      let present = Quote(
        exact: String(repeating: "Q", count: n / 2) + " needle")
      let absent = Quote(
        exact: String(repeating: "Q", count: n / 2) + " needles")
      return fastest {
        guard case .success(let m) = QuoteLocator.locate(present, in: text)
        else { return XCTFail("found") }
        XCTAssertEqual(m.utf8Range.lowerBound, n / 2)
        XCTAssertEqual(
          QuoteLocator.locate(absent, in: text), .failure(.notFound))
        // The loader's path: several long quotes at once over the same text.
        let needles = (0..<4).map { k -> UnsafeMutableRawBufferPointer in
          let bytes = Array(
            (String(repeating: "Q", count: n / 4 + k) + " needle").utf8)
          let b = UnsafeMutableRawBufferPointer.allocate(
            byteCount: bytes.count, alignment: 8)
          b.copyBytes(from: bytes)
          return b
        }
        defer { for b in needles { b.deallocate() } }
        var count = 0
        Array(text.utf8).withUnsafeBytes { hay in
          QuoteSearch.forEachOccurrence(
            of: needles.map { UnsafeRawBufferPointer($0) }, in: hay
          ) { _, _ in count += 1 }
        }
        XCTAssertEqual(count, 4)
      }
    }
    let a = time(100_000)
    let b = time(400_000)
    XCTAssertLessThan(b / a, 8, "100k \(a) s, 400k \(b) s")
  }
}
