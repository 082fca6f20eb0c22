import DatelineCore

/// The scale a figures sparkline is drawn on, printed after it (the figures pane and
/// `dateline figures`).
///
/// A sparkline runs from its lowest value (`▁`) to its highest (`█`): 240 against 251 is
/// drawn as a jump from the floor to the top. Saying `▁ 240  █ 251` next to it lets the
/// reader see that the jump is 11, not tenfold.
public enum FigureScale {
  /// `  ▁ 100  █ 135`, `  all 116` when the values are the same, empty with no values.
  public static func legend(_ series: FigureSeries) -> String {
    let values = series.entries.map(\.figure.plotValue).filter(\.isFinite)
    guard let low = values.min(), let high = values.max() else { return "" }
    if low == high {
      return "  " + (values.count == 1 ? "" : "all ") + number(low)
    }
    return "  ▁ " + number(low) + "  █ " + number(high)
  }

  /// A value as a reader writes it: `135`, `2.5`, `1200000`; a midpoint keeps one decimal.
  static func number(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
    let tenth = (v * 10).rounded() / 10
    return abs(tenth) < 1e15 ? String(tenth) : String(v)
  }
}
