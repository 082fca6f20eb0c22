import DatelineCore

/// The bottom line: data directory, shown/total, filter chips, position, or a prompt.
enum StatusLine {
  static func draw(_ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame) {
    guard !rect.isEmpty else { return }
    let row = Position(column: rect.column, row: rect.row)
    switch s.prompt {
    case .search(let text, _):
      drawPrompt("/", text, in: rect, into: &frame)
      return
    case .jump(let text):
      drawPrompt("jump to date: ", text, in: rect, into: &frame)
      return
    case .range(let text):
      drawPrompt("date range (since..until, empty clears): ", text, in: rect, into: &frame)
      return
    case .export(let text):
      drawPrompt("export \(s.rows.count) records to (.csv, .md): ", text, in: rect, into: &frame)
      return
    case .tag(let text):
      drawPrompt("tag (Tab completes; a tag it has is removed): ", text, in: rect, into: &frame)
      return
    case .note(let text):
      drawPrompt("note (empty removes it): ", text, in: rect, into: &frame)
      return
    case .overwrite(let request):
      drawPrompt(Sanitizer.clean(request.path) + " exists; replace it? (y/n) ", "", in: rect, into: &frame)
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
    if !s.search.isEmpty { chips.append("/" + s.search) }
    let counts = "\(s.rows.count)/\(s.corpus.records.count)"
    let position = s.rows.isEmpty ? "-" : "\(s.selection + 1) of \(s.rows.count)"
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

  /// A prompt that keeps the end of what is typed, and the cursor, in view.
  static func drawPrompt(_ label: String, _ text: String, in rect: Rect, into frame: inout Frame) {
    frame.fill(rect, style: .plain)
    let typed = Sanitizer.clean(text)
    let room = rect.columns - 1
    var shown = label + typed
    if DisplayWidth.of(shown) > room {
      // Drop characters from the front of the typed text until it fits, marked with "…".
      var tail = ""
      var width = 1
      for c in typed.reversed() {
        let w = DisplayWidth.of(c)
        if width + w > room { break }
        tail.insert(c, at: tail.startIndex)
        width += w
      }
      shown = "…" + tail
    }
    let used = frame.put(shown, at: Position(column: rect.column, row: rect.row), limit: room)
    frame.put("█", at: Position(column: rect.column + used, row: rect.row), limit: 1)
  }
}
