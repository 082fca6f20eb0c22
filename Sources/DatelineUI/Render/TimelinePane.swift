import DatelineCore

/// The main list: one line per record, month separators, the selection bar.
enum TimelinePane {
  static func draw(_ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame) {
    guard !rect.isEmpty else { return }
    if s.rows.isEmpty {
      let msg = s.corpus.records.isEmpty ? "no records in this data directory" : "no records match the filters (0 clears them)"
      frame.put(msg, at: Position(column: rect.column + 1, row: rect.row), style: .dim, limit: rect.columns - 1)
      return
    }
    // The date column never takes more than half a narrow pane, so headlines still show.
    let widest = s.rows.prefix(2000).map { DisplayWidth.of(DateLabel.compact(s.corpus.records[$0])) }.max() ?? 10
    let dateWidth = min(22, widest, max(5, rect.columns / 2 - 2))
    let partyWidth = rect.columns >= 100 ? 24 : rect.columns >= 70 ? 16 : rect.columns >= 50 ? 10 : 0
    let words = TextSearch.words(s.search)
    var line = rect.row
    var i = s.top
    let focused = s.focus == .timeline || s.pane == nil
    while line < rect.row + rect.rows && i < s.rows.count {
      let record = s.corpus.records[s.rows[i]]
      if s.startsMonth(i) {
        let heading = "── " + DateLabel.monthHeading(record.firstDay) + " "
        let used = frame.put(heading, at: Position(column: rect.column, row: line), style: theme.separator, limit: rect.columns)
        if rect.columns - used > 0 {
          frame.put(String(repeating: "─", count: rect.columns - used), at: Position(column: rect.column + used, row: line), style: theme.divider)
        }
        line += 1
        if line >= rect.row + rect.rows { break }
      }
      let selected = i == s.selection
      let base: Style = selected ? (focused ? theme.selection : Style(bold: true, underline: true)) : .plain
      if selected { frame.fill(Rect(column: rect.column, row: line, columns: rect.columns, rows: 1), style: base) }
      var col = rect.column
      let end = rect.column + rect.columns
      func put(_ text: String, _ style: Style, width: Int? = nil) {
        guard col < end else { return }
        let limit = min(width ?? (end - col), end - col)
        let shown = width != nil ? Truncation.fit(Sanitizer.clean(text), toColumns: limit) : text
        col += frame.put(shown, at: Position(column: col, row: line), style: selected ? base : style, limit: limit)
      }
      // A pointer as well as the bar, so the selection shows in monochrome and in text.
      put(selected ? "▸" : " ", .plain)
      put(DateLabel.compact(record), .plain, width: dateWidth)
      put(" ", .plain)
      var kindStyle = theme.kind(record.kind)
      if selected { kindStyle = base }
      col += frame.put(KindMarker.of(record.kind), at: Position(column: col, row: line), style: selected ? base : kindStyle, limit: end - col)
      put(" ", .plain)
      if partyWidth > 0 {
        let start = col
        for (n, ref) in record.parties.enumerated() {
          let idx = s.corpus.partyIndex[ref.id] ?? 0
          let label = (n > 0 ? "," : "") + (s.corpus.parties[idx].label)
          let room = start + partyWidth - col
          if room <= 0 { break }
          let cut = Truncation.truncate(Sanitizer.clean(label), toColumns: room)
          col += frame.put(cut, at: Position(column: col, row: line), style: selected ? base : theme.party(s.corpus.parties[idx], index: idx), limit: room)
        }
        col = start + partyWidth
        put(" ", .plain)
      }
      let headline = Truncation.truncate(Sanitizer.clean(record.headline), toColumns: max(0, end - col))
      let hl = words.isEmpty ? [] : TextSearch.highlights(of: words, in: headline)
      col += frame.put(headline, at: Position(column: col, row: line), style: base, highlights: hl, highlightStyle: selected ? Style(bold: true, reverse: true, underline: true) : theme.match, limit: end - col)
      line += 1
      i += 1
    }
  }
}
