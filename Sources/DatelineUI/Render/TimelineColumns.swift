import DatelineCore

/// Where each column of a timeline row goes for a pane width: pointer, date, kind,
/// markers, parties, then the headline.
///
/// One value for the pane that draws the rows, the reducer that scrolls headlines (its
/// step is half the headline's width) and the mouse (which row and column was clicked),
/// so the three cannot disagree about where the headline starts.
struct TimelineColumns {
  var dateWidth: Int
  var partyWidth: Int
  var markers: MarkerColumns
  /// Whether there is an annotation marker column (only once something is annotated).
  var annotated: Bool
  /// Where the headline starts, counted from the pane's left edge, and its width.
  var headlineStart: Int
  var headlineWidth: Int

  init(_ s: BrowserState, width: Int) {
    dateWidth = DateColumn.width(s, paneWidth: width)
    partyWidth = width >= 100 ? 24 : width >= 70 ? 16 : width >= 50 ? 10 : 0
    markers = MarkerColumns(
      s.links, sources: s.corpus.sources.count, width: width,
      provisional: s.corpus.isProvisional)
    annotated = AnnotationMarks.hasColumn(s)
    // Pointer, date, space, kind, the marker columns, space, parties and their space.
    var start = 1 + dateWidth + 1 + 1
    start +=
      (markers.dispute ? 1 : 0) + (markers.revision ? 1 : 0)
      + (annotated ? 1 : 0) + markers.sourcesWidth
    start += 1 + (partyWidth > 0 ? partyWidth + 1 : 0)
    headlineStart = start
    headlineWidth = max(0, width - start)
  }
}

/// The date column: how wide it is and how a label that is wider is shortened.
///
/// Why one stable width rather than the widest label on screen: tig's and lnav's columns
/// keep their place while the reader scrolls, so the eye finds the headlines in the same
/// column on every screen; a width that followed the visible rows would shift every
/// headline sideways whenever a long span scrolled in or out. So the column is as wide as
/// the widest single date (`wk 2023-12-04 ~`, `2023-12-12 14:30`) among the first rows,
/// and a span that does not fit is shortened in its own row to its start and an ellipsis
/// (`2023-10-07… ~`; the detail pane gives the end): one long span no longer squeezes
/// every headline. When spans are most of the rows they are what the column is for, and
/// it is sized to show them whole.
enum DateColumn {
  /// Rows looked at for the width: widths come from the store's columns without a
  /// label built, so this is cheap, and it keeps the width the same however far the
  /// reader scrolls.
  static let sample = 2000

  static func width(_ s: BrowserState, paneWidth: Int) -> Int {
    var single = 0
    var short = 0
    var full = 0
    var spans = 0
    var seen = 0
    for i in s.rows.prefix(sample) {
      // Measured, not built: this runs on every frame (see DateLabel.Width).
      let w = s.corpus.compactDateLabelWidth(at: i)
      seen += 1
      full = max(full, w.whole)
      if w.isSpan {
        spans += 1
        short = max(short, w.shortened)
      } else {
        single = max(single, w.whole)
      }
    }
    if seen == 0 { return 10 }
    let wanted = spans * 2 > seen ? full : max(single, short)
    // Never more than half a narrow pane, so headlines still show.
    return min(22, wanted, max(5, paneWidth / 2 - 2))
  }

  /// The label as the column shows it in `width` columns: whole when it fits, a span as
  /// its start and an ellipsis, anything else cut with an ellipsis.
  static func label(_ label: String, width: Int) -> String {
    if DisplayWidth.of(label) <= width { return label }
    if isSpan(label) {
      return Truncation.truncate(shortened(label), toColumns: width)
    }
    return Truncation.truncate(label, toColumns: width)
  }

  /// `2023-10-07…11-30 ~` → `2023-10-07… ~`: the start, the sign that it goes on, and
  /// whether it is approximate.
  static func shortened(_ label: String) -> String {
    guard let cut = label.firstIndex(of: "…") else { return label }
    return String(label[..<cut]) + "…" + (label.hasSuffix(" ~") ? " ~" : "")
  }

  /// Scalar by scalar: `contains` with a string argument went through Foundation's
  /// locale-aware search, a third of the first frame's CPU over 2,000 labels.
  static func isSpan(_ label: String) -> Bool {
    label.unicodeScalars.contains("…")
  }
}
