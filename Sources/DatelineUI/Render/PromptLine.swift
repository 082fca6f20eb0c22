import DatelineCore

/// A prompt in the status line: its label, the text with the cursor as a reversed cell,
/// and a selected (pre-filled) text reversed as a whole, so both show in monochrome.
enum PromptLine {
  /// Draws `label` and `text` with the cursor where `editing` has it, and `message` at
  /// the right end when the line has room for both.
  static func draw(
    _ label: String, _ text: String, _ editing: PromptEditing,
    message: String? = nil, in full: Rect,
    into frame: inout Frame
  ) {
    frame.fill(full, style: .plain)
    guard full.columns > 1 else { return }
    let rect = drawMessage(message, in: full, into: &frame)
    let chars = Array(Sanitizer.clean(text))
    let cursor = min(max(0, editing.cursor), chars.count)
    let (lead, start) = window(
      label: label, chars, cursor: cursor, room: rect.columns - 1)
    let col =
      rect.column
      + frame.put(
        lead, at: Position(column: rect.column, row: rect.row),
        limit: rect.columns - 1)
    drawText(
      chars[start...], from: col, cursor: cursor, editing: editing, in: rect,
      into: &frame)
  }

  /// A message (the length cap, "no match") keeps the right end while the prompt is
  /// open, in at most half of a line of 40 columns or more; returns what is left.
  static func drawMessage(
    _ message: String?, in full: Rect, into frame: inout Frame
  ) -> Rect {
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
    return rect
  }

  /// What leads the text and where the text starts: from the start when the label,
  /// the text up to the cursor and the cursor fit in `room`; else the label gives way
  /// to `…` and the text is shown from where the cursor stays in view.
  static func window(
    label: String, _ chars: [Character], cursor: Int, room: Int
  ) -> (lead: String, start: Int) {
    let typed = chars[0..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
    guard DisplayWidth.of(label) + typed + 1 > room else { return (label, 0) }
    var start = cursor
    var used = 1 + 1
    while start > 0 {
      let w = DisplayWidth.of(chars[start - 1])
      if used + w > room { break }
      start -= 1
      used += w
    }
    return ("…", start)
  }

  /// The text from its first shown character, the cursor as a reversed cell (a space
  /// at the end), a selected (pre-filled) text reversed as a whole.
  static func drawText(
    _ chars: ArraySlice<Character>, from column: Int, cursor: Int,
    editing: PromptEditing, in rect: Rect, into frame: inout Frame
  ) {
    var col = column
    let end = rect.column + rect.columns
    var i = chars.startIndex
    while i <= chars.endIndex && col < end {
      let isCursor = i == cursor
      let ch: String = i < chars.endIndex ? String(chars[i]) : " "
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
