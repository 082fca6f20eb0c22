import DatelineCore
import DatelineUI
import XCTest

/// The seed data with three drafts beside it, as `dateline --data DIR` shows drafts under
/// `DIR/drafts/`: two that would join the data (a statement copied from a seed record
/// under a new id, and an event), and one naming the placeholder party `unidentified`.
enum ReviewFixture {
  static let draftsFile = "/tmp/review-fixture/drafts/talks.jsonl"
  static let recordsFile = "/tmp/review-fixture/talks.jsonl"
  static let good = Record.ID("talks-d001")
  static let other = Record.ID("talks-d002")
  static let unknownParty = Record.ID("talks-d003")

  static func state(
    _ size: Size = Size(columns: 80, rows: 24), alone: Bool = false,
    useColor: Bool = true
  ) throws
    -> BrowserState
  {
    let base = try Seed.corpus()
    let template = try XCTUnwrap(
      base.records.first { $0.quote != nil && $0.kind == .statement })
    var d1 = template
    d1.id = good
    d1.headline = "Drafted: " + template.headline
    d1.dateInferred = true
    var d2 = template
    d2.id = other
    d2.kind = .event
    d2.headline = "A second drafted record"
    var d3 = template
    d3.id = unknownParty
    d3.parties = [Record.PartyRef(id: Party.ID("unidentified"))]
    d3.attribution = Attribution(text: "officials said", basis: .official)
    d3.headline = "A draft naming nobody the data knows"
    let drafts = [d1, d2, d3]
    let standIn = Party(
      id: Party.ID("unidentified"), name: "unidentified (not in the data)",
      label: "unidentified")
    let shown = Corpus(
      parties: base.parties + [standIn], sources: base.sources,
      records: (alone ? [] : Array(base.records)) + drafts)
    var places: [Record.ID: DraftReview.Place] = [:]
    for (n, d) in drafts.enumerated() {
      places[d.id] = DraftReview.Place(
        file: draftsFile, line: n + 1, recordsFile: recordsFile)
    }
    var s = BrowserState(
      corpus: shown, dataLabel: "Data", size: size, useColor: useColor)
    s.review = DraftReview(
      snapshot: DraftSnapshot(
        generation: 1, drafts: places, directory: base, alone: alone))
    return s
  }
}
