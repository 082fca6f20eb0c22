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
    frame.put(" " + title + " ", at: Position(column: rect.column + 2, row: rect.row), style: .bold, limit: w - 4)
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

/// `?`: every key, grouped; any key closes.
enum HelpOverlay {
  static let groups: [(String, [(String, String)])] = [
    ("Move", [("j k ↓ ↑", "next / previous record"), ("PgDn PgUp Space b", "page"), ("g G Home End", "first / last"), ("t", "jump to a date (2023, 2023-12, 2023-12-12)")]),
    ("Panes", [("Enter", "detail of the record (Enter on a link follows it)"), ("o", "source text with the quote highlighted"), ("Tab", "move focus between timeline and pane"), ("z", "maximise the focused pane"), ("Esc q", "close the pane; q on the timeline quits")]),
    ("Filter", [("1-9", "toggle the party on that key"), ("p", "party list with counts"), ("a", "match any / all selected parties"), ("0", "clear every filter")]),
    ("Search", [("/", "search (incremental)"), ("n N", "next / previous match"), ("Esc", "cancel the search")]),
    ("Kinds", [("● » ? ✗ #", "event, statement, claim, denial, figure")]),
    ("Quit", [("q", "quit (from the timeline)"), ("Q Ctrl-C", "quit at once")]),
  ]

  static var lines: [String] {
    var out: [String] = []
    for (title, keys) in groups {
      out.append(title)
      for (k, what) in keys { out.append("  " + Truncation.fit(k, toColumns: 18) + " " + what) }
    }
    return out
  }

  static func draw(_ s: BrowserState, theme: Theme, into frame: inout Frame) {
    let lines = self.lines
    let box = Box(in: s.size, columns: 72, rows: lines.count + 2)
    box.draw(title: "Keys — any key closes", into: &frame)
    let inner = box.inner
    for (n, l) in lines.prefix(max(0, inner.rows)).enumerated() {
      let isTitle = !l.hasPrefix(" ")
      frame.put(l, at: Position(column: inner.column, row: inner.row + n), style: isTitle ? theme.heading : .plain, limit: inner.columns)
    }
  }
}
