import DatelineCore

/// ← → (`h` `l`): the timeline's headlines scrolled sideways, as lnav does.
///
/// The offset belongs to the view, not to a record: moving the selection keeps it (lnav
/// keeps its left column too), so a reader can scroll right once and read the ends of the
/// headlines going down the list. It never goes past the point where the longest headline
/// on screen shows its last character, and that is checked again after every event, so a
/// wider window or a new filter brings the text back instead of showing empty rows.
extension BrowserState {
  /// The headline column's width in the timeline as it is laid out now.
  var headlineColumns: Int {
    let pane = Layout(self).timeline
    return TimelineColumns(self, width: pane.columns).headlineWidth
  }

  /// One step of ← or →: half the headline column (lnav: half a page).
  var headlineStep: Int { max(1, headlineColumns / 2) }

  /// The largest useful offset: the longest headline on screen ends in the last column.
  var maxHeadlineOffset: Int {
    let width = headlineColumns
    guard width > 1, !rows.isEmpty else { return 0 }
    let start = min(top, rows.endIndex - 1)
    let end = min(rows.endIndex, start + timelineRows)
    var widest = 0
    for i in start..<end {
      widest = max(
        widest,
        DisplayWidth.of(Sanitizer.clean(corpus.records[rows[i]].headline)))
    }
    // Scrolled, the first column holds the mark: the text gets one column less.
    return max(0, widest - (width - 1))
  }

  mutating func scrollHeadlines(by steps: Int) {
    let limit = maxHeadlineOffset
    if steps > 0 && headlineOffset >= limit {
      message =
        limit == 0
        ? "the headlines fit: nothing to scroll"
        : "at the end of the longest headline"
      return
    }
    headlineOffset = min(max(0, headlineOffset + steps * headlineStep), limit)
  }

  mutating func clampHeadlineOffset() {
    headlineOffset = min(headlineOffset, maxHeadlineOffset)
  }
}
