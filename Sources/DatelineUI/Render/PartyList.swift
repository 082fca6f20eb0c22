import DatelineCore

/// `p`: each party with its key, label, count in the current result; children indented.
enum PartyList {
  static func draw(
    _ s: BrowserState, cursor: Int, theme: Theme, into frame: inout Frame
  ) {
    let parties = s.partyListOrder
    let box = Box(in: s.size, columns: 64, rows: parties.count + 2)
    box.draw(
      title:
        "Parties (\(s.query.parties.mode.rawValue)): Space toggles, a any/all, 0 clears",
      into: &frame)
    let inner = box.inner
    guard !inner.isEmpty else { return }
    let scroll = max(0, cursor - inner.rows + 1)
    for (n, p) in parties.enumerated().dropFirst(scroll).prefix(inner.rows) {
      let row = inner.row + n - scroll
      let on = s.query.parties.contains(p.id)
      let key = s.corpus.filterKey(for: p.id).map(String.init) ?? " "
      let indent = String(
        repeating: "  ", count: min(4, s.corpus.depth(of: p.id)))
      let count = String(s.counts[p.id] ?? 0)
      let left = "\(on ? "[x]" : "[ ]") \(key) \(indent)"
      let style: Style = n == cursor ? theme.selection : .plain
      frame.fill(
        Rect(column: inner.column, row: row, columns: inner.columns, rows: 1),
        style: style)
      var col =
        inner.column
        + frame.put(
          left, at: Position(column: inner.column, row: row), style: style,
          limit: inner.columns)
      let nameRoom = inner.columns - (col - inner.column) - count.count - 1
      if nameRoom > 0 {
        let idx = s.corpus.partyIndex[p.id] ?? 0
        col += frame.put(
          Truncation.truncate(Sanitizer.clean(p.name), toColumns: nameRoom),
          at: Position(column: col, row: row),
          style: n == cursor ? style : theme.party(p, index: idx),
          limit: nameRoom)
      }
      frame.put(
        count,
        at: Position(
          column: inner.column + inner.columns - count.count, row: row),
        style: style)
    }
  }
}
