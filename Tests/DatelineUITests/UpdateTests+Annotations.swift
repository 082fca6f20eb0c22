import DatelineCore
import DatelineUI
import XCTest

/// `*`, `T`, `i`, `I`, `#`: annotations in the reducer, their filters, search and screens.
final class AnnotationUpdateTests: XCTestCase {
  func testStarTagAndNoteAreFoldedInAtOnceAndQueuedForTheShell() throws {
    var s = try Seed.state()
    let id = try XCTUnwrap(s.selectedRecord?.id)
    s = press(
      "* T K e y Space P o i n t Enter i c h e c k Space i t Enter", from: s)
    XCTAssertEqual(
      s.workbench.annotations[id],
      Annotations.Entry(starred: true, tags: ["key-point"], note: "check it"))
    XCTAssertEqual(s.workbench.unsaved.map(\.operation), [.star, .tag, .note])
    XCTAssertTrue(s.workbench.saveWanted)
    XCTAssertEqual(s.message, "note saved")
    // The shell wrote them: nothing waits any more.
    s = update(s, .annotationsSaved(written: 3, error: nil))
    XCTAssertEqual(s.workbench.unsaved, [])
    XCTAssertFalse(s.workbench.saveWanted)
    // Again: `*` unstars, `T` with a tag it has removes it, `i` starts from the note.
    s = press("* T k e y - p o i n t Enter i", from: s)
    XCTAssertEqual(s.prompt, .note(text: "check it"))
    s = press("C-g", from: s)
    XCTAssertEqual(
      s.workbench.annotations[id], Annotations.Entry(note: "check it"))
  }

  func testAFailedWriteKeepsTheChangesShownAndQueuedAndSaysSo() throws {
    var s = press("* j *", from: try Seed.state())
    s = update(
      s,
      .annotationsSaved(
        written: 1,
        error: "annotations/ana.jsonl: cannot append to: Read-only file system")
    )
    XCTAssertEqual(s.workbench.unsaved.count, 1)
    XCTAssertFalse(s.workbench.saveWanted)
    XCTAssertEqual(
      s.message,
      "annotations not saved (1 change kept until you quit): annotations/ana.jsonl: cannot append to: Read-only file system"
    )
    XCTAssertEqual(s.workbench.annotations.entries.count, 2)
    // The next change tries again with everything that waits.
    s = press("j *", from: s)
    XCTAssertEqual(s.workbench.unsaved.count, 2)
    XCTAssertTrue(s.workbench.saveWanted)
  }

  func testTabCompletesTagsInUse() throws {
    var s = press(
      "T a l p h a Enter j T a l b e r t Enter j T a l", from: try Seed.state())
    s = press("Tab", from: s)
    XCTAssertEqual(s.prompt, .tag(text: "al"))
    XCTAssertEqual(s.message, "albert alpha")
    s = press("p Tab", from: s)
    XCTAssertEqual(s.prompt, .tag(text: "alpha"))
  }

  func testTheTagListFiltersByTagsAndStarsWithLiveCounts() throws {
    var s = press(
      "T k e y Enter j T k e y Enter * j j *", from: try Seed.state())
    s = press("# Space", from: s)
    XCTAssertEqual(s.rows.count, 2)
    XCTAssertTrue(s.workbench.filter.starredOnly)
    s = press("*", from: s)
    XCTAssertFalse(s.workbench.filter.starredOnly)
    s = press("1 Escape", from: s)
    XCTAssertEqual(s.rows.count, 2)
    XCTAssertEqual(s.workbench.filter.tags, ["key"])
    XCTAssertTrue(render(s).statusLine.contains("#key"), render(s).statusLine)
    // Untagging a shown record takes it out of the filtered list at once.
    s = press("T k e y Enter", from: s)
    XCTAssertEqual(s.rows.count, 1)
  }

  func testSearchFindsNotesAndTags() throws {
    var s = try Seed.state()
    let last = s.rows.endIndex - 1
    s = press("G i z e b r a Space m e m o Enter g", from: s)
    XCTAssertEqual(s.selection, 0)
    s = press("/ z e b r a Enter", from: s)
    XCTAssertEqual(s.selection, last)
  }

  func testIAsksTheShellToEditTheNoteAndTheAnswerIsSaved() throws {
    var s = press("i o l d Enter I", from: try Seed.state())
    let edit = try XCTUnwrap(s.workbench.noteEdit)
    XCTAssertEqual(edit.text, "old")
    s = update(
      s, .noteEdited(record: edit.record, text: "new\nlines", error: nil))
    XCTAssertNil(s.workbench.noteEdit)
    XCTAssertEqual(s.workbench.annotations[edit.record].note, "new\nlines")
  }

  func testScreensWithAnnotationsAtThreeSizes() throws {
    for size in [
      Size(columns: 20, rows: 5), Size(columns: 80, rows: 24),
      Size(columns: 200, rows: 50),
    ] {
      var s = try Seed.state(size)
      s = press(
        "* T k e y Enter j j i a Space n o t e Enter j T o t h e r Enter Enter",
        from: s)
      assertGolden(render(s), "annotations-detail")
      assertGolden(render(press("#", from: s)), "annotations-tag-list")
    }
  }
}
