import DatelineCore

extension Frame {
  /// A side pane's title on the first row of `rect` (styled as focused or not), and the
  /// rect below it, one column in, for the pane's body; nil when no body fits.
  mutating func paneTitle(
    _ title: String, in rect: Rect, focused: Bool, theme: Theme
  ) -> Rect? {
    // The focused pane's title is a full-width bar (reverse, so it shows in monochrome).
    if focused {
      fill(
        Rect(
          column: rect.column, row: rect.row, columns: rect.columns, rows: 1),
        style: theme.focusTitle)
    }
    put(
      Truncation.truncate(title, toColumns: rect.columns),
      at: Position(column: rect.column, row: rect.row),
      style: focused ? theme.focusTitle : theme.label, limit: rect.columns)
    let body = Rect(
      column: rect.column + 1, row: rect.row + 1, columns: rect.columns - 1,
      rows: rect.rows - 1)
    return body.isEmpty ? nil : body
  }
}
