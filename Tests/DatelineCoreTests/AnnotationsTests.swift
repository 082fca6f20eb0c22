import DatelineCore
import Foundation
import XCTest

/// The annotations file: lines into changes, changes folded into the current state,
/// filters, and the `x_annotations` member of listed records.
final class AnnotationsTests: XCTestCase {
  func change(
    _ id: String, _ op: AnnotationChange.Operation, _ value: String? = nil,
    time: String = "2026-01-01T00:00:00.000Z"
  ) -> AnnotationChange {
    AnnotationChange(
      record: Record.ID(id), time: time, author: "ana", operation: op,
      value: value)
  }

  func testChangesFoldIntoTheCurrentStateLaterChangesWinning() {
    let a = Annotations([
      change("r1", .star), change("r1", .tag, "key"),
      change("r1", .tag, "check"), change("r1", .tag, "key"),
      change("r1", .note, "first"), change("r1", .note, "second"),
      change("r2", .star), change("r2", .unstar),
      change("r3", .tag, "x"), change("r3", .untag, "x"),
      change("r4", .note, "n"), change("r4", .note, ""),
    ])
    XCTAssertEqual(
      a[Record.ID("r1")],
      Annotations.Entry(starred: true, tags: ["check", "key"], note: "second"))
    // Records whose annotations were all undone are not kept at all.
    XCTAssertNil(a.entries[Record.ID("r2")])
    XCTAssertNil(a.entries[Record.ID("r3")])
    XCTAssertNil(a.entries[Record.ID("r4")])
    XCTAssertEqual(a.tagCounts.map(\.tag), ["check", "key"])
  }

  func testALineRoundTripsThroughItsJSON() {
    for c in [
      change("r1", .star), change("r1", .untag, "a-b"),
      change("r1", .note, "quote \" and \\ and \n newline\u{1B}"),
    ] {
      let parsed = AnnotationLog.parse(Array(c.jsonLine.utf8), name: "a.jsonl")
      XCTAssertEqual(parsed.changes, [c])
      XCTAssertEqual(parsed.issues, [])
    }
  }

  func testACutLastLineIsAWarningAndTheEarlierLinesCount() {
    let good = change("r1", .star).jsonLine + change("r2", .tag, "t").jsonLine
    let text = good + #"{"record":"r3","time":"2026-01-01T00:00:00.000Z","auth"#
    let parsed = AnnotationLog.parse(
      Array(text.utf8), name: "annotations/ana.jsonl")
    XCTAssertEqual(parsed.changes.map(\.record.rawValue), ["r1", "r2"])
    XCTAssertEqual(
      parsed.issues.map(\.description),
      [
        "warning: annotations/ana.jsonl:3: the last line is cut short (an interrupted write?), ignored"
      ])
  }

  func testBadLinesInTheMiddleAreSkippedWithTheirLineAndPath() {
    let text = """
      {"record":"r1","time":"t","author":"a","op":"star"}
      not json
      {"record":"R!","time":"t","author":"a","op":"star"}
      {"record":"r1","time":"t","author":"a","op":"paint"}
      {"record":"r1","time":"t","author":"a","op":"tag"}

      {"record":"r2","time":"t","author":"a","op":"note","note":"ok"}

      """
    let parsed = AnnotationLog.parse(Array(text.utf8), name: "n.jsonl")
    XCTAssertEqual(parsed.changes.map(\.record.rawValue), ["r1", "r2"])
    XCTAssertEqual(
      parsed.issues.map(\.description),
      [
        "warning: n.jsonl:2: $: invalid JSON: expected a value, got 'n'",
        "warning: n.jsonl:3: $.record: expected a record id, got \"R!\"",
        "warning: n.jsonl:4: $.op: expected one of star, unstar, tag, untag, note, got \"paint\"",
        "warning: n.jsonl:5: $.tag: missing",
      ])
  }

  func testChangesFromSeveralFilesFoldInTimeOrder() {
    let later = change("r1", .note, "later", time: "2026-01-02T00:00:00.000Z")
    let earlier = change(
      "r1", .note, "earlier", time: "2026-01-01T00:00:00.000Z")
    XCTAssertEqual(
      Annotations(AnnotationLog.ordered([later, earlier]))[Record.ID("r1")]
        .note, "later")
  }

  func testTagsAreNormalizedAndTooLongValuesRefused() {
    XCTAssertEqual(AnnotationChange.normalizedTag("  Key  Point "), "key-point")
    XCTAssertEqual(
      change("r", .tag, "").problem, "a tag needs at least one letter")
    XCTAssertNotNil(
      change(
        "r", .note,
        String(repeating: "x", count: AnnotationChange.maximumValueBytes + 1)
      ).problem)
    XCTAssertNil(change("r", .note, "fine").problem)
  }

  func testTimestampsHaveMillisecondsAndSortAsText() {
    XCTAssertEqual(
      AnnotationLog.timestamp(Date(timeIntervalSince1970: 0)),
      "1970-01-01T00:00:00.000Z")
    XCTAssertEqual(
      AnnotationLog.timestamp(Date(timeIntervalSince1970: 1_764_886_727.5)),
      "2025-12-04T22:18:47.500Z")
  }

  func testFiltersTakeStarsTagsAnyOrAllAndNotes() throws {
    let corpus = try FeatureData.seed()
    let ids = ["oct7-abductions", "first-round-talks"]
    let a = Annotations([
      change(ids[0], .star), change(ids[0], .tag, "key"),
      change(ids[0], .tag, "check"),
      change(ids[1], .tag, "key"), change(ids[1], .note, "see also"),
    ])
    let all = Array(corpus.records.indices)
    func run(_ f: AnnotationFilter) -> [String] {
      FeatureData.ids(f.apply(all, corpus: corpus, annotations: a), corpus)
        .sorted()
    }
    XCTAssertEqual(run(AnnotationFilter(starredOnly: true)), [ids[0]])
    XCTAssertEqual(run(AnnotationFilter(tags: ["key", "check"])), ids.sorted())
    XCTAssertEqual(
      run(AnnotationFilter(tags: ["key", "check"], tagMode: .all)), [ids[0]])
    XCTAssertEqual(run(AnnotationFilter(hasNote: true)), [ids[1]])
    XCTAssertEqual(run(AnnotationFilter()).count, corpus.records.count)
    // Search finds a note's words, and a word of the note with a word of the record.
    let found = AnnotationFilter.searchMatches(
      TextSearch.words("see"), corpus: corpus, annotations: a)
    XCTAssertEqual(FeatureData.ids(Array(found), corpus), [ids[1]])
    XCTAssertEqual(
      AnnotationFilter.searchMatches(
        TextSearch.words("starred hostages"), corpus: corpus, annotations: a
      ).count, 1)
  }

  func testListedRecordsCarryTheirAnnotationsAsAnExtensionMember() {
    let e = Annotations.Entry(starred: true, tags: ["a"], note: "n\"")
    XCTAssertEqual(
      String(
        decoding: Annotations.inserting(e, into: Array(#"{"id":"r1"}"#.utf8)),
        as: UTF8.self),
      #"{"id":"r1","x_annotations":{"starred":true,"tags":["a"],"note":"n\""}}"#
    )
    XCTAssertEqual(
      String(
        decoding: Annotations.inserting(e, into: Array("{ }".utf8)),
        as: UTF8.self),
      #"{ "x_annotations":{"starred":true,"tags":["a"],"note":"n\""}}"#)
    XCTAssertEqual(
      Annotations.inserting(nil, into: Array("{}".utf8)), Array("{}".utf8))
  }
}
