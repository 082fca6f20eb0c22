import DatelineCore
import DatelineDraft
import XCTest

/// The error classes docs/drafting.md listed as left, one row each: participles read as
/// verbs, the present tense of a timetable, a date opening a sentence before "will", "a
/// second" the ordinal, and "over" before a duration.
final class TimexKnownErrorsTests: XCTestCase {
  typealias Row = TimexResolutionTests.Row

  let rows: [Row] = [
    // A participle before a noun or after a determiner is no past verb.
    Row(
      sentence: "The board would post updated results at 5 p.m. Friday.",
      published: "2023-12-13",
      text: "5 p.m. Friday", value: "2023-12-15", precision: .day,
      tense: .future),
    Row(
      sentence: "The county will publish the revised figures on Monday.",
      published: "2023-12-13", text: "Monday",
      value: "2023-12-18", precision: .day, tense: .future),
    Row(
      sentence: "A peak set on Jan. 20 held for a week.",
      published: "2023-12-13", text: "Jan. 20", value: "2023-01-20",
      precision: .day, tense: .past),
    Row(
      sentence: "Talks stalled on Tuesday.", published: "2023-12-13",
      text: "Tuesday", value: "2023-12-12",
      precision: .day, tense: .past),
    Row(
      sentence: "Police arrested two men in October.", published: "2023-12-13",
      text: "October", value: "2023-10",
      precision: .month, tense: .past),
    // The present tense of a timetable, "is set to", "is to", "takes effect": ahead.
    Row(
      sentence: "Tickets go on sale on Monday.", published: "2023-12-13",
      text: "Monday", value: "2023-12-18",
      precision: .day, tense: .future),
    Row(
      sentence: "The team hosts the Comets on Wednesday.",
      published: "2023-12-11", text: "Wednesday",
      value: "2023-12-13", precision: .day, tense: .future),
    Row(
      sentence: "The minister is to visit Cairo on Thursday.",
      published: "2023-12-13", text: "Thursday",
      value: "2023-12-14", precision: .day, tense: .future),
    Row(
      sentence: "Biden is set to meet them on Friday.", published: "2023-12-13",
      text: "Friday", value: "2023-12-15",
      precision: .day, tense: .future),
    Row(
      sentence: "The rule, signed last week, takes effect in March.",
      published: "2023-12-13", text: "March",
      value: "2024-03", precision: .month, tense: .future),
    // "will" after a date that opens the sentence.
    Row(
      sentence: "On Monday, the court will rule on the appeal.",
      published: "2023-12-13", text: "Monday",
      value: "2023-12-18", precision: .day, tense: .future),
    Row(
      sentence: "On Monday, the court ruled on the appeal.",
      published: "2023-12-13", text: "Monday",
      value: "2023-12-11", precision: .day, tense: .past),
    // "over" before a duration is a preposition; "more than" stays in the extent.
    Row(
      sentence: "Talks dragged on over three weeks.", published: "2023-12-13",
      text: "three weeks", value: nil,
      precision: .none),
    Row(
      sentence: "The siege lasted more than three weeks.",
      published: "2023-12-13", text: "more than three weeks",
      value: nil, precision: .none),
    Row(
      sentence: "Prices rose over two decades.", published: "2023-12-13",
      text: "two decades", value: nil,
      precision: .none),
    // "a second" as a duration only where a duration can stand.
    Row(
      sentence: "He paused for a second, then left.", published: "2023-12-13",
      text: "a second", value: nil,
      precision: .none),
    Row(
      sentence: "A second later the lights went out.", published: "2023-12-13",
      text: "A second later", value: nil,
      precision: .none, approx: true),
  ]

  func testEachRowResolvesAsExpected() { TimexResolutionTests.check(rows) }

  func testTheOrdinalSecondIsNoDuration() {
    let tagger = TemporalTagger()
    for sentence in [
      "Israel agreed to a second pause.",
      "Voters return for a second round of voting.",
      "She won a second term.",
      "It was a second attempt to reach the hostages.",
    ] {
      XCTAssertEqual(
        tagger.expressions(in: sentence, published: day("2023-12-13")).map(
          \.text), [], sentence)
    }
  }
}
