import DatelineCore

/// What a click or a turn of the wheel does, decided by what is under the pointer.
///
/// A click on a timeline row selects it (and gives the timeline the keys), a click in the
/// side pane focuses it, a click on a status-line chip removes that filter; the wheel
/// scrolls the area under the pointer (3 lines, 1 with Shift), focused or not, as in tig
/// and lnav. Clicks elsewhere (a month heading's line, the strip) do nothing surprising.
extension BrowserState {
  mutating func mouse(_ m: MouseInput) {
    let layout = Layout(self)
    let p = m.position
    if layout.status.contains(p) {
      guard m.action == .press else { return }
      let text = StatusText(self, columns: layout.status.columns)
      let column = p.column - layout.status.column
      if let chip = text.chips.first(where: { $0.columns.contains(column) }) {
        remove(chip.removal)
      }
      return
    }
    if let pane = layout.pane, self.pane != nil, pane.contains(p) {
      if m.action == .press {
        focus = .pane
      } else {
        movePane(.scroll(m.wheelLines))
      }
      return
    }
    let timeline = layout.timeline
    let strip = layout.strip
    guard timeline.contains(p) || strip?.contains(p) == true else { return }
    if m.action != .press {
      select(selection + m.wheelLines)
      return
    }
    guard timeline.contains(p) else { return }
    if self.pane != nil { focus = .timeline }
    if let row = TimelinePane.row(self, at: p.row, in: timeline) { select(row) }
  }
}

extension Rect {
  /// Whether the cell at `p` is inside.
  func contains(_ p: Position) -> Bool {
    p.column >= column && p.column < column + columns && p.row >= row
      && p.row < row + rows
  }
}
