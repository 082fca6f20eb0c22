/// What a frame becomes on a terminal whose locale is not UTF-8 (`LANG=C`): every cell
/// ASCII, every cell as wide as before, so columns stay aligned.
///
/// The browser's own glyphs get ASCII stand-ins a reader can learn from the help (which
/// goes through the same table): `▸` `>`, `●` `*`, `✗` `x`, `⇄` `=`, `↻` `~`, `…` `~` (tig's
/// trim marker), block elements a ramp of ` .:-=+*#`. Box lines are left to the backend,
/// which draws them with the terminal's line-drawing set (ACS); in text they are `-|+`.
/// Any other non-ASCII grapheme becomes `?` per column it takes.
public enum ASCIIFallback {
  static let table: [String: String] = [
    "▸": ">", "●": "*", "»": ">", "✗": "x", "⇄": "=", "↻": "~", "•": "o",
    "…": "~",
    "█": "#", "▇": "#", "▆": "*", "▅": "+", "▄": "=", "▃": "-", "▂": ":",
    "▁": ".",
    "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+",
    "“": "\"", "”": "\"", "‘": "'", "’": "'", "–": "-", "—": "-", "·": ".",
    "×": "x",
    "←": "<", "→": ">", "↑": "^", "↓": "v", "◌": " ", "\u{00A0}": " ",
  ]

  /// Box-drawing glyphs, which a curses backend draws from the ACS set instead.
  public static let lineDrawing: Set<String> = ["─", "│", "┌", "┐", "└", "┘"]

  /// The ASCII text for a cell's grapheme, exactly `width` columns (1 or 2) wide.
  public static func text(for grapheme: String, width: Int) -> String {
    if grapheme.utf8.allSatisfy({ $0 < 0x80 }) && grapheme.utf8.count == width {
      return grapheme
    }
    if width == 1, let t = table[grapheme] { return t }
    return String(repeating: "?", count: max(1, width))
  }

  /// The frame with every cell ASCII (a wide cell becomes two narrow ones).
  public static func frame(_ frame: Frame) -> Frame {
    var out = frame
    for r in 0..<frame.size.rows {
      for c in 0..<frame.size.columns {
        let cell = frame[c, r]
        guard cell.width > 0 else { continue }
        let t = Array(text(for: cell.grapheme, width: Int(cell.width)))
        for (k, ch) in t.enumerated() where c + k < frame.size.columns {
          out[c + k, r] = Cell(String(ch), width: 1, style: cell.style)
        }
      }
    }
    return out
  }
}
