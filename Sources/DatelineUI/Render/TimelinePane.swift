import DatelineCore

/// The main list: one line per record, month separators, the selection bar.
enum TimelinePane {
  static func draw(
    _ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame
  ) {
    guard !rect.isEmpty else { return }
    if s.rows.isEmpty {
      let msg =
        s.corpus.records.isEmpty
        ? "no records in this data directory"
        : "no records match the filters (0 clears them)"
      frame.put(
        msg, at: Position(column: rect.column + 1, row: rect.row), style: .dim,
        limit: rect.columns - 1)
      return
    }
    let columns = TimelineColumns(s, width: rect.columns)
    let dateWidth = columns.dateWidth
    let partyWidth = columns.partyWidth
    let markers = columns.markers
    let annotated = columns.annotated
    let words = s.highlightWords
    var line = rect.row
    var i = s.top
    let focused = s.focus == .timeline || s.pane == nil
    while line < rect.row + rect.rows && i < s.rows.endIndex {
      let record = s.corpus.records[s.rows[i]]
      if s.startsMonth(i) {
        let heading = "── " + DateLabel.monthHeading(record.firstDay) + " "
        let used = frame.put(
          heading, at: Position(column: rect.column, row: line),
          style: theme.separator, limit: rect.columns)
        if rect.columns - used > 0 {
          frame.put(
            String(repeating: "─", count: rect.columns - used),
            at: Position(column: rect.column + used, row: line),
            style: theme.divider)
        }
        line += 1
        if line >= rect.row + rect.rows { break }
      }
      let selected = i == s.selection
      let base: Style =
        selected
        ? (focused ? theme.selection : Style(bold: true, underline: true))
        : .plain
      if selected {
        frame.fill(
          Rect(column: rect.column, row: line, columns: rect.columns, rows: 1),
          style: base)
      }
      var col = rect.column
      let end = rect.column + rect.columns
      func put(_ text: String, _ style: Style, width: Int? = nil) {
        guard col < end else { return }
        let limit = min(width ?? (end - col), end - col)
        let shown =
          width != nil
          ? Truncation.fit(Sanitizer.clean(text), toColumns: limit) : text
        col += frame.put(
          shown, at: Position(column: col, row: line),
          style: selected ? base : style, limit: limit)
      }
      // A pointer as well as the bar, so the selection shows in monochrome and in text;
      // a bookmark shows in the same column when the record is not selected.
      let marked = s.marks.contains(record.id)
      put(
        selected ? "▸" : marked ? KindMarker.bookmark : " ",
        marked ? theme.bookmark : .plain)
      put(
        DateColumn.label(DateLabel.compact(record), width: dateWidth), .plain,
        width: dateWidth)
      put(" ", .plain)
      var kindStyle = theme.kind(record.kind)
      if selected { kindStyle = base }
      col += frame.put(
        KindMarker.of(record.kind), at: Position(column: col, row: line),
        style: selected ? base : kindStyle,
        limit: end - col)
      let index = s.rows[i].offset
      if markers.dispute {
        put(
          s.links.contested.contains(index) ? KindMarker.dispute : " ",
          theme.disputeMarker)
      }
      let superseded = s.links.isSuperseded(index)
      if markers.revision {
        put(superseded ? KindMarker.superseded : " ", theme.superseded)
      }
      if annotated {
        put(
          AnnotationMarks.marker(s.workbench.annotations[record.id]),
          theme.bookmark)
      }
      if markers.sourcesWidth > 0 {
        let count = record.sourceCount
        put(
          count > 1 ? "+\(min(99, count - 1))" : "", theme.sourcesMarker,
          width: markers.sourcesWidth)
      }
      put(" ", .plain)
      if partyWidth > 0 {
        let start = col
        for (n, ref) in record.parties.enumerated() {
          let idx = s.corpus.partyIndex[ref.id] ?? 0
          let label = (n > 0 ? "," : "") + (s.corpus.parties[idx].label)
          let room = start + partyWidth - col
          if room <= 0 { break }
          let clean = Sanitizer.clean(label)
          let cut = Truncation.truncate(clean, toColumns: room)
          col += frame.put(
            cut, at: Position(column: col, row: line),
            style: selected
              ? base : theme.party(s.corpus.parties[idx], index: idx),
            limit: room)
          // One ellipsis says the list goes on; a second label would only add another.
          if cut != clean { break }
        }
        col = start + partyWidth
        put(" ", .plain)
      }
      let draftLabel = ReviewMarks.label(s, record.id)
      if let draftLabel { put(draftLabel + " ", ReviewMarks.style(s)) }
      // Scrolled sideways by the view's offset (← →), with `…` where the text is cut; a
      // match beyond the cut is marked there, and the selected row slides to show it.
      let headline = HeadlineCut(
        Sanitizer.clean(record.headline), words: words,
        columns: max(0, end - col), offset: s.headlineOffset,
        follow: selected)
      let headlineStyle =
        selected
        ? base
        : draftLabel != nil
          ? ReviewMarks.style(s) : superseded ? theme.superseded : base
      col += headline.draw(
        at: Position(column: col, row: line), style: headlineStyle,
        match: selected ? theme.selectedMatch : theme.match,
        into: &frame)
      line += 1
      i += 1
    }
  }
}

/// Which marker columns the timeline gives after the kind, and how wide.
///
/// Only what the corpus can have gets a column (a corpus of one source spends no width on
/// source counts), and the columns stay put while scrolling because they depend on the
/// corpus, not on the rows in view. Below 40 columns only the dispute marker stays.
struct MarkerColumns {
  var dispute: Bool
  var revision: Bool
  /// Room for `+N` (N more sources, shown up to 99), 0 when the corpus has one source.
  /// Sized from the number of sources rather than from the records, so drawing the first
  /// screen never needs a pass over a million records.
  var sourcesWidth: Int

  /// `provisional`: the first pass's corpus has no links or sources yet; the columns a
  /// large corpus has are kept, so that they do not move when the checked data arrives.
  init(_ links: LinkIndex, sources: Int, width: Int, provisional: Bool = false)
  {
    dispute = links.hasDisputes || provisional
    revision = (links.hasRevisions || provisional) && width >= 40
    sourcesWidth =
      (sources > 1 || provisional) && width >= 40
      ? 1 + String(min(99, provisional ? 99 : sources - 1)).count : 0
  }
}

extension TimelinePane {
  /// The index into `rows` of the record drawn on screen row `line` of the pane at
  /// `rect`; a month heading's line gives the month's first record. Walks the rows as
  /// `draw` does, so a click lands on what the reader sees.
  static func row(_ s: BrowserState, at line: Int, in rect: Rect) -> ResultRow?
  {
    var y = rect.row
    var i = s.top
    while y < rect.row + rect.rows && i < s.rows.endIndex {
      if s.startsMonth(i) {
        if y == line { return i }
        y += 1
      }
      if y == line { return i }
      y += 1
      i += 1
    }
    return nil
  }
}
