import DatelineCore

/// Draws the whole screen for a state: `render(State, Size) -> Frame`, pure.
public func render(_ state: BrowserState) -> Frame {
  var frame = Frame(size: state.size)
  let layout = Layout(state)
  if layout.tooSmall {
    let msg = "terminal too small (need \(Layout.minimum))"
    for (i, line) in Truncation.wrap(msg, toColumns: max(1, state.size.columns))
      .prefix(state.size.rows).enumerated()
    {
      frame.put(line, at: Position(column: 0, row: i))
    }
    return frame
  }
  var theme = Theme(
    useColor: state.useColor, kindColors: state.preferences.kindColors)
  if state.useColor { theme.parties = PartyPalette(corpus: state.corpus) }
  if !layout.timeline.isEmpty {
    TimelinePane.draw(state, in: layout.timeline, theme: theme, into: &frame)
  }
  if let strip = layout.strip {
    DensityStripRow.draw(state, in: strip, theme: theme, into: &frame)
  }
  if let paneRect = layout.pane, let pane = state.pane {
    if layout.paneBeside && !state.maximized {
      for r in paneRect.row..<(paneRect.row + paneRect.rows) {
        frame.put(
          "│", at: Position(column: paneRect.column - 1, row: r),
          style: theme.divider)
      }
    }
    switch pane {
    case .detail:
      DetailPane.draw(state, in: paneRect, theme: theme, into: &frame)
    case .source:
      SourcePane.draw(state, in: paneRect, theme: theme, into: &frame)
    case .figures:
      FiguresPane.draw(state, in: paneRect, theme: theme, into: &frame)
    case .issues:
      IssuesPane.draw(state, in: paneRect, theme: theme, into: &frame)
    }
  }
  StatusLine.draw(state, in: layout.status, theme: theme, into: &frame)
  switch state.overlay {
  case .help: HelpOverlay.draw(state, theme: theme, into: &frame)
  case .parties(let cursor):
    PartyList.draw(state, cursor: cursor, theme: theme, into: &frame)
  case .links(let choice):
    LinkChoiceList.draw(state, choice, theme: theme, into: &frame)
  case .tags(let cursor):
    TagList.draw(state, cursor: cursor, theme: theme, into: &frame)
  case .views(let cursor):
    ViewList.draw(state, cursor: cursor, theme: theme, into: &frame)
  case nil: break
  }
  return frame
}

/// The styles in use; with colours off only attributes remain (NO_COLOR, monochrome).
struct Theme {
  let useColor: Bool
  /// The config's colour per party kind (`[colors]`); NO_COLOR turns `useColor` off,
  /// and then none of these is drawn.
  var kindColors: [Party.Kind: Style.Color] = [:]
  /// Colours by party hierarchy (drawn with colours on only).
  var parties: PartyPalette?
  var selection: Style { .reverse }
  var status: Style { .reverse }
  var separator: Style { Style(bold: true, dim: false) }
  var divider: Style { .dim }
  var heading: Style { .bold }
  var label: Style { .dim }
  var highlight: Style { Style(bold: true, reverse: true) }
  var match: Style {
    useColor
      ? Style(foreground: .yellow, bold: true, underline: true)
      : Style(bold: true, underline: true)
  }
  /// A match inside the selection bar (or a quote's highlight): the bar's reverse kept.
  var selectedMatch: Style { Style(bold: true, reverse: true, underline: true) }
  /// A search match inside the source pane's quote (`highlight`).
  var quoteMatch: Style { Style(bold: true, reverse: true, underline: true) }
  /// The focused pane's title bar: reverse video in monochrome, a colour bar otherwise.
  var focusTitle: Style {
    useColor
      ? Style(foreground: .cyan, bold: true, reverse: true)
      : Style(bold: true, reverse: true)
  }
  /// Density strip: the whole data dim, the filtered records over it, the selection's column.
  var stripAll: Style { .dim }
  var stripShown: Style { useColor ? Style(foreground: .cyan) : .plain }
  var stripSelected: Style { .reverse }
  /// Timeline markers: in a dispute, revised later (and dimmed), backed by more sources,
  /// bookmarked.
  var disputeMarker: Style {
    useColor ? Style(foreground: .red, bold: true) : .bold
  }
  var superseded: Style { .dim }
  var sourcesMarker: Style { useColor ? Style(foreground: .green) : .plain }
  var bookmark: Style {
    useColor ? Style(foreground: .yellow, bold: true) : .bold
  }

  /// A party's colour: the config's colour for its kind (`[colors]`), else its root's
  /// colour (PartyPalette: a root's own colour from the data, else one the other roots
  /// leave free).
  func party(_ p: Party?, index: Int) -> Style {
    guard useColor, let p else { return .plain }
    if let c = kindColors[p.kind] { return Style(foreground: c) }
    return parties?.style(index) ?? .plain
  }

  func kind(_ k: Record.Kind) -> Style {
    guard useColor else { return k == .denial || k == .claim ? .bold : .plain }
    switch k {
    // The terminal's own colour: the commonest kind needs no colour, and blue is dark on black.
    case .event: return Style(bold: true)
    case .statement: return Style(foreground: .green)
    case .claim: return Style(foreground: .yellow, bold: true)
    case .denial: return Style(foreground: .red, bold: true)
    case .figure: return Style(foreground: .magenta, bold: true)
    }
  }
}

/// One-column markers for record kinds, explained in the help.
enum KindMarker {
  /// After the kind: the record disputes or is disputed (`d` follows).
  static let dispute = "⇄"
  /// The record was revised by a later one (`v` follows).
  static let superseded = "↻"
  /// In the pointer column: the record is bookmarked (`'` cycles).
  static let bookmark = "•"

  static func of(_ k: Record.Kind) -> String {
    switch k {
    case .event: return "●"
    case .statement: return "»"
    case .claim: return "?"
    case .denial: return "✗"
    case .figure: return "#"
    }
  }
}
