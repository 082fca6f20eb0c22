import DatelineCore
import Foundation
import XCTest

/// `dateline import csv`, `--version`: the built binary, its output and exit status.
extension CLITests {
  static let events = """
    id,when,who,whom,what
    e1,12 December 2023,Hamas,Israel,First event
    e2,not a date,Hamas,,Second event
    e3,20231214,Qatar; Hamas,,"Third, quoted"

    """

  func testImportReportsRejectedRowsByLineAndWritesTheRest() throws {
    let dir = try tempData(["events.csv": Self.events])
    let out = dir + "/out"
    let r = try run([
      "import", "csv", dir + "/events.csv", "--date-column", "when",
      "--party-columns", "who,whom",
      "--roles", "actor,target", "--headline-column", "what", "--id-column",
      "id", "--out", out,
    ])
    XCTAssertEqual(r.status, 1, r.stderr)
    XCTAssertEqual(
      r.stderr,
      "events.csv:3: rejected: date \"not a date\" is not one of YYYY, YYYY-MM, YYYY-MM-DD (a time after it is ignored), YYYY/MM/DD, YYYYMMDD, YYYYMM or D Month YYYY\n"
    )
    XCTAssertEqual(
      r.stdout,
      "\(out): 2 records, 3 parties from 3 rows of events.csv; 1 rejected; validate: 0 errors, 0 warnings\n"
    )
    let list = try run(["list", "--data", out, "--party", "qatar"])
    XCTAssertEqual(
      list.stdout, "2023-12-14  event  Qatar,Hamas  Third, quoted\n")
    XCTAssertEqual(try run(["validate", "--data", out]).status, 0)
  }

  func testImportRefusesToWriteOverDataFilesWithoutForce() throws {
    let dir = try tempData([
      "events.csv": Self.events, "parties.json": Self.parties,
    ])
    let args = [
      "import", "csv", dir + "/events.csv", "--date-column", "when",
      "--party-columns", "who",
      "--headline-column", "what", "--out", dir,
    ]
    let r = try run(args)
    XCTAssertEqual(r.status, 2)
    XCTAssertEqual(
      r.stderr,
      "dateline: \(dir) already holds data files (parties.json); use --force to replace them or choose another --out\n"
    )
    XCTAssertEqual(try run(args + ["--force"]).status, 1)
  }

  func testImportNamesTheColumnsWhenOneIsMissing() throws {
    let dir = try tempData(["events.csv": Self.events])
    let r = try run([
      "import", "csv", dir + "/events.csv", "--date-column", "date",
      "--party-columns", "who",
      "--headline-column", "what",
    ])
    XCTAssertEqual(r.status, 2)
    XCTAssertEqual(
      r.stderr,
      "dateline: \(dir)/events.csv: no column \"date\" in the header; the columns are \"id\", \"when\", \"who\", \"whom\", \"what\"\n"
    )
  }

  /// The round trip the README promises: `list --format csv`, imported with
  /// `--schema-columns`, lists the same records.
  func testListAsCSVReimportedListsTheSameRecords() throws {
    let csv = try run(["list", "--data", Self.seed, "--format", "csv"])
    XCTAssertEqual(csv.status, 0, csv.stderr)
    let dir = try tempData(["all.csv": csv.stdout])
    let imported = try run([
      "import", "csv", dir + "/all.csv", "--date-column", "date",
      "--party-columns", "parties",
      "--headline-column", "headline", "--schema-columns", "--out",
      dir + "/copy",
    ])
    XCTAssertEqual(imported.status, 0, imported.stderr)
    XCTAssertEqual(imported.stderr, "")
    let again = try run(["list", "--data", dir + "/copy", "--format", "csv"])
    // Every column but the six of the source (an import cites its own rows); figures included.
    let sourceColumns = Set(
      ["source", "outlet", "title", "published", "url", "quote"].compactMap {
        RecordColumns.names.firstIndex(of: $0)
      })
    func recordColumns(_ text: String) -> [[String]] {
      CSVReader.rows(text).map { row in
        row.fields.indices.filter { !sourceColumns.contains($0) }.map {
          row.fields[$0]
        }
      }
    }
    XCTAssertEqual(
      CSVReader.rows(csv.stdout).first?.fields.last, RecordColumns.jsonNames[0])
    XCTAssertEqual(recordColumns(again.stdout).count, 25)
    XCTAssertEqual(recordColumns(again.stdout), recordColumns(csv.stdout))
    let a = try run(["list", "--data", Self.seed, "--format", "md"])
    let b = try run(["list", "--data", dir + "/copy", "--format", "md"])
    // Date, kind and headline (an import has no short labels, so the parties read longer).
    let cut: (String) -> [String] = { text in
      text.split(separator: "\n").map { line in
        let cells = line.split(separator: "|", omittingEmptySubsequences: false)
        return [1, 2, 4].map { String(cells[$0]) }.joined(separator: "|")
      }
    }
    XCTAssertEqual(cut(b.stdout).count, 26)
    XCTAssertEqual(cut(b.stdout), cut(a.stdout))
  }

  func testVersionNamesTheRevision() throws {
    let r = try run(["--version"])
    XCTAssertEqual(r.status, 0)
    let pattern =
      #"^dateline [0-9]+\.[0-9]+\.[0-9]+ \(([0-9a-f]{12}(-dirty)?|unknown)\)\n$"#
    XCTAssertNotNil(
      r.stdout.range(of: pattern, options: .regularExpression), r.stdout)
  }
}
