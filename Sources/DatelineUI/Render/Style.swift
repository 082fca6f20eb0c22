/// How a cell is drawn: colours are hints, attributes always work (NO_COLOR, monochrome).
public struct Style: Hashable, Sendable {
  /// The 8 curses colours.
  public enum Color: Int, Hashable, Sendable, CaseIterable {
    case black = 0
    case red, green, yellow, blue, magenta, cyan, white
  }

  public var foreground: Color?
  public var background: Color?
  public var bold: Bool
  public var reverse: Bool
  public var underline: Bool
  public var dim: Bool
  /// The foreground's bright variant (colours 8–15) where the terminal has 16 colours: a
  /// second shade of the same hue. On an 8-colour terminal it is drawn bold, the classic
  /// way to ask for the bright variant.
  public var bright: Bool

  public init(
    foreground: Color? = nil, background: Color? = nil, bold: Bool = false,
    reverse: Bool = false,
    underline: Bool = false, dim: Bool = false, bright: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
    self.dim = dim
    self.bright = bright
  }

  public static let plain = Style()
  public static let bold = Style(bold: true)
  public static let reverse = Style(reverse: true)
  public static let dim = Style(dim: true)
  public static let underline = Style(underline: true)

  public var isPlain: Bool { self == .plain }

  /// A short code for golden files: `R` reverse, `B` bold, `U` underline, `D` dim, `L` the
  /// bright (light) shade, colours.
  public var code: String {
    var s = ""
    if reverse { s += "R" }
    if bold { s += "B" }
    if underline { s += "U" }
    if dim { s += "D" }
    if bright { s += "L" }
    if let f = foreground { s += "f\(f.rawValue)" }
    if let b = background { s += "b\(b.rawValue)" }
    return s
  }
}
