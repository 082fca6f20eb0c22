import DatelineCore

/// The density strip under the timeline: records per day, week, month… as block glyphs.
///
/// The whole data is drawn dim, the records the filters keep are drawn over it in the
/// normal style, and the column holding the selected record's first day is reversed, so
/// the strip says where the reader is, where the data is dense, and what the filters left.
enum DensityStripRow {
  static func draw(_ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame) {
    guard !rect.isEmpty, rect.columns > 1 else { return }
    // One column of margin on the left lines the strip up with the timeline's dates.
    let strip = DensityStrip(corpus: s.corpus, shown: s.rows.positions, columns: rect.columns - 1)
    let selected = s.selectedRecord.flatMap { strip.bucket(containing: $0.firstDay) }
    var column = rect.column + 1
    for (n, bucket) in strip.buckets.enumerated() {
      let overlaid = bucket.shown > 0
      let glyph = Sparkline.glyph(overlaid ? bucket.shown : bucket.all, maximum: strip.maximum)
      var style: Style = glyph == " " ? .plain : overlaid ? theme.stripShown : theme.stripAll
      if n == selected { style = theme.stripSelected }
      frame.put(String(glyph), at: Position(column: column, row: rect.row), style: style, limit: 1)
      column += 1
    }
    // A legend where there is room: what one column is, and what a full block counts.
    let end = rect.column + rect.columns
    let legends = [" per \(strip.unit.name), █ = \(strip.maximum)", " per \(strip.unit.name)"]
    if let legend = legends.first(where: { column + DisplayWidth.of($0) <= end }) {
      frame.put(legend, at: Position(column: column, row: rect.row), style: theme.label, limit: end - column)
    }
  }
}
