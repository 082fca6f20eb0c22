/// Terminal column widths, computed per grapheme (a `Character`), in one place.
///
/// Why one place: counting Characters, scalars or UTF-16 units as columns is how TUIs
/// misalign CJK and emoji. A grapheme is as wide as its base: East Asian Wide/Fullwidth
/// and emoji-presentation bases take 2 columns, combining marks and ZWJ sequences ride on
/// their base. Controls must be sanitized away before; they count 0 here.
public enum DisplayWidth {
  /// Columns for one grapheme as a terminal draws it.
  public static func of(_ c: Character) -> Int {
    let scalars = c.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
    // Emoji written with VS16 (U+FE0F) take two columns, as terminals draw them.
    if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }),
      first.properties.isEmoji
    {
      return 2
    }
    return of(scalar: first, isBase: true)
  }

  /// Columns for a whole string (after sanitizing).
  public static func of(_ s: String) -> Int {
    var n = 0
    for b in s.utf8 where b >= 0x7F || b < 0x20 {
      n = -1
      break
    }
    if n == 0 { return s.utf8.count }  // printable ASCII
    n = 0
    for c in s { n += of(c) }
    return n
  }

  /// Columns for a single scalar. A grapheme that *starts* with a mark still takes a column.
  public static func of(scalar s: Unicode.Scalar, isBase: Bool = false) -> Int {
    let v = s.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if v < 0x300 { return 1 }
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark:
      // A mark with nothing to sit on is drawn on a dotted circle (see Frame.drawable).
      return isBase ? 1 : 0
    case .format:
      return 0
    default: break
    }
    if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }
    if s.properties.isEmojiPresentation { return 2 }
    return isWide(v) ? 2 : 1
  }

  /// East Asian Wide (W) and Fullwidth (F) ranges, Unicode 15.
  static func isWide(_ v: UInt32) -> Bool {
    if v < 0x1100 { return false }
    var lo = 0
    var hi = wideRanges.count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      let r = wideRanges[mid]
      if v < r.0 {
        hi = mid - 1
      } else if v > r.1 {
        lo = mid + 1
      } else {
        return true
      }
    }
    return false
  }

  static let wideRanges: [(UInt32, UInt32)] = [
    (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC),
    (0x23F0, 0x23F0),
    (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653),
    (0x267F, 0x267F),
    (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3),
    (0x26F5, 0x26F5),
    (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
    (0x2728, 0x2728),
    (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757),
    (0x2795, 0x2797),
    (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x2FF0, 0x2FFB),
    (0x3000, 0x303E),
    (0x3041, 0x3096), (0x3099, 0x30FF), (0x3105, 0x312F), (0x3131, 0x318E),
    (0x3190, 0x31E3),
    (0x31F0, 0x321E), (0x3220, 0x3247), (0x3250, 0x4DBF), (0x4E00, 0xA48C),
    (0xA490, 0xA4C6),
    (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19),
    (0xFE30, 0xFE52),
    (0xFE54, 0xFE66), (0xFE68, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6),
    (0x16FE0, 0x16FE4),
    (0x16FF0, 0x16FF1), (0x17000, 0x187F7), (0x18800, 0x18CD5),
    (0x18D00, 0x18D08),
    (0x1AFF0, 0x1AFFE), (0x1B000, 0x1B122), (0x1B150, 0x1B152),
    (0x1B164, 0x1B167),
    (0x1B170, 0x1B2FB), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A), (0x1F200, 0x1F202), (0x1F210, 0x1F23B),
    (0x1F240, 0x1F248),
    (0x1F250, 0x1F251), (0x1F260, 0x1F265), (0x1F300, 0x1F64F),
    (0x1F680, 0x1F6FF),
    (0x1F7E0, 0x1F7EB), (0x1F90C, 0x1F9FF), (0x1FA70, 0x1FAFF),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
  ]
}
