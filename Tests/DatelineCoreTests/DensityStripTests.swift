import DatelineCore
import XCTest

/// The density strip: the bucket that fits the width, counts of all and shown records,
/// the glyph scale, and the column of a day.
final class DensityStripTests: XCTestCase {
  func corpus(_ dates: [String]) -> Corpus {
    Corpus(
      parties: [Party(id: "alpha", name: "Alpha")], sources: [],
      records: dates.enumerated().map {
        makeRecord("r\($0.offset)", $0.element)
      })
  }

  func testTheFinestBucketThatFitsTheColumnsIsChosen() throws {
    // 2023-10-07 … 2023-12-13: 68 days, 11 weeks, 3 months
    let seed = try FeatureData.seed()
    let table: [(Int, DensityStrip.Unit, Int)] = [
      (200, .day, 68), (68, .day, 68), (67, .week, 11), (11, .week, 11),
      (10, .month, 3), (3, .month, 3),
      (2, .quarter, 1), (1, .quarter, 1),
    ]
    for (columns, unit, buckets) in table {
      let strip = DensityStrip(corpus: seed, shown: [], columns: columns)
      XCTAssertEqual(strip.unit, unit, "\(columns) columns")
      XCTAssertEqual(strip.buckets.count, buckets, "\(columns) columns")
    }
  }

  func testLongSpansGroupYearsSoTheStripStillFits() {
    let c = corpus(["1900-05-01", "1950-01-01", "2023-12-12"])
    XCTAssertEqual(
      DensityStrip(corpus: c, shown: [], columns: 200).unit, .years(1))
    let narrow = DensityStrip(corpus: c, shown: [], columns: 20)
    XCTAssertEqual(narrow.unit, .years(7))
    XCTAssertLessThanOrEqual(narrow.buckets.count, 20)
    XCTAssertEqual(narrow.buckets.map(\.all).reduce(0, +), 3)
    XCTAssertEqual(narrow.unit.name, "7 years")
  }

  func testEveryRecordCountsOnceInTheBucketOfItsFirstDay() throws {
    let seed = try FeatureData.seed()
    let strip = DensityStrip(
      corpus: seed, shown: Array(seed.records.indices), columns: 80)
    XCTAssertEqual(strip.buckets.map(\.all).reduce(0, +), 24)
    XCTAssertEqual(strip.buckets.map(\.shown), strip.buckets.map(\.all))
    XCTAssertEqual(strip.maximum, 16, "sixteen records start on 12 December")
    let december12 = try XCTUnwrap(
      strip.bucket(
        containing: try XCTUnwrap(RecordDate.parse("2023-12-12")).firstDay))
    XCTAssertEqual(strip.buckets[december12].all, 16)
    XCTAssertEqual(strip.label(of: strip.buckets[december12]), "2023-12-12")
    // A month record (2023-12) counts on 1 December, as the timeline sorts it.
    XCTAssertEqual(
      strip.buckets[december12 - 11].all, 2, "2023-12-01 and the month 2023-12")
  }

  func testShownCountsFollowTheQueryOnTheSameScale() throws {
    let seed = try FeatureData.seed()
    let hamas = TimelineQuery(parties: PartyFilter(["hamas"])).run(on: seed)
    let strip = DensityStrip(corpus: seed, shown: hamas, columns: 11)
    XCTAssertEqual(strip.unit, .week)
    XCTAssertEqual(strip.buckets.map(\.shown).reduce(0, +), hamas.count)
    XCTAssertEqual(
      strip.maximum, 17, "the week of 11 December holds 17 records")
    XCTAssertEqual(strip.allGlyphs, "▁   ▁  ▁▁▁█")
    XCTAssertEqual(
      strip.shownGlyphs, "▁   ▁  ▁▁▁▅", "the Hamas records, scaled to the whole"
    )
    XCTAssertEqual(
      strip.buckets.map { strip.label(of: $0) }.first, "2023-10-02",
      "weeks start on Monday")
  }

  func testGlyphsScaleToTheMaximumAndNeverHideASingleRecord() {
    XCTAssertEqual(Sparkline.glyph(0, maximum: 16), " ")
    XCTAssertEqual(Sparkline.glyph(1, maximum: 1000), "▁")
    XCTAssertEqual(Sparkline.glyph(8, maximum: 16), "▄")
    XCTAssertEqual(Sparkline.glyph(16, maximum: 16), "█")
    XCTAssertEqual(Sparkline.glyph(20, maximum: 16), "█")
  }

  func testNoRecordsOrNoColumnsMakeNoBuckets() {
    XCTAssertEqual(
      DensityStrip(corpus: corpus([]), shown: [], columns: 80).buckets, [])
    XCTAssertEqual(
      DensityStrip(corpus: corpus(["2023-12-01"]), shown: [], columns: 0)
        .buckets, [])
    let one = DensityStrip(
      corpus: corpus(["2023-12-01"]), shown: [0], columns: 1)
    XCTAssertEqual(one.buckets.count, 1)
    XCTAssertNil(one.bucket(containing: CalendarDay(dayNumber: 0)))
  }

  func testQuarterAndYearLabels() {
    let c = corpus(["2001-02-03", "2023-11-30"])
    let quarters = DensityStrip(corpus: c, shown: [], columns: 100)
    XCTAssertEqual(quarters.unit, .quarter)
    XCTAssertEqual(
      quarters.buckets.first.map { quarters.label(of: $0) }, "2001-Q1")
    XCTAssertEqual(
      quarters.buckets.last.map { quarters.label(of: $0) }, "2023-Q4")
    let years = DensityStrip(corpus: c, shown: [], columns: 30)
    XCTAssertEqual(years.buckets.first.map { years.label(of: $0) }, "2001")
  }
}
