import CNcursesw
import DatelineUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal as a `TerminalScreen`: draws Frames with ncursesw and reads keys.
///
/// Why it diffs itself although ncurses also diffs (stdscr against curscr): comparing two
/// Frames cell by cell is cheap, and writing only the changed cells into stdscr keeps
/// ncurses' work, and what it sends, proportional to what changed. Everything is drawn
/// again when the last frame cannot be trusted: a new size, a resize, or a resume after
/// Ctrl-Z (the shell may have written over the screen). Create it with
/// `CursesTerminal.start()`.
public struct CursesScreen: TerminalScreen {
  private let palette: CursesPalette
  private let keys = KeyReader()
  /// What is on the terminal now, as far as this screen knows; nil forces a full redraw.
  private var lastFrame: Frame?
  /// The terminal size when `lastFrame` was drawn.
  private var lastScreenSize: Size?

  /// True when the locale is not UTF-8: cells are drawn as ASCII, lines with ACS.
  private let asciiOnly: Bool

  init(palette: CursesPalette, asciiOnly: Bool = false) {
    self.palette = palette
    self.asciiOnly = asciiOnly
  }

  /// Whether colour pairs are drawn (false with NO_COLOR or on a monochrome terminal).
  public var usesColor: Bool { palette.usesColor }

  /// The terminal size now, as ncurses knows it after the last KEY_RESIZE.
  public var size: Size {
    Size(columns: Int(dateline_columns()), rows: Int(dateline_rows()))
  }

  /// The SIGINT, SIGTERM or SIGHUP caught since the start (`SignalRestore`).
  public var pendingSignal: Int32? { SignalRestore.pendingSignal }

  /// Writes `sequence` straight to the terminal (stdout, which curses draws on): the
  /// terminal is ours while curses runs. Returns the errno of a failed write.
  public mutating func send(_ sequence: String) -> Int32? {
    let bytes = Array(sequence.utf8)
    var done = 0
    while done < bytes.count {
      let n = bytes[done...].withUnsafeBytes {
        write(STDOUT_FILENO, $0.baseAddress, $0.count)
      }
      if n > 0 {
        done += n
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        return n < 0 ? errno : EIO
      }
    }
    return nil
  }

  /// Leaves curses mode so that another program (the editor) has the terminal.
  public mutating func suspend() {
    CursesTerminal.end()
  }

  /// Back from another program: the next `draw` sets curses up again (any refresh
  /// does after endwin) and repaints every cell, since the other program wrote to the
  /// terminal in a way curses cannot see. Resize and Ctrl-Z are handled here already.
  public mutating func resume() {
    lastFrame = nil
  }

  /// Shows `frame`, writing only the cells that differ from the last drawn frame.
  ///
  /// A frame larger than the terminal (drawn just before a resize was read) is clipped;
  /// the next `.resize` key brings a frame of the right size.
  public mutating func draw(_ frame: Frame) {
    if SignalRestore.takeResumed() { lastFrame = nil }
    let window = dateline_stdscr()
    let screen = size
    let previous: Frame?
    if let lastFrame, lastFrame.size == frame.size, lastScreenSize == screen {
      previous = lastFrame
    } else {
      // Start from blanks on both sides: werase() empties stdscr and clearok() makes
      // ncurses clear the terminal too, whatever it thinks is there.
      werase(window)
      clearok(dateline_curscr(), true)
      previous = Frame(size: frame.size)
    }
    let columns = min(frame.size.columns, screen.columns)
    let rows = min(frame.size.rows, screen.rows)
    for row in 0..<rows {
      for column in 0..<columns {
        let cell = frame[column, row]
        // Continuation cells are covered by the wide glyph to their left.
        if cell.width == 0 || previous?[column, row] == cell { continue }
        if cell.width == 2, column + 1 >= columns {
          put(
            Cell(" ", width: 1, style: cell.style), column: column, row: row,
            in: window)
        } else {
          put(cell, column: column, row: row, in: window)
        }
      }
    }
    wnoutrefresh(window)
    doupdate()
    lastFrame = frame
    lastScreenSize = screen
  }

  /// The next key, or nil when `timeoutMilliseconds` passed without one.
  ///
  /// Returns `.resize` with the current size after a resize and after a resume from
  /// Ctrl-Z (the terminal may have changed size while dateline was stopped); either
  /// way the next `draw` repaints everything.
  public mutating func readKey(timeoutMilliseconds: Int) -> Key? {
    if SignalRestore.takeResumed() {
      lastFrame = nil
      return .resize(size)
    }
    let key = keys.read(timeoutMilliseconds: timeoutMilliseconds)
    if case .resize = key { lastFrame = nil }
    if key == nil, SignalRestore.takeResumed() {
      // SIGCONT interrupted the wait.
      lastFrame = nil
      return .resize(size)
    }
    return key
  }

  // MARK: - Private

  /// Writes one lead cell (width 1 or 2) at `column`, `row`.
  ///
  /// mvwadd_wch() returns ERR for the bottom-right cell, because the cursor cannot move
  /// past it without scrolling; the cell is stored all the same, so the error is ignored.
  private func put(
    _ cell: Cell, column: Int, row: Int,
    in window: UnsafeMutablePointer<WINDOW>?
  ) {
    let attributes = palette.attributes(cell.style)
    let pair = palette.pair(cell.style)
    if asciiOnly {
      putASCII(
        cell, column: column, row: row, attributes: attributes, pair: pair,
        in: window)
      return
    }
    let glyph = CursesGlyph(cell)
    var character = cchar_t()
    _ = setcchar(&character, glyph.characters, attributes, pair, nil)
    _ = mvwadd_wch(window, Int32(row), Int32(column), &character)
    if glyph.padsSecondColumn {
      _ = setcchar(&character, [0x20, 0], attributes, pair, nil)
      _ = mvwadd_wch(window, Int32(row), Int32(column + 1), &character)
    }
  }

  /// A cell on a terminal that is not UTF-8: box lines from the ACS set, everything else
  /// as `ASCIIFallback` text, one ASCII character per column.
  private func putASCII(
    _ cell: Cell, column: Int, row: Int, attributes: attr_t, pair: Int16,
    in window: UnsafeMutablePointer<WINDOW>?
  ) {
    let lines = ["─", "│", "┌", "┐", "└", "┘"]
    var character = cchar_t()
    if let which = lines.firstIndex(of: cell.grapheme),
      let acs = dateline_wacs(Int32(which))
    {
      var a = attr_t(0)
      var p = Int16(0)
      var chars = [wchar_t](repeating: 0, count: 6)
      // The ACS glyph with its own attribute (A_ALTCHARSET), plus the cell's style.
      _ = getcchar(acs, &chars, &a, &p, nil)
      _ = setcchar(&character, chars, a | attributes, pair, nil)
      _ = mvwadd_wch(window, Int32(row), Int32(column), &character)
      return
    }
    for (k, ch) in ASCIIFallback.text(
      for: cell.grapheme, width: Int(cell.width)
    ).unicodeScalars.enumerated() {
      _ = setcchar(
        &character, [wchar_t(bitPattern: ch.value), 0], attributes, pair, nil)
      _ = mvwadd_wch(window, Int32(row), Int32(column + k), &character)
    }
  }
}
