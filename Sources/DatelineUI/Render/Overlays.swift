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

/// `?`: every key, grouped; any key closes.
///
/// Two columns of groups when the screen is wide enough (80 columns fit all of it), one
/// column otherwise, cut with a note rather than silently.
enum HelpOverlay {
  typealias Group = (title: String, keys: [(key: String, what: String)])

  static let left: [Group] = [
    ("Move", [("j k ↓ ↑", "next / previous record"), ("PgDn PgUp", "page (also Space, b)"), ("g G", "first / last (Home, End)"), ("t", "jump to a date: 2023-12")]),
    ("Panes", [("Enter", "detail; on a link: follow"), ("o", "source, quote highlighted"), ("Tab", "focus timeline / pane"), ("z", "maximise the focused pane"), ("Esc q", "close the pane")]),
    ("Quit", [("q", "quit (from the timeline)"), ("Q Ctrl-C", "quit at once")]),
  ]
  static let right: [Group] = [
    ("Filter", [("1-9", "toggle the party on a key"), ("p", "party list with counts"), ("a", "match any / all parties"), ("0", "clear every filter")]),
    ("Search", [("/", "search as you type"), ("n N", "next / previous match"), ("Esc", "cancel the search")]),
    ("Kinds", [("●", "event"), ("»", "statement"), ("?", "claim"), ("✗", "denial"), ("#", "figure")]),
  ]

  static let keyWidth = 11
  static let columnWidth = 37

  static func lines(_ groups: [Group]) -> [String] {
    var out: [String] = []
    for (n, g) in groups.enumerated() {
      if n > 0 { out.append("") }
      out.append(g.title)
      for k in g.keys { out.append(" " + Truncation.fit(k.key, toColumns: keyWidth - 1) + k.what) }
    }
    return out
  }

  static func draw(_ s: BrowserState, theme: Theme, into frame: inout Frame) {
    let l = lines(left)
    let r = lines(right)
    let twoColumns = s.size.columns >= 2 * columnWidth + 6
    let body: [(String, String?)] = twoColumns
      ? (0..<max(l.count, r.count)).map { ($0 < l.count ? l[$0] : "", $0 < r.count ? r[$0] : "") }
      : (l + [""] + r).map { ($0, nil) }
    let width = twoColumns ? 2 * columnWidth + 6 : min(s.size.columns, columnWidth + 4)
    let box = Box(in: s.size, columns: width, rows: body.count + 2)
    box.draw(title: "Keys — any key closes", into: &frame)
    let inner = box.inner
    guard !inner.isEmpty else { return }
    let cut = body.count > inner.rows
    for (n, row) in body.prefix(inner.rows).enumerated() {
      let y = inner.row + n
      if cut && n == inner.rows - 1 {
        frame.put("… (a larger terminal shows every key)", at: Position(column: inner.column, row: y), style: theme.label, limit: inner.columns)
        break
      }
      func put(_ text: String, _ column: Int, _ limit: Int) {
        let isTitle = !text.hasPrefix(" ") && !text.isEmpty
        frame.put(Truncation.truncate(text, toColumns: limit), at: Position(column: column, row: y), style: isTitle ? theme.heading : .plain, limit: limit)
      }
      if let right = row.1 {
        put(row.0, inner.column, columnWidth)
        put(right, inner.column + columnWidth + 2, inner.columns - columnWidth - 2)
      } else {
        put(row.0, inner.column, inner.columns)
      }
    }
  }
}
