import DatelineCore
import DatelineUI
import XCTest

/// Which key means which event, in each context: timeline, focused pane, prompt, overlays.
///
/// Table-driven, like tig's keys.c → request.c: the reducer tests then only speak of events.
final class KeyMapTests: XCTestCase {
  func events(_ keys: String, in state: BrowserState) -> [Event?] {
    KeyNames.parse(keys).map { KeyMap.event(for: $0, in: state) }
  }

  func testTimelineKeysMapToTheirEvents() throws {
    let s = try Seed.state()
    let table: [(String, Event?)] = [
      ("j", .moveSelection(by: 1)), ("Down", .moveSelection(by: 1)),
      ("k", .moveSelection(by: -1)), ("Up", .moveSelection(by: -1)),
      ("PageDown", .page(by: 1)), ("Space", .page(by: 1)),
      ("C-f", .page(by: 1)),
      ("PageUp", .page(by: -1)), ("b", .page(by: -1)), ("C-b", .page(by: -1)),
      ("g", .selectFirst), ("Home", .selectFirst), ("G", .selectLast),
      ("End", .selectLast),
      ("WheelDown", .moveSelection(by: 3)), ("WheelUp", .moveSelection(by: -3)),
      ("Enter", .openDetail), ("o", .cycleSource(by: 1)),
      ("O", .cycleSource(by: -1)), ("f", .toggleFigures),
      ("Tab", .toggleFocus), ("BTab", .toggleFocus),
      ("z", .toggleMaximize), ("Escape", .closePane), ("p", .openPartyList),
      ("a", .toggleMatchMode),
      ("0", .clearFilters), ("1", .toggleFilterKey(1)),
      ("9", .toggleFilterKey(9)),
      ("/", .startSearch), ("F", .searchToFilter), ("n", .nextMatch),
      ("N", .previousMatch), ("t", .startJump),
      ("?", .showHelp), ("F1", .showHelp), ("q", .closeOrQuit), ("Q", .quitNow),
      ("C-c", .quitNow),
      ("]", .jumpDay(forward: true)), ("[", .jumpDay(forward: false)),
      ("}", .jumpMonth(forward: true)), ("{", .jumpMonth(forward: false)),
      ("H", .toggleStrip),
      ("r", .startRange), (">", .rangeFromSelection), ("<", .rangeToSelection),
      ("A", .cycleBasis),
      ("d", .showDisputes), ("v", .showRevisions), ("BSpace", .goBack),
      ("-", .goBack),
      ("m", .toggleMark), ("'", .nextMark),
      ("Left", .scrollHeadlines(by: -1)), ("h", .scrollHeadlines(by: -1)),
      ("Right", .scrollHeadlines(by: 1)), ("l", .scrollHeadlines(by: 1)),
      ("X", nil),
    ]
    for (key, expected) in table {
      XCTAssertEqual(
        events(key, in: s), [expected], "key \(key) on the timeline")
    }
  }

  func testAFocusedPaneTakesTheMovementKeysAndLeavesTheRestToTheTimeline()
    throws
  {
    let detail = press("Enter", from: try Seed.state())
    let source = press("o", from: try Seed.state())
    let table: [(String, Event?, Event?)] = [
      ("j", .paneMotion(.line(1)), .paneMotion(.line(1))),
      ("Down", .paneMotion(.line(1)), .paneMotion(.line(1))),
      ("k", .paneMotion(.line(-1)), .paneMotion(.line(-1))),
      ("Up", .paneMotion(.line(-1)), .paneMotion(.line(-1))),
      ("PageDown", .paneMotion(.page(1)), .paneMotion(.page(1))),
      ("Space", .paneMotion(.page(1)), .paneMotion(.page(1))),
      ("PageUp", .paneMotion(.page(-1)), .paneMotion(.page(-1))),
      ("b", .paneMotion(.page(-1)), .paneMotion(.page(-1))),
      ("C-f", .paneMotion(.page(1)), .paneMotion(.page(1))),
      ("C-b", .paneMotion(.page(-1)), .paneMotion(.page(-1))),
      ("C-d", .paneMotion(.halfPage(1)), .paneMotion(.halfPage(1))),
      ("C-u", .paneMotion(.halfPage(-1)), .paneMotion(.halfPage(-1))),
      ("g", .paneMotion(.first), .paneMotion(.first)),
      ("G", .paneMotion(.last), .paneMotion(.last)),
      ("Home", .paneMotion(.first), .paneMotion(.first)),
      ("End", .paneMotion(.last), .paneMotion(.last)),
      ("WheelDown", .paneMotion(.scroll(3)), .paneMotion(.scroll(3))),
      ("WheelUp", .paneMotion(.scroll(-3)), .paneMotion(.scroll(-3))),
      ("Enter", .followLink, .openDetail), ("Tab", .toggleFocus, .toggleFocus),
      ("Escape", .focusTimeline, .focusTimeline),
      ("o", .cycleSource(by: 1), .cycleSource(by: 1)),
      ("O", .cycleSource(by: -1), .cycleSource(by: -1)),
      ("q", .closeOrQuit, .closeOrQuit),
      ("1", .toggleFilterKey(1), .toggleFilterKey(1)),
      ("d", .showDisputes, .showDisputes), ("BSpace", .goBack, .goBack),
    ]
    for (key, inDetail, inSource) in table {
      XCTAssertEqual(
        events(key, in: detail), [inDetail], "key \(key) in the focused detail")
      XCTAssertEqual(
        events(key, in: source), [inSource], "key \(key) in the focused source")
    }
  }

