import DatelineCore

/// A centred box with a border and a title, over whatever is below.
struct Box {
  let rect: Rect

  init(in size: Size, columns: Int, rows: Int) {
    let w = min(columns, size.columns)
    let h = min(rows, max(1, size.rows - 1))
    rect = Rect(
      column: max(0, (size.columns - w) / 2),
      row: max(0, (size.rows - 1 - h) / 2), columns: w, rows: h)
  }

  var inner: Rect {
    Rect(
      column: rect.column + 2, row: rect.row + 1, columns: rect.columns - 4,
      rows: rect.rows - 2)
  }

  func draw(title: String, into frame: inout Frame) {
    frame.fill(rect, style: .plain)
    guard rect.columns >= 2, rect.rows >= 2 else { return }
    let w = rect.columns
    frame.put(
      "┌" + String(repeating: "─", count: w - 2) + "┐",
      at: Position(column: rect.column, row: rect.row))
    for r in (rect.row + 1)..<(rect.row + rect.rows - 1) {
      frame.put("│", at: Position(column: rect.column, row: r))
      frame.put("│", at: Position(column: rect.column + w - 1, row: r))
    }
    frame.put(
      "└" + String(repeating: "─", count: w - 2) + "┘",
      at: Position(column: rect.column, row: rect.row + rect.rows - 1)
    )
    frame.put(
      " " + Truncation.truncate(title, toColumns: max(0, w - 6)) + " ",
      at: Position(column: rect.column + 2, row: rect.row), style: .bold,
      limit: w - 4)
  }
}
