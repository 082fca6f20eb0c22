/// A mouse report as the backend decodes it: what happened, where, and with Shift.
///
/// The backend only decodes (ncurses' getmouse, xterm's SGR 1006 reports); what a click
/// or the wheel does depends on what is under the pointer, which only the reducer knows
/// (`BrowserState+Mouse.swift`), as tig's keys.c decodes and request.c decides.
public struct MouseInput: Hashable, Sendable {
  public enum Action: Hashable, Sendable {
    /// The first button went down.
    case press
    case wheelUp, wheelDown
  }

  public var action: Action
  /// The cell under the pointer.
  public var position: Position
  /// Shift was held: the wheel moves one line instead of three.
  public var shift: Bool

  public init(_ action: Action, at position: Position, shift: Bool = false) {
    self.action = action
    self.position = position
    self.shift = shift
  }

  /// Lines one turn of the wheel moves: 3, or 1 with Shift (as in most terminals' apps).
  public var wheelLines: Int {
    switch action {
    case .press: return 0
    case .wheelUp: return shift ? -1 : -3
    case .wheelDown: return shift ? 1 : 3
    }
  }
}