  func testAPromptTakesEveryCharacterAsText() throws {
    let s = press("/", from: try Seed.state())
    XCTAssertEqual(events("q", in: s), [.promptInput("q")])
    XCTAssertEqual(events("Q", in: s), [.promptInput("Q")])
    XCTAssertEqual(events("?", in: s), [.promptInput("?")])
    XCTAssertEqual(events("1", in: s), [.promptInput("1")])
    XCTAssertEqual(events("Space", in: s), [.promptInput(" ")])
    XCTAssertEqual(events("BSpace", in: s), [.promptBackspace])
    XCTAssertEqual(events("Enter", in: s), [.promptSubmit])
    XCTAssertEqual(events("Escape", in: s), [.promptCancel])
    XCTAssertEqual(events("C-c", in: s), [.promptCancel])
    XCTAssertEqual(events("C-g", in: s), [.promptCancel])
    XCTAssertEqual(events("Down", in: s), [.promptEdit(.historyForward)])
    XCTAssertEqual(events("F3", in: s), [nil])
  }

  func testThePartyListHasItsOwnKeys() throws {
    let s = press("p", from: try Seed.state())
    let table: [(String, Event?)] = [
      ("j", .movePartyCursor(by: 1)), ("Down", .movePartyCursor(by: 1)),
      ("k", .movePartyCursor(by: -1)), ("Up", .movePartyCursor(by: -1)),
      ("Space", .togglePartyAtCursor), ("Enter", .togglePartyAtCursor),
      ("a", .toggleMatchMode),
      ("0", .clearFilters), ("3", .toggleFilterKey(3)),
      ("Escape", .dismissOverlay), ("p", .dismissOverlay),
      ("q", .dismissOverlay), ("Q", .quitNow), ("G", nil),
    ]
    for (key, expected) in table {
      XCTAssertEqual(
        events(key, in: s), [expected], "key \(key) in the party list")
    }
  }

  func testTheListOfSeveralLinksHasItsOwnKeys() throws {
    let s = press("t 2023-12-12 Enter j d", from: try Seed.state())
    guard case .links = s.overlay else {
      return XCTFail(
        "d on the soldiers claim lists both sides: \(String(describing: s.overlay))"
      )
    }
    let table: [(String, Event?)] = [
      ("j", .moveChoiceCursor(by: 1)), ("Down", .moveChoiceCursor(by: 1)),
      ("k", .moveChoiceCursor(by: -1)),
      ("Up", .moveChoiceCursor(by: -1)), ("Enter", .followChoice),
      ("Space", .followChoice),
      ("Escape", .dismissOverlay), ("q", .dismissOverlay),
      ("d", .dismissOverlay), ("Q", .quitNow), ("x", nil),
    ]
    for (key, expected) in table {
      XCTAssertEqual(
        events(key, in: s), [expected], "key \(key) in the list of links")
    }
  }

  func testEnterInTheFocusedFiguresPaneGoesToTheEntry() throws {
    let s = press(
      "t 2023-12-12 Enter j j j j j j j j f", from: try Seed.state())
    XCTAssertEqual(s.pane, .figures)
    XCTAssertEqual(events("Enter", in: s), [.followLink])
    XCTAssertEqual(events("j", in: s), [.paneMotion(.line(1))])
    XCTAssertEqual(events("f", in: s), [.toggleFigures])
  }

