import DatelineCore

/// The bottom line: data directory, shown/total, filter chips, position, or a prompt.
enum StatusLine {
  static func draw(_ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame) {
    guard !rect.isEmpty else { return }
    let row = Position(column: rect.column, row: rect.row)
    switch s.prompt {
    case .search(let text, _):
      frame.fill(rect, style: .plain)
      let used = frame.put("/" + text, at: row, limit: rect.columns - 1)
      frame.put("█", at: Position(column: rect.column + used, row: rect.row), style: .plain, limit: 1)
      return
    case .jump(let text):
      frame.fill(rect, style: .plain)
      let used = frame.put("jump to date: " + text, at: row, limit: rect.columns - 1)
      frame.put("█", at: Position(column: rect.column + used, row: rect.row), limit: 1)
      return
    case nil: break
    }
    frame.fill(rect, style: theme.status)
    var chips: [String] = s.query.parties.selected.map { "[" + (s.corpus.party($0)?.label ?? $0.rawValue) + "]" }
    if s.query.parties.selected.count > 1 || s.query.parties.mode == .all { chips.append(s.query.parties.mode.rawValue) }
    if !s.search.isEmpty { chips.append("/" + s.search) }
    let counts = "\(s.rows.count)/\(s.corpus.records.count)"
    let position = s.rows.isEmpty ? "-" : "\(s.selection + 1) of \(s.rows.count)"
    var left = " " + s.dataLabel + "  " + counts
    if !chips.isEmpty { left += "  " + chips.joined(separator: " ") }
    let right = (s.message.map { $0 + "  " } ?? "") + position + " ?:help "
    let rightWidth = DisplayWidth.of(Sanitizer.clean(right))
    if rightWidth + 4 <= rect.columns {
      frame.put(left, at: row, style: theme.status, limit: rect.columns - rightWidth - 1)
      frame.put(right, at: Position(column: rect.column + rect.columns - rightWidth, row: rect.row), style: theme.status)
    } else {
      frame.put(s.message ?? left, at: row, style: theme.status, limit: rect.columns)
    }
  }
}
