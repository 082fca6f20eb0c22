import DatelineCore
import DatelineUI
import XCTest

/// Reviewing drafts in the reducer: every review key, the shell's answers, and the keys
/// that keep their meaning on a draft.
final class ReviewUpdateTests: XCTestCase {
  func onDraft(_ id: Record.ID = ReviewFixture.good, alone: Bool = false) throws
    -> BrowserState
  {
    selecting(id, in: try ReviewFixture.state(alone: alone))
  }

  func testNothingIsAskedOfTheShellWithoutAKey() throws {
    let s = try onDraft()
    XCTAssertNil(s.review.decision)
    XCTAssertNil(s.review.rewrite)
    XCTAssertEqual(s.review.drafts.count, 3)
  }

  func testSAcceptsACheckedDraftAndTheAnswerMarksItAndReloads() throws {
    let s = press("s", from: try onDraft())
    let asked = try XCTUnwrap(s.review.decision)
    XCTAssertEqual(asked.decision, .accepted)
    XCTAssertEqual(asked.recordsFile, ReviewFixture.recordsFile)
    XCTAssertEqual(asked.draftsFile, ReviewFixture.draftsFile)
    let line = try XCTUnwrap(asked.recordLine)
    XCTAssertTrue(line.hasPrefix(#"{"id":"talks-d001","#), line)
    XCTAssertEqual(
      try DraftFile.decode(Array(line.utf8)).get().id, ReviewFixture.good,
      "the line is a record the loader reads")
    let done = update(s, .draftDecided(id: ReviewFixture.good, error: nil))
    XCTAssertNil(done.review.decision)
    XCTAssertEqual(done.review.decided[ReviewFixture.good], .accepted)
    XCTAssertEqual(
      done.message, "accepted talks-d001 into \(ReviewFixture.recordsFile)")
    XCTAssertTrue(
      done.live.loadWanted,
      "the data is read again, so the record replaces the draft")
    XCTAssertTrue(render(done).text.contains("accepted Drafted:"))
    let again = press("s", from: done)
    XCTAssertNil(again.review.decision)
    XCTAssertEqual(again.message, "this draft is accepted")
  }

  func testTheAcceptNoteOutlivesTheReloadSummary() throws {
    var s = update(
      press("s", from: try onDraft()),
      .draftDecided(id: ReviewFixture.good, error: nil))
    s.message = "+1 record, 0 changed, 0 removed, 0 errors"
    let base = try Seed.corpus()
    s = update(
      s,
      .draftsRead(
        DraftSnapshot(generation: 2, drafts: [:], directory: base, alone: false)
      ))
    XCTAssertEqual(
      s.message, "accepted talks-d001 into \(ReviewFixture.recordsFile)")
    XCTAssertTrue(s.review.isEmpty)
  }

  func testADraftThatDoesNotJoinTheDataSaysWhyAndStays() throws {
    let s = press("s", from: try onDraft(ReviewFixture.unknownParty))
    XCTAssertNil(s.review.decision)
    XCTAssertEqual(
      s.message,
      "not accepted: no party unidentified in the data (P sets the parties)")
    XCTAssertNil(s.review.decided[ReviewFixture.unknownParty])
  }

  func testAnAcceptThatCannotBeWrittenLeavesTheDraftWaiting() throws {
    let s = update(
      press("s", from: try onDraft()),
      .draftDecided(id: ReviewFixture.good, error: "No space left on device"))
    XCTAssertNil(s.review.decided[ReviewFixture.good])
    XCTAssertEqual(
      s.message, "talks-d001: accepted not written: No space left on device")
    XCTAssertFalse(s.live.loadWanted)
  }

  func testKeysOnARecordSayTheyAreForDrafts() throws {
    let base = try ReviewFixture.state()
    let record = try XCTUnwrap(
      base.corpus.records.first { base.review.drafts[$0.id] == nil })
    let s = selecting(record.id, in: base)
    for key in ["s", "x", "D", "K", "P", "B"] {
      let t = press(key, from: s)
      XCTAssertNil(t.review.decision, key)
      XCTAssertNil(t.prompt, key)
      XCTAssertEqual(t.message, "\(key) works on drafts; this is a record", key)
    }
    XCTAssertEqual(
      press("s", from: try Seed.state()).message,
      "no drafts here (dateline draft … --data DIR writes them)")
  }

  func testXRejectsAndUUndoesTheLastRejectOnly() throws {
    var s = press("x", from: try onDraft())
    XCTAssertEqual(
      s.review.decision,
      DraftDecision(
        id: ReviewFixture.good, decision: .rejected,
        draftsFile: ReviewFixture.draftsFile))
    s = update(s, .draftDecided(id: ReviewFixture.good, error: nil))
    XCTAssertEqual(s.review.decided[ReviewFixture.good], .rejected)
    XCTAssertEqual(s.message, "rejected talks-d001 (u undoes)")
    XCTAssertTrue(render(s).text.contains("rejected Drafted:"))
    XCTAssertEqual(
      press("s", from: s).message,
      "this draft is rejected (u undoes the reject)")
    s = press("u", from: s)
    XCTAssertEqual(s.review.decision?.decision, .reopened)
    s = update(s, .draftDecided(id: ReviewFixture.good, error: nil))
    XCTAssertNil(s.review.decided[ReviewFixture.good])
    XCTAssertEqual(s.message, "talks-d001 is back for review")
    XCTAssertFalse(s.live.loadWanted, "still on screen: nothing to read again")
    XCTAssertEqual(press("u", from: s).message, "no reject to undo")
  }

  func testUndoStackIsKeptAcrossAReadOfTheDraftsAndAFailedUndoStaysUndoable()
    throws
  {
    var s = update(
      press("x", from: try onDraft()),
      .draftDecided(id: ReviewFixture.good, error: nil))
    s = update(
      s,
      .draftsRead(
        DraftSnapshot(
          generation: 2, drafts: [:], directory: try Seed.corpus(), alone: false
        )))
    XCTAssertEqual(s.review.undo.map(\.id), [ReviewFixture.good])
    s = update(
      press("u", from: s),
      .draftDecided(id: ReviewFixture.good, error: "Permission denied"))
    XCTAssertEqual(
      s.review.undo.map(\.id), [ReviewFixture.good],
      "a failed undo can be tried again")
    s = update(
      press("u", from: s), .draftDecided(id: ReviewFixture.good, error: nil))
    XCTAssertTrue(
      s.live.loadWanted,
      "the reopened draft is no longer on screen: read the drafts again")
  }

  func testEOnADraftEditsItsLineInTheDraftsFile() throws {
    let s = press("E", from: try onDraft(ReviewFixture.other))
    XCTAssertEqual(
      s.editorRequest, EditorRequest(path: ReviewFixture.draftsFile, line: 2))
    XCTAssertNil(s.workbench.recordToEdit)
    let base = try ReviewFixture.state()
    let record = try XCTUnwrap(
      base.corpus.records.first { base.review.drafts[$0.id] == nil })
    XCTAssertEqual(
      press("E", from: selecting(record.id, in: base)).workbench.recordToEdit,
      record.id)
  }

  func testDChangesTheDateAndTheDraftIsWrittenBack() throws {
    var s = press("D", from: try onDraft())
    guard case .draftField(.date, let text) = s.prompt else {
      return XCTFail("no date prompt: \(String(describing: s.prompt))")
    }
    XCTAssertFalse(text.isEmpty, "the prompt starts from the draft's date")
    s = press("2023-12-01 Enter", from: s)
    let rewrite = try XCTUnwrap(s.review.rewrite)
    XCTAssertEqual(
      rewrite.place,
      DraftReview.Place(
        file: ReviewFixture.draftsFile, line: 1,
        recordsFile: ReviewFixture.recordsFile))
    let record = try DraftFile.decode(Array(rewrite.recordLine.utf8)).get()
    XCTAssertEqual(record.date.description, "2023-12-01")
    XCTAssertFalse(record.dateInferred)
    XCTAssertTrue(record.dateNote?.hasPrefix("Set in review") ?? false)
    s = update(s, .draftRewritten(id: ReviewFixture.good, error: nil))
    XCTAssertNil(s.review.rewrite)
    XCTAssertTrue(s.live.loadWanted)
    XCTAssertEqual(s.message, "draft talks-d001 changed")
    let range = try DraftFile.decode(
      Array(
        press("D 2023-12-01..2023-12-05 Enter", from: try onDraft()).review
          .rewrite!.recordLine.utf8)
    ).get()
    XCTAssertEqual(range.endDate?.description, "2023-12-05")
    XCTAssertEqual(
      press("D tuesday Enter", from: try onDraft()).message,
      "not a date: tuesday (use YYYY-MM-DD, YYYY-MM, YYYY or since..until)")
  }

  func testKChangesTheKindWithCompletion() throws {
    var s = press("K C-u de Tab", from: try onDraft())
    XCTAssertEqual(s.prompt, .draftField(.kind, text: "denial"))
    s = press("Enter", from: s)
    XCTAssertEqual(
      try DraftFile.decode(
        Array(try XCTUnwrap(s.review.rewrite).recordLine.utf8)
      ).get().kind, .denial)
    XCTAssertEqual(
      press("K rumour Enter", from: try onDraft()).message,
      "a kind is one of event, statement, claim, denial, figure")
    XCTAssertNil(
      press("K Enter", from: try onDraft()).review.rewrite,
      "the kind it had: nothing to write")
  }

  func testPChangesThePartiesWithPartyIdCompletion() throws {
    var s = press(
      "P C-u ham Tab", from: try onDraft(ReviewFixture.unknownParty))
    XCTAssertEqual(
      s.prompt, .draftField(.parties, text: "hamas"),
      "three hamas ids: their common part")
    XCTAssertEqual(s.message, "hamas hamas-gaza-leaders hamas-political")
    s = press("Space isr Tab", from: s)
    XCTAssertEqual(s.prompt, .draftField(.parties, text: "hamas israel "))
    s = press("Enter", from: s)
    let record = try DraftFile.decode(
      Array(try XCTUnwrap(s.review.rewrite).recordLine.utf8)
    ).get()
    XCTAssertEqual(record.parties.map(\.id.rawValue), ["hamas", "israel"])
    XCTAssertEqual(
      press("P C-u nobody Enter", from: try onDraft()).message,
      "no party nobody (Tab completes party ids)")
    XCTAssertEqual(
      press("P C-u Enter", from: try onDraft()).message,
      "a record names at least one party")
  }

  func testBChangesTheBasis() throws {
    let s = press("B C-u an Tab Enter", from: try onDraft())
    XCTAssertEqual(
      try DraftFile.decode(
        Array(try XCTUnwrap(s.review.rewrite).recordLine.utf8)
      ).get().attribution?.basis, .anonymous)
    XCTAssertEqual(
      press("B C-u rumour Enter", from: try onDraft()).message,
      "a basis is one of named, official, anonymous, unattributed")
  }

  func testARewriteThatFailsSaysWhy() throws {
    let s = update(
      press("K C-u event Enter", from: try onDraft()),
      .draftRewritten(id: ReviewFixture.good, error: "Read-only file system"))
    XCTAssertEqual(
      s.message, "draft talks-d001 not changed: Read-only file system")
    XCTAssertFalse(s.live.loadWanted)
  }

  func testKeysThatMeantSomethingKeepTheirMeaningOnADraft() throws {
    let s = try onDraft()
    XCTAssertEqual(
      press("a", from: s).query.parties.mode, .all, "a stays any/all")
    XCTAssertEqual(press("Enter", from: s).pane, .detail)
    XCTAssertEqual(
      press("o", from: s).pane, .source,
      "the source pane shows the draft's sentence")
  }
}
