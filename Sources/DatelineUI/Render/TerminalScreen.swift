/// What the browse loop needs from a terminal: its size, drawing a frame, reading keys,
/// lending the terminal to another program, and the signal that asks the program to end.
///
/// Two conformers, as ratatui has its terminal backends and `TestBackend`: the curses
/// screen (`CursesScreen` in DatelineCurses) and `ScriptedScreen`
/// (DatelineTestSupport), which plays keys, resizes and signals from a script and keeps
/// every frame and sequence sent, so that the browse loop itself (`BrowseSession`) runs
/// in an ordinary test.
public protocol TerminalScreen {
  /// The current size in cells.
  var size: Size { get }
  /// The SIGINT, SIGTERM or SIGHUP that asked dateline to quit, if one arrived: the loop
  /// ends, the session is saved and the shell dies of the signal.
  var pendingSignal: Int32? { get }
  /// Shows `frame` (the backend diffs against what it drew last).
  mutating func draw(_ frame: Frame)
  /// The next key, or nil when `timeoutMilliseconds` passed without one.
  mutating func readKey(timeoutMilliseconds: Int) -> Key?
  /// Sends `sequence` to the terminal as it is, between frames (OSC 52 copies a
  /// citation to the clipboard); the errno of a write that failed, nil when written.
  mutating func send(_ sequence: String) -> Int32?
  /// Gives the terminal to another program (the editor) until `resume`.
  mutating func suspend()
  /// Takes the terminal back after `suspend`: the next `draw` repaints every cell.
  mutating func resume()
}
