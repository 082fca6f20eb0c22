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
    if state.focus == .pane, let pane = state.pane,
      let e = paneEvent(key, pane)
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
      return .toggleFilterKey(c.wholeNumberValue ?? 0)
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

  /// The timeline's keys: motion (see `Motion`), the letters and signs of
  /// `timelineCharacters`, the digits 1-9 for the parties on those keys, then Enter,
  /// the arrows, Tab, Esc, Backspace, F1 and Ctrl-C.
  static func timelineEvent(_ key: Key) -> Event? {
    if let motion = Motion.of(key) { return motionEvent(motion) }
    switch key {
    case .character(let c):
      if let event = timelineCharacters[c] { return event }
      guard c.isASCII, let digit = c.wholeNumberValue else { return nil }
      return .toggleFilterKey(digit)
    case .enter: return .openDetail
    case .left: return .scrollHeadlines(by: -1)
    case .right: return .scrollHeadlines(by: 1)
    case .tab, .backTab: return .toggleFocus
    case .escape: return .closePane
    case .backspace: return .goBack
    case .function(1): return .showHelp
    case .control("c"): return .quitNow
    default: return nil
    }
  }

  /// A motion key on the timeline moves the selection.
  static func motionEvent(_ motion: Motion) -> Event {
    switch motion {
    case .line(let n), .scroll(let n): .moveSelection(by: n)
    case .page(let n): .page(by: n)
    case .halfPage(let n): .halfPage(by: n)
    case .first: .selectFirst
    case .last: .selectLast
    }
  }

  /// The timeline's character keys (docs/keys.md and the help overlay list them too).
  static let timelineCharacters: [Character: Event] = [
    "h": .scrollHeadlines(by: -1), "l": .scrollHeadlines(by: 1),
    "o": .cycleSource(by: 1), "O": .cycleSource(by: -1), "f": .toggleFigures,
    "z": .toggleMaximize, "p": .openPartyList, "a": .toggleMatchMode,
    "0": .clearFilters, "/": .startSearch, ":": .startCommand,
    "F": .searchToFilter, "n": .nextMatch, "N": .previousMatch,
    "t": .startJump, "]": .jumpDay(forward: true),
    "[": .jumpDay(forward: false), "}": .jumpMonth(forward: true),
    "{": .jumpMonth(forward: false), "H": .toggleStrip, "r": .startRange,
    ">": .rangeFromSelection, "<": .rangeToSelection, "A": .cycleBasis,
    "d": .showDisputes, "v": .showRevisions, "-": .goBack,
    "e": .startExport, "y": .copyCitation, "m": .toggleMark, "'": .nextMark,
    "?": .showHelp, "*": .toggleStar, "T": .startTagPrompt,
    "i": .startNotePrompt, "I": .editNoteInEditor, "#": .openTagList,
    "c": .toggleContext, "+": .widenContext, "=": .narrowContext,
    "E": .openRecordInEditor, "V": .openViewList, "R": .reloadNow,
    "s": .acceptDraft, "x": .rejectDraft, "u": .undoReject,
    "D": .startDraftEdit(.date), "K": .startDraftEdit(.kind),
    "P": .startDraftEdit(.parties), "B": .startDraftEdit(.basis),
    "!": .showIssues, "q": .closeOrQuit, "Q": .quitNow,
  ]
}
