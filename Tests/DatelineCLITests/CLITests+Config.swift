import Foundation
import XCTest

/// config.toml through the binary: where it is found, what wins, how problems read.
extension CLITests {
  func testTheConfigsDataDirectoryIsTheDefault() throws {
    let dir = try tempData(["config.toml": "data = \"\(Self.seed)\"\n"])
    let r = try run(
      ["validate"],
      env: [
        "XDG_CONFIG_HOME": "/nonexistent",
        "DATELINE_CONFIG": dir + "/config.toml",
      ])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(
      r.stdout,
      "\(Self.seed): 3 files, 13 parties, 1 source, 24 records, 0 items left out, 0 errors, 0 warnings\n"
    )
  }

  func testXDGConfigHomeIsReadAndTheFlagAndEnvironmentOverrideIt() throws {
    let xdg = try tempData([:])
    try FileManager.default.createDirectory(
      atPath: xdg + "/dateline", withIntermediateDirectories: true)
    try Data("data = \"/from/xdg\"\n".utf8).write(
      to: URL(fileURLWithPath: xdg + "/dateline/config.toml"))
    let other = try tempData(["c.toml": "data = \"\(Self.seed)\"\n"])
    let fromXDG = try run(["validate"], env: ["XDG_CONFIG_HOME": xdg])
    XCTAssertEqual(fromXDG.stderr, "dateline: /from/xdg: no such directory\n")
    let fromEnv = try run(
      ["validate"],
      env: ["XDG_CONFIG_HOME": xdg, "DATELINE_CONFIG": other + "/c.toml"])
    XCTAssertEqual(fromEnv.status, 0, fromEnv.stderr)
    let fromFlag = try run(
      ["validate", "--config", other + "/c.toml"],
      env: ["XDG_CONFIG_HOME": xdg, "DATELINE_CONFIG": "/nonexistent.toml"])
    XCTAssertEqual(fromFlag.status, 0, fromFlag.stderr)
    // --data and DATELINE_DATA still win over the config.
    let fromData = try run(
      ["validate", "--data", "/from/flag"], env: ["XDG_CONFIG_HOME": xdg])
    XCTAssertEqual(fromData.stderr, "dateline: /from/flag: no such directory\n")
  }

  func testUnknownKeysWarnWithTheirLineAndTheRestApplies() throws {
    let dir = try tempData([
      "config.toml":
        "# settings\ndata = \"\(Self.seed)\"\ncolour = \"red\"\n\n[colors]\narmy = \"red\"\n"
    ])
    let r = try run(["validate", "--config", dir + "/config.toml"])
    XCTAssertEqual(r.status, 0)
    XCTAssertEqual(
      r.stderr,
      """
      dateline: \(dir)/config.toml:3: unknown setting "colour" (known: data, layout, follow, mouse, colors, keys, citation, annotations)
      dateline: \(dir)/config.toml:6: unknown party kind "army" in [colors] (known: state, government_body, armed_group, political_group, person, civilian_group, intl_org, ngo, media, other)

      """)
    XCTAssertTrue(r.stdout.contains("24 records"))
  }

  func testABrokenOrMissingConfigFileExitsTwo() throws {
    let dir = try tempData(["config.toml": "data = \"x\"\nlayout =\n"])
    let broken = try run([
      "list", "--config", dir + "/config.toml", "--data", Self.seed,
    ])
    XCTAssertEqual(broken.status, 2)
    XCTAssertTrue(
      broken.stderr.hasPrefix(
        "dateline: \(dir)/config.toml: line 2, column 9: "), broken.stderr)
    XCTAssertEqual(broken.stdout, "")
    let missing = try run(
      ["list", "--data", Self.seed],
      env: ["DATELINE_CONFIG": dir + "/none.toml"])
    XCTAssertEqual(missing.status, 2)
    XCTAssertEqual(
      missing.stderr, "dateline: \(dir)/none.toml: no such config file\n")
  }
}
