import DatelineCore

/// What the user wants; only `KeyMap` knows which key means what.
public enum Event: Sendable, Hashable {
  case moveSelection(by: Int)
  case page(by: Int)
  case selectFirst
  case selectLast
  case openDetail
  case toggleSource
  case closePane
  case toggleFocus
  case toggleMaximize
  case scrollPane(by: Int)
  case pagePane(by: Int)
  case followLink
  case toggleParty(Party.ID)
  /// A digit key 1–9 from the timeline.
  case toggleFilterKey(Int)
  case toggleMatchMode
  case clearFilters
  case openPartyList
  case movePartyCursor(by: Int)
  case togglePartyAtCursor
  case startSearch
  case startJump
  case promptInput(Character)
  case promptBackspace
  case promptSubmit
  case promptCancel
  case nextMatch
  case previousMatch
  case showHelp
  case dismissOverlay
  case closeOrQuit
  case quitNow
  case resize(Size)
}
