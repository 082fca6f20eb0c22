/// A key press as the backend decodes it; only `KeyMap` turns keys into events.
public enum Key: Hashable, Sendable {
  case character(Character)
  /// Ctrl plus a letter (`ctrl("c")`).
  case control(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  case function(Int)
  /// The wheel where the pointer is not known (a test, `screen --keys`): the focused area scrolls.
  case wheelUp, wheelDown
  /// A click or a turn of the wheel at a place on the screen.
  case mouse(MouseInput)
  /// Text the terminal marked as pasted (bracketed paste): one edit, not many keys.
  case paste(String)
  /// The terminal changed size.
  case resize(Size)
}
