import DatelineCore
import DatelineDraft
import XCTest

/// The error classes docs/drafting.md listed as left, one row each: participles read as
/// verbs, the present tense of a timetable, a date opening a sentence before "will", "a
/// second" the ordinal, and "over" before a duration.
final class TimexKnownErrorsTests: XCTestCase {
  struct Row {
    var sentence: String
    var published = "2023-12-13"
    var text: String
    var value: String?
    var tense: Tense
    var line: UInt = #line
  }

  let rows: [Row] = [
    // A participle before a noun or after a determiner is no past verb.
    Row(sentence: "The board would post updated results at 5 p.m. Friday.", text: "5 p.m. Friday", value: "2023-12-15", tense: .future),
    Row(sentence: "The county will publish the revised figures on Monday.", text: "Monday", value: "2023-12-18", tense: .future),
    Row(sentence: "A peak set on Jan. 20 held for a week.", text: "Jan. 20", value: "2023-01-20", tense: .past),
    Row(sentence: "Talks stalled on Tuesday.", text: "Tuesday", value: "2023-12-12", tense: .past),
    Row(sentence: "Police arrested two men in October.", text: "October", value: "2023-10", tense: .past),
    // The present tense of a timetable, "is set to", "is to", "takes effect": ahead.
    Row(sentence: "Tickets go on sale on Monday.", text: "Monday", value: "2023-12-18", tense: .future),
    Row(sentence: "The team hosts the Comets on Wednesday.", published: "2023-12-11", text: "Wednesday", value: "2023-12-13", tense: .future),
    Row(sentence: "The minister is to visit Cairo on Thursday.", text: "Thursday", value: "2023-12-14", tense: .future),
    Row(sentence: "Biden is set to meet them on Friday.", text: "Friday", value: "2023-12-15", tense: .future),
    Row(sentence: "The rule, signed last week, takes effect in March.", text: "March", value: "2024-03", tense: .future),
    // "will" after a date that opens the sentence.
    Row(sentence: "On Monday, the court will rule on the appeal.", text: "Monday", value: "2023-12-18", tense: .future),
    Row(sentence: "On Monday, the court ruled on the appeal.", text: "Monday", value: "2023-12-11", tense: .past),
    // "over" before a duration is a preposition; "more than" stays in the extent.
    Row(sentence: "Talks dragged on over three weeks.", text: "three weeks", value: nil, tense: .unknown),
    Row(sentence: "The siege lasted more than three weeks.", text: "more than three weeks", value: nil, tense: .unknown),
    Row(sentence: "Prices rose over two decades.", text: "two decades", value: nil, tense: .past),
    // "a second" as a duration only where a duration can stand.
    Row(sentence: "He paused for a second, then left.", text: "a second", value: nil, tense: .past),
    Row(sentence: "A second later the lights went out.", text: "A second later", value: nil, tense: .past),
  ]

  func testEachRowResolvesAsExpected() {
    let tagger = TemporalTagger()
    for row in rows {
      let found = tagger.expressions(in: row.sentence, published: day(row.published))
      guard let e = found.first(where: { $0.text == row.text }) else {
        XCTFail("\"\(row.text)\" not found in \"\(row.sentence)\"; found \(found.map(\.text))", line: row.line)
        continue
      }
      XCTAssertEqual(e.value.value, row.value, row.sentence, line: row.line)
      if row.value != nil { XCTAssertEqual(e.tense, row.tense, row.sentence, line: row.line) }
    }
  }

  func testTheOrdinalSecondIsNoDuration() {
    let tagger = TemporalTagger()
    for sentence in [
      "Israel agreed to a second pause.", "Voters return for a second round of voting.",
      "She won a second term.", "It was a second attempt to reach the hostages.",
    ] {
      XCTAssertEqual(tagger.expressions(in: sentence, published: day("2023-12-13")).map(\.text), [], sentence)
    }
  }
}
