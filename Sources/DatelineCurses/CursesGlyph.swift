import CNcursesw
import DatelineUI

/// What one Frame cell becomes for setcchar: up to CCHARW_MAX scalars, and whether a blank
/// must follow to fill the cell's second column.
///
/// Why the checks here when Frame already sanitizes: this is the last step before bytes
/// reach the terminal, so a control character that slipped through (a future code path
/// that builds Cells by hand) becomes U+FFFD instead of a terminal command. And ncurses
/// moves its cursor by the C library's wcwidth(), not by dateline's `DisplayWidth`; where
/// the two disagree (❤ written with VS16 is 2 in DisplayWidth and 1 in glibc), drawing the
/// glyph as is would shift the rest of the row. So the glyph is made to take exactly the
/// cell's width by wcwidth's count: a narrow glyph in a wide cell gets a blank after it,
/// and anything else that does not fit becomes U+FFFD.
struct CursesGlyph: Equatable {
  static let replacement: wchar_t = 0xFFFD
  /// How many wide characters a cchar_t holds (CCHARW_MAX is 5 in ncurses 6.4).
  static let capacity = 5

  /// The scalars, NUL-terminated, as setcchar wants them.
  let characters: [wchar_t]
  /// True when the cell is 2 wide but the glyph 1: write a blank in the next column.
  let padsSecondColumn: Bool

  /// The glyph for a lead cell (`cell.width` is 1 or 2; continuation cells are skipped).
  init(_ cell: Cell) {
    var scalars: [wchar_t] = []
    for scalar in cell.grapheme.unicodeScalars.prefix(Self.capacity) {
      scalars.append(
        Self.isControl(scalar.value)
          ? Self.replacement : wchar_t(bitPattern: scalar.value))
    }
    let cellWidth = Int32(cell.width)
    let glyphWidth = scalars.first.map { wcwidth($0) } ?? -1
    if glyphWidth == cellWidth {
      characters = scalars + [0]
      padsSecondColumn = false
    } else if glyphWidth == 1, cellWidth == 2 {
      characters = scalars + [0]
      padsSecondColumn = true
    } else {
      // Unprintable in this locale, zero-width as a base, or wider than the cell.
      characters = [Self.replacement, 0]
      padsSecondColumn = cellWidth == 2
    }
  }

  /// C0 and C1 controls and DEL: the characters a terminal would act on.
  static func isControl(_ value: UInt32) -> Bool {
    value < 0x20 || (0x7F...0x9F).contains(value)
  }
}
