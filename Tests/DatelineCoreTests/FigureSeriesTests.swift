import DatelineCore
import XCTest

/// Figures over time: every value of a label in timeline order, who stated it, revisions
/// and disputes, and the sparkline.
final class FigureSeriesTests: XCTestCase {
  func testTheSeedCountsOfHostagesRemainingLineUp() throws {
    let seed = try FeatureData.seed()
    let links = LinkIndex(corpus: seed)
    let columns = FacetColumns(corpus: seed)
    let pmo = try XCTUnwrap(seed.record("pmo-135-116"))
    let series = FigureSeries.all(
      for: pmo, corpus: seed, links: links, columns: columns)
    XCTAssertEqual(
      series.map(\.label),
      ["hostages remaining in Gaza", "hostages alive in Gaza"])
    let remaining = series[0]
    XCTAssertEqual(
      remaining.entries.map(\.figure.displayValue),
      ["more than 100 people", "135 people"])
    XCTAssertEqual(
      remaining.entries.map(\.statedBy),
      ["“believed”, no source given", "Israeli PMO"])
    XCTAssertEqual(remaining.entries.map(\.basis), [.unattributed, .official])
    XCTAssertEqual(remaining.sparkline, "▁█")
    XCTAssertEqual(series[1].entries.map(\.figure.displayValue), ["116 people"])
    XCTAssertEqual(series[1].sparkline, "▄", "one value is drawn half high")
    let americans = try XCTUnwrap(seed.record("white-house-eight-americans"))
    XCTAssertEqual(
      FigureSeries.all(
        for: americans, corpus: seed, links: links, columns: columns
      ).map {
        $0.entries.map(\.figure.displayValue)
      },
      [["8 people"], ["7 people"], ["1 people"]])
  }

  func testRevisionsRangesAndDisputesShowInTheSeries() throws {
    let fixture = try FeatureData.fixture()
    let series = FigureSeries(
      label: "CAPTIVES HELD", corpus: fixture,
      links: LinkIndex(corpus: fixture), columns: FacetColumns(corpus: fixture)
    )
    XCTAssertEqual(
      series.label, "captives held", "the label as the data first writes it")
    XCTAssertEqual(
      FeatureData.ids(series.entries.map(\.record), fixture),
      ["count-240", "front-range", "count-251"])
    XCTAssertEqual(
      series.entries.map(\.figure.displayValue),
      ["240 people", "200–250 people", "251 people"])
    XCTAssertEqual(
      series.entries.map { FeatureData.ids($0.revises, fixture) },
      [[], [], ["count-240"]])
    XCTAssertEqual(series.entries.map(\.contested), [false, true, false])
    XCTAssertEqual(
      series.sparkline, "▅▁█", "a range plots as its midpoint, 225")
  }

  func testLabelsAreListedInTimelineOrder() throws {
    let seed = try FeatureData.seed()
    XCTAssertEqual(
      FigureSeries.labels(corpus: seed, columns: FacetColumns(corpus: seed)),
      [
        "hostages remaining in Gaza", "hostages alive in Gaza",
        "Americans unaccounted for",
        "American men unaccounted for", "American women unaccounted for",
      ])
  }

  func testSparklinesScaleFromTheLowestToTheHighest() {
    XCTAssertEqual(Sparkline.of([240, 251]), "▁█")
    XCTAssertEqual(Sparkline.of([0, 50, 100]), "▁▅█")
    XCTAssertEqual(Sparkline.of([5, 5]), "▄▄")
    XCTAssertEqual(Sparkline.of([]), "")
    XCTAssertEqual(Sparkline.of([1, .infinity, 2]), "▁ █")
  }

  /// The issue's -1e308 and 1e308 on one label: their difference is beyond a double, and
  /// the sparkline trapped converting NaN to Int. Now they scale like any other values.
  func testValuesAtTheEdgesOfADoubleScaleWithoutTrapping() {
    XCTAssertEqual(Sparkline.of([1e308, -1e308, 0]), "█▁▅")
    XCTAssertEqual(
      Sparkline.of([.greatestFiniteMagnitude, -.greatestFiniteMagnitude]), "█▁")
    XCTAssertEqual(
      Figure(label: "x", value: -1e308, valueMax: 1e308).plotValue, 0)
    XCTAssertEqual(
      Figure(label: "x", value: 1e308, valueMax: 1e308).plotValue, 1e308)
  }
}
