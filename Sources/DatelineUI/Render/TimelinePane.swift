import DatelineCore

/// The main list: one line per record, month separators, the selection bar.
enum TimelinePane {
  /// Draws the rows from `s.top` down, with a separator above the first record of each
  /// month, until the pane is full; an empty list says why it is empty.
  static func draw(
    _ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame
  ) {
    guard !rect.isEmpty else { return }
    if s.rows.isEmpty {
      drawEmpty(s, in: rect, into: &frame)
      return
    }
    let columns = TimelineColumns(s, width: rect.columns)
    let words = s.highlightWords
    var line = rect.row
    var i = s.top
    while line < rect.row + rect.rows && i < s.rows.endIndex {
      let record = s.corpus.records[s.rows[i]]
      if s.startsMonth(i) {
        drawSeparator(
          record.firstDay, row: line, in: rect, theme: theme, into: &frame)
        line += 1
        if line >= rect.row + rect.rows { break }
      }
      var row = TimelineRow(
        s, row: i, record: record, line: line, in: rect, theme: theme)
      row.draw(columns, words: words, into: &frame)
      line += 1
      i += 1
    }
  }

  /// Why no row is shown: an empty directory, or filters that match nothing.
  static func drawEmpty(
    _ s: BrowserState, in rect: Rect, into frame: inout Frame
  ) {
    let msg =
      s.corpus.records.isEmpty
      ? "no records in this data directory"
      : "no records match the filters (0 clears them)"
    frame.put(
      msg, at: Position(column: rect.column + 1, row: rect.row), style: .dim,
      limit: rect.columns - 1)
  }

  /// `── October 2023 ─────`: the month's heading, then a rule to the pane's edge.
  static func drawSeparator(
    _ day: CalendarDay, row line: Int, in rect: Rect, theme: Theme,
    into frame: inout Frame
  ) {
    let heading = "── " + DateLabel.monthHeading(day) + " "
    let used = frame.put(
      heading, at: Position(column: rect.column, row: line),
      style: theme.separator, limit: rect.columns)
    if rect.columns - used > 0 {
      frame.put(
        String(repeating: "─", count: rect.columns - used),
        at: Position(column: rect.column + used, row: line),
        style: theme.divider)
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
