import DatelineCore
import XCTest

/// CSVReader and CSVWriter: RFC 4180 quoting, line numbers of rows, formula guard.
final class CSVTests: XCTestCase {
  func testRowsKeepTheirStartingLineAndRawText() {
    let text = "a,b,c\r\n1,\"two\nlines\",3\n\n4,\"say \"\"hi\"\"\",6\n"
    let rows = CSVReader.rows(text)
    XCTAssertEqual(rows.map(\.line), [1, 2, 5])
    XCTAssertEqual(rows[1].fields, ["1", "two\nlines", "3"])
    XCTAssertEqual(rows[1].raw, "1,\"two\nlines\",3")
    XCTAssertEqual(rows[2].fields, ["4", "say \"hi\"", "6"])
    XCTAssertNil(rows[2].problem)
  }

  func testBOMTabsAndAMissingFinalNewline() {
    let rows = CSVReader.rows("\u{FEFF}x\ty\n1\t2", delimiter: 0x09)
    XCTAssertEqual(rows.map(\.fields), [["x", "y"], ["1", "2"]])
  }

  func testMalformedRowsSayWhy() {
    let rows = CSVReader.rows("a,b\n\"x\"y,1\n2,\"never closed\n3,4\n")
    XCTAssertEqual(rows[1].problem, "text after a closing quote in field 1")
    XCTAssertEqual(rows[2].line, 3)
    XCTAssertEqual(
      rows[2].problem,
      "a quoted field is never closed (it runs to the end of the file)")
    XCTAssertEqual(rows.count, 3)
  }

  func testWriterQuotesOnlyWhatNeedsIt() {
    let cases: [(String, String)] = [
      ("plain", "plain"),
      ("a,b", "\"a,b\""),
      ("say \"hi\"", "\"say \"\"hi\"\"\""),
      ("two\nlines", "\"two\nlines\""),
      (" padded", "\" padded\""),
      ("=SUM(A1)", "'=SUM(A1)"),
      ("-5, or so", "\"'-5, or so\""),
      ("@cmd", "'@cmd"),
      ("", ""),
    ]
    for (value, expected) in cases {
      XCTAssertEqual(CSVWriter.field(value), expected, value)
    }
  }

  func testWrittenRowsReadBackExactly() {
    let values = [
      "id-1", "a,b", "say \"hi\"", "two\nlines", "=1+1", "+x", "'quoted",
      "日本語 👍🏽", "",
    ]
    let rows = CSVReader.rows(
      CSVWriter.row(["h"] + values.indices.map { "c\($0)" })
        + CSVWriter.row(["v"] + values))
    XCTAssertEqual(rows.count, 2)
    XCTAssertEqual(
      Array(rows[1].fields.dropFirst()).map(CSVWriter.unguard), values)
  }
}

/// EventDate: the date forms of public event datasets, and nothing ambiguous.
final class EventDateTests: XCTestCase {
  func testAcceptedForms() {
    let cases: [(String, String, DatePrecision)] = [
      ("2023", "2023", .year),
      ("2023-12", "2023-12", .month),
      ("2023-12-12", "2023-12-12", .day),
      ("20231212", "2023-12-12", .day),
      ("202312", "2023-12", .month),
      ("2023-12-12T14:30:00Z", "2023-12-12", .day),
      ("2023-12-12 14:30", "2023-12-12", .day),
      ("2023/12/12", "2023-12-12", .day),
      ("12 December 2023", "2023-12-12", .day),
      ("3 Dec 2023", "2023-12-03", .day),
      (" 2023-12-12 ", "2023-12-12", .day),
    ]
    for (text, expected, precision) in cases {
      let d = EventDate.parse(text)
      XCTAssertEqual(d?.description, expected, text)
      XCTAssertEqual(d?.precision, precision, text)
    }
  }

  func testRefusedForms() {
    for text in [
      "12/11/2023", "2023-13-01", "20230230", "31 February 2023", "Dec 2023",
      "yesterday", "", "2023-1-5",
    ] {
      XCTAssertNil(EventDate.parse(text), text)
    }
  }
}

/// Slug: names to ids SCHEMA.md accepts, the same every time.
final class SlugTests: XCTestCase {
  func testNamesBecomeIds() {
    let cases: [(String, String)] = [
      ("hamas", "hamas"),
      ("Hamas", "hamas"),
      ("Military Forces of Israel (2022-)", "military-forces-of-israel-2022"),
      ("Société Générale", "societe-generale"),
      ("  --x--  ", "x"),
    ]
    for (name, id) in cases { XCTAssertEqual(Slug.make(name), id, name) }
  }

  func testNamesWithoutLatinLettersGetAStableHash() {
    let a = Slug.make("حماس")
    XCTAssertTrue(a.hasPrefix("party-"), a)
    XCTAssertEqual(a, Slug.make("حماس"))
    XCTAssertNotEqual(a, Slug.make("إسرائيل"))
    XCTAssertTrue(TypedID<Party>.isValid(a))
    XCTAssertTrue(
      TypedID<Party>.isValid(
        Slug.make(String(repeating: "long name ", count: 20))))
  }
}
