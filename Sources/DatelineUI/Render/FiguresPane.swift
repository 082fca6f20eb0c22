import DatelineCore

/// `f`: the values of the selected record's figures over time, one series per label.
///
/// Each series is a heading with a sparkline, then one row per stated value in timeline
/// order: date, value as stated ("more than 100 people", "200–250"), who stated it and on
/// what basis, and `↻`/`⇄` when the record revises an earlier value or is disputed. The
/// selected record's rows are bold, so a reader sees where it stands among the others.
enum FiguresPane {
  struct Row {
    var text: String
    var style: Style
    /// Which entry (counting across series) this row is, if it is one.
    var entry: Int?
    var record: Int?
  }

  /// The highlighted entry's record (for `d` in the focused pane).
  static func cursorRecord(_ s: BrowserState) -> Int? {
    let entries = series(s).flatMap(\.entries)
    let n = cursor(s)
    return entries.indices.contains(n) ? entries[n].record : nil
  }

  static func series(_ s: BrowserState) -> [FigureSeries] {
    guard let r = s.selectedRecord else { return [] }
    // `f` builds the columns; should a state reach here without them, build them here.
    let columns = s.facetColumns ?? FacetColumns(corpus: s.corpus)
    return FigureSeries.all(
      for: r, corpus: s.corpus, links: s.links, columns: columns)
  }

  static func entryCount(_ s: BrowserState) -> Int {
    series(s).reduce(0) { $0 + $1.entries.count }
  }

  /// The highlighted entry: the one chosen with j/k, else the selected record's first.
  static func cursor(_ s: BrowserState) -> Int {
    if let c = s.figureCursor { return c }
    let selected = s.selectedPosition?.offset
    var n = 0
    for series in series(s) {
      for e in series.entries {
        if e.record == selected { return n }
        n += 1
      }
    }
    return 0
  }

  /// The record of entry `n`, for Enter.
  static func record(_ s: BrowserState, at n: Int) -> Record.ID? {
    let entries = series(s).flatMap(\.entries)
    return entries.indices.contains(n)
      ? s.corpus.records[entries[n].record].id : nil
  }

  static func rows(_ s: BrowserState, width: Int, theme: Theme) -> [Row] {
    let selected = s.selectedPosition?.offset
    var out: [Row] = []
    var n = 0
    for (k, series) in series(s).enumerated() {
      if k > 0 { out.append(Row(text: "", style: .plain)) }
      let heading =
        Sanitizer.clean(series.label) + "  " + series.sparkline
        + FigureScale.legend(series)
      out.append(
        Row(
          text: Truncation.truncate(heading, toColumns: width),
          style: theme.heading))
      let dates = series.entries.map {
        DateLabel.compact(s.corpus.records[$0.record])
      }
      let values = series.entries.map {
        Sanitizer.clean($0.figure.displayValue)
      }
      let dateWidth = dates.map(DisplayWidth.of).max() ?? 0
      let valueWidth = min(24, values.map(DisplayWidth.of).max() ?? 0)
      for (i, e) in series.entries.enumerated() {
        var flags = ""
        if !e.revises.isEmpty {
          flags +=
            " " + KindMarker.superseded + " revises "
            + DateLabel.compact(s.corpus.records[e.revises[0]])
        }
        if e.contested { flags += " " + KindMarker.dispute + " disputed (d)" }
        let head =
          " " + Truncation.fit(dates[i], toColumns: dateWidth) + "  "
          + Truncation.fit(values[i], toColumns: valueWidth)
          + "  "
        let who = Sanitizer.clean(e.statedBy) + " [\(e.basis.rawValue)]" + flags
        let style: Style = e.record == selected ? .bold : .plain
        for line in entryLines(head: head, who: who, width: width) {
          out.append(Row(text: line, style: style, entry: n, record: e.record))
        }
        n += 1
      }
    }
    return out
  }

  /// An entry's lines: date and value, then who stated it; when that does not fit it
  /// goes on under its own column (up to `maxLines` lines) instead of being cut, so the
  /// attribution is read whole while the pane has rows to spare.
  static let maxLines = 3

  static func entryLines(head: String, who: String, width: Int) -> [String] {
    let headWidth = DisplayWidth.of(head)
    let room = width - headWidth
    if headWidth + DisplayWidth.of(who) <= width || room < 12 {
      return [Truncation.truncate(head + who, toColumns: width)]
    }
    var parts = Truncation.wrap(who, toColumns: room)
    if parts.count > maxLines {
      parts =
        Array(parts.prefix(maxLines - 1)) + [
          Truncation.truncate(
            parts[(maxLines - 1)...].joined(separator: " "), toColumns: room)
        ]
    }
    let indent = String(repeating: " ", count: headWidth)
    return parts.enumerated().map {
      ($0.offset == 0 ? head : indent) + $0.element
    }
  }

  static func draw(
    _ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame
  ) {
    let focused = s.focus == .pane
    let title =
      focused
      ? " Figures (Tab: timeline, Enter: go to the record, d: its disputes, f: close)"
      : " Figures over time (Tab to focus, f: close)"
    guard
      let body = frame.paneTitle(
        title, in: rect, focused: focused, theme: theme)
    else { return }
    let rows = self.rows(s, width: body.columns, theme: theme)
    if rows.isEmpty {
      frame.put(
        "this record states no figures",
        at: Position(column: body.column, row: body.row), style: .dim,
        limit: body.columns)
      return
    }
    // Scroll so the highlighted entry is in view.
    let cursor = cursor(s)
    // The entry's last line too, when it takes several.
    let at = rows.lastIndex { $0.entry == cursor } ?? 0
    let scroll = at < body.rows ? 0 : at - body.rows + 1
    for (n, row) in rows.dropFirst(scroll).prefix(body.rows).enumerated() {
      var style = row.style
      if focused && row.entry == cursor { style = theme.selection }
      let y = body.row + n
      if style == theme.selection {
        frame.fill(
          Rect(column: body.column, row: y, columns: body.columns, rows: 1),
          style: style)
      }
      frame.put(
        row.text, at: Position(column: body.column, row: y), style: style,
        limit: body.columns)
    }
  }
}
