import Foundation
import XCTest

/// Numbers exact or shown: figures at the edges of a double never trap, and JSON output
/// writes every number as the data wrote it.
extension CLITests {
  static func figureRecords(_ figures: [String]) -> String {
    let items = figures.enumerated().map { i, f in
      #"{"id":"r\#(i)","date":"2023-01-0\#(i + 1)","kind":"event","parties":[{"id":"a","role":"actor"}],"headline":"h\#(i)","source":"s","quote":{"exact":"Alpha said yes."},"figures":[\#(f)]}"#
    }
    return #"{"schema":1,"type":"records","items":["#
      + items.joined(separator: ",\n") + "]}\n"
  }

  static let edgeFigures = figureRecords([
    #"{"label":"big","value":1e308},{"label":"n","value":9007199254740993}"#,
    #"{"label":"big","value":-1e308,"value_max":1e308},{"label":"n","value":123456789012345678901234567890}"#,
    #"{"label":"big","value":-0},{"label":"n","value":-0.0},{"label":"e","value":1.5E+3}"#,
  ]).replacingOccurrences(
    of:
      #""quote":{"exact":"Alpha said yes."},"figures":[{"label":"big","value":-0}"#,
    with:
      #""quote":{"exact":"Alpha said yes.","start":0.0E1},"figures":[{"label":"big","value":-0}"#
  )

  /// The issue's 1e308 / -1e308 on one label: `figures` and the browser's `f` died with
  /// "Double value cannot be converted to Int".
  func testFiguresAtTheEdgesOfADoubleAreShownNotTrapped() throws {
    let dir = try tempData([
      "parties.json": Self.parties, "sources.json": Self.sources,
      "records.json": Self.edgeFigures,
    ])
    XCTAssertEqual(try run(["validate", "--data", dir]).status, 0)
    let r = try run(["figures", "big", "--data", dir])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertFalse(r.terminatedBySignal)
    XCTAssertEqual(
      r.stdout.split(separator: "\n").map {
        $0.split(separator: " ", omittingEmptySubsequences: true).prefix(2)
          .joined(separator: " ")
      },
      [
        "big █▁▁", "2023-01-01 1e+308", "2023-01-02 -1e+308–1e+308",
        "2023-01-03 -0",
      ])
    let exact = try run(["figures", "n", "--data", dir])
    XCTAssertTrue(
      exact.stdout.contains("  2023-01-01  9007199254740993 "), exact.stdout)
    XCTAssertTrue(
      exact.stdout.contains("  2023-01-02  123456789012345678901234567890 "),
      exact.stdout)
    let screen = try run([
      "screen", "--size", "80x24", "--keys", "f", "--data", dir,
    ])
    XCTAssertEqual(screen.status, 0, screen.stderr)
    XCTAssertTrue(screen.stdout.contains("-1e+308–1e+308"))
  }

  /// 9007199254740993 came out as 9007199254740992.0, a 30-digit count as
  /// 1.2345678901234568e+29 and -0 as 0. Now `list --format json` writes what it read,
  /// and its output loads back to the same bytes.
  func testListAsJSONWritesNumbersAsTheDataWroteThem() throws {
    let dir = try tempData([
      "parties.json": Self.parties, "sources.json": Self.sources,
      "records.json": Self.edgeFigures,
    ])
    let first = try run(["list", "--format", "json", "--data", dir])
    XCTAssertEqual(first.status, 0, first.stderr)
    for literal in [
      #""value":1e308"#, #""value":9007199254740993"#,
      #""value":-1e308,"value_max":1e308"#,
      #""value":123456789012345678901234567890"#, #""value":-0}"#,
      #""value":-0.0}"#, #""value":1.5E+3}"#,
      #""start":0.0E1}"#,
    ] {
      XCTAssertTrue(first.stdout.contains(literal), literal)
    }
    let copy = try tempData([
      "parties.json": Self.parties, "sources.json": Self.sources,
      "records.json": first.stdout,
    ])
    XCTAssertEqual(
      try run(["list", "--format", "json", "--data", copy]).stdout, first.stdout
    )
  }
}
