import DatelineCore

/// The bottom line: data directory, shown/total, filter chips, position, or a prompt.
enum StatusLine {
  static func draw(
    _ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame
  ) {
    guard !rect.isEmpty else { return }
    let row = Position(column: rect.column, row: rect.row)
    switch s.prompt {
    case .search(let text, _):
      PromptLine.draw(
        "/", text, s.editing, message: s.message, in: rect, into: &frame)
      return
    case .jump(let text):
      PromptLine.draw(
        "jump to date (empty cancels): ", text, s.editing, message: s.message,
        in: rect, into: &frame)
      return
    case .range(let text):
      PromptLine.draw(
        "date range (since..until, empty clears): ", text, s.editing,
        message: s.message, in: rect, into: &frame)
      return
    case .export(let text):
      PromptLine.draw(
        "export \(s.rows.count) records to (.csv, .md): ", text, s.editing,
        message: s.message, in: rect, into: &frame)
      return
    case .tag(let text):
      PromptLine.draw(
        "tag (Tab completes; a tag it has is removed): ", text, s.editing,
        message: s.message, in: rect, into: &frame)
      return
    case .note(let text):
      PromptLine.draw(
        "note (empty removes it): ", text, s.editing, message: s.message,
        in: rect, into: &frame)
      return
    case .viewName(let text):
      PromptLine.draw(
        "save the view as: ", text, s.editing, message: s.message, in: rect,
        into: &frame)
    case .command(let text):
      PromptLine.draw(
        ":", text, s.editing, message: s.message, in: rect, into: &frame)
      return
    case .draftField(let field, let text):
      PromptLine.draw(
        field.prompt, text, s.editing, message: s.message, in: rect,
        into: &frame)
      return
    case .overwrite(let request):
      PromptLine.draw(
        Sanitizer.clean(request.path) + " exists; replace it? (y/n) ", "",
        PromptEditing(), in: rect, into: &frame)
      return
    case nil: break
    }
    frame.fill(rect, style: theme.status)
    // The parts and the chips' places come from `StatusText`, which a click reads too.
    let text = StatusText(s, columns: rect.columns)
    let left = text.left
    let right = text.right
    let rightWidth = DisplayWidth.of(Sanitizer.clean(right))
    if rightWidth + 6 <= rect.columns {
      frame.put(
        Truncation.truncate(
          Sanitizer.clean(left), toColumns: rect.columns - rightWidth - 1),
        at: row,
        style: theme.status)
      frame.put(
        right,
        at: Position(
          column: rect.column + rect.columns - rightWidth, row: rect.row),
        style: theme.status)
    } else if let m = s.message {
      frame.put(
        Truncation.truncate(Sanitizer.clean(m), toColumns: rect.columns),
        at: row, style: theme.status)
    } else {
      frame.put(
        Truncation.truncate(Sanitizer.clean(left), toColumns: rect.columns),
        at: row, style: theme.status)
    }
  }
}
