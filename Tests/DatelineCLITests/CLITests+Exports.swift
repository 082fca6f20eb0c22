import DatelineCore
import Foundation
import XCTest

/// `list --format ics` (RFC 5545) and `--format timelinejs` (TimelineJS3 JSON), checked
/// against their formats.
extension CLITests {
  func testICSIsRFC5545AllDayEventsFoldedEscapedWithStableUIDs() throws {
    let r = try run(["list", "--data", Self.seed, "--format", "ics"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let bytes = Array(r.stdout.utf8)
    // Every line ends in CRLF, no bare LF, and none is longer than 75 octets.
    XCTAssertTrue(r.stdout.hasSuffix("END:VCALENDAR\r\n"))
    let lines = r.stdout.components(separatedBy: "\r\n").dropLast()
    XCTAssertFalse(lines.contains { $0.contains("\n") || $0.contains("\r") })
    XCTAssertEqual(lines.filter { $0.utf8.count > 75 }, [])
    XCTAssertGreaterThan(bytes.count, 0)
    // Unfolded (RFC 5545 3.1: CRLF followed by a space is removed), each line is NAME[;PARAMS]:VALUE.
    let unfolded = r.stdout.replacingOccurrences(of: "\r\n ", with: "")
      .components(separatedBy: "\r\n").dropLast()
    XCTAssertEqual(unfolded.first, "BEGIN:VCALENDAR")
    XCTAssertTrue(unfolded.contains("VERSION:2.0"))
    XCTAssertEqual(unfolded.filter { $0 == "BEGIN:VEVENT" }.count, 24)
    XCTAssertEqual(unfolded.filter { $0 == "END:VEVENT" }.count, 24)
    XCTAssertEqual(
      unfolded.filter { $0.hasPrefix("DTSTART;VALUE=DATE:") }.count, 24)
    XCTAssertEqual(unfolded.filter { $0.hasPrefix("DTSTAMP:") }.count, 24)
    XCTAssertTrue(
      unfolded.allSatisfy {
        $0.range(
          of: "^[A-Z-]+(;[A-Z-]+=[A-Z-]+)?:", options: .regularExpression)
          != nil
      })
    // A span: the truce runs 24–30 November, so DTEND is the 1st of December (exclusive).
    let truce = try XCTUnwrap(unfolded.firstIndex(of: "UID:truce@dateline"))
    let event = Array(unfolded[truce...].prefix { $0 != "END:VEVENT" })
    XCTAssertTrue(event.contains("DTSTART;VALUE=DATE:20231124"), "\(event)")
    XCTAssertTrue(event.contains("DTEND;VALUE=DATE:20231201"), "\(event)")
    // A single day has no DTEND; a month-precision record ends after its month.
    let oct7 = try XCTUnwrap(
      unfolded.firstIndex(of: "UID:oct7-abductions@dateline"))
    XCTAssertFalse(
      unfolded[oct7...].prefix { $0 != "END:VEVENT" }.contains {
        $0.hasPrefix("DTEND")
      })
    // Text values escape `,` and `;` and never hold a raw newline.
    XCTAssertTrue(
      unfolded.contains {
        $0.hasPrefix("DESCRIPTION:") && $0.contains("\\;") && $0.contains("\\n")
      })
    // Stable: the same output on a second run.
    XCTAssertEqual(
      try run(["list", "--data", Self.seed, "--format", "ics"]).stdout, r.stdout
    )
  }

  func testICSEscapesAndFoldsHostileText() {
    XCTAssertEqual(
      ICalendarExportProbe.text("a,b;c\\d\ne\u{1B}[31m"),
      "a\\,b\\;c\\\\d\\ne␛[31m")
    let long = String(repeating: "é", count: 100)
    let folded = ICalendarExportProbe.fold("SUMMARY:" + long)
    for line in folded.components(separatedBy: "\r\n").dropLast() {
      XCTAssertLessThanOrEqual(line.utf8.count, 75)
    }
    XCTAssertEqual(
      folded.replacingOccurrences(of: "\r\n ", with: ""),
      "SUMMARY:" + long + "\r\n")
  }

  func testTimelineJSHasOneEventPerRecordWithDatesAtTheirPrecision() throws {
    let r = try run(["list", "--data", Self.seed, "--format", "timelinejs"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let root = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        as? [String: Any])
    let events = try XCTUnwrap(root["events"] as? [[String: Any]])
    XCTAssertEqual(events.count, 24)
    for e in events {
      let start = try XCTUnwrap(e["start_date"] as? [String: String])
      XCTAssertNotNil(start["year"].flatMap(Int.init))
      let text = try XCTUnwrap(e["text"] as? [String: String])
      XCTAssertFalse((text["headline"] ?? "").isEmpty)
      XCTAssertNotNil(e["unique_id"] as? String)
      XCTAssertNotNil(e["group"] as? String)
    }
    func event(_ id: String) throws -> [String: Any] {
      try XCTUnwrap(events.first { $0["unique_id"] as? String == id })
    }
    // A span has an end date; a month-precision record has no day.
    XCTAssertEqual(
      (try event("truce")["end_date"] as? [String: String])?["day"], "30")
    let doha =
      try event("doha-talks-collapse")["start_date"] as? [String: String]
    XCTAssertEqual(doha?["month"], "12")
    XCTAssertNil(doha?["day"])
    // The quote is the media, as an HTML blockquote.
    let media = try XCTUnwrap(
      try event("oct7-abductions")["media"] as? [String: String])
    XCTAssertTrue(media["url"]?.hasPrefix("<blockquote>") ?? false)
    XCTAssertEqual(media["credit"], "CNN")
  }
}

/// The exporters' text helpers, reached through the public render for hostile input.
enum ICalendarExportProbe {
  static func text(_ s: String) -> String {
    // SUMMARY of a one-record corpus would need a whole corpus; the helper is internal,
    // so the same rules are checked through a folded line's unfolded value.
    let line = ICalendarExport.summaryLine(s)
    return String(line.dropFirst("SUMMARY:".count).dropLast(1))
      .replacingOccurrences(of: "\r\n ", with: "")
  }
  static func fold(_ s: String) -> String { ICalendarExport.foldedLine(s) }
}
