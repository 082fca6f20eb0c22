import DatelineDraft
import XCTest

/// The built-in rule files parse, and a broken file is reported at its line.
final class RuleSetTests: XCTestCase {
  func testTheEnglishRulesParse() throws {
    let rules = try RuleSet(language: "en")
    XCTAssertGreaterThan(rules.patterns.count, 40)
    XCTAssertEqual(rules.wordClass("months").value(of: "december"), "12")
    XCTAssertEqual(rules.wordClass("weekdays").value(of: "tuesday"), "2")
  }

  func testAPatternWithAnUnknownClassIsAnErrorAtItsLine() {
    let files = ["xx/timex.patterns": "# comment\n<nosuch> day => date\n"]
    XCTAssertThrowsError(try RuleSet(language: "xx", files: files)) { error in
      XCTAssertEqual("\(error)", "xx/timex.patterns:2: unknown class <nosuch>")
    }
  }

  func testASecondLanguageIsASecondSetOfFiles() throws {
    let files = [
      "fr/months.words": "12: décembre, déc.\n",
      "fr/timex.patterns": "#day <months> #year => date\n",
    ]
    let rules = try RuleSet(language: "fr", files: files)
    let found = TemporalTagger(rules: rules).expressions(
      in: "Le 12 décembre 2023, la trêve a pris fin.",
      published: day("2023-12-13"))
    XCTAssertEqual(found.map(\.text), ["12 décembre 2023"])
    XCTAssertEqual(found.map(\.value.value), ["2023-12-12"])
  }
}
