import DatelineCore

/// `#`: "starred only", then every tag in use with its key and its count in the current
/// result (live: the counts follow the other filters).
enum TagList {
  static func draw(
    _ s: BrowserState, cursor: Int, theme: Theme, into frame: inout Frame
  ) {
    let tags = s.workbench.tags
    let counts = s.tagCounts
    let box = Box(in: s.size, columns: 52, rows: tags.count + 3)
    let mode = s.workbench.filter.tagMode.rawValue
    box.draw(
      title: "Tags (\(mode)): Space toggles, * starred, a any/all", into: &frame
    )
    let inner = box.inner
    guard !inner.isEmpty else { return }
    var entries: [(on: Bool, key: String, name: String, count: Int)] = [
      (s.workbench.filter.starredOnly, "*", "★ starred only", counts.starred)
    ]
    for (i, t) in tags.enumerated() {
      entries.append(
        (
          s.workbench.filter.tags.contains(t), i < 9 ? String(i + 1) : " ", t,
          counts.tags[t] ?? 0
        ))
    }
    if tags.isEmpty {
      entries.append((false, " ", "(no tags yet: T tags a record)", 0))
    }
    let scroll = max(0, cursor - inner.rows + 1)
    for (n, e) in entries.enumerated().dropFirst(scroll).prefix(inner.rows) {
      let row = inner.row + n - scroll
      let style: Style = n == cursor ? theme.selection : .plain
      frame.fill(
        Rect(column: inner.column, row: row, columns: inner.columns, rows: 1),
        style: style)
      let count = tags.isEmpty && n > 0 ? "" : String(e.count)
      let left = "\(e.on ? "[x]" : "[ ]") \(e.key) "
      let used = frame.put(
        left, at: Position(column: inner.column, row: row), style: style,
        limit: inner.columns)
      let room = inner.columns - used - count.count - 1
      if room > 0 {
        frame.put(
          Truncation.truncate(Sanitizer.clean(e.name), toColumns: room),
          at: Position(column: inner.column + used, row: row), style: style,
          limit: room)
      }
      frame.put(
        count,
        at: Position(
          column: inner.column + inner.columns - count.count, row: row),
        style: style)
    }
  }
}
