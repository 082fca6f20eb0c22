import DatelineCore

/// The source's full text, wrapped, scrolled to the record's quote and highlighted.
///
/// A record backed by several reports (`also`) shows one source at a time, each scrolled
/// to its own quote; `o`/`O` step through them and the title says which one this is.
enum SourcePane {
  /// Rows above the text: title, outlet and date, a rule.
  static let headerRows = 3

  struct Body {
    var text: String
    var lines: [Range<String.Index>]
    var quote: Range<Int>?
    var quoteLine: Int?
    /// The part of a very long text that is wrapped (UTF-8 offsets), when not all of it.
    var window: Range<Int>?
    var totalBytes: Int
  }

  /// Texts longer than this are shown as a window around the quote, so a 50 MB source
  /// text costs a frame no more than a long article does.
  static let windowBytes = 256 * 1024

  static func body(_ s: BrowserState, width: Int) -> Body? {
    guard let shown = s.shownSource, let source = s.corpus.source(shown.id),
      width > 0
    else { return nil }
    let text = source.text
    var quote: Range<Int>? = nil
    if let q = shown.quote,
      case .success(let m) = QuoteLocator.locate(q, in: text)
    {
      quote = m.utf8Range
    }
    let total = text.utf8.count
    var window: Range<Int>? = nil
    var region = text.startIndex..<text.endIndex
    if total > windowBytes {
      let anchor = quote?.lowerBound ?? 0
      let lo = lineStart(in: text, before: max(0, anchor - windowBytes / 4))
      let hi = lineStart(in: text, before: min(total, lo + windowBytes))
      let end = hi > anchor ? hi : total
      window = lo..<end
      region = index(text, lo)..<index(text, end)
    }
    let base = window?.lowerBound ?? 0
    let sub = String(text[region])
    let lines = Truncation.wrapRanges(sub, toColumns: width).map {
      r -> Range<String.Index> in
      // Map the ranges of the region copy back into the full text.
      let a = sub.utf8.distance(from: sub.startIndex, to: r.lowerBound) + base
      let b = sub.utf8.distance(from: sub.startIndex, to: r.upperBound) + base
      return index(text, a)..<index(text, b)
    }
    let quoteLine = quote.flatMap { q in
      lines.firstIndex {
        text.utf8.distance(from: text.startIndex, to: $0.upperBound)
          > q.lowerBound
      }
    }
    return Body(
      text: text, lines: lines, quote: quote, quoteLine: quoteLine,
      window: window, totalBytes: total)
  }

  static func index(_ text: String, _ offset: Int) -> String.Index {
    var i = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    while i > text.startIndex, i.samePosition(in: text.unicodeScalars) == nil {
      i = text.utf8.index(before: i)
    }
    return i
  }

  /// The start of the line holding `offset` if a newline is near, else `offset` itself.
  static func lineStart(in text: String, before offset: Int) -> Int {
    let utf8 = text.utf8
    var i = utf8.index(utf8.startIndex, offsetBy: offset)
    var steps = 0
    while i > utf8.startIndex && steps < 4096 {
      let p = utf8.index(before: i)
      if utf8[p] == 0x0A { return utf8.distance(from: utf8.startIndex, to: i) }
      i = p
      steps += 1
    }
    return offset
  }

  static func bodyRect(_ s: BrowserState) -> Rect? {
    guard let rect = Layout(s).pane else { return nil }
    return Rect(
      column: rect.column + 1, row: rect.row + headerRows,
      columns: rect.columns - 2, rows: rect.rows - headerRows)
  }

  /// The scroll that puts the quote a third of the way down the pane.
  static func autoScroll(_ s: BrowserState) -> Int {
    guard let rect = bodyRect(s), let b = body(s, width: rect.columns),
      let ql = b.quoteLine
    else { return 0 }
    return max(0, ql - max(0, rect.rows / 3))
  }

  /// Draws the header (title, outlet and date, a rule) and the text around the quote,
  /// the quote highlighted and search matches standing out in and out of it.
  static func draw(
    _ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame
  ) {
    guard let r = s.selectedRecord, let shown = s.shownSource,
      let source = s.corpus.source(shown.id)
    else { return }
    let (title, sub) = headings(s, record: r, source: source)
    drawHeader(
      title: title, sub: sub, focused: s.focus == .pane, in: rect,
      theme: theme, into: &frame)
    drawBody(s, theme: theme, into: &frame)
  }

