/// Where each pane goes for a given size and state.
///
/// The detail or source pane opens to the right on wide terminals and below on narrow or
/// tall ones (lazygit's portrait mode); `z` gives the focused pane the whole area. The
/// density strip takes the timeline's last two rows (bars and date axis) when the
/// timeline has room to spare.
public struct Layout: Sendable, Hashable {
  /// Below this the screen shows only "terminal too small".
  public static let minimum = Size(columns: 20, rows: 5)
  /// The strip is drawn only when the timeline keeps at least this many rows besides it:
  /// on a tiny screen the records matter more than their histogram.
  public static let minimumRowsBesideStrip = 5
  /// `layout = "right"` puts the pane beside the timeline only from this width on.
  public static let minimumColumnsBeside = 40

  public var timeline: Rect
  /// The density strip's rows under the timeline, when it is shown (`H`): the bars, and
  /// the date axis below them when there is room.
  public var strip: Rect?
  public var pane: Rect?
  /// True when the pane is to the right of the timeline (a vertical divider between).
  public var paneBeside: Bool
  public var status: Rect
  public var tooSmall: Bool

  public init(_ state: BrowserState) {
    let size = state.size
    tooSmall =
      size.columns < Layout.minimum.columns || size.rows < Layout.minimum.rows
    let main = Rect(
      column: 0, row: 0, columns: size.columns, rows: max(0, size.rows - 1))
    status = Rect(
      column: 0, row: max(0, size.rows - 1), columns: size.columns, rows: 1)
    switch state.preferences.split {
    case .auto:
      paneBeside = size.columns >= 100 && size.columns >= size.rows * 3
    // The config's choice, as long as each side keeps about 20 columns.
    case .right: paneBeside = size.columns >= Layout.minimumColumnsBeside
    case .below: paneBeside = false
    }
    strip = nil
    if state.pane == nil || tooSmall {
      timeline = main
      pane = nil
    } else if state.maximized {
      if state.focus == .pane {
        timeline = Rect(column: 0, row: 0, columns: 0, rows: 0)
        pane = main
      } else {
        timeline = main
        pane = nil
      }
    } else if paneBeside {
      let left = main.columns * 11 / 20
      timeline = Rect(column: 0, row: 0, columns: left, rows: main.rows)
      pane = Rect(
        column: left + 1, row: 0, columns: main.columns - left - 1,
        rows: main.rows)
    } else {
      let top = max(2, main.rows * 2 / 5)
      timeline = Rect(column: 0, row: 0, columns: main.columns, rows: top)
      pane = Rect(
        column: 0, row: top, columns: main.columns, rows: main.rows - top)
    }
    if state.showStrip && !tooSmall
      && timeline.rows > Layout.minimumRowsBesideStrip
    {
      // Two rows (the bars, then the date axis) where the timeline keeps its minimum
      // besides them; else the bars alone.
      let rows = timeline.rows > Layout.minimumRowsBesideStrip + 1 ? 2 : 1
      timeline.rows -= rows
      strip = Rect(
        column: timeline.column, row: timeline.row + timeline.rows,
        columns: timeline.columns, rows: rows)
    }
  }
}
