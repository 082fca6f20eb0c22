/// What the browse loop needs from a terminal: its size, drawing a frame, reading keys.
///
/// Two implementations: the curses screen (DatelineCurses) and a scripted screen for tests.
public protocol TerminalScreen {
  /// The current size in cells.
  var size: Size { get }
  /// Shows `frame` (the backend diffs against what it drew last).
  mutating func draw(_ frame: Frame)
  /// The next key, or nil when `timeoutMilliseconds` passed without one.
  mutating func readKey(timeoutMilliseconds: Int) -> Key?
}
