extension KeyMap {
  /// `#`: the tag list. j/k move, Space or Enter toggles the tag (or "starred only" on the
  /// first row), 1–9 toggle the tag on that key, `*` starred only, `a` any/all.
  static func tagListEvent(_ key: Key) -> Event? {
    switch key {
    case .character("j"), .down: return .moveTagCursor(by: 1)
    case .character("k"), .up: return .moveTagCursor(by: -1)
    case .character(" "), .enter: return .toggleTagAtCursor
    case .character("*"): return .toggleStarredOnly
    case .character("a"): return .toggleTagMatchMode
    case .character(let c) where c.isASCII && c.isNumber && c != "0":
      return .toggleTagFilterKey(Int(String(c)) ?? 0)
    case .escape, .character("#"), .character("q"): return .dismissOverlay
    case .character("Q"), .control("c"): return .quitNow
    default: return nil
    }
  }

  /// `V`: the view list. j/k move, Enter opens (or, on the first row, names and saves the
  /// current view).
  static func viewListEvent(_ key: Key) -> Event? {
    switch key {
    case .character("j"), .down: return .moveViewCursor(by: 1)
    case .character("k"), .up: return .moveViewCursor(by: -1)
    case .enter, .character(" "): return .chooseViewAtCursor
    case .escape, .character("V"), .character("q"): return .dismissOverlay
    case .character("Q"), .control("c"): return .quitNow
    default: return nil
    }
  }
}