  /// The title and the line under it. One source: its title, then outlet and date.
  /// Several: which one, its outlet and date in the title, so stepping with o/O shows at
  /// once whose report this is.
  static func headings(
    _ s: BrowserState, record r: Record, source: Source
  ) -> (title: String, sub: String) {
    var outlet = source.outlet
    if let v = source.via { outlet += " via " + v }
    if let p = source.published {
      outlet +=
        " · " + p.description + (source.publishedInferred ? " (inferred)" : "")
    }
    let count = r.sourceCount
    var title = " " + source.title
    var sub = " " + outlet
    if count > 1 {
      title =
        " Source \(min(s.sourceIndex, count - 1) + 1) of \(count): " + outlet
      sub = " " + source.title + " · o next, O back"
    }
    if source.text.utf8.count > windowBytes {
      sub += " · long text: showing \(windowBytes / 1024) KB around the quote"
    }
    return (title, sub)
  }

  /// The header's three rows, as many as fit: the title (in the focus colour when the
  /// pane has the keys), the sub line and a rule.
  static func drawHeader(
    title: String, sub: String, focused: Bool, in rect: Rect, theme: Theme,
    into frame: inout Frame
  ) {
    if focused {
      frame.fill(
        Rect(
          column: rect.column, row: rect.row, columns: rect.columns, rows: 1),
        style: theme.focusTitle)
    }
    frame.put(
      Truncation.truncate(Sanitizer.clean(title), toColumns: rect.columns),
      at: Position(column: rect.column, row: rect.row),
      style: focused ? theme.focusTitle : theme.heading,
      limit: rect.columns)
    if rect.rows > 1 {
      frame.put(
        Truncation.truncate(Sanitizer.clean(sub), toColumns: rect.columns),
        at: Position(column: rect.column, row: rect.row + 1),
        style: theme.label, limit: rect.columns)
    }
    if rect.rows > 2 {
      frame.put(
        String(repeating: "─", count: max(0, rect.columns)),
        at: Position(column: rect.column, row: rect.row + 2),
        style: theme.divider, limit: rect.columns)
    }
  }

  /// The text's lines from the scroll (by hand, else the quote a third of the way down):
  /// the quote in the highlight style, search matches in the match style, and a match
  /// inside the quote in a third.
  static func drawBody(
    _ s: BrowserState, theme: Theme, into frame: inout Frame
  ) {
    guard let area = bodyRect(s), !area.isEmpty,
      let b = body(s, width: area.columns)
    else { return }
    let maxScroll = max(0, b.lines.count - area.rows)
    let scroll = min(s.sourceScroll ?? autoScroll(s), maxScroll)
    let text = b.text
    let words = s.highlightWords
    for (n, range) in b.lines.dropFirst(scroll).prefix(area.rows).enumerated() {
      let line = String(text[range])
      let hl = quoteRanges(b.quote, of: range, in: text, line: line)
      let found =
        words.isEmpty ? [] : TextSearch.highlights(of: words, in: line)
      frame.put(
        line, at: Position(column: area.column, row: area.row + n),
        limit: area.columns
      ) { i in
        let quoted = hl.contains { $0.contains(i) }
        guard found.contains(where: { $0.contains(i) }) else {
          return quoted ? theme.highlight : .plain
        }
        return quoted ? theme.quoteMatch : theme.match
      }
    }
  }

  /// The part of `line` (the text's `range`) inside the quote, `quote` being the
  /// quote's UTF-8 offsets in `text`; empty when the line has none of it.
  static func quoteRanges(
    _ quote: Range<Int>?, of range: Range<String.Index>, in text: String,
    line: String
  ) -> [Range<String.Index>] {
    guard let q = quote else { return [] }
    let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    let end = text.utf8.distance(from: text.startIndex, to: range.upperBound)
    let lo = max(q.lowerBound, start)
    let hi = min(q.upperBound, end)
    guard lo < hi else { return [] }
    let a = line.utf8.index(line.startIndex, offsetBy: lo - start)
    let z = line.utf8.index(line.startIndex, offsetBy: hi - start)
    return [a..<z]
  }
}
