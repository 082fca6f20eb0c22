import DatelineCore
import DatelineUI
import XCTest

/// The `:` command line (issue 14): commands mirror `dateline list`'s flags, Tab completes
/// command names, party ids and record ids, an unknown command is an error.
final class CommandLineTests: XCTestCase {
  func testPartyAndAllMirrorTheListFlags() throws {
    let s = press(
      ": party Space hamas Space qatar Enter", from: try Seed.state())
    XCTAssertEqual(s.query.parties.selected, ["hamas", "qatar"])
    var q = TimelineQuery()
    q.parties = PartyFilter(["hamas", "qatar"])
    XCTAssertEqual(
      s.rows.positions, q.run(on: s.corpus),
      "the same records as list --party hamas --party qatar")
    let all = press(": all Enter", from: s)
    XCTAssertEqual(all.query.parties.mode, .all)
    q.parties.mode = .all
    XCTAssertEqual(all.rows.positions, q.run(on: s.corpus), "--all-parties")
    XCTAssertEqual(
      press(": party Space hamsa Enter", from: s).message,
      "no party hamsa (Tab completes party ids)")
  }

  func testSinceUntilBasisSearchGotoExportAndClear() throws {
    let s = try Seed.state()
    let since = press(": since Space 2023-12 Enter", from: s)
    XCTAssertEqual(since.query.dateRange.description, "2023-12..")
    let crossed = press(": until Space 2023-11 Enter", from: since)
    XCTAssertEqual(
      crossed.query.dateRange.description, "2023-12..",
      "an inverted range is refused")
    XCTAssertTrue(crossed.message?.contains("ends before it starts") ?? false)
    XCTAssertEqual(
      press(": basis Space anonymous Enter", from: s).query.facets.basis,
      [.anonymous])
    XCTAssertEqual(
      press(": search Space soldiers Enter", from: s).selectedID,
      "hamas-soldiers-claim")
    XCTAssertEqual(
      press(": goto Space truce Enter", from: s).selectedID, "truce")
    XCTAssertEqual(
      press(": goto Space truse Enter", from: s).message,
      "no record truse; did you mean truce?")
    XCTAssertEqual(
      press(": export Space out.csv Enter", from: s).exportRequest?.path,
      "out.csv")
    let cleared = press(
      ": clear Enter", from: press("1 / hamas Enter", from: s))
    XCTAssertTrue(cleared.query.isEmpty)
    XCTAssertEqual(cleared.search, "")
    XCTAssertTrue(
      press(": q Enter", from: s).quit, "a unique prefix names its command")
  }

  func testAnUnknownCommandOrAMissingArgumentIsAnError() throws {
    let s = try Seed.state()
    XCTAssertEqual(
      press(": frob Enter", from: s).message,
      "unknown command :frob (Tab lists the commands)")
    XCTAssertEqual(
      press(": goto Enter", from: s).message,
      "usage: :goto ID — select the record with this id")
    XCTAssertNil(
      press(": Enter", from: s).message, "an empty command line just closes")
  }

  func testTabCompletesCommandNamesPartyIdsAndRecordIds() throws {
    let s = try Seed.state()
    XCTAssertEqual(press(": p Tab", from: s).promptText, "party ")
    XCTAssertEqual(
      press(": party Space ha Tab", from: s).promptText, "party hamas")
    XCTAssertEqual(
      press(": party Space ha Tab", from: s).message,
      "hamas hamas-gaza-leaders hamas-political")
    XCTAssertEqual(
      press(": party Space is Tab", from: s).promptText, "party israel ")
    XCTAssertEqual(
      press(": goto Space tru Tab", from: s).promptText, "goto truce ")
    XCTAssertEqual(
      press(": basis Space an Tab", from: s).promptText, "basis anonymous ")
    XCTAssertEqual(
      press(": Tab", from: s).message,
      BrowserCommand.all.map(\.name).joined(separator: " "))
    XCTAssertEqual(
      press(": p Tab hamas Enter", from: s).query.parties.selected, ["hamas"])
  }

  func testAddingACommandIsOneTableEntry() {
    // Every command has a unique name and a usage that starts with it.
    let names = BrowserCommand.all.map(\.name)
    XCTAssertEqual(names.count, Set(names).count)
    for c in BrowserCommand.all {
      XCTAssertTrue(c.usage.hasPrefix(":" + c.name), c.usage)
    }
  }

  func testCommandLineScreensAtThreeSizes() throws {
    for size in PaneModelTests.sizes {
      let s = press(": party Space ha Tab", from: try Seed.state(size))
      let frame = render(s)
      assertGolden(frame, "command-completion")
      assertSound(frame, "\(size)")
      XCTAssertTrue(
        frame.statusLine.hasPrefix(size.columns >= 20 ? ":party hamas" : ":"),
        frame.statusLine)
    }
  }
}
