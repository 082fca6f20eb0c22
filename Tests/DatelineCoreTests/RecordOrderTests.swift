import DatelineCore
import XCTest

/// SCHEMA.md "Order": first day, precision, last day, time, id, as the store sorts.
final class RecordOrderTests: XCTestCase {
  /// Whether the store puts `a` before `b`, given them in either input order.
  private func precedes(
    _ a: Record, _ b: Record, file: StaticString = #filePath, line: UInt = #line
  ) -> Bool {
    let forward = Corpus(parties: [], sources: [], records: [a, b]).records.map(
      \.id)
    let backward = Corpus(parties: [], sources: [], records: [b, a]).records
      .map(\.id)
    XCTAssertEqual(
      forward, backward, "the order does not depend on the input order",
      file: file, line: line)
    return forward.first == a.id
  }

  /// Each row: `earlier` must precede `later`, and not the other way round.
  private let tieBreaks: [(rule: String, earlier: Record, later: Record)] = [
    ("first day", makeRecord("z", "2023-12-01"), makeRecord("a", "2023-12-02")),
    (
      "a month's first day is its 1st, before a later day whatever the precision",
      makeRecord("z", "2023-12"), makeRecord("a", "2023-12-02")
    ),
    (
      "a year's first day is 1 January", makeRecord("z", "2023"),
      makeRecord("a", "2023-02-01")
    ),
    (
      "first day beats an earlier end",
      makeRecord("z", "2023-11-01", end: "2023-12-31"),
      makeRecord("a", "2023-11-02")
    ),
    (
      "precision: day before week", makeRecord("z", "2023-01-01"),
      makeRecord("a", "2023-01-01", week: true)
    ),
    (
      "precision: week before month", makeRecord("z", "2023-01-01", week: true),
      makeRecord("a", "2023-01")
    ),
    (
      "precision: month before year", makeRecord("z", "2023-01"),
      makeRecord("a", "2023")
    ),
    (
      "precision: day before year", makeRecord("z", "2023-01-01"),
      makeRecord("a", "2023")
    ),
    (
      "precision before last day: a long day span still precedes a week",
      makeRecord("z", "2023-01-01", end: "2023-12-31"),
      makeRecord("a", "2023-01-01", week: true)
    ),
    (
      "precision before time", makeRecord("z", "2023-01-01", time: "23:59"),
      makeRecord("a", "2023-01-01", week: true)
    ),
    (
      "last day: a point before a span starting the same day",
      makeRecord("z", "2023-12-01"),
      makeRecord("a", "2023-12-01", end: "2023-12-05")
    ),
    (
      "last day: shorter span first",
      makeRecord("z", "2023-12-01", end: "2023-12-03"),
      makeRecord("a", "2023-12-01", end: "2023-12-05")
    ),
    (
      "last day: an end_date of month precision ends on its last day",
      makeRecord("z", "2023-12-01", end: "2023-12-30"),
      makeRecord("a", "2023-12-01", end: "2023-12")
    ),
    (
      "last day: a week alone before a week with an end_date",
      makeRecord("z", "2023-12-01", week: true),
      makeRecord("a", "2023-12-01", week: true, end: "2023-12-20")
    ),
    (
      "last day: a month alone before a month span", makeRecord("z", "2023-12"),
      makeRecord("a", "2023-12", end: "2024-01")
    ),
    (
      "last day before time", makeRecord("z", "2023-12-01", time: "23:00"),
      makeRecord("a", "2023-12-01", end: "2023-12-02", time: "01:00")
    ),
    (
      "records with a time before records without",
      makeRecord("z", "2023-12-01", time: "23:59"),
      makeRecord("a", "2023-12-01")
    ),
    (
      "earlier time first", makeRecord("z", "2023-12-01", time: "09:00"),
      makeRecord("a", "2023-12-01", time: "10:30")
    ),
    (
      "times compare as written, utc_offset is not used",
      makeRecord("z", "2023-12-01", time: "08:00", offset: "-05:00"),
      makeRecord("a", "2023-12-01", time: "09:00", offset: "+05:00")
    ),
    (
      "id in byte order", makeRecord("a", "2023-12-01"),
      makeRecord("b", "2023-12-01")
    ),
    (
      "id: '-' (0x2D) before '.' (0x2E)", makeRecord("a-b", "2023-12-01"),
      makeRecord("a.b", "2023-12-01")
    ),
    (
      "id: '.' before '0'", makeRecord("a.b", "2023-12-01"),
      makeRecord("a0", "2023-12-01")
    ),
    (
      "id: '9' before '_' (0x5F)", makeRecord("a9", "2023-12-01"),
      makeRecord("a_b", "2023-12-01")
    ),
    (
      "id: '_' before 'a'", makeRecord("a_b", "2023-12-01"),
      makeRecord("aa", "2023-12-01")
    ),
    (
      "id: a prefix first", makeRecord("r1", "2023-12-01"),
      makeRecord("r1-", "2023-12-01")
    ),
    (
      "id: bytes, not numbers", makeRecord("r10", "2023-12-01"),
      makeRecord("r9", "2023-12-01")
    ),
    (
      "id after equal times", makeRecord("a", "2023-12-01", time: "10:00"),
      makeRecord("b", "2023-12-01", time: "10:00")
    ),
  ]

  func testEachTieBreakOfTheSchemaOrder() {
    for row in tieBreaks {
      XCTAssertTrue(
        precedes(row.earlier, row.later), "\(row.rule): earlier should precede")
    }
  }

  func testACorpusSortsItsRecordsWhateverTheirInputOrder() {
    let records = [
      makeRecord("d-dec02-b", "2023-12-02"),
      makeRecord("m-dec-span", "2023-12", end: "2024-01"),
      makeRecord("d-dec01", "2023-12-01"), makeRecord("y2023", "2023"),
      makeRecord("w-dec01", "2023-12-01", week: true),
      makeRecord("d-dec02-a", "2023-12-02"),
      makeRecord("m-dec", "2023-12"),
      makeRecord("d-dec01-span", "2023-12-01", end: "2023-12-03"),
      makeRecord("d-nov30", "2023-11-30"),
      makeRecord("d-dec01-time", "2023-12-01", time: "07:00"),
      makeRecord("m-nov", "2023-11"),
      makeRecord("w-nov28-span", "2023-11-28", week: true, end: "2023-12-31"),
    ]
    let expected = [
      "y2023", "m-nov", "w-nov28-span", "d-nov30", "d-dec01-time", "d-dec01",
      "d-dec01-span",
      "w-dec01", "m-dec", "m-dec-span", "d-dec02-a", "d-dec02-b",
    ]
    for rotation in 0..<records.count {
      let input = Array(records[rotation...] + records[..<rotation]).reversed()
      let corpus = Corpus(parties: [], sources: [], records: Array(input))
      XCTAssertEqual(
        corpus.records.map(\.id.rawValue), expected, "rotation \(rotation)")
      XCTAssertEqual(
        corpus.recordIndex["d-dec01"], expected.firstIndex(of: "d-dec01"))
    }
  }
}
