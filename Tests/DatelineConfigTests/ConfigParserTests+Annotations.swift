import DatelineConfig
import XCTest

extension ConfigParserTests {
  func testTheAnnotationsTableSetsAuthorLocationAndRestore() throws {
    let good = try ConfigParser.parse(
      "[annotations]\nauthor = \"ana\"\nlocation = \"user\"\nrestore = false\n",
      directory: "/", home: nil)
    XCTAssertEqual(good.warnings, [])
    XCTAssertEqual(
      good.config.annotating,
      Config.Annotating(author: "ana", outsideData: true, restore: false))
    let bad = try ConfigParser.parse(
      "[annotations]\nauthor = \"\"\nlocation = \"cloud\"\nrestore = \"no\"\ncolour = 1\n",
      directory: "/", home: nil)
    XCTAssertEqual(
      bad.warnings.map(\.description),
      [
        "line 2: author must be a name in quotes",
        "line 3: location must be \"data\" (annotations/ in the data directory) or \"user\" ($XDG_DATA_HOME/dateline)",
        "line 4: restore must be true or false",
        "line 5: unknown setting \"colour\" in [annotations] (known: author, location, restore)",
      ])
    XCTAssertEqual(bad.config.annotating, Config.Annotating())
  }
}
