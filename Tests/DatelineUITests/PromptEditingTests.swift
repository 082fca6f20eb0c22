import DatelineCore
import DatelineUI
import Foundation
import XCTest

/// Prompts that edit like readline (issue 14) and take a paste as one bounded edit with a
/// search that never holds up a key (issue 13).
final class PromptEditingTests: XCTestCase {
  func testCursorKeysAndKillsEditInTheMiddleOfTheLine() throws {
    let s = try Seed.state()
    XCTAssertEqual(press("/ abc Left Left X", from: s).promptText, "aXbc")
    XCTAssertEqual(press("/ abc C-a Y C-e Z", from: s).promptText, "YabcZ")
    XCTAssertEqual(press("/ abc Home Y End Z", from: s).promptText, "YabcZ")
    XCTAssertEqual(press("/ abcd Left Left C-u", from: s).promptText, "cd")
    XCTAssertEqual(press("/ abcd Left Left C-k", from: s).promptText, "ab")
    XCTAssertEqual(
      press("/ hostages Space held Space C-w", from: s).promptText, "hostages ")
    XCTAssertEqual(press("/ abc Left Left Delete", from: s).promptText, "ac")
    XCTAssertEqual(press("/ abc Left BSpace", from: s).promptText, "ac")
    XCTAssertEqual(
      press(
        "/ abc Left Left Left Left BSpace Right Right Right Right x", from: s
      ).promptText, "abcx")
    XCTAssertEqual(press("t 2023 Left C-b C-f C-d", from: s).promptText, "202")
  }

  func testUpAndDownBrowseEachPromptsOwnHistory() throws {
    let s = press(
      "/ hamas Enter / qatar Enter t 2023-12 Enter", from: try Seed.state())
    XCTAssertEqual(press("/ Up", from: s).promptText, "qatar")
    XCTAssertEqual(press("/ Up Up", from: s).promptText, "hamas")
    XCTAssertEqual(
      press("/ Up Up Up", from: s).promptText, "hamas", "the oldest entry stays"
    )
    XCTAssertEqual(press("/ Up Up Down", from: s).promptText, "qatar")
    XCTAssertEqual(
      press("/ isr Up Down", from: s).promptText, "isr",
      "Down past the newest gives the draft back")
    XCTAssertEqual(
      press("t Up", from: s).promptText, "2023-12", "t has its own history")
    XCTAssertEqual(press("r Up", from: s).promptText, "", "r has none yet")
  }

  func testEscapeCancelsAndAnEmptyJumpCancelsQuietly() throws {
    let s = try Seed.state()
    let cancelled = press("j j / soldiers Escape", from: s)
    XCTAssertNil(cancelled.prompt)
    XCTAssertEqual(
      cancelled.selection, 2,
      "the selection goes back to where the search began")
    XCTAssertEqual(cancelled.search, "")
    let empty = press("t Enter", from: s)
    XCTAssertNil(empty.prompt)
    XCTAssertNil(empty.message, "an empty t is not an error")
  }

  func testAPrefilledRangeIsSelectedSoTypingReplacesIt() throws {
    let s = press("r 2023-12 Enter r", from: try Seed.state())
    XCTAssertEqual(s.promptText, "2023-12")
    XCTAssertTrue(s.editing.selected)
    XCTAssertEqual(press("2024", from: s).promptText, "2024")
    XCTAssertEqual(press("BSpace", from: s).promptText, "")
    XCTAssertEqual(
      press("Left 1", from: s).promptText, "2023-112",
      "an arrow keeps the text and moves")
    let frame = render(s)
    XCTAssertTrue(
      frame.statusLine.hasPrefix(
        "date range (since..until, empty clears): 2023-12"), frame.statusLine)
    let start = DisplayWidth.of("date range (since..until, empty clears): ")
    XCTAssertTrue(
      frame[start, 23].style.reverse, "the selected text is reversed")
  }

  func testAPasteIsOneEditAndItsLineBreaksBecomeSpaces() throws {
    let s = try Seed.state()
    let pasted = press([.character("/"), .paste("hamas\nrefuses\t")], from: s)
    XCTAssertEqual(pasted.promptText, "hamas refuses ")
    XCTAssertEqual(pasted.editing.cursor, 14)
    XCTAssertEqual(pasted.selectedID, "hamas-soldiers-claim")
    XCTAssertNil(
      KeyMap.event(for: .paste("x"), in: s),
      "a paste outside a prompt does nothing")
  }

