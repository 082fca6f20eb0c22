import DatelineCore

/// A centred box with a border and a title, over whatever is below.
struct Box {
  let rect: Rect

  init(in size: Size, columns: Int, rows: Int) {
    let w = min(columns, size.columns)
    let h = min(rows, max(1, size.rows - 1))
    rect = Rect(column: max(0, (size.columns - w) / 2), row: max(0, (size.rows - 1 - h) / 2), columns: w, rows: h)
  }

  var inner: Rect { Rect(column: rect.column + 2, row: rect.row + 1, columns: rect.columns - 4, rows: rect.rows - 2) }

  func draw(title: String, into frame: inout Frame) {
    frame.fill(rect, style: .plain)
    guard rect.columns >= 2, rect.rows >= 2 else { return }
    let w = rect.columns
    frame.put("┌" + String(repeating: "─", count: w - 2) + "┐", at: Position(column: rect.column, row: rect.row))
    for r in (rect.row + 1)..<(rect.row + rect.rows - 1) {
      frame.put("│", at: Position(column: rect.column, row: r))
      frame.put("│", at: Position(column: rect.column + w - 1, row: r))
    }
    frame.put("└" + String(repeating: "─", count: w - 2) + "┘", at: Position(column: rect.column, row: rect.row + rect.rows - 1))
    frame.put(" " + Truncation.truncate(title, toColumns: max(0, w - 6)) + " ", at: Position(column: rect.column + 2, row: rect.row), style: .bold, limit: w - 4)
  }
}

/// `p`: each party with its key, label, count in the current result; children indented.
enum PartyList {
  static func draw(_ s: BrowserState, cursor: Int, theme: Theme, into frame: inout Frame) {
    let parties = s.partyListOrder
    let box = Box(in: s.size, columns: 64, rows: parties.count + 2)
    box.draw(title: "Parties (\(s.query.parties.mode.rawValue)): Space toggles, a any/all, 0 clears", into: &frame)
    let inner = box.inner
    guard !inner.isEmpty else { return }
    let scroll = max(0, cursor - inner.rows + 1)
    for (n, p) in parties.enumerated().dropFirst(scroll).prefix(inner.rows) {
      let row = inner.row + n - scroll
      let on = s.query.parties.contains(p.id)
      let key = s.corpus.filterKey(for: p.id).map(String.init) ?? " "
      let indent = String(repeating: "  ", count: min(4, s.corpus.depth(of: p.id)))
      let count = String(s.counts[p.id] ?? 0)
      let left = "\(on ? "[x]" : "[ ]") \(key) \(indent)"
      let style: Style = n == cursor ? theme.selection : .plain
      frame.fill(Rect(column: inner.column, row: row, columns: inner.columns, rows: 1), style: style)
      var col = inner.column + frame.put(left, at: Position(column: inner.column, row: row), style: style, limit: inner.columns)
      let nameRoom = inner.columns - (col - inner.column) - count.count - 1
      if nameRoom > 0 {
        let idx = s.corpus.partyIndex[p.id] ?? 0
        col += frame.put(Truncation.truncate(Sanitizer.clean(p.name), toColumns: nameRoom), at: Position(column: col, row: row), style: n == cursor ? style : theme.party(p, index: idx), limit: nameRoom)
      }
      frame.put(count, at: Position(column: inner.column + inner.columns - count.count, row: row), style: style)
    }
  }
}

/// `d` / `v` with several targets: each record with its date, kind and headline.
enum LinkChoiceList {
  static func draw(_ s: BrowserState, _ choice: LinkChoice, theme: Theme, into frame: inout Frame) {
    let box = Box(in: s.size, columns: 76, rows: choice.targets.count + 2)
    box.draw(title: "\(choice.kind.rawValue): Enter goes there, Esc closes", into: &frame)
    let inner = box.inner
    guard !inner.isEmpty else { return }
    let scroll = max(0, choice.cursor - inner.rows + 1)
    for (n, target) in choice.targets.enumerated().dropFirst(scroll).prefix(inner.rows) {
      let row = inner.row + n - scroll
      let r = s.corpus.records[target]
      let style: Style = n == choice.cursor ? theme.selection : .plain
      frame.fill(Rect(column: inner.column, row: row, columns: inner.columns, rows: 1), style: style)
      let text = DateLabel.compact(r) + " " + KindMarker.of(r.kind) + " " + Sanitizer.clean(r.headline)
      frame.put(Truncation.truncate(text, toColumns: inner.columns), at: Position(column: inner.column, row: row), style: style, limit: inner.columns)
    }
  }
}

