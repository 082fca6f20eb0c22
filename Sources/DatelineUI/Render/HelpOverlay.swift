import DatelineCore

/// `?`: every key, grouped; any key closes.
///
/// Two columns of groups when the screen is wide enough (80×24 fits all of it), one
/// column otherwise, cut with a note rather than silently.
enum HelpOverlay {
  typealias Group = (title: String, keys: [(key: String, what: String)])

  static let left: [Group] = [
    (
      "Move",
      [
        ("j k ↓ ↑", "next / previous record"),
        ("PgDn PgUp", "page (also Space, b)"),
        ("g G", "first / last (Home, End)"),
        ("← → h l", "headlines left / right"),
        ("] [ } {", "next / prev day / month"),
        ("t", "jump: 2023-12, -1w, +1m"),
      ]
    ),
    (
      "Panes",
      [
        ("Enter", "detail; on a link: follow"), ("o O", "source; next / back"),
        ("f", "figures over time"),
        ("Tab Esc", "focus timeline / pane"),
        ("z", "maximise the focused pane"), ("H", "density strip on / off"),
        ("q", "close the pane"),
      ]
    ),
    (
      "Links and marks",
      [
        ("d", "go to the disputed side"), ("v", "revised from / revised by"),
        ("- BkSp", "back to where a jump began"),
        ("m '", "mark / go to the next mark"),
        ("* T i I E", "star tag note; E: editor"),
      ]
    ),
  ]
  static let right: [Group] = [
    (
      "Filter",
      [
        ("1-9", "toggle the party on a key"), ("p", "party list with counts"),
        ("a A", "any / all; basis filter"),
        ("r", "date range: since..until"), ("> <", "range from / to selection"),
        ("# c 0", "tags, context (+ =), clear"),
      ]
    ),
    (
      "Search",
      [
        ("/ :", "search; : command line"),
        ("n N F", "next/prev match; F filter"),
        ("e y V", "export / cite / views"),
        ("R !", "reload now / errors list"),
      ]
    ),
    (
      "Markers",
      [
        ("● » +2", "event, statement, +2 srcs"),
        ("? ✗ #", "claim, denial, figure"),
        ("⇄ ↻ •", "disputed, revised, marked"),
      ]
    ),
    (
      "Drafts, mouse, quit",
      [
        ("s x u", "draft: accept reject undo"),
        ("D K P B", "date kind parties basis"),
        ("click", "row, pane; a chip: drop it"),
        ("q Q ^C", "quit / quit at once"),
      ]
    ),
  ]

  static let keyWidth = 11
  static let columnWidth = 37

  /// The groups as lines; `spaced` puts a blank line between groups (when there is room).
  static func lines(_ groups: [Group], spaced: Bool = true) -> [String] {
    var out: [String] = []
    for (n, g) in groups.enumerated() {
      if n > 0 && spaced { out.append("") }
      out.append(g.title)
      for k in g.keys {
        out.append(
          " " + Truncation.fit(k.key, toColumns: keyWidth - 1) + k.what)
      }
    }
    return out
  }

  static func draw(_ s: BrowserState, theme: Theme, into frame: inout Frame) {
    let twoColumns = s.size.columns >= 2 * columnWidth + 6
    // Blank lines between groups only when every key still fits (titles are bold anyway).
    let room = max(0, s.size.rows - 1 - 2)
    let spacedRows =
      twoColumns
      ? max(lines(left).count, lines(right).count)
      : lines(left).count + 1 + lines(right).count
    let spaced = spacedRows <= room
    let l = lines(left, spaced: spaced)
    let r = lines(right, spaced: spaced)
    let body: [(String, String?)] =
      twoColumns
      ? (0..<max(l.count, r.count)).map {
        ($0 < l.count ? l[$0] : "", $0 < r.count ? r[$0] : "")
      }
      : (l + [""] + r).map { ($0, nil) }
    let width =
      twoColumns ? 2 * columnWidth + 6 : min(s.size.columns, columnWidth + 4)
    let box = Box(in: s.size, columns: width, rows: body.count + 2)
    box.draw(title: "Keys — any key closes", into: &frame)
    let inner = box.inner
    guard !inner.isEmpty else { return }
    let cut = body.count > inner.rows
    for (n, row) in body.prefix(inner.rows).enumerated() {
      let y = inner.row + n
      if cut && n == inner.rows - 1 {
        frame.put(
          "… (a larger terminal shows every key)",
          at: Position(column: inner.column, row: y), style: theme.label,
          limit: inner.columns)
        break
      }
      func put(_ text: String, _ column: Int, _ limit: Int) {
        let isTitle = !text.hasPrefix(" ") && !text.isEmpty
        frame.put(
          Truncation.truncate(text, toColumns: limit),
          at: Position(column: column, row: y),
          style: isTitle ? theme.heading : .plain, limit: limit)
      }
      if let right = row.1 {
        put(row.0, inner.column, columnWidth)
        put(
          right, inner.column + columnWidth + 2, inner.columns - columnWidth - 2
        )
      } else {
        put(row.0, inner.column, inner.columns)
      }
    }
  }
}
