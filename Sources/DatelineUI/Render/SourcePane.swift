import DatelineCore

/// The source's full text, wrapped, scrolled to the record's quote and highlighted.
enum SourcePane {
  /// Rows above the text: title, outlet and date, a rule.
  static let headerRows = 3

  struct Body {
    var text: String
    var lines: [Range<String.Index>]
    var quote: Range<Int>?
    var quoteLine: Int?
  }

  static func body(_ s: BrowserState, width: Int) -> Body? {
    guard let r = s.selectedRecord, let source = s.corpus.source(r.source), width > 0 else { return nil }
    let text = source.text
    let lines = Truncation.wrapRanges(text, toColumns: width)
    var quote: Range<Int>? = nil
    var quoteLine: Int? = nil
    if let q = r.quote, case .success(let m) = QuoteLocator.locate(q, in: text) {
      quote = m.utf8Range
      quoteLine = lines.firstIndex { text.utf8.distance(from: text.startIndex, to: $0.upperBound) > m.utf8Range.lowerBound }
    }
    return Body(text: text, lines: lines, quote: quote, quoteLine: quoteLine)
  }

  static func bodyRect(_ s: BrowserState) -> Rect? {
    guard let rect = Layout(s).pane else { return nil }
    return Rect(column: rect.column + 1, row: rect.row + headerRows, columns: rect.columns - 2, rows: rect.rows - headerRows)
  }

  /// The scroll that puts the quote a third of the way down the pane.
  static func autoScroll(_ s: BrowserState) -> Int {
    guard let rect = bodyRect(s), let b = body(s, width: rect.columns), let ql = b.quoteLine else { return 0 }
    return max(0, ql - max(0, rect.rows / 3))
  }

  static func draw(_ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame) {
    guard let r = s.selectedRecord, let source = s.corpus.source(r.source) else { return }
    let focused = s.focus == .pane
    frame.put(" " + source.title, at: Position(column: rect.column, row: rect.row), style: focused ? theme.focusTitle : theme.heading, limit: rect.columns)
    var sub = " " + source.outlet
    if let v = source.via { sub += " via " + v }
    if let p = source.published { sub += " · " + p.description + (source.publishedInferred ? " (inferred)" : "") }
    if rect.rows > 1 { frame.put(sub, at: Position(column: rect.column, row: rect.row + 1), style: theme.label, limit: rect.columns) }
    if rect.rows > 2 {
      frame.put(String(repeating: "─", count: max(0, rect.columns)), at: Position(column: rect.column, row: rect.row + 2), style: theme.divider, limit: rect.columns)
    }
    guard let area = bodyRect(s), !area.isEmpty, let b = body(s, width: area.columns) else { return }
    let maxScroll = max(0, b.lines.count - area.rows)
    let scroll = min(s.sourceScroll ?? autoScroll(s), maxScroll)
    let text = b.text
    for (n, range) in b.lines.dropFirst(scroll).prefix(area.rows).enumerated() {
      let line = String(text[range])
      var hl: [Range<String.Index>] = []
      if let q = b.quote {
        let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let end = text.utf8.distance(from: text.startIndex, to: range.upperBound)
        let lo = max(q.lowerBound, start)
        let hi = min(q.upperBound, end)
        if lo < hi {
          let a = line.utf8.index(line.startIndex, offsetBy: lo - start)
          let z = line.utf8.index(line.startIndex, offsetBy: hi - start)
          hl = [a..<z]
        }
      }
      frame.put(line, at: Position(column: area.column, row: area.row + n), style: .plain, highlights: hl, highlightStyle: theme.highlight, limit: area.columns)
    }
  }
}
