/// Turns keys into events, depending on what is open (tig's keys.c → request.c).
public enum KeyMap {
  public static func event(for key: Key, in state: BrowserState) -> Event? {
    if case .resize(let size) = key { return .resize(size) }
    if state.prompt != nil { return promptEvent(key) }
    // The pointer's place decides (the reducer); over a list or help only a click, which closes help.
    if case .mouse(let m) = key {
      if state.overlay == nil { return .mouse(m) }
      return state.overlay == .help && m.action == .press
        ? .dismissOverlay : nil
    }
    // The config's remaps (a key acts as another, or as none); never inside a prompt.
    guard let key = state.preferences.keys.apply(key) else { return nil }
    switch state.overlay {
    case .help: return .dismissOverlay
    case .parties: return partyListEvent(key)
    case .links: return linkChoiceEvent(key)
    case .tags: return tagListEvent(key)
    case .views: return viewListEvent(key)
    case nil: break
    }
    if state.focus == .pane, state.pane != nil,
      let e = paneEvent(key, state.pane!)
    {
      return e
    }
    return timelineEvent(key)
  }

  /// Keys in a prompt edit as in readline (emacs mode).
  static func promptEvent(_ key: Key) -> Event? {
    switch key {
    case .enter: return .promptSubmit
    case .escape, .control("c"), .control("g"): return .promptCancel
    case .backspace, .control("h"): return .promptBackspace
    case .delete, .control("d"): return .promptEdit(.delete)
    case .left, .control("b"): return .promptEdit(.left)
    case .right, .control("f"): return .promptEdit(.right)
    case .home, .control("a"): return .promptEdit(.home)
    case .end, .control("e"): return .promptEdit(.end)
    case .control("u"): return .promptEdit(.killToStart)
    case .control("k"): return .promptEdit(.killToEnd)
    case .control("w"): return .promptEdit(.killWord)
    case .up, .control("p"): return .promptEdit(.historyBack)
    case .down, .control("n"): return .promptEdit(.historyForward)
    case .tab: return .promptComplete
    case .character(let c): return .promptInput(c)
    case .paste(let text): return .promptEdit(.insert(text))
    default: return nil
    }
  }

  static func partyListEvent(_ key: Key) -> Event? {
    switch key {
    case .character("j"), .down: return .movePartyCursor(by: 1)
    case .character("k"), .up: return .movePartyCursor(by: -1)
    case .character(" "), .enter: return .togglePartyAtCursor
    case .character("a"): return .toggleMatchMode
    case .character("0"): return .clearFilters
    case .character(let c) where c.isASCII && c.isNumber:
      return .toggleFilterKey(Int(String(c))!)
    case .escape, .character("p"), .character("q"): return .dismissOverlay
    case .character("Q"): return .quitNow
    default: return nil
    }
  }

  static func linkChoiceEvent(_ key: Key) -> Event? {
    switch key {
    case .character("j"), .down: return .moveChoiceCursor(by: 1)
    case .character("k"), .up: return .moveChoiceCursor(by: -1)
    case .enter, .character(" "): return .followChoice
    case .escape, .character("q"), .character("d"), .character("v"):
      return .dismissOverlay
    case .character("Q"), .control("c"): return .quitNow
    default: return nil
    }
  }

  /// A focused pane takes every motion key (see `Motion`), Enter, and Esc (back to the
  /// timeline); the other keys act as on the timeline.
  static func paneEvent(_ key: Key, _ pane: BrowserState.Pane) -> Event? {
    if let motion = Motion.of(key) { return .paneMotion(motion) }
    switch key {
    case .enter where pane == .detail || pane == .figures: return .followLink
    case .enter where pane == .issues: return .openIssue
    case .character("o") where pane == .source: return .cycleSource(by: 1)
    case .character("O") where pane == .source: return .cycleSource(by: -1)
    case .escape: return .focusTimeline
    default: return nil
    }
  }

  static func timelineEvent(_ key: Key) -> Event? {
    if let motion = Motion.of(key) {
      switch motion {
      case .line(let n), .scroll(let n): return .moveSelection(by: n)
      case .page(let n): return .page(by: n)
      case .halfPage(let n): return .halfPage(by: n)
      case .first: return .selectFirst
      case .last: return .selectLast
      }
    }
    switch key {
    case .enter: return .openDetail
    case .left, .character("h"): return .scrollHeadlines(by: -1)
    case .right, .character("l"): return .scrollHeadlines(by: 1)
    case .character("o"): return .cycleSource(by: 1)
    case .character("O"): return .cycleSource(by: -1)
    case .character("f"): return .toggleFigures
    case .tab, .backTab: return .toggleFocus
    case .character("z"): return .toggleMaximize
    case .escape: return .closePane
    case .character("p"): return .openPartyList
    case .character("a"): return .toggleMatchMode
    case .character("0"): return .clearFilters
    case .character(let c) where c.isASCII && c.isNumber:
      return .toggleFilterKey(Int(String(c))!)
    case .character("/"): return .startSearch
    case .character(":"): return .startCommand
    case .character("F"): return .searchToFilter
    case .character("n"): return .nextMatch
    case .character("N"): return .previousMatch
    case .character("t"): return .startJump
    case .character("]"): return .jumpDay(forward: true)
    case .character("["): return .jumpDay(forward: false)
    case .character("}"): return .jumpMonth(forward: true)
    case .character("{"): return .jumpMonth(forward: false)
    case .character("H"): return .toggleStrip
    case .character("r"): return .startRange
    case .character(">"): return .rangeFromSelection
    case .character("<"): return .rangeToSelection
    case .character("A"): return .cycleBasis
    case .character("d"): return .showDisputes
    case .character("v"): return .showRevisions
    case .backspace, .character("-"): return .goBack
    case .character("e"): return .startExport
    case .character("y"): return .copyCitation
    case .character("m"): return .toggleMark
    case .character("'"): return .nextMark
    case .character("?"), .function(1): return .showHelp
    case .character("*"): return .toggleStar
    case .character("T"): return .startTagPrompt
    case .character("i"): return .startNotePrompt
    case .character("I"): return .editNoteInEditor
    case .character("#"): return .openTagList
    case .character("c"): return .toggleContext
    case .character("+"): return .widenContext
    case .character("="): return .narrowContext
    case .character("E"): return .openRecordInEditor
    case .character("V"): return .openViewList
    case .character("R"): return .reloadNow
    case .character("s"): return .acceptDraft
    case .character("x"): return .rejectDraft
    case .character("u"): return .undoReject
    case .character("D"): return .startDraftEdit(.date)
    case .character("K"): return .startDraftEdit(.kind)
    case .character("P"): return .startDraftEdit(.parties)
    case .character("B"): return .startDraftEdit(.basis)
    case .character("!"): return .showIssues
    case .character("q"): return .closeOrQuit
    case .character("Q"), .control("c"): return .quitNow
    default: return nil
    }
  }
}
