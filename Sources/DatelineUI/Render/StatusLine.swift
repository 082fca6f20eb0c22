import DatelineCore

/// The bottom line: data directory, shown/total, filter chips, position, or a prompt.
enum StatusLine {
  static func draw(_ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame) {
    guard !rect.isEmpty else { return }
    let row = Position(column: rect.column, row: rect.row)
    switch s.prompt {
    case .search(let text, _):
      PromptLine.draw("/", text, s.editing, message: s.message, in: rect, into: &frame)
      return
    case .jump(let text):
      PromptLine.draw("jump to date (empty cancels): ", text, s.editing, message: s.message, in: rect, into: &frame)
      return
    case .range(let text):
      PromptLine.draw("date range (since..until, empty clears): ", text, s.editing, message: s.message, in: rect, into: &frame)
      return
    case .export(let text):
      PromptLine.draw("export \(s.rows.count) records to (.csv, .md): ", text, s.editing, message: s.message, in: rect, into: &frame)
      return
    case .tag(let text):
      PromptLine.draw("tag (Tab completes; a tag it has is removed): ", text, s.editing, message: s.message, in: rect, into: &frame)
      return
    case .note(let text):
      PromptLine.draw("note (empty removes it): ", text, s.editing, message: s.message, in: rect, into: &frame)
      return
    case .viewName(let text):
      PromptLine.draw("save the view as: ", text, s.editing, message: s.message, in: rect, into: &frame)
    case .command(let text):
      PromptLine.draw(":", text, s.editing, message: s.message, in: rect, into: &frame)
      return
    case .overwrite(let request):
      PromptLine.draw(Sanitizer.clean(request.path) + " exists; replace it? (y/n) ", "", PromptEditing(), in: rect, into: &frame)
      return
    case nil: break
    }
    frame.fill(rect, style: theme.status)
    var chips: [String] = s.query.parties.selected.map { "[" + (s.corpus.party($0)?.label ?? $0.rawValue) + "]" }
    if s.query.parties.selected.count > 1 || s.query.parties.mode == .all { chips.append(s.query.parties.mode.rawValue) }
    if !s.query.dateRange.isEmpty { chips.append("date:" + s.query.dateRange.description) }
    if !s.query.facets.basis.isEmpty {
      chips.append("basis:" + Attribution.Basis.allCases.filter { s.query.facets.basis.contains($0) }.map(\.rawValue).joined(separator: ","))
    }
    chips += AnnotationChips.of(s)
    if !s.search.isEmpty { chips.append("/" + s.search + (s.matchLabel.map { " (" + $0 + ")" } ?? "")) }
    let counts = "\(s.rows.count)/\(s.corpus.records.count)"
    let position = s.rows.isEmpty ? "-" : "\(s.selection.offset + 1) of \(s.rows.count)"
    var left = " " + s.dataLabel + "  " + counts
    if !chips.isEmpty { left += "  " + chips.joined(separator: " ") }
    let right = (s.message.map { $0 + "  " } ?? "") + position + (rect.columns >= 60 ? " ?:help " : " ")
    let rightWidth = DisplayWidth.of(Sanitizer.clean(right))
    // Narrow: the counts and chips matter more than the directory name.
    if DisplayWidth.of(Sanitizer.clean(left)) + rightWidth + 1 > rect.columns {
      left = " " + counts + (chips.isEmpty ? "" : " " + chips.joined(separator: " "))
    }
    if rightWidth + 6 <= rect.columns {
      frame.put(Truncation.truncate(Sanitizer.clean(left), toColumns: rect.columns - rightWidth - 1), at: row, style: theme.status)
      frame.put(right, at: Position(column: rect.column + rect.columns - rightWidth, row: rect.row), style: theme.status)
    } else if let m = s.message {
      frame.put(Truncation.truncate(Sanitizer.clean(m), toColumns: rect.columns), at: row, style: theme.status)
    } else {
      frame.put(Truncation.truncate(Sanitizer.clean(left), toColumns: rect.columns), at: row, style: theme.status)
    }
  }
}
