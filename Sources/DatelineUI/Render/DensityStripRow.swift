import DatelineCore

/// The density strip under the timeline: records per day, week, month… as block glyphs.
///
/// The whole data is drawn dim, the records the filters keep are drawn over it in the
/// normal style, and the column holding the selected record's first day is reversed, so
/// the strip says where the reader is, where the data is dense, and what the filters left.
enum DensityStripRow {
  static func draw(
    _ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame
  ) {
    guard !rect.isEmpty, rect.columns > 1 else { return }
    // One column of margin on the left lines the strip up with the timeline's dates.
    let strip = DensityStrip(
      corpus: s.corpus, shown: s.rows.positions, columns: rect.columns - 1)
    let selected = s.selectedRecord.flatMap {
      strip.bucket(containing: $0.firstDay)
    }
    var column = rect.column + 1
    for (n, bucket) in strip.buckets.enumerated() {
      let overlaid = bucket.shown > 0
      let glyph = Sparkline.glyph(
        overlaid ? bucket.shown : bucket.all, maximum: strip.maximum)
      var style: Style =
        glyph == " " ? .plain : overlaid ? theme.stripShown : theme.stripAll
      if n == selected { style = theme.stripSelected }
      frame.put(
        String(glyph), at: Position(column: column, row: rect.row),
        style: style, limit: 1)
      column += 1
    }
    let end = rect.column + rect.columns
    var axis = ""
    if rect.rows >= 2, let first = strip.buckets.first,
      let last = strip.buckets.last
    {
      let legend = "per \(strip.unit.name), █ = \(strip.maximum)"
      axis = StripAxis.line(
        first: strip.label(of: first), last: strip.label(of: last),
        legend: legend, width: strip.buckets.count,
        room: rect.columns - 1)
      frame.put(
        axis, at: Position(column: rect.column + 1, row: rect.row + 1),
        style: theme.label, limit: rect.columns - 1)
    }
    // The legend after the bars, where the axis has no room for it.
    guard !axis.contains("█") else { return }
    let legends = [
      " per \(strip.unit.name), █ = \(strip.maximum)",
      " per \(strip.unit.name)",
    ]
    if let legend = legends.first(where: { column + DisplayWidth.of($0) <= end }
    ) {
      frame.put(
        legend, at: Position(column: column, row: rect.row), style: theme.label,
        limit: end - column)
    }
  }
}

/// The date axis under the density strip, as `dateline list --histogram` prints it: the
/// first bucket's date under the first bar, the last one's ending under the last bar,
/// and what a column and a full block are between them where they fit.
enum StripAxis {
  /// `2023-10-07   per day, █ = 16   2023-12-13` for bars `width` columns wide, in at
  /// most `room` columns.
  static func line(
    first: String, last: String, legend: String, width: Int, room: Int
  ) -> String {
    if first == last {
      return Truncation.truncate(first + "   " + legend, toColumns: room)
    }
    let labels = DisplayWidth.of(first) + DisplayWidth.of(last)
    // The bars may be narrower than the labels: then they sit side by side (`a … b`).
    let span = max(width, labels + 3)
    let gap = span - labels
    let middle: String
    if DisplayWidth.of(legend) + 4 <= gap {
      let before = (gap - DisplayWidth.of(legend)) / 2
      middle =
        String(repeating: " ", count: before) + legend
        + String(repeating: " ", count: gap - before - DisplayWidth.of(legend))
    } else {
      middle = width >= labels + 1 ? String(repeating: " ", count: gap) : " … "
    }
    return Truncation.truncate(first + middle + last, toColumns: room)
  }
}
