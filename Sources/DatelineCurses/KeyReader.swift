import CNcursesw
import DatelineUI

/// Turns what get_wch() returns into a `Key`.
///
/// Why a separate type: decoding bytes into keys is kept apart from deciding what a key
/// does (tig's keys.c versus request.c); only `KeyMap` in DatelineUI turns keys into
/// events. get_wch() rather than getch(): it returns whole characters (é, 日) instead of
/// UTF-8 bytes, and says whether a value is a character (OK) or a key code (KEY_CODE_YES).
struct KeyReader {
  /// The next key, or nil after `timeoutMilliseconds` (negative: wait for ever) with
  /// nothing the app knows about (unknown key codes and stray controls are dropped).
  func read(timeoutMilliseconds: Int) -> Key? {
    let window = dateline_stdscr()
    wtimeout(
      window,
      Int32(clamping: timeoutMilliseconds < 0 ? -1 : timeoutMilliseconds))
    var value: wint_t = 0
    switch wget_wch(window, &value) {
    case OK where value == 0x1B: return Self.escapeOrPaste(window)
    case OK: return Self.character(value)
    case KEY_CODE_YES: return Self.keyCode(Int32(bitPattern: value))
    default: return nil  // ERR: timeout, or a signal interrupted the wait.
    }
  }

  /// A character: Enter, Tab, Escape, Backspace and Ctrl-letter come as control codes.
  static func character(_ value: wint_t) -> Key? {
    switch value {
    case 0x0A, 0x0D: return .enter  // nonl(): Enter arrives as CR.
    case 0x09: return .tab
    case 0x1B: return .escape
    case 0x7F, 0x08: return .backspace
    case 0x01...0x1A:
      return Unicode.Scalar(0x60 + value).map { .control(Character($0)) }
    case 0x00..<0x20, 0x80...0x9F: return nil
    default:
      return Unicode.Scalar(value).map { .character(Character($0)) }
    }
  }

  /// What follows an ESC: a bracketed paste (`ESC [200~ … ESC [201~`, turned on by
  /// `CursesTerminal`), or a lone Escape, with whatever was read after it given back.
  ///
  /// Why by hand: terminfo has no key for the paste markers, so ncurses hands their bytes
  /// over one by one; reading the pasted text here makes it one `.paste` key, one edit.
  static func escapeOrPaste(_ window: UnsafeMutablePointer<WINDOW>?) -> Key {
    let start: [wint_t] = [0x5B, 0x32, 0x30, 0x30, 0x7E]  // "[200~"
    var read: [wint_t] = []
    wtimeout(window, 0)
    for expected in start {
      var v: wint_t = 0
      guard wget_wch(window, &v) == OK else { break }
      read.append(v)
      if v != expected { break }
    }
    guard read == start else {
      // Not a paste: put back what was read (the stack is last in, first out).
      for v in read.reversed() { _ = unget_wch(wchar_t(bitPattern: UInt32(v))) }
      return .escape
    }
    return .paste(pastedText(window))
  }

  /// The pasted characters up to `ESC [201~`; a paste cut short (no end marker within a
  /// second of silence) ends where it stopped. At most `limit` characters are kept, the
  /// rest read and dropped, so a huge paste costs memory for the prompt's cap only.
  static func pastedText(
    _ window: UnsafeMutablePointer<WINDOW>?, limit: Int = 64 * 1024
  ) -> String {
    let end: [UnicodeScalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
    var scalars: [UnicodeScalar] = []
    var kept = 0
    var tail: [UnicodeScalar] = []
    wtimeout(window, 1000)
    while true {
      var v: wint_t = 0
      let r = wget_wch(window, &v)
      guard r == OK || r == KEY_CODE_YES else { break }
      if r == KEY_CODE_YES { continue }
      guard let u = UnicodeScalar(UInt32(v)) else { continue }
      tail.append(u)
      if tail.count > end.count { tail.removeFirst() }
      if tail == end {
        scalars.removeLast(min(scalars.count, end.count - 1))
        break
      }
      if kept < limit {
        scalars.append(u)
        kept += 1
      }
    }
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars)
    return String(s)
  }

  /// A key code: arrows, paging, function keys, resize and the mouse.
  static func keyCode(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_BTAB: return .backTab
    case KEY_RESIZE:
      return .resize(
        Size(columns: Int(dateline_columns()), rows: Int(dateline_rows())))
    case KEY_MOUSE: return mouse()
    case dateline_key_f(1)...dateline_key_f(63):
      return .function(Int(code - dateline_key_f(0)))
    default: return nil
    }
  }

  /// The pending mouse event as a click or a turn of the wheel, with its cell and Shift.
  ///
  /// ncurses decodes the terminal's report (xterm's SGR 1006 form when terminfo's kmous
  /// says `\E[<`, the older X10 form otherwise); the release of a click is not asked
  /// for (`CursesTerminal.mouseMask`), so one click is one event.
  private static func mouse() -> Key? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    let action: MouseInput.Action
    if event.bstate & dateline_button4_pressed() != 0 {
      action = .wheelUp
    } else if event.bstate & dateline_button5_pressed() != 0 {
      action = .wheelDown
    } else if event.bstate & dateline_button1_pressed() != 0 {
      action = .press
    } else {
      return nil
    }
    let at = Position(column: Int(max(0, event.x)), row: Int(max(0, event.y)))
    return .mouse(
      MouseInput(
        action, at: at, shift: event.bstate & dateline_button_shift() != 0))
  }
}
