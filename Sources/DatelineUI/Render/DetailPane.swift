import DatelineCore

/// All of the selected record: the same lines as `dateline show`, wrapped to the pane.
enum DetailPane {
  struct Row {
    var text: String
    var style: Style
    /// Which link this row belongs to, if it is a link.
    var link: Int?
  }

  static func detail(_ s: BrowserState) -> RecordDetail? {
    s.selectedRecord.map {
      RecordDetail(record: $0, corpus: s.corpus, links: s.links)
    }
  }

  static func linkCount(_ s: BrowserState) -> Int {
    detail(s)?.lines.filter {
      guard case .link = $0.kind else { return false }
      return true
    }.count ?? 0
  }

  static func link(_ s: BrowserState, at n: Int) -> Record.ID? {
    var k = 0
    for line in detail(s)?.lines ?? [] {
      if case .link(_, let target) = line.kind {
        if k == n { return target }
        k += 1
      }
    }
    return nil
  }

  static func rows(_ s: BrowserState, width: Int, theme: Theme) -> [Row] {
    guard let d = detail(s), width > 0 else { return [] }
    let labelWidth = width >= 40 ? RecordDetail.labelWidth : 0
    var out: [Row] = []
    var linkNo = 0
    var annotationsShown = false
    for line in d.lines {
      let value = Sanitizer.clean(line.value, newlines: .keep)
      switch line.kind {
      case .heading:
        for w in Truncation.wrap(value, toColumns: width) {
          out.append(Row(text: w, style: theme.heading))
        }
        // The reader's stars, tags and note right under the headline (AnnotationMarks).
        if !annotationsShown {
          out += AnnotationMarks.detailRows(
            s, width: width, labelWidth: labelWidth, theme: theme)
        }
        annotationsShown = true
      case .blank: out.append(Row(text: "", style: .plain))
      case .text:
        for w in Truncation.wrap(value, toColumns: width) {
          out.append(Row(text: w, style: .plain))
        }
      case .columns(let left, let right, let header):
        let indent = String(repeating: " ", count: labelWidth)
        for text in SideBySide.rows(
          left: left, right: right, width: width - labelWidth)
        {
          out.append(
            Row(text: indent + text, style: header ? theme.label : .plain))
        }
      case .field(let label), .link(let label, _):
        var link: Int? = nil
        if case .link = line.kind {
          link = linkNo
          linkNo += 1
        }
        // An empty label continues the field above (a quote under its source).
        let caption = label.isEmpty ? "" : label + ":"
        let head =
          labelWidth > 0 ? Truncation.fit(caption, toColumns: labelWidth) : ""
        let body = Truncation.wrap(value, toColumns: max(1, width - labelWidth))
        if labelWidth == 0 && !caption.isEmpty {
          out.append(Row(text: caption, style: theme.label, link: link))
        }
        for (i, b) in body.enumerated() {
          let prefix =
            labelWidth == 0
            ? "" : (i == 0 ? head : String(repeating: " ", count: labelWidth))
          out.append(
            Row(
              text: prefix + b, style: link != nil ? .underline : .plain,
              link: link))
        }
      }
    }
    return out
  }

  /// The pane's rows at its current width and how many fit below its title.
  struct Viewport {
    var rows: [Row]
    var height: Int
  }

  static func viewport(_ s: BrowserState) -> Viewport {
    guard let rect = Layout(s).pane, rect.columns > 1, rect.rows > 1 else {
      return Viewport(rows: [], height: 0)
    }
    return Viewport(
      rows: rows(s, width: rect.columns - 1, theme: Theme(useColor: false)),
      height: rect.rows - 1)
  }

  /// The links whose every row is on screen when the pane is scrolled to `scroll`.
  static func visibleLinks(_ view: Viewport, scroll: Int) -> [Int] {
    let shown = scroll..<(scroll + view.height)
    var out: [Int] = []
    for (i, row) in view.rows.enumerated() {
      guard let l = row.link, out.last != l else { continue }
      let last = view.rows.lastIndex { $0.link == l } ?? i
      if shown.contains(i) && shown.contains(last) { out.append(l) }
    }
    return out
  }

  static func draw(
    _ s: BrowserState, in rect: Rect, theme: Theme, into frame: inout Frame
  ) {
    let focused = s.focus == .pane
    let title =
      focused
      ? " Detail (Esc: timeline, Enter: follow link)" : " Detail (Tab to focus)"
    guard
      let body = frame.paneTitle(
        title, in: rect, focused: focused, theme: theme)
    else { return }
    let rows = self.rows(s, width: body.columns, theme: theme)
    // `update` keeps the scroll in range for this size; a resize may have shrunk it.
    let scroll = min(s.detailScroll, max(0, rows.count - body.rows))
    let words = s.highlightWords
    for (n, row) in rows.dropFirst(scroll).prefix(body.rows).enumerated() {
      var style = row.style
      var match = theme.match
      if let l = row.link, l == s.detailLink && focused {
        style = theme.selection
        match = theme.selectedMatch
      }
      let found =
        words.isEmpty ? [] : TextSearch.highlights(of: words, in: row.text)
      frame.put(
        row.text, at: Position(column: body.column, row: body.row + n),
        style: style, highlights: found,
        highlightStyle: match, limit: body.columns)
    }
  }
}