  func testEveryKeyClosesTheHelp() throws {
    let s = press("?", from: try Seed.state())
    for key in ["j", "q", "Q", "Escape", "Enter", "?", "1", "C-c"] {
      XCTAssertEqual(
        events(key, in: s), [.dismissOverlay], "key \(key) in the help")
    }
  }

  func testAResizeIsAnEventInEveryContext() throws {
    let size = Size(columns: 33, rows: 7)
    for keys in ["", "/", "p", "?", "Enter", "o"] {
      let s = press(keys, from: try Seed.state())
      XCTAssertEqual(
        KeyMap.event(for: .resize(size), in: s), .resize(size), "after \(keys)")
    }
  }

  func testKeyNamesFollowTmuxSendKeys() {
    XCTAssertEqual(
      KeyNames.parse("j Enter / ha Space BSpace C-c F1 PageDown Escape"),
      [
        .character("j"), .enter, .character("/"), .character("h"),
        .character("a"), .character(" "),
        .backspace, .control("c"), .function(1), .pageDown, .escape,
      ])
  }

  // MARK: - Every event

  /// Where a key for `event` is pressed (keys to get there) and which key it is; nil for an
  /// event no key produces. The switch has no default, so a new Event case does not compile
  /// until a test covers it.
  func key(for event: Event) -> (setup: String, key: String)? {
    switch event {
    case .moveSelection: return ("", "j")
    case .page: return ("", "PageDown")
    case .selectFirst: return ("", "g")
    case .selectLast: return ("", "G")
    case .openDetail: return ("", "Enter")
    case .cycleSource: return ("", "o")
    case .toggleFigures: return ("", "f")
    case .closePane: return ("Enter Tab", "Escape")
    case .toggleFocus: return ("Enter", "Tab")
    case .toggleMaximize: return ("Enter", "z")
    case .paneMotion: return ("o", "j")
    case .halfPage: return ("", "C-d")
    case .scrollHeadlines: return ("", "Right")
    case .mouse: return ("", "Click@3,1")
    case .focusTimeline: return ("o", "Escape")
    case .followLink: return ("Enter", "Enter")
    case .toggleParty: return nil
    case .toggleFilterKey: return ("", "1")
    case .toggleMatchMode: return ("", "a")
    case .clearFilters: return ("", "0")
    case .openPartyList: return ("", "p")
    case .movePartyCursor: return ("p", "j")
    case .togglePartyAtCursor: return ("p", "Space")
    case .startSearch: return ("", "/")
    case .searchToFilter: return ("/ hamas Enter", "F")
    case .startJump: return ("", "t")
    case .promptInput: return ("/", "x")
    case .promptBackspace: return ("/", "BSpace")
    case .promptSubmit: return ("/", "Enter")
    case .promptCancel: return ("/", "Escape")
    case .promptEdit: return ("/", "Left")
    case .startCommand: return ("", ":")
    // From the shell between keys, not a key.
    case .searchStep: return nil
    case .nextMatch: return ("", "n")
    case .previousMatch: return ("", "N")
    case .showHelp: return ("", "?")
    case .dismissOverlay: return ("?", "j")
    case .closeOrQuit: return ("", "q")
    case .quitNow: return ("", "Q")
    case .resize: return nil
    case .toggleStrip: return ("", "H")
    case .jumpDay: return ("", "]")
    case .jumpMonth: return ("", "}")
    case .startRange: return ("", "r")
    case .rangeFromSelection: return ("", ">")
    case .rangeToSelection: return ("", "<")
    case .cycleBasis: return ("", "A")
    case .showDisputes: return ("", "d")
    case .showRevisions: return ("", "v")
    case .moveChoiceCursor: return ("t 2023-12-12 Enter j d", "j")
    case .followChoice: return ("t 2023-12-12 Enter j d", "Enter")
    case .goBack: return ("", "-")
    case .toggleMark: return ("", "m")
    case .nextMark: return ("", "'")
    case .marksSaved: return nil
    case .startExport: return ("", "e")
    case .copyCitation: return ("", "y")
    case .exportTargetExists, .exportFinished, .citationDelivered: return nil
    case .reloadNow: return ("", "R")
    case .showIssues: return ("", "!")
    // Enter in the errors pane (which needs errors): ReloadUpdateTests.
    case .openIssue: return nil
    case .dataChanged, .reloadStarted, .reloadFinished, .editorFinished,
      .validationProgress, .validationFinished, .backgroundWarning:
      return nil
    case .toggleStar: return ("", "*")
    case .startTagPrompt: return ("", "T")
    case .startNotePrompt: return ("", "i")
    case .editNoteInEditor: return ("", "I")
    case .promptComplete: return ("T", "Tab")
    case .openTagList: return ("", "#")
    case .moveTagCursor: return ("#", "j")
    case .toggleTagAtCursor: return ("#", "Space")
    case .toggleTagFilterKey: return ("#", "1")
    case .toggleTagMatchMode: return ("#", "a")
    case .toggleStarredOnly: return ("#", "*")
    case .noteEdited, .annotationsSaved: return nil
    case .toggleContext: return ("", "c")
    case .widenContext: return ("", "+")
    case .narrowContext: return ("", "=")
    case .openRecordInEditor: return ("", "E")
    case .openViewList: return ("", "V")
    case .moveViewCursor: return ("V", "j")
    case .chooseViewAtCursor: return ("V", "Enter")
    case .viewsSaved: return nil
    // Review keys map on any record (the reducer says when it is no draft).
    case .acceptDraft: return ("", "s")
    case .rejectDraft: return ("", "x")
    case .undoReject: return ("", "u")
    case .startDraftEdit(.date): return ("", "D")
    case .startDraftEdit(.kind): return ("", "K")
    case .startDraftEdit(.parties): return ("", "P")
    case .startDraftEdit(.basis): return ("", "B")
    case .draftDecided, .draftRewritten, .draftsRead: return nil
    }
  }

