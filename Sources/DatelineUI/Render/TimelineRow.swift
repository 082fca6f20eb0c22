import DatelineCore

/// One record's line in the timeline, drawn left to right: the pointer, the date, the
/// kind, the marker columns, the parties and the headline, each cut at the pane's edge.
///
/// The selected row takes the selection bar's style in every cell (bold and underlined
/// instead when the side pane has the keys), so it shows in monochrome too.
struct TimelineRow {
  let state: BrowserState
  let record: Record
  let theme: Theme
  /// The screen line and the column after the pane's right edge.
  let line: Int
  let end: Int
  let selected: Bool
  /// The selection's style on the selected row, else plain.
  let base: Style
  /// The record's place in the store (the link tables are indexed by it).
  let index: Int
  /// The next column to draw in.
  private(set) var col: Int

  init(
    _ s: BrowserState, row i: ResultRow, record: Record, line: Int,
    in rect: Rect, theme: Theme
  ) {
    let focused = s.focus == .timeline || s.pane == nil
    let selected = i == s.selection
    self.state = s
    self.record = record
    self.theme = theme
    self.line = line
    self.end = rect.column + rect.columns
    self.selected = selected
    self.base =
      selected
      ? (focused ? theme.selection : Style(bold: true, underline: true))
      : .plain
    self.index = s.rows[i].offset
    self.col = rect.column
  }

  /// Draws the whole line in `columns`' widths, with `words` highlighted in the
  /// headline.
  mutating func draw(
    _ columns: TimelineColumns, words: [String], into frame: inout Frame
  ) {
    if selected {
      frame.fill(
        Rect(column: col, row: line, columns: end - col, rows: 1), style: base)
    }
    drawLead(dateWidth: columns.dateWidth, into: &frame)
    drawMarkers(columns.markers, annotated: columns.annotated, into: &frame)
    put(" ", .plain, into: &frame)
    if columns.partyWidth > 0 {
      drawParties(width: columns.partyWidth, into: &frame)
      put(" ", .plain, into: &frame)
    }
    drawHeadline(words: words, into: &frame)
  }

  /// The pointer (or a bookmark), the date in its column and the kind's marker.
  ///
  /// A pointer as well as the bar, so the selection shows in monochrome and in text; a
  /// bookmark shows in the same column when the record is not selected.
  mutating func drawLead(dateWidth: Int, into frame: inout Frame) {
    let marked = state.marks.contains(record.id)
    put(
      selected ? "▸" : marked ? KindMarker.bookmark : " ",
      marked ? theme.bookmark : .plain, into: &frame)
    put(
      DateColumn.label(DateLabel.compact(record), width: dateWidth), .plain,
      width: dateWidth, into: &frame)
    put(" ", .plain, into: &frame)
    col += frame.put(
      KindMarker.of(record.kind), at: Position(column: col, row: line),
      style: selected ? base : theme.kind(record.kind), limit: end - col)
  }

  /// The columns the corpus has room for: disputed, superseded, annotated, `+N`
  /// sources.
  mutating func drawMarkers(
    _ markers: MarkerColumns, annotated: Bool, into frame: inout Frame
  ) {
    if markers.dispute {
      put(
        state.links.contested.contains(index) ? KindMarker.dispute : " ",
        theme.disputeMarker, into: &frame)
    }
    if markers.revision {
      put(
        state.links.isSuperseded(index) ? KindMarker.superseded : " ",
        theme.superseded, into: &frame)
    }
    if annotated {
      put(
        AnnotationMarks.marker(state.workbench.annotations[record.id]),
        theme.bookmark, into: &frame)
    }
    if markers.sourcesWidth > 0 {
      let count = record.sourceCount
      put(
        count > 1 ? "+\(min(99, count - 1))" : "", theme.sourcesMarker,
        width: markers.sourcesWidth, into: &frame)
    }
  }

  /// The parties' labels in their colours, comma-separated, in `width` columns; one
  /// ellipsis says the list goes on (a second label would only add another).
  mutating func drawParties(width: Int, into frame: inout Frame) {
    let start = col
    let corpus = state.corpus
    for (n, ref) in record.parties.enumerated() {
      let idx = corpus.partyIndex[ref.id] ?? 0
      let label = (n > 0 ? "," : "") + (corpus.parties[idx].label)
      let room = start + width - col
      if room <= 0 { break }
      let clean = Sanitizer.clean(label)
      let cut = Truncation.truncate(clean, toColumns: room)
      col += frame.put(
        cut, at: Position(column: col, row: line),
        style: selected ? base : theme.party(corpus.parties[idx], index: idx),
        limit: room)
      if cut != clean { break }
    }
    col = start + width
  }

  /// A draft's label, then the headline scrolled sideways by the view's offset (← →),
  /// with `…` where the text is cut; a match beyond the cut is marked there, and the
  /// selected row slides to show it.
  mutating func drawHeadline(words: [String], into frame: inout Frame) {
    let draftLabel = ReviewMarks.label(state, record.id)
    if let draftLabel {
      put(draftLabel + " ", ReviewMarks.style(state), into: &frame)
    }
    let headline = HeadlineCut(
      Sanitizer.clean(record.headline), words: words,
      columns: max(0, end - col), offset: state.headlineOffset,
      follow: selected)
    let headlineStyle =
      selected
      ? base
      : draftLabel != nil
        ? ReviewMarks.style(state)
        : state.links.isSuperseded(index) ? theme.superseded : base
    col += headline.draw(
      at: Position(column: col, row: line), style: headlineStyle,
      match: selected ? theme.selectedMatch : theme.match, into: &frame)
  }

  /// Puts `text` at the next column in `style` (the bar's on the selected row), cut at
  /// the edge; with `width`, sanitized and fitted to exactly that many columns.
  mutating func put(
    _ text: String, _ style: Style, width: Int? = nil, into frame: inout Frame
  ) {
    guard col < end else { return }
    let limit = min(width ?? (end - col), end - col)
    let shown =
      width != nil
      ? Truncation.fit(Sanitizer.clean(text), toColumns: limit) : text
    col += frame.put(
      shown, at: Position(column: col, row: line),
      style: selected ? base : style, limit: limit)
  }
}
