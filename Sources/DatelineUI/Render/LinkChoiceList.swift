import DatelineCore

/// `d` / `v` with several targets: each record with its date, kind and headline.
enum LinkChoiceList {
  static func draw(
    _ s: BrowserState, _ choice: LinkChoice, theme: Theme,
    into frame: inout Frame
  ) {
    let box = Box(in: s.size, columns: 76, rows: choice.targets.count + 2)
    box.draw(
      title: "\(choice.kind.rawValue): Enter goes there, Esc closes",
      into: &frame)
    let inner = box.inner
    guard !inner.isEmpty else { return }
    let scroll = max(0, choice.cursor - inner.rows + 1)
    for (n, target) in choice.targets.enumerated().dropFirst(scroll).prefix(
      inner.rows)
    {
      let row = inner.row + n - scroll
      let r = s.corpus.records[target]
      let style: Style = n == choice.cursor ? theme.selection : .plain
      frame.fill(
        Rect(column: inner.column, row: row, columns: inner.columns, rows: 1),
        style: style)
      let text =
        DateLabel.compact(r) + " " + KindMarker.of(r.kind) + " "
        + Sanitizer.clean(r.headline)
      frame.put(
        Truncation.truncate(text, toColumns: inner.columns),
        at: Position(column: inner.column, row: row), style: style,
        limit: inner.columns)
    }
  }
}
