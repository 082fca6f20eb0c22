/// What the browse loop needs from a terminal: its size, drawing a frame, reading keys.
///
/// One implementation so far, the curses screen (DatelineCurses); the browse loop still
/// names it directly. A scripted screen (keys in, frames out, as bubbletea's teatest) that
/// runs the loop's effects in ordinary tests is issue 18's open item.
public protocol TerminalScreen {
  /// The current size in cells.
  var size: Size { get }
  /// Shows `frame` (the backend diffs against what it drew last).
  mutating func draw(_ frame: Frame)
  /// The next key, or nil when `timeoutMilliseconds` passed without one.
  mutating func readKey(timeoutMilliseconds: Int) -> Key?
}
