import DatelineCore

/// A motion key as the focused area reads it: the same keys move the timeline's selection
/// or scroll the focused pane (tig and lnav: the view with focus takes every motion key).
public enum Motion: Sendable, Hashable {
  /// j/k, ↓/↑: a line (in the detail pane, to the next link when it is on screen).
  case line(Int)
  /// The mouse wheel: lines, without stepping through links.
  case scroll(Int)
  /// PgDn/PgUp, Space/b, Ctrl-F/Ctrl-B: a screen, keeping one line of context.
  case page(Int)
  /// Ctrl-D/Ctrl-U: half a screen.
  case halfPage(Int)
  /// g/Home and G/End.
  case first, last

  /// The motion a key stands for anywhere a list or pane has focus; nil for other keys.
  public static func of(_ key: Key) -> Motion? {
    switch key {
    case .character("j"), .down: return .line(1)
    case .character("k"), .up: return .line(-1)
    case .pageDown, .character(" "), .control("f"): return .page(1)
    case .pageUp, .character("b"), .control("b"): return .page(-1)
    case .control("d"): return .halfPage(1)
    case .control("u"): return .halfPage(-1)
    case .character("g"), .home: return .first
    case .character("G"), .end: return .last
    case .wheelDown: return .scroll(3)
    case .wheelUp: return .scroll(-3)
    default: return nil
    }
  }

  /// The new offset for a list or text of `height` rows scrolled to `offset`, whose
  /// offset may go from 0 to `maxOffset`: every motion lands inside, so the first and
  /// last line are reached exactly and never passed.
  func offset(from offset: Int, height: Int, maxOffset: Int) -> Int {
    let target: Int
    switch self {
    case .line(let n), .scroll(let n): target = offset + n
    case .page(let n): target = offset + n * max(1, height - 1)
    case .halfPage(let n): target = offset + n * max(1, height / 2)
    case .first: target = 0
    case .last: target = maxOffset
    }
    return min(max(0, target), max(0, maxOffset))
  }

  /// Whether the motion goes towards the end.
  var forward: Bool {
    switch self {
    case .line(let n), .scroll(let n), .page(let n), .halfPage(let n):
      return n > 0
    case .first: return false
    case .last: return true
    }
  }
}

extension BrowserState {
  /// A motion in the focused side pane: the detail and source panes scroll, the figures
  /// pane moves its highlighted entry.
  mutating func movePane(_ motion: Motion) {
    switch pane {
    case .detail: moveDetail(motion)
    case .source:
      guard let area = SourcePane.bodyRect(self),
        let body = SourcePane.body(self, width: area.columns)
      else { return }
      let current = min(
        sourceScroll ?? SourcePane.autoScroll(self),
        max(0, body.lines.count - area.rows))
      sourceScroll = motion.offset(
        from: current, height: area.rows,
        maxOffset: body.lines.count - area.rows)
    case .figures:
      let count = FiguresPane.entryCount(self)
      guard count > 0 else { return }
      let height = max(1, (Layout(self).pane?.rows ?? 2) - 1)
      figureCursor = motion.offset(
        from: FiguresPane.cursor(self), height: height, maxOffset: count - 1)
    case .issues:
      let height = max(1, (Layout(self).pane?.rows ?? 2) - 1)
      let target = motion.offset(
        from: live.issueCursor, height: height, maxOffset: live.issues.count - 1
      )
      moveIssueCursor(by: target - live.issueCursor)
    case nil: break
    }
  }

  /// The detail pane scrolls by lines; j/k first step to the next or previous link when
  /// that link is on screen (as lynx does), so every link can be chosen and every line
  /// read, down to the last.
  mutating func moveDetail(_ motion: Motion) {
    let view = DetailPane.viewport(self)
    let maxScroll = max(0, view.rows.count - view.height)
    let scroll = min(detailScroll, maxScroll)
    let visible = DetailPane.visibleLinks(view, scroll: scroll)
    if case .line(let n) = motion, abs(n) == 1 {
      let current = visible.contains(detailLink) ? detailLink : nil
      let next: Int? =
        current.map { $0 + n } ?? (n > 0 ? visible.first : visible.last)
      if let next, visible.contains(next) {
        detailLink = next
        detailScroll = scroll
        return
      }
    }
    detailScroll = motion.offset(
      from: scroll, height: view.height, maxOffset: maxScroll)
    // The chosen link stays one that can be seen, so Enter follows what is highlighted.
    let now = DetailPane.visibleLinks(view, scroll: detailScroll)
    if !now.contains(detailLink),
      let pick = motion.forward ? now.first : now.last
    {
      detailLink = pick
    }
  }
}
