import DatelineConfig
import DatelineUI
import Foundation
import XCTest

/// config.toml: good and bad files, unknown keys named with their lines.
final class ConfigParserTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  func parse(_ name: String) throws -> ConfigParser.Result {
    let text = try String(
      contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
    return try ConfigParser.parse(
      text, directory: "/etc/dateline", home: "/home/ada")
  }

  func testEverySettingOfAGoodFile() throws {
    let r = try parse("good.toml")
    XCTAssertEqual(r.warnings, [])
    let c = r.config
    XCTAssertEqual(c.dataDirectory, "/home/ada/timelines/hostages")
    XCTAssertEqual(c.preferences.split, .below)
    XCTAssertEqual(
      c.preferences.kindColors, [.state: .blue, .armed_group: .red])
    XCTAssertEqual(
      c.preferences.keys,
      KeyRemap([
        .control("n"): .character("j"), .control("p"): .character("k"),
        .character("x"): Optional<Key>.none,
        .pageDown: .character(" "),
      ]))
    XCTAssertEqual(
      c.citations,
      Config.Citations(osc52: true, file: "/etc/dateline/citations.txt"))
  }

  func testUnknownKeysAndBadValuesAreWarningsNamingTheLine() throws {
    let r = try parse("unknown-keys.toml")
    XCTAssertEqual(
      r.warnings.map(\.description),
      [
        "line 2: unknown setting \"colour\" (known: data, layout, follow, mouse, colors, keys, citation, annotations)",
        "line 3: layout must be \"auto\", \"right\" or \"below\"",
        "line 7: unknown party kind \"army\" in [colors] (known: state, government_body, armed_group, political_group, person, civilian_group, intl_org, ngo, media, other)",
        "line 8: colour for person must be one of black, red, green, yellow, blue, magenta, cyan, white",
        "line 12: \"jj\" is not one key (use names such as j, C-n, PageDown, F2)",
        "line 13: \"not a key\" is not one key (use names such as j, C-n, PageDown, F2)",
        "line 16: clipboard must be \"osc52\" or \"off\"",
        "line 17: unknown setting \"paste\" in [citation] (known: clipboard, file)",
        "line 19: unknown setting \"plugins\" (known: data, layout, follow, mouse, colors, keys, citation, annotations)",
      ])
    // What was valid still applies.
    XCTAssertEqual(r.config.dataDirectory, "/etc/dateline/corpus")
    XCTAssertEqual(r.config.preferences.kindColors, [.state: .blue])
    XCTAssertEqual(
      r.config.preferences.keys, KeyRemap([.control("n"): .character("j")]))
    XCTAssertEqual(r.config.preferences.split, .auto)
    XCTAssertFalse(r.config.citations.osc52)
  }

  func testAFileThatIsNotTOMLIsAnErrorWithItsLine() throws {
    XCTAssertThrowsError(try parse("bad-syntax.toml")) { error in
      let e = error as? ConfigParser.SyntaxError
      XCTAssertEqual(e?.line, 2)
      XCTAssertTrue(
        e?.description.hasPrefix("line 2, column ") ?? false, "\(error)")
    }
  }

  func testAnEmptyFileIsTheDefaults() throws {
    let r = try ConfigParser.parse("", directory: "/", home: nil)
    XCTAssertEqual(r.config, Config())
    XCTAssertEqual(r.warnings, [])
  }

  func testKeysInInlineTablesAndDottedKeysGetTheirLines() throws {
    let text = """
      layout = "right"
      colors = { state = "blue", bogus = "red" }
      citation.clipboard = "off"
      citation.extra = 1
      """
    let r = try ConfigParser.parse(text, directory: "/", home: nil)
    XCTAssertEqual(
      r.warnings.map(\.description),
      [
        "line 2: unknown party kind \"bogus\" in [colors] (known: state, government_body, armed_group, political_group, person, civilian_group, intl_org, ngo, media, other)",
        "line 4: unknown setting \"extra\" in [citation] (known: clipboard, file)",
      ])
  }
}

extension ConfigParserTests {
  func testFollowIsOnUnlessTheFileTurnsItOff() throws {
    XCTAssertTrue(
      try ConfigParser.parse("", directory: "/", home: nil).config.follow)
    XCTAssertFalse(
      try ConfigParser.parse("follow = false\n", directory: "/", home: nil)
        .config.follow)
    XCTAssertTrue(
      try ConfigParser.parse("", directory: "/", home: nil).config.mouse)
    XCTAssertFalse(
      try ConfigParser.parse("mouse = false\n", directory: "/", home: nil)
        .config.mouse)
    let bad = try ConfigParser.parse(
      "\nfollow = \"no\"\n", directory: "/", home: nil)
    XCTAssertTrue(bad.config.follow, "a bad value leaves the default")
    XCTAssertEqual(
      bad.warnings.map(\.description), ["line 2: follow must be true or false"])
  }
}