  func testEveryEventButTogglingAPartyByIdResizeAndTheShellsAnswerHasAKey()
    throws
  {
    let samples: [Event] = [
      .moveSelection(by: 1), .page(by: 1), .selectFirst, .selectLast,
      .openDetail, .cycleSource(by: 1), .toggleFigures,
      .closePane, .toggleFocus, .toggleMaximize, .paneMotion(.line(1)),
      .halfPage(by: 1), .focusTimeline, .followLink,
      .toggleParty("hamas"), .toggleFilterKey(1), .toggleMatchMode,
      .clearFilters, .openPartyList,
      .movePartyCursor(by: 1), .togglePartyAtCursor, .startSearch,
      .searchToFilter, .startJump, .promptInput("x"),
      .promptBackspace, .promptSubmit, .promptCancel, .promptEdit(.left),
      .startCommand, .nextMatch, .previousMatch,
      .showHelp,
      .dismissOverlay, .closeOrQuit, .quitNow, .resize(size40x10), .toggleStrip,
      .jumpDay(forward: true),
      .jumpMonth(forward: true), .startRange, .rangeFromSelection,
      .rangeToSelection, .cycleBasis, .showDisputes,
      .showRevisions, .moveChoiceCursor(by: 1), .followChoice, .goBack,
      .toggleMark, .nextMark,
      .marksSaved(error: nil), .startExport, .copyCitation, .reloadNow,
      .showIssues, .toggleStar, .startTagPrompt,
      .startNotePrompt, .editNoteInEditor, .promptComplete, .openTagList,
      .moveTagCursor(by: 1), .toggleTagAtCursor,
      .toggleTagFilterKey(1), .toggleTagMatchMode, .toggleStarredOnly,
      .toggleContext, .widenContext, .narrowContext,
      .openRecordInEditor, .openViewList, .moveViewCursor(by: 1),
      .chooseViewAtCursor,
      .acceptDraft, .rejectDraft, .undoReject, .startDraftEdit(.date),
      .startDraftEdit(.kind),
      .startDraftEdit(.parties),
      .startDraftEdit(.basis),
    ]
    for event in samples {
      guard let (setup, key) = key(for: event) else { continue }
      let state = press(setup, from: try Seed.state())
      XCTAssertEqual(
        events(key, in: state), [event], "\(key) after \"\(setup)\"")
    }
  }

  func testTogglingAPartyByIdFiltersLikeItsDigit() throws {
    let s = try Seed.state()
    let byID = update(s, .toggleParty("israel"))
    XCTAssertEqual(byID.query.parties.selected, ["israel"])
    XCTAssertEqual(byID.rows, press("2", from: s).rows)
    XCTAssertEqual(update(byID, .toggleParty("israel")).rows.count, 24)
    XCTAssertEqual(
      update(s, .toggleParty("no-such-party")).rows.positions, [],
      "an unknown id matches nothing")
  }
}
