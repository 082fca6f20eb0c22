import CNcursesw

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts the terminal into curses mode and back; the only place that calls newterm/endwin.
///
/// Start-up is where a TUI most often leaves a user with a broken terminal or a hang, so
/// every way it can fail is checked before the screen changes, and each failure says what
/// to do in words (see `CursesError`).
public enum CursesTerminal {
  /// Milliseconds ncurses waits after ESC for the rest of an escape sequence.
  ///
  /// The default is 1000, which makes the Escape key feel dead; 25 ms is enough for the
  /// bytes of an arrow key to arrive together, even over ssh.
  static let escapeDelayMilliseconds: Int32 = 25

  /// Enters curses mode on stdin/stdout and returns the screen to draw on.
  ///
  /// Sets the locale from the environment (a codeset that is not UTF-8 gets an ASCII
  /// screen), opens the terminal with newterm() (initscr would exit the process on an
  /// unknown `$TERM`), turns on cbreak (Ctrl-C and Ctrl-Z keep working), the keypad,
  /// clicks and the wheel (`mouse`, the config's `mouse = false` or `--no-mouse` turn them
  /// off) and, unless NO_COLOR is set, colours; then installs `SignalRestore`.
  public static func start(mouse: Bool = true) throws(CursesError)
    -> CursesScreen
  {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw CursesError(
        "dateline needs a terminal: stdin/stdout is not a TTY; try `dateline list`"
      )
    }
    let utf8 = useLocale()
    let term = environment("TERM")
    guard let term, !term.isEmpty else {
      throw CursesError(
        "dateline needs a terminal type: TERM is not set; try `TERM=xterm-256color`"
      )
    }
    guard dateline_newterm() != nil else {
      throw CursesError(
        "dateline does not know the terminal type \"\(term)\" (TERM); try `TERM=xterm-256color`"
      )
    }
    guard dateline_can_address_cursor() != 0 else {
      endwin()
      throw CursesError(
        "dateline cannot draw on the terminal type \"\(term)\" (TERM): it cannot move the cursor; "
          + "try `dateline list`")
    }
    let window = dateline_stdscr()
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    leaveok(window, true)
    set_escdelay(escapeDelayMilliseconds)
    curs_set(0)
    // Clicks and the wheel, unless the user turned the mouse off (then the terminal keeps
    // its own selection and wheel). ncurses switches the terminal's reporting off in
    // endwin(), so on quit and on Ctrl-Z too, and on again when the screen comes back.
    mouseinterval(0)
    mousemask(mouse ? mouseMask : 0, nil)
    let palette = CursesPalette.start(
      noColor: !(environment("NO_COLOR") ?? "").isEmpty)
    SignalRestore.install()
    // Bracketed paste (xterm's mode 2004): a paste arrives marked, as one edit.
    writeToTerminal("\u{1B}[?2004h")
    return CursesScreen(palette: palette, asciiOnly: !utf8)
  }

  /// Leaves curses mode and gives the terminal back as it was; safe to call twice.
  ///
  /// isendwin() is true from an endwin() until the next refresh, so a second call (from a
  /// `defer` after `SignalRestore.reraisePendingSignal`, say) sends nothing.
  public static func end() {
    if !isendwin() {
      let alternate = dateline_has_alternate_screen() != 0
      writeToTerminal("\u{1B}[?2004l")
      endwin()
      // endwin() leaves the cursor on the last row, over the status line; without an
      // alternate screen (vt100) that frame stays, so move the prompt to a line below it.
      // Nothing to report if the terminal is gone: the write is best effort.
      if !alternate { _ = write(STDOUT_FILENO, "\n", 1) }
    }
  }

  /// The mouse events asked for: the first button's press, the wheel (buttons 4 and 5),
  /// and Shift with them (without it in the mask ncurses drops the modifier).
  static var mouseMask: mmask_t {
    dateline_button1_pressed() | dateline_button4_pressed()
      | dateline_button5_pressed() | dateline_button_shift()
  }

  // MARK: - Private

  /// Sends a control sequence straight to the terminal (best effort: a terminal that is
  /// gone has nobody to tell).
  private static func writeToTerminal(_ sequence: String) {
    var bytes = Array(sequence.utf8)
    _ = bytes.withUnsafeMutableBytes {
      write(STDOUT_FILENO, $0.baseAddress, $0.count)
    }
  }

  /// Takes the locale from the environment and says whether its codeset is UTF-8.
  ///
  /// The locale is followed, not overridden: a terminal set up for `LANG=C` shows UTF-8
  /// bytes as garbage, so there the screen draws ASCII and ACS lines (`ASCIIFallback`).
  private static func useLocale() -> Bool {
    setlocale(LC_ALL, "")
    return isUTF8Codeset()
  }

  private static func isUTF8Codeset() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }

  private static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }
}
