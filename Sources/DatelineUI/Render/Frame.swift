import DatelineCore

/// One cell of the screen: a grapheme, its display width, and a style.
///
/// A wide grapheme (CJK, emoji) occupies its cell with width 2 and the next cell is a
/// continuation (width 0) that backends skip, as ratatui's Buffer does.
public struct Cell: Hashable, Sendable {
  public var grapheme: String
  /// 1 for normal cells, 2 for the first cell of a wide grapheme, 0 for its continuation.
  public var width: UInt8
  public var style: Style

  public init(_ grapheme: String = " ", width: UInt8 = 1, style: Style = .plain)
  {
    self.grapheme = grapheme
    self.width = width
    self.style = style
  }

  public static let blank = Cell()
}

/// A grid of cells: what `render` produces and what a backend draws.
public struct Frame: Hashable, Sendable {
  public let size: Size
  public private(set) var cells: [Cell]

  public init(size: Size) {
    self.size = size
    cells = Array(repeating: .blank, count: size.columns * size.rows)
  }

  public subscript(column: Int, row: Int) -> Cell {
    get { cells[row * size.columns + column] }
    set { cells[row * size.columns + column] = newValue }
  }

  /// Fills a rectangle with a style (spaces), e.g. a selection bar or a status line.
  public mutating func fill(_ rect: Rect, style: Style) {
    guard !rect.isEmpty else { return }
    for r in max(0, rect.row)..<min(size.rows, rect.row + rect.rows) {
      for c in max(
        0, rect.column)..<min(size.columns, rect.column + rect.columns)
      {
        set(Cell(" ", width: 1, style: style), column: c, row: r)
      }
    }
  }

  /// Writes one cell and keeps wide glyphs whole, as ratatui's Buffer does: overwriting
  /// half of a wide glyph blanks its other half, so a row always adds up to its width.
  mutating func set(_ cell: Cell, column c: Int, row r: Int) {
    let old = self[c, r]
    if old.width == 0 && c > 0 && self[c - 1, r].width == 2 {
      self[c - 1, r] = Cell(" ", width: 1, style: self[c - 1, r].style)
    }
    if old.width == 2 && cell.width != 2 && c + 1 < size.columns {
      self[c + 1, r] = Cell(" ", width: 1, style: self[c + 1, r].style)
    }
    self[c, r] = cell
    if cell.width == 2 && c + 1 < size.columns {
      if self[c + 1, r].width == 2 && c + 2 < size.columns {
        self[c + 2, r] = Cell(" ", width: 1, style: self[c + 2, r].style)
      }
      self[c + 1, r] = Cell("", width: 0, style: cell.style)
    }
  }

  /// Writes `text` from `position`, at most `limit` columns, and returns the columns used.
  ///
  /// The text is sanitized here, so nothing from data can reach a backend raw; a wide
  /// grapheme that does not fit whole is not drawn (the cell stays as it was).
  @discardableResult
  public mutating func put(
    _ text: String, at position: Position, style: Style = .plain,
    limit: Int? = nil
  )
    -> Int
  {
    guard position.row >= 0, position.row < size.rows, position.column >= 0
    else { return 0 }
    let end = min(size.columns, position.column + (limit ?? size.columns))
    var col = position.column
    for ch in Sanitizer.clean(text) {
      let w = DisplayWidth.of(ch)
      if w == 0 { continue }
      if col + w > end { break }
      set(
        Cell(Frame.drawable(ch), width: UInt8(w), style: style), column: col,
        row: position.row)
      col += w
    }
    return col - position.column
  }

  /// Writes with a different style on some ranges of `text` (search matches, quotes).
  @discardableResult
  public mutating func put(
    _ text: String, at position: Position, style: Style,
    highlights: [Range<String.Index>],
    highlightStyle: Style, limit: Int? = nil
  ) -> Int {
    if highlights.isEmpty {
      return put(text, at: position, style: style, limit: limit)
    }
    return put(text, at: position, limit: limit) { i in
      highlights.contains { $0.contains(i) } ? highlightStyle : style
    }
  }

  /// Writes `text` with each character's style from `style(at:)`, e.g. a search match
  /// inside a highlighted quote, which needs a third style.
  @discardableResult
  public mutating func put(
    _ text: String, at position: Position, limit: Int? = nil,
    style: (String.Index) -> Style
  ) -> Int {
    var col = position.column
    let end = position.column + (limit ?? size.columns)
    var i = text.startIndex
    while i < text.endIndex, col < end {
      let next = text.index(after: i)
      let ch = text[i]
      if let a = ch.asciiValue, a >= 0x20, a < 0x7F {
        // Printable ASCII is one cell as it is: what `put` makes of it after sanitizing,
        // measuring and `drawable`, without those steps for every cell of a headline.
        if position.row >= 0, position.row < size.rows, col >= 0,
          col < size.columns
        {
          set(Cell(String(ch), style: style(i)), column: col, row: position.row)
          col += 1
        }
      } else {
        col += put(
          String(ch), at: Position(column: col, row: position.row),
          style: style(i), limit: end - col)
      }
      i = next
    }
    return col - position.column
  }

  /// The grapheme as a terminal should receive it.
  ///
  /// Terminals disagree about ZWJ emoji sequences and skin tones; drawing only the base
  /// emoji keeps the columns right in tmux and common terminals. A grapheme that starts
  /// with a combining mark gets a dotted circle to sit on.
  static func drawable(_ ch: Character) -> String {
    // ASCII (one scalar, or CR LF) is drawn as it is; asked first because a Unicode
    // property lookup per cell was most of a headline's drawing.
    if ch.isASCII { return String(ch) }
    let scalars = ch.unicodeScalars
    guard let first = scalars.first else { return " " }
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return "\u{25CC}" + String(ch)
    default: break
    }
    if scalars.count == 1 { return String(ch) }
    // A flag is two regional indicators, one column each to wcwidth: keep both.
    if (0x1F1E6...0x1F1FF).contains(first.value) { return String(ch) }
    if first.properties.isEmoji
      && (first.properties.isEmojiPresentation
        || scalars.contains { $0.value == 0xFE0F })
    {
      return String(first)
    }
    return String(ch)
  }

  // MARK: - Text form, for goldens and `dateline screen`

  /// The rows as plain text, each wide grapheme once, trailing spaces kept.
  public var lines: [String] {
    (0..<size.rows).map { r in
      var s = ""
      for c in 0..<size.columns {
        let cell = self[c, r]
        if cell.width == 0 { continue }
        s += cell.grapheme
      }
      return s
    }
  }

  /// Rows with trailing spaces removed, joined by newlines.
  public var text: String {
    lines.map { line in
      var l = line
      while l.hasSuffix(" ") { l.removeLast() }
      return l
    }.joined(separator: "\n")
  }

  /// Style runs per row: `row 3: 0-79 R` for every non-plain run, as ratatui prints them.
  public var styleRuns: [String] {
    var out: [String] = []
    for r in 0..<size.rows {
      var c = 0
      while c < size.columns {
        let st = self[c, r].style
        var e = c
        while e + 1 < size.columns && self[e + 1, r].style == st { e += 1 }
        if !st.isPlain { out.append("row \(r): \(c)-\(e) \(st.code)") }
        c = e + 1
      }
    }
    return out
  }
}
