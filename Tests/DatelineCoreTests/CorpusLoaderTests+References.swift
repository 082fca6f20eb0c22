import DatelineCore
import XCTest

/// Loader rules across items: references, cascades, parent cycles, claimants, keys, colours.
final class CorpusLoaderReferenceTests: XCTestCase {
  private let notAmongParties =
    "is not among the record's parties (it will not count as involved)"

  func testAReferenceToAnUnknownIDIsAnErrorOfTheItemHoldingIt() throws {
    let result = try Fixtures.load("reference-unknown")
    assertLoad(
      result,
      issues: [
        "parties.json: items[2] (id \"child\"): $.parent: unknown party id \"nobody\"",
        "records.json: items[1] (id \"r02\"): $.parties[1]: unknown party id \"gamma\"",
        "records.json: items[2] (id \"r03\"): $.source: unknown source id \"s9\"",
        "records.json: items[3] (id \"r04\"): $.related[1]: unknown record id \"r99\"",
        "records.json: items[4] (id \"r05\"): $.disputes[0]: unknown record id \"r98\"",
        "records.json: items[5] (id \"r06\"): $.also[0].source: unknown source id \"s8\"",
        "records.json: items[6] (id \"r07\"): $.attribution.claimant: unknown party id \"zeta\"",
      ], records: 1, leftOut: 7)
    XCTAssertEqual(result.partyIDs, ["alpha", "beta"])
  }

  func testAReferenceToALeftOutItemLeavesTheHolderOutToo() throws {
    let result = try Fixtures.load("reference-left-out-cascade")
    let leftOut = "was left out (see its error)"
    assertLoad(
      result,
      issues: [
        "parties.json: items[2] (id \"gamma\"): $.kind: expected one of state, government_body, armed_group, political_group, person, civilian_group, intl_org, ngo, media, other, got \"army\"",
        "parties.json: items[3] (id \"delta\"): $.parent: party \"gamma\" \(leftOut)",
        "records.json: items[1] (id \"r02\"): $.parties[0]: party \"delta\" \(leftOut)",
        "records.json: items[2] (id \"r03\"): $.source: source \"s2\" \(leftOut)",
        "records.json: items[3] (id \"r04\"): $.related[0]: record \"r02\" \(leftOut)",
        "records.json: items[4] (id \"r05\"): $.revises[0]: record \"r04\" \(leftOut)",
        "sources.json: items[1] (id \"s2\"): $.title: required field is missing",
      ], records: 2, leftOut: 7)
    XCTAssertEqual(result.recordIDs, ["r01", "r06"])
    XCTAssertEqual(result.partyIDs, ["alpha", "beta"])
    XCTAssertEqual(result.sourceIDs, ["s1"])
  }

  func testAParentCycleIsAnErrorOfEachPartyInItAndItsChildrenAreLeftOut() throws
  {
    let result = try Fixtures.load("party-parent-cycle")
    assertLoad(
      result,
      issues: [
        "parties.json: items[1] (id \"a\"): $.parent: parent cycle: a → b → a",
        "parties.json: items[2] (id \"b\"): $.parent: parent cycle: b → a → b",
        "parties.json: items[3] (id \"c\"): $.parent: party \"a\" was left out (see its error)",
        "parties.json: items[4] (id \"s\"): $.parent: a party cannot be its own parent",
        "parties.json: items[5] (id \"x\"): $.parent: parent cycle: x → y → z → x",
        "parties.json: items[6] (id \"y\"): $.parent: parent cycle: y → z → x → y",
        "parties.json: items[7] (id \"z\"): $.parent: parent cycle: z → x → y → z",
      ], records: 0, leftOut: 7)
    XCTAssertEqual(result.partyIDs, ["alpha"])
  }

  func testAClaimantNotInvolvedIsAWarningButAnAncestorOfAListedPartyIsNot()
    throws
  {
    let result = try Fixtures.load("claimant")
    assertLoad(
      result,
      issues: [
        // r01: alpha is not listed at all.
        "warning: records.json: items[0] (id \"r01\"): $.attribution.claimant: claimant \"alpha\" \(notAmongParties)",
        // r02, r03: alpha is the parent and grandparent of the listed party: no warning.
        // r04: gamma is a *child* of the listed alpha, which does not make it involved.
        "warning: records.json: items[3] (id \"r04\"): $.attribution.claimant: claimant \"gamma\" \(notAmongParties)",
        "warning: records.json: items[4] (id \"r05\"): $.attribution.claimant[2]: claimant \"delta\" \(notAmongParties)",
      ], records: 7, leftOut: 0)
    let r05 = try XCTUnwrap(result.corpus.record("r05"))
    XCTAssertEqual(r05.attribution?.claimants, ["beta", "alpha", "delta"])
    XCTAssertEqual(r05.attribution?.basis, .official)
    XCTAssertEqual(
      r05.parties.map(\.role), [.participant, .target],
      "participant is the default role")
  }

  func testAClaimantArrayOfOneIsReportedAtItsElement() throws {
    // `"claimant": ["alpha"]` is an array; its element's JSON path is `…claimant[0]`, as it
    // is for longer arrays (see the r05 line above).
    let result = try Fixtures.load("claimant-array-of-one")
    assertLoad(
      result,
      issues: [
        "warning: records.json: items[0] (id \"r01\"): $.attribution.claimant[0]: claimant \"alpha\" \(notAmongParties)",
        "records.json: items[1] (id \"r02\"): $.attribution.claimant[0]: unknown party id \"zeta\"",
      ], records: 1, leftOut: 1)
  }

  func testAKeyAlreadyTakenIsAWarningAndThatPartyGetsAFreeDigit() throws {
    let result = try Fixtures.load("party-key-taken")
    let digit = "expected a digit \"1\" to \"9\" as a string, got"
    assertLoad(
      result,
      issues: [
        "warning: parties.json: items[1] (id \"beta\"): $.key: key \"1\" is already taken by party \"alpha\"; a free digit is used",
        "parties.json: items[3] (id \"delta\"): $.key: \(digit) \"0\"",
        "parties.json: items[4] (id \"epsilon\"): $.key: \(digit) 3",
      ], records: 0, leftOut: 2)
    XCTAssertEqual(result.corpus.filterKey(for: "alpha"), 1)
    XCTAssertEqual(result.corpus.filterKey(for: "gamma"), 2)
    let beta = try XCTUnwrap(
      result.corpus.filterKey(for: "beta"), "beta gets a free digit")
    XCTAssertTrue((3...9).contains(beta), "beta got \(beta), which is not free")
  }

  func testAColourOutsideTheEightCursesNamesIsAWarning() throws {
    let result = try Fixtures.load("party-bad-color")
    let names = "black, red, green, yellow, blue, magenta, cyan, white"
    assertLoad(
      result,
      issues: [
        "warning: parties.json: items[0] (id \"alpha\"): $.color: expected one of \(names), got \"purple\"; no colour used",
        "warning: parties.json: items[2] (id \"gamma\"): $.color: expected one of \(names), got 3; no colour used",
      ], records: 0, leftOut: 0)
    XCTAssertEqual(result.partyIDs, ["alpha", "beta", "gamma"])
    XCTAssertNil(result.corpus.party("alpha")?.color)
    XCTAssertEqual(result.corpus.party("beta")?.color, .red)
    XCTAssertEqual(
      result.corpus.party("beta")?.kind, .other, "other is the default kind")
  }
}
