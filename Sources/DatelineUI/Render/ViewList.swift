import DatelineCore

/// `V`: "save the current view as…", then each saved view with what it filters.
enum ViewList {
  static func draw(
    _ s: BrowserState, cursor: Int, theme: Theme, into frame: inout Frame
  ) {
    let views = s.workbench.views.views
    let box = Box(in: s.size, columns: 64, rows: views.count + 3)
    box.draw(title: "Views: Enter opens, Esc closes", into: &frame)
    let inner = box.inner
    guard !inner.isEmpty else { return }
    let entries =
      ["+ save the current view as…"]
      + views.map { "\($0.name)  \(summary($0))" }
    let scroll = max(0, cursor - inner.rows + 1)
    for (n, text) in entries.enumerated().dropFirst(scroll).prefix(inner.rows) {
      let row = inner.row + n - scroll
      let style: Style = n == cursor ? theme.selection : .plain
      frame.fill(
        Rect(column: inner.column, row: row, columns: inner.columns, rows: 1),
        style: style)
      frame.put(
        Truncation.truncate(Sanitizer.clean(text), toColumns: inner.columns),
        at: Position(column: inner.column, row: row), style: style,
        limit: inner.columns)
    }
  }

  /// `hamas,israel all 2023-11.. /truce ★ #key`: the filters in a few words.
  static func summary(_ v: SavedView) -> String {
    var parts: [String] = []
    if !v.query.parties.isEmpty {
      parts.append(
        v.query.parties.selected.map(\.rawValue).joined(separator: ",")
          + (v.query.parties.mode == .all ? " all" : ""))
    }
    if !v.query.dateRange.isEmpty {
      parts.append(v.query.dateRange.description)
    }
    if !v.query.facets.basis.isEmpty {
      parts.append(
        "basis:"
          + v.query.facets.basis.map(\.rawValue).sorted().joined(separator: ",")
      )
    }
    if !v.query.search.isEmpty { parts.append("/" + v.query.search) }
    if v.filter.starredOnly { parts.append("★") }
    parts += v.filter.tags.sorted().map { "#" + $0 }
    return parts.isEmpty ? "(everything)" : parts.joined(separator: " ")
  }
}
