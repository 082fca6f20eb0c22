import DatelineCore
import Foundation
import XCTest

/// The command line of the issue-8 features: `list --histogram/--disputed/--basis/
/// --min-sources/--marked`, `figures`, `show` with a dispute side by side, and `screen`
/// printing the same frame as the golden files.
extension CLITests {
  static let fixture = root.appendingPathComponent("Tests/FeatureData").path

  func testHistogramPrintsTheStripTheAxisAndWhatAColumnIs() throws {
    let r = try run([
      "list", "--data", Self.seed, "--histogram", "--width", "80",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(
      r.stdout,
      """
      ▁                        ▁                      ▁      ▁    ▁     █▁
      2023-10-07                                                2023-12-13
      one column per day, █ = 16 records; 24 records

      """)
  }

  func testAFilteredHistogramPrintsTheWholeThenTheShownOnOneScale() throws {
    let r = try run([
      "list", "--data", Self.seed, "--party", "hamas", "--histogram", "--width",
      "11",
    ])
    XCTAssertEqual(
      r.stdout,
      """
      ▁   ▁  ▁▁▁█
      ▁   ▁  ▁▁▁▅
      2023-10-02 … 2023-12-11
      one column per week, █ = 17 records; first line all 24 records, second the 16 shown

      """)
    let json = try run([
      "list", "--data", Self.seed, "--party", "hamas", "--histogram", "--width",
      "3", "--format", "json",
    ])
    XCTAssertEqual(
      json.stdout,
      #"{"unit":"month","maximum":20,"buckets":[{"first":"2023-10-01","last":"2023-10-31","all":2,"shown":2},"#
        + #"{"first":"2023-11-01","last":"2023-11-30","all":2,"shown":2},{"first":"2023-12-01","last":"2023-12-13","all":20,"shown":12}]}"#
        + "\n")
  }

  func testHistogramPrintsItsBucketsInEveryDataFormatAndRefusesRecordOnlyOnes()
    throws
  {
    let args = [
      "list", "--data", Self.seed, "--party", "hamas", "--histogram", "--width",
      "3", "--format",
    ]
    let csv = try run(args + ["csv"])
    XCTAssertEqual(csv.status, 0, csv.stderr)
    XCTAssertEqual(
      csv.stdout,
      "first,last,all,shown\r\n2023-10-01,2023-10-31,2,2\r\n2023-11-01,2023-11-30,2,2\r\n2023-12-01,2023-12-13,20,12\r\n"
    )
    let md = try run(args + ["md"])
    XCTAssertEqual(
      md.stdout,
      """
      | first | last | all | shown |
      |---|---|---|---|
      | 2023-10-01 | 2023-10-31 | 2 | 2 |
      | 2023-11-01 | 2023-11-30 | 2 | 2 |
      | 2023-12-01 | 2023-12-13 | 20 | 12 |

      """)
    let jsonl = try run(args + ["jsonl"])
    let lines = jsonl.stdout.split(separator: "\n")
    XCTAssertEqual(lines.count, 3)
    for line in lines {
      let object =
        try JSONSerialization.jsonObject(with: Data(line.utf8))
        as? [String: Any]
      XCTAssertNotNil(object?["shown"], String(line))
    }
    for format in ["ics", "timelinejs"] {
      let refused = try run(args + [format])
      XCTAssertEqual(refused.status, 2, format)
      XCTAssertTrue(
        refused.stderr.contains(
          "--histogram prints text, json, jsonl, csv, md, not --format \(format)"
        ), refused.stderr
      )
      XCTAssertEqual(refused.stdout, "")
    }
  }

  func testDisputedListsEachContestedPairWithBothBases() throws {
    let r = try run(["list", "--data", Self.seed, "--disputed"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(
      r.stdout,
      """
      hamas-soldiers-claim ⇄ israel-women-first  (claim disputes statement)
        2023-12-12  claim      Hamas [official]    Hamas refuses to free the remaining women, arguing they are considered soldiers
        2023-12-12  statement  Israel [anonymous]  Israel's position unchanged: Hamas must first release the remaining female hostages

      israel-rejects-soldiers-claim ⇄ hamas-soldiers-claim  (denial disputes claim)
        2023-12-12  denial     Israel [official]   Israel rejects Hamas' claim that the remaining women hostages are soldiers
        2023-12-12  claim      Hamas [official]    Hamas refuses to free the remaining women, arguing they are considered soldiers

      """)
    let jsonl = try run([
      "list", "--data", Self.seed, "--disputed", "--format", "jsonl",
    ])
    XCTAssertEqual(
      jsonl.stdout.split(separator: "\n").count, 3,
      "as data: the three records of the two pairs")
  }

  func testBasisAndMinSourcesFilterLikeTheScreen() throws {
    let anonymous = try run([
      "list", "--data", Self.seed, "--basis", "anonymous",
    ])
    XCTAssertEqual(anonymous.stdout.split(separator: "\n").count, 4)
    XCTAssertTrue(
      anonymous.stdout.contains("Hamas unresponsive to recent overtures"),
      anonymous.stdout)
    let both = try run([
      "list", "--data", Self.seed, "--basis", "anonymous", "--basis", "named",
    ])
    XCTAssertEqual(both.stdout.split(separator: "\n").count, 5)
    let corroborated = try run([
      "list", "--data", Self.fixture, "--min-sources", "2", "--format", "jsonl",
    ])
    XCTAssertEqual(
      corroborated.stdout.split(separator: "\n").compactMap {
        $0.split(separator: "\"")[safe: 3].map(String.init)
      },
      ["count-240", "talks-next-week"])
    XCTAssertEqual(
      try run(["list", "--data", Self.seed, "--min-sources", "2"]).stdout, "",
      "the seed is one article")
  }

  func testBadFacetValuesExitTwoAndSayWhatIsExpected() throws {
    let basis = try run(["list", "--data", Self.seed, "--basis", "sometimes"])
    XCTAssertEqual(basis.status, 2)
    XCTAssertTrue(
      basis.stderr.contains(
        "--basis expects one of named, official, anonymous, unattributed, got \"sometimes\""
      ),
      basis.stderr)
    let sources = try run(["list", "--data", Self.seed, "--min-sources", "0"])
    XCTAssertEqual(sources.status, 2)
    XCTAssertTrue(
      sources.stderr.contains(
        "--min-sources expects a number of 1 or more, got 0"), sources.stderr)
  }

  func testFiguresPrintsEachSeriesWithWhoStatedIt() throws {
    let r = try run([
      "figures", "--data", Self.seed, "Hostages remaining in Gaza",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(
      r.stdout,
      """
      hostages remaining in Gaza  ▁█  ▁ 100  █ 135
        2023-12-12  more than 100 people  “believed”, no source given [unattributed]  more-than-100-held
        2023-12-12  135 people            Israeli PMO [official]                      pmo-135-116

      """)
    let fixture = try run(["figures", "--data", Self.fixture])
    XCTAssertTrue(
      fixture.stdout.contains(
        "200–250 people  Front [official]     ⇄ disputed  front-range"),
      fixture.stdout)
    XCTAssertTrue(
      fixture.stdout.contains("↻ revises count-240  count-251"), fixture.stdout)
    let unknown = try run(["figures", "--data", Self.seed, "hostages held"])
    XCTAssertEqual(unknown.status, 2)
    XCTAssertTrue(
      unknown.stderr.hasPrefix(
        "dateline: no figure labelled \"hostages held\"; labels: \"hostages remaining in Gaza\""
      ), unknown.stderr)
  }

  func testShowPutsBothSidesOfADisputeSideBySide() throws {
    let r = try run([
      "show", "--data", Self.seed, "israel-rejects-soldiers-claim",
    ])
    // 80 columns: 14 for labels, then two halves of 31 with " │ " between.
    let indent = String(repeating: " ", count: 14)
    let expected = [
      indent + Truncation.fit("this record", toColumns: 31)
        + " │ disputed record",
      indent + Truncation.fit("Israel [official]", toColumns: 31)
        + " │ Hamas [official]",
      indent + Truncation.fit("“Israel (its position as", toColumns: 31)
        + " │ “Hamas (its argument as",
    ]
    XCTAssertTrue(r.stdout.contains(expected.joined(separator: "\n")), r.stdout)
    let revision = try run(["show", "--data", Self.fixture, "count-251"])
    XCTAssertTrue(
      revision.stdout.contains(
        "Revised from: Ministry: 240 people held by the Front (2024-03-01, Ministry)"
      ),
      revision.stdout)
  }

  func testScreenPrintsTheFiguresGolden() throws {
    let r = try run([
      "screen", "--data", Self.seed, "--size", "80x24", "--attrs", "--keys",
      "t 2023-12-12 Enter j j j j j j j j f",
    ])
    let golden = try String(
      contentsOf: Self.root.appendingPathComponent(
        "Tests/DatelineUITests/Golden/figures.80x24.txt"), encoding: .utf8)
    // The same frame; only the status line differs, as it names the data directory given.
    func withoutStatusLine(_ text: String) -> [String] {
      text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        .filter { $0.offset != 23 && !$0.element.hasPrefix("row 23:") }.map {
          String($0.element)
        }
    }
    XCTAssertEqual(withoutStatusLine(r.stdout), withoutStatusLine(golden))
    XCTAssertTrue(r.stdout.contains("16 of 24 ?:help"), r.stdout)
  }

  // MARK: - Marks

  /// The marks file for a data directory, as MarkStore names it: the last path component
  /// and the FNV-1a hash of the path (pinned here so the format cannot drift silently).
  func marksFile(state: URL, data: String) -> URL {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    let name =
      URL(fileURLWithPath: data).lastPathComponent + "-"
      + String(repeating: "0", count: 16 - hex.count) + hex
      + ".marks"
    return state.appendingPathComponent("dateline/marks/\(name)")
  }

  func testMarkedListsTheRecordsBookmarkedForThisDataDirectory() throws {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dateline-state-\(UUID().uuidString)")
    addTeardownBlock { try? FileManager.default.removeItem(at: state) }
    let data = URL(fileURLWithPath: Self.fixture).resolvingSymlinksInPath().path
    let env = ["XDG_STATE_HOME": state.path]
    XCTAssertEqual(
      try run(["list", "--data", Self.fixture, "--marked"], env: env).stdout,
      "", "no marks yet")
    let file = marksFile(state: state, data: data)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("# dateline marks for \(data)\ncount-251\ngone-record\n".utf8)
      .write(to: file)
    let r = try run(["list", "--data", Self.fixture, "--marked"], env: env)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(
      r.stdout,
      "2024-03-05  figure  Ministry,Captives  Ministry revises its count to 251 people held\n"
    )
    XCTAssertEqual(
      try run(["list", "--data", Self.seed, "--marked"], env: env).stdout, "",
      "another directory, other marks")
  }
}

extension Array {
  subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
