import DatelineCore

/// `!`: the last load's errors and warnings (file, item or line, JSON path, message), one
/// per row, the highlighted one written out in full.
///
/// Why in the browser: a record left out by an error is simply missing from the
/// timeline; the reader must see why, and get to the line with Enter (the editor).
enum IssuesPane {
  /// The row text of an issue: a marker (✗ error, ! warning) and the SCHEMA.md line.
  static func text(_ issue: LoadIssue) -> String {
    var line = issue
    line.severity = .error  // the marker says which; no "warning: " prefix
    return (issue.isError ? "✗ " : "! ") + Sanitizer.clean(line.description)
  }

  static func draw(
    _ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame
  ) {
    let issues = s.live.issues
    let errors = s.live.errorCount
    let title =
      "Errors \(errors), warnings \(issues.count - errors): Enter edits, ! closes"
    guard
      let body = frame.paneTitle(
        title, in: rect, focused: s.focus == .pane, theme: theme)
    else { return }
    guard !issues.isEmpty else {
      frame.put(
        "no errors or warnings",
        at: Position(column: body.column, row: body.row), style: theme.label,
        limit: body.columns)
      return
    }
    let cursor = min(max(0, s.live.issueCursor), issues.count - 1)
    // The highlighted issue in full, up to a third of the pane; the others cut to a row.
    let wrapped = Truncation.wrap(
      text(issues[cursor]), toColumns: max(1, body.columns))
    let expanded = Array(wrapped.prefix(max(1, body.rows / 3)))
    let others = body.rows - expanded.count
    let first = max(0, min(cursor - others / 2, issues.count - 1 - others))
    var row = body.row
    for n in max(0, first)..<issues.count where row < body.row + body.rows {
      let style =
        n == cursor
        ? theme.selection : (issues[n].isError ? .plain : theme.label)
      let lines =
        n == cursor
        ? expanded
        : [Truncation.truncate(text(issues[n]), toColumns: body.columns)]
      for line in lines where row < body.row + body.rows {
        frame.fill(
          Rect(column: body.column, row: row, columns: body.columns, rows: 1),
          style: n == cursor ? style : .plain)
        frame.put(
          line, at: Position(column: body.column, row: row), style: style,
          limit: body.columns)
        row += 1
      }
    }
  }
}