  func testAPromptHoldsAThousandCharactersAndSaysWhatItDropped() throws {
    let s = press(
      [.character("/"), .paste(String(repeating: "x", count: 10_000))],
      from: try Seed.state())
    XCTAssertEqual(s.promptText.count, PromptEditing.maxLength)
    XCTAssertEqual(s.message, "a prompt holds 1000 characters: 9000 not typed")
    let typed = press("y", from: s)
    XCTAssertEqual(typed.promptText.count, PromptEditing.maxLength)
    XCTAssertTrue(render(s).statusLine.hasPrefix("…x"), render(s).statusLine)
  }

  func testTheIncrementalSearchWaitsForAPauseAndRunsInPieces() throws {
    let s = try Seed.state()
    var typing = s
    for key in KeyNames.parse("/ soldiers") {
      if let e = KeyMap.event(for: key, in: typing) {
        typing = update(typing, e)
      }
    }
    XCTAssertEqual(typing.selection, 0, "no search ran while keys came")
    XCTAssertNotNil(typing.editing.pendingSearch)
    let one = update(typing, .searchStep)
    XCTAssertEqual(
      one.selectedID, "hamas-soldiers-claim", "the seed fits in one piece")
    XCTAssertNil(one.editing.pendingSearch)
    XCTAssertNil(
      update(typing, .promptCancel).editing.pendingSearch, "Esc stops it")
    let none = settle(update(typing, .promptInput("q")))
    XCTAssertEqual(none.message, "no match for soldiersq")
  }

  func testTheStatusLineSaysWhichMatchOfHowManyIsSelected() throws {
    let s = press("/ soldiers Enter", from: try Seed.state(size120x40))
    let total = s.rows.filter {
      TextMatcher(["soldiers"], corpus: s.corpus).matches($0)
    }.count
    XCTAssertGreaterThan(total, 1)
    XCTAssertTrue(
      render(s).statusLine.contains("/soldiers (match 1 of \(total))"),
      render(s).statusLine)
    XCTAssertTrue(
      render(press("n", from: s)).statusLine.contains("(match 2 of \(total))"),
      render(press("n", from: s)).statusLine)
    XCTAssertFalse(
      render(press("g", from: s)).statusLine.contains("match"),
      "moving away drops the position")
  }

  func testPromptScreensAtThreeSizes() throws {
    for size in PaneModelTests.sizes {
      let s = press(
        "/ hamas Space refuses Left Left Left", from: try Seed.state(size))
      let frame = render(s)
      assertGolden(frame, "prompt-cursor")
      assertSound(frame, "\(size)")
      let status = Rect(
        column: 0, row: size.rows - 1, columns: size.columns, rows: 1)
      let reversed = (0..<size.columns).filter {
        frame[$0, status.row].style.reverse
      }
      XCTAssertEqual(reversed.count, 1, "\(size): one cursor cell")
    }
  }

  /// Issue 13: a 10,000-character paste costs time linear in its length, whether it
  /// arrives bracketed (one edit) or as keys (a terminal without bracketed paste): the
  /// ratio of two sizes, not a time limit.
  func testPasteTimeIsLinearInItsLength() throws {
    let start = press("/", from: try Seed.state())
    let words = "hostages held in Gaza refuse "
    func text(_ n: Int) -> String {
      String(String(repeating: words, count: n / words.count + 1).prefix(n))
    }
    func asKeys(_ n: Int) -> Double {
      measure {
        // Keys that arrive together (typeahead): the shell runs no search step between
        // them, only once they stop.
        var s = start
        for c in text(n) { s = update(s, .promptInput(c)) }
        _ = render(settle(s))
      }
    }
    func bracketed(_ n: Int) -> Double {
      measure {
        _ = render(settle(update(start, .promptEdit(.insert(text(n))))))
      }
    }
    let keysRatio = asKeys(10_000) / asKeys(5_000)
    XCTAssertLessThan(
      keysRatio, 3.2, "10,000 typed characters vs 5,000: \(keysRatio)")
    let pasteRatio = bracketed(20_000) / bracketed(10_000)
    XCTAssertLessThan(
      pasteRatio, 3.2, "a 20,000-character paste vs 10,000: \(pasteRatio)")
  }

  /// The best of three runs, in seconds (the machine is shared: the least disturbed run).
  func measure(_ body: () -> Void) -> Double {
    (0..<3).map { _ in
      let t0 = DispatchTime.now().uptimeNanoseconds
      body()
      return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }.min() ?? 0
  }
}
