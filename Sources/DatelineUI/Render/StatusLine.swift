import DatelineCore

/// The bottom line: data directory, shown/total, filter chips, position, or a prompt.
enum StatusLine {
  /// The open prompt, else the status: the directory, the counts and the filter chips
  /// on the left, the position and the help key on the right.
  static func draw(
    _ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame
  ) {
    guard !rect.isEmpty else { return }
    if let prompt = s.prompt {
      drawPrompt(prompt, s, in: rect, into: &frame)
    } else {
      drawStatus(s, in: rect, theme: theme, into: &frame)
    }
  }

  /// The prompt's label and what is typed so far; a file that exists asks first.
  static func drawPrompt(
    _ prompt: BrowserState.Prompt, _ s: BrowserState, in rect: Rect,
    into frame: inout Frame
  ) {
    if case .overwrite(let request) = prompt {
      PromptLine.draw(
        Sanitizer.clean(request.path) + " exists; replace it? (y/n) ", "",
        PromptEditing(), in: rect, into: &frame)
      return
    }
    let (label, text) = labelAndText(prompt, s)
    PromptLine.draw(
      label, text, s.editing, message: s.message, in: rect, into: &frame)
  }

  /// What each prompt asks, and its text.
  static func labelAndText(
    _ prompt: BrowserState.Prompt, _ s: BrowserState
  ) -> (label: String, text: String) {
    switch prompt {
    case .search(let text, _): ("/", text)
    case .jump(let text): ("jump to date (empty cancels): ", text)
    case .range(let text): ("date range (since..until, empty clears): ", text)
    case .export(let text):
      ("export \(s.rows.count) records to (.csv, .md): ", text)
    case .tag(let text):
      ("tag (Tab completes; a tag it has is removed): ", text)
    case .note(let text): ("note (empty removes it): ", text)
    case .viewName(let text): ("save the view as: ", text)
    case .command(let text): (":", text)
    case .draftField(let field, let text): (field.prompt, text)
    case .overwrite: ("", "")
    }
  }

  /// The status proper, from `StatusText` (which a click reads too, for the chips'
  /// places): the left part cut to leave the right part room; on a narrow line the
  /// message alone, else the left part alone.
  static func drawStatus(
    _ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame
  ) {
    let row = Position(column: rect.column, row: rect.row)
    frame.fill(rect, style: theme.status)
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
