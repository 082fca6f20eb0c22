import CNcursesw
import DatelineUI

/// Turns a `Style` into curses attributes and a colour pair.
///
/// Why a fixed pair layout instead of allocating pairs as styles appear: the mapping is
/// then a pure function, the same on every run, and needs no state. Pairs 1–8 are
/// foreground i on the terminal's own background, 9–16 the terminal's foreground on
/// background i, and 17–80 foreground f on background b when the terminal has that many
/// pairs (an 8-colour xterm has 64; then a style with both colours keeps its background),
/// and 81–88 bright foreground i (colour 8 + i) on the terminal's background where the
/// terminal has 16 colours and the pairs (else a bright style is drawn bold).
/// Without colours (NO_COLOR set, monochrome terminal) only the attributes are used,
/// which is why every Style that matters also sets reverse, bold, underline or dim.
struct CursesPalette: Sendable {
  /// Whether colour pairs are in use.
  let usesColor: Bool
  /// Whether pairs 17–80 (both colours set) exist.
  let hasCombinedPairs: Bool
  /// Whether pairs 81–88 (bright foregrounds) exist.
  let hasBrightPairs: Bool

  /// The palette with colours off: attributes only.
  static let monochrome = CursesPalette(
    usesColor: false, hasCombinedPairs: false, hasBrightPairs: false)

  /// Starts colour when the terminal has it and NO_COLOR is not set, and defines the pairs.
  ///
  /// use_default_colors() keeps the user's background (a transparent or light terminal
  /// stays as it is); where it fails, white on black stands in for "default".
  static func start(noColor: Bool) -> CursesPalette {
    guard !noColor, has_colors() else { return .monochrome }
    guard start_color() == OK, dateline_colors() >= 8,
      dateline_color_pairs() > 16
    else {
      return .monochrome
    }
    let hasDefaults = use_default_colors() == OK
    let defaultForeground: Int16 = hasDefaults ? -1 : Int16(COLOR_WHITE)
    let defaultBackground: Int16 = hasDefaults ? -1 : Int16(COLOR_BLACK)
    for color in Style.Color.allCases {
      let c = Int16(color.rawValue)
      init_pair(foregroundPair(color), c, defaultBackground)
      init_pair(backgroundPair(color), defaultForeground, c)
    }
    let combined = dateline_color_pairs() > 80
    if combined {
      for f in Style.Color.allCases {
        for b in Style.Color.allCases {
          init_pair(combinedPair(f, b), Int16(f.rawValue), Int16(b.rawValue))
        }
      }
    }
    let bright = dateline_colors() >= 16 && dateline_color_pairs() > 88
    if bright {
      for color in Style.Color.allCases {
        init_pair(
          brightPair(color), Int16(8 + color.rawValue), defaultBackground)
      }
    }
    return CursesPalette(
      usesColor: true, hasCombinedPairs: combined, hasBrightPairs: bright)
  }

  /// The attributes for `style`, without the colour pair.
  func attributes(_ style: Style) -> attr_t {
    var a = dateline_a_normal()
    if style.reverse { a |= dateline_a_reverse() }
    if style.bold
      || (style.bright && style.foreground != nil && usesColor
        && !hasBrightPairs)
    {
      a |= dateline_a_bold()
    }
    if style.underline { a |= dateline_a_underline() }
    if style.dim { a |= dateline_a_dim() }
    return a
  }

  /// The colour pair for `style`; 0 (the terminal's colours) when colours are off.
  func pair(_ style: Style) -> Int16 {
    guard usesColor else { return 0 }
    switch (style.foreground, style.background) {
    case (nil, nil): return 0
    case (let f?, nil):
      return style.bright && hasBrightPairs
        ? Self.brightPair(f) : Self.foregroundPair(f)
    case (nil, let b?): return Self.backgroundPair(b)
    case (let f?, let b?):
      return hasCombinedPairs ? Self.combinedPair(f, b) : Self.backgroundPair(b)
    }
  }

  // MARK: - Pair layout

  private static func foregroundPair(_ color: Style.Color) -> Int16 {
    Int16(1 + color.rawValue)
  }
  private static func backgroundPair(_ color: Style.Color) -> Int16 {
    Int16(9 + color.rawValue)
  }
  private static func brightPair(_ color: Style.Color) -> Int16 {
    Int16(81 + color.rawValue)
  }
  private static func combinedPair(_ f: Style.Color, _ b: Style.Color) -> Int16
  {
    Int16(17 + f.rawValue * 8 + b.rawValue)
  }
}
