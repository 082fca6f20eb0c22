import DatelineCore
import Foundation
import XCTest

/// Loader rules for one record's own fields (SCHEMA.md "Record"), one fixture per rule.
final class CorpusLoaderRecordTests: XCTestCase {
  private let dateForm = "expected YYYY-MM-DD, YYYY-MM or YYYY, got"

  // MARK: - Dates

  func testABadDateLeavesTheRecordOutWithTheSchemaErrorLine() throws {
    let result = try Fixtures.load("records-bad-date")
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.date: \(dateForm) \"2023-13-01\"",
        "records.json: items[2] (id \"r03\"): $.date: \(dateForm) \"2023-12-1\"",
        "records.json: items[3] (id \"r04\"): $.date: \(dateForm) 20231201",
      ], records: 1, leftOut: 3)
    XCTAssertEqual(result.recordIDs, ["r01"])
  }

  func testADayThatIsNotInTheCalendarIsAnErrorAndLeapDaysAreNot() throws {
    let result = try Fixtures.load("records-impossible-date")
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.date: \(dateForm) \"2023-02-29\"",
        "records.json: items[2] (id \"r03\"): $.date: \(dateForm) \"2023-02-30\"",
        "records.json: items[3] (id \"r04\"): $.date: \(dateForm) \"2023-04-31\"",
        "records.json: items[4] (id \"r05\"): $.date: \(dateForm) \"1900-02-29\"",
      ], records: 2, leftOut: 4)
    // 2000-02-29, then 2024-02-29
    XCTAssertEqual(result.recordIDs, ["r06", "r01"])
  }

  func testAnEndDateWhoseFirstDayIsBeforeTheDatesFirstDayIsAnError() throws {
    let result = try Fixtures.load("records-end-date-before-date")
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.end_date: expected a date not before 2023-12-05 (the date), got \"2023-12-01\"",
        // `2023-12` starts on the 1st, before the 5th: SCHEMA.md compares first days.
        "records.json: items[3] (id \"r04\"): $.end_date: expected a date not before 2023-12-05 (the date), got \"2023-12\"",
        "records.json: items[4] (id \"r05\"): $.end_date: \(dateForm) \"2023-12-32\"",
      ], records: 2, leftOut: 3)
    let r03 = try XCTUnwrap(result.corpus.record("r03"))
    XCTAssertEqual(r03.firstDay.description, "2023-12-01")
    XCTAssertEqual(
      r03.lastDay.description, "2023-12-01",
      "covers up to the last day of end_date")
  }

  func testWeekPrecisionNeedsADayDate() throws {
    let result = try Fixtures.load("records-week-with-month-date")
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.date_precision: \"week\" needs a day date (YYYY-MM-DD), got \"2023-12\"",
        "records.json: items[2] (id \"r03\"): $.date_precision: \"week\" needs a day date (YYYY-MM-DD), got \"2023\"",
        "records.json: items[3] (id \"r04\"): $.date_precision: expected \"week\", got \"month\"",
      ], records: 1, leftOut: 3)
    let r01 = try XCTUnwrap(result.corpus.record("r01"))
    XCTAssertEqual(r01.date.precision, .week)
    XCTAssertEqual(r01.lastDay.description, "2023-12-10")
  }

  func testATimeNeedsADayDateOfPrecisionDayAndAValidClockTime() throws {
    let result = try Fixtures.load("records-time-with-month-date")
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.time: a time needs a date of precision day",
        "records.json: items[2] (id \"r03\"): $.time: a time needs a date of precision day",
        "records.json: items[3] (id \"r04\"): $.time: a time needs a date of precision day",
        "records.json: items[4] (id \"r05\"): $.time: expected HH:MM from 00:00 to 23:59, got \"24:00\"",
        "records.json: items[5] (id \"r06\"): $.time: expected HH:MM from 00:00 to 23:59, got \"9:30\"",
      ], records: 1, leftOut: 5)
    XCTAssertEqual(result.corpus.record("r01")?.time?.description, "09:30")
  }

  func testAUTCOffsetIsAllowedOnlyBesideATime() throws {
    let result = try Fixtures.load("records-offset-without-time")
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.utc_offset: utc_offset is allowed only beside time",
        "records.json: items[2] (id \"r03\"): $.utc_offset: expected +HH:MM or -HH:MM, got \"+2:00\"",
      ], records: 1, leftOut: 2)
    XCTAssertEqual(result.corpus.record("r01")?.utcOffset, "+02:00")
  }

  // MARK: - Enums and required fields

  func testAnUnknownEnumValueIsAnErrorNamingTheAllowedValues() throws {
    let result = try Fixtures.load("kind-unknown")
    assertLoad(
      result,
      issues: [
        "parties.json: items[2] (id \"gamma\"): $.kind: expected one of state, government_body, armed_group, political_group, person, civilian_group, intl_org, ngo, media, other, got \"army\"",
        "records.json: items[1] (id \"r02\"): $.kind: expected one of event, statement, claim, denial, figure, got \"rumour\"",
        "records.json: items[2] (id \"r03\"): $.parties[0].role: expected one of actor, target, mediator, participant, subject, got \"boss\"",
        "records.json: items[3] (id \"r04\"): $.attribution.basis: expected one of named, official, anonymous, unattributed, got \"rumour\"",
        "records.json: items[4] (id \"r05\"): $.figures[0].qualifier: expected one of about, at least, more than, at most, fewer than, got \"approximately\"",
      ], records: 1, leftOut: 5)
    XCTAssertEqual(result.partyIDs, ["alpha", "beta"])
  }

  func testEachMissingRequiredPartyFieldIsAnError() throws {
    let result = try Fixtures.load("missing-required-party")
    assertLoad(
      result,
      issues: [
        "parties.json: items[0]: $.id: required field is missing",
        "parties.json: items[1] (id \"noname\"): $.name: required field is missing",
        "parties.json: items[2] (id \"blank\"): $.name: expected a non-empty string, got \"  \"",
      ], records: 0, leftOut: 3)
    XCTAssertEqual(result.partyIDs, ["alpha"])
  }

  func testEachMissingRequiredSourceFieldIsAnError() throws {
    let result = try Fixtures.load("missing-required-source")
    assertLoad(
      result,
      issues: [
        "sources.json: items[1] (id \"s2\"): $.outlet: required field is missing",
        "sources.json: items[2] (id \"s3\"): $.title: required field is missing",
        "sources.json: items[3] (id \"s4\"): $: expected exactly one of text and text_path, got neither",
        "sources.json: items[4]: $.id: required field is missing",
      ], records: 0, leftOut: 4)
    XCTAssertEqual(result.sourceIDs, ["s1"])
  }

  func testEachMissingRequiredRecordFieldIsAnError() throws {
    let result = try Fixtures.load("missing-required-record")
    assertLoad(
      result,
      issues: [
        "records.json: items[1]: $.id: required field is missing",
        "records.json: items[2] (id \"r03\"): $.date: required field is missing",
        "records.json: items[3] (id \"r04\"): $.kind: required field is missing",
        "records.json: items[4] (id \"r05\"): $.parties: required field is missing",
        "records.json: items[5] (id \"r06\"): $.headline: required field is missing",
        "records.json: items[6] (id \"r07\"): $.source: required field is missing",
        "records.json: items[7] (id \"r08\"): $.headline: expected a non-empty string, got \"\"",
        "records.json: items[8] (id \"r09\"): $.attribution.text: required field is missing",
        "records.json: items[9] (id \"r10\"): $.quote.exact: required field is missing",
      ], records: 1, leftOut: 9)
  }

  func testARecordNeedsAtLeastOneParty() throws {
    let result = try Fixtures.load("records-empty-parties")
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.parties: expected an array of at least one party, got an array",
        "records.json: items[2] (id \"r03\"): $.parties: expected an array of at least one party, got \"alpha\"",
      ], records: 1, leftOut: 2)
  }

  // MARK: - Widths and ids

  func testAHeadlineOver100ColumnsIsAnErrorCountingColumnsNotCharacters() throws
  {
    let result = try Fixtures.load("records-headline-too-wide")
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.headline: expected at most 100 columns, got 101",
        "records.json: items[3] (id \"r04\"): $.headline: expected at most 100 columns, got 102",
      ], records: 3, leftOut: 2)
    XCTAssertEqual(Set(result.recordIDs), ["r01", "r03", "r05"])
  }

  func testAPartyLabelOver12ColumnsIsAnErrorAndTheDefaultLabelIsTheNameCut()
    throws
  {
    let result = try Fixtures.load("party-label-too-wide")
    assertLoad(
      result,
      issues: [
        "parties.json: items[1] (id \"beta\"): $.label: expected at most 12 columns, got \"Thirteen char\" (13 columns)",
        "parties.json: items[3] (id \"delta\"): $.label: expected at most 12 columns, got \"中文中文中文中\" (14 columns)",
      ], records: 0, leftOut: 2)
    XCTAssertEqual(result.partyIDs, ["alpha", "gamma", "epsilon"])
    XCTAssertEqual(result.corpus.party("gamma")?.label, "中文中文中文")
    let epsilon = try XCTUnwrap(result.corpus.party("epsilon"))
    XCTAssertLessThanOrEqual(DisplayWidth.of(epsilon.label), 12)
    XCTAssertTrue(epsilon.name.hasPrefix(epsilon.label))
    XCTAssertEqual(
      epsilon.label.trimmingCharacters(in: .whitespaces), "A very long")
  }

  func testAnIDOutsideThePatternIsAnError() throws {
    let result = try Fixtures.load("id-bad-pattern")
    let idForm = "expected an id (a-z, 0-9, then also . _ -; at most 64), got"
    let b65 = String(repeating: "b", count: 65)
    // places cut ids at 60
    let placeID = String(repeating: "b", count: 60) + "…"
    let gotID = String(repeating: "b", count: 40) + "…"  // values are cut at 40
    assertLoad(
      result,
      issues: [
        "parties.json: items[1] (id \"Alpha\"): $.id: \(idForm) \"Alpha\"",
        "parties.json: items[2] (id \"-dash\"): $.id: \(idForm) \"-dash\"",
        "parties.json: items[6] (id \"\(placeID)\"): $.id: \(idForm) \"\(gotID)\"",
        "parties.json: items[7]: $.id: \(idForm) 7",
        "records.json: items[1] (id \"R02\"): $.id: \(idForm) \"R02\"",
        "records.json: items[2] (id \"r 03\"): $.id: \(idForm) \"r 03\"",
      ], records: 1, leftOut: 6)
    XCTAssertEqual(
      result.partyIDs,
      ["alpha", "9lives", "a_b.c-d", String(repeating: "a", count: 64)])
    XCTAssertFalse(result.partyIDs.contains(b65))
  }

  // MARK: - Whole-item scans

  func testAnUnknownFieldIsAWarningAndAnXFieldIsSilent() throws {
    let result = try Fixtures.load("unknown-field")
    assertLoad(
      result,
      issues: [
        "warning: parties.json: items[0] (id \"alpha\"): $.nickname: unknown field, ignored",
        "warning: records.json: $.comment: unknown field, ignored",
        "warning: records.json: items[0] (id \"r01\"): $.colour: unknown field, ignored",
        "warning: records.json: items[0] (id \"r01\"): $[\"Odd Key\"]: unknown field, ignored",
        "warning: records.json: items[0] (id \"r01\"): $.attribution.confidence: unknown field, ignored",
        "warning: records.json: items[0] (id \"r01\"): $.quote.page: unknown field, ignored",
        "warning: sources.json: items[0] (id \"s1\"): $.author: unknown field, ignored",
      ], records: 1, leftOut: 0)
    XCTAssertEqual(result.partyIDs, ["alpha", "beta"])
    XCTAssertEqual(result.sourceIDs, ["s1"])
  }

  func testADuplicateKeyInsideAnObjectIsAnErrorOfTheItem() throws {
    let result = try Fixtures.load("duplicate-key")
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.headline: duplicate key \"headline\"",
        "records.json: items[2] (id \"r03\"): $.attribution.text: duplicate key \"text\"",
      ], records: 1, leftOut: 2)
  }

  func testAControlCharacterInAStringIsAWarningButTabAndNewlineAreNot() throws {
    let result = try Fixtures.load("control-character")
    let message =
      "control character in text (shown as a symbol, never printed raw)"
    assertLoad(
      result,
      issues: [
        "warning: parties.json: items[1] (id \"beta\"): $.name: \(message)",
        "warning: records.json: items[0] (id \"r01\"): $.headline: \(message)",
        "warning: records.json: items[0] (id \"r01\"): $.tags[0]: \(message)",
        "warning: records.json: items[1] (id \"r02\"): $.summary: \(message)",
        "warning: records.json: items[2] (id \"r03\"): $.headline: \(message)",
        "warning: records.json: items[3] (id \"r04\"): $.headline: \(message)",
      ], records: 4, leftOut: 0)
    // Kept in the data as written; only displays sanitize.
    XCTAssertEqual(result.corpus.record("r01")?.headline, "Alpha \u{1B}[31mred")
  }

  func testANumberBeyondADoubleIsAnErrorWhereverItStands() throws {
    let result = try Fixtures.load("number-out-of-range")
    let message = "number out of range (beyond a double)"
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.figures[0].value: \(message)",
        "records.json: items[2] (id \"r03\"): $.x_big: \(message)",
        "records.json: items[3] (id \"r04\"): $.quote.start: \(message)",
      ], records: 1, leftOut: 3)
    XCTAssertEqual(result.corpus.record("r01")?.figures.first?.value, 1e308)
  }

  func testNestingDeeperThan64LevelsFromTheTopOfTheFileIsAnErrorOfTheItem()
    throws
  {
    let result = try Fixtures.load("nesting-too-deep")
    // records.json: envelope 1, items 2, item 3, x_deep 4: the 62nd array is level 65.
    // records.jsonl: the item is level 1, x_deep 2: the 64th array is level 65.
    let envelopePath = "$.x_deep" + String(repeating: "[0]", count: 61)
    let linePath = "$.x_deep" + String(repeating: "[0]", count: 63)
    XCTAssertEqual(result.issues.map(\.path), [envelopePath, linePath])
    // Printed, a path over 80 characters keeps its first 48 and last 24 around "…".
    let shown =
      "$.x_deep" + String(repeating: "[0]", count: 13) + "[…"
      + String(repeating: "[0]", count: 8)
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): \(shown): nesting deeper than 64 levels",
        "records.jsonl:2 (id \"r04\"): \(shown): nesting deeper than 64 levels",
      ], records: 2, leftOut: 2)
    XCTAssertEqual(result.recordIDs, ["r01", "r03"])
  }

  func testAStringOverOneMiBIsAnErrorExceptASourceText() throws {
    let dir = try TemporaryDirectory(for: self)
    let long = String(repeating: "x", count: (1 << 20) + 1)
    try dir.write("parties.json", Fixtures.parties)
    try dir.write(
      "sources.json",
      Fixtures.envelope(
        "sources",
        [
          "{\"id\": \"s1\", \"outlet\": \"Wire\", \"title\": \"Report\", \"text\": \"Alpha \(long)\"}"
        ]))
    try dir.write(
      "records.json",
      Fixtures.envelope(
        "records",
        [
          Fixtures.record("r01"),
          Fixtures.record("r02", extra: "\"summary\": \"\(long)\""),
        ]))
    let result = try dir.load()
    assertLoad(
      result,
      issues: [
        "records.json: items[1] (id \"r02\"): $.summary: string of 1048577 bytes is over the 1 MiB limit"
      ], records: 1, leftOut: 1)
    XCTAssertEqual(result.corpus.source("s1")?.text.utf8.count, (1 << 20) + 7)
  }
}
