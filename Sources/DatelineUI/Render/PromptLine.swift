import DatelineCore

/// A prompt in the status line: its label, the text with the cursor as a reversed cell,
/// and a selected (pre-filled) text reversed as a whole, so both show in monochrome.
enum PromptLine {
  static func draw(
    _ label: String, _ text: String, _ editing: PromptEditing,
    message: String? = nil, in full: Rect,
    into frame: inout Frame
  ) {
    frame.fill(full, style: .plain)
    guard full.columns > 1 else { return }
    // A message (the length cap, "no match") keeps the right end while the prompt is open.
    var rect = full
    if let message, full.columns >= 40 {
      let shown = Truncation.truncate(
        Sanitizer.clean(message), toColumns: full.columns / 2)
      let w = DisplayWidth.of(shown)
      frame.put(
        shown,
        at: Position(column: full.column + full.columns - w, row: full.row),
        style: .bold, limit: w)
      rect.columns -= w + 1
    }
    let chars = Array(Sanitizer.clean(text))
    let cursor = min(max(0, editing.cursor), chars.count)
    let room = rect.columns - 1
    func width(_ cs: ArraySlice<Character>) -> Int {
      cs.reduce(0) { $0 + DisplayWidth.of($1) }
    }
    // From the start when the label, the text up to the cursor and the cursor fit;
    // else the label goes and the text is shown from where the cursor stays in view.
    var start = 0
    var lead = label
    if DisplayWidth.of(label) + width(chars[0..<cursor]) + 1 > room {
      lead = "…"
      start = cursor
      var used = 1 + 1
      while start > 0 {
        let w = DisplayWidth.of(chars[start - 1])
        if used + w > room { break }
        start -= 1
        used += w
      }
    }
    var col =
      rect.column
      + frame.put(
        lead, at: Position(column: rect.column, row: rect.row), limit: room)
    let end = rect.column + rect.columns
    var i = start
    while i <= chars.count && col < end {
      let isCursor = i == cursor
      let ch: String = i < chars.count ? String(chars[i]) : " "
      let style: Style =
        isCursor
        ? Style(reverse: true, underline: editing.selected)
        : editing.selected ? .reverse : .plain
      let used = frame.put(
        ch, at: Position(column: col, row: rect.row), style: style,
        limit: end - col)
      if used == 0 { break }
      col += used
      i += 1
    }
  }
}
