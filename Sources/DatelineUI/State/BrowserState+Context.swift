import DatelineCore

/// `c`: the records around the selected one, every filter off; `+` / `=` widen and narrow
/// the window; `c` again or Esc puts the filters back. `E`: the record in `$EDITOR`.
extension BrowserState {
  /// What `c` left, to put back, and the window.
  public struct ContextView: Sendable, Hashable {
    public var record: Record.ID
    /// Days on each side of the record's days.
    public var days: Int
    var savedQuery: TimelineQuery
    var savedSearch: String
    var savedFilter: AnnotationFilter
  }

  /// The windows `+` and `=` step through, in days on each side (3 is `c`'s).
  static let contextSteps = [1, 3, 7, 14, 30, 90, 365]

  mutating func updateContext(_ event: Event) {
    switch event {
    case .toggleContext:
      workbench.context == nil ? enterContext() : leaveContext()
    case .widenContext: stepContext(by: 1)
    case .narrowContext: stepContext(by: -1)
    case .openRecordInEditor:
      guard let r = selectedRecord else { return }
      // A draft is edited in its drafts file, at its line.
      if let draft = selectedDraft {
        editorRequest = EditorRequest(
          path: draft.place.file, line: draft.place.line)
        return
      }
      workbench.recordToEdit = r.id
    default: break
    }
  }

  mutating func enterContext() {
    guard let r = selectedRecord else { return }
    workbench.context = ContextView(
      record: r.id, days: 3, savedQuery: query, savedSearch: search,
      savedFilter: workbench.filter)
    applyContextWindow()
  }

  /// Back to the filters `c` left, the selection on the same record when it passes them.
  mutating func leaveContext() {
    guard let c = workbench.context else { return }
    workbench.context = nil
    workbench.filter = c.savedFilter
    search = c.savedSearch
    applyQuery(c.savedQuery)
    message = "context closed"
  }

  mutating func stepContext(by n: Int) {
    guard var c = workbench.context else {
      message = "+ and = widen and narrow a context (c)"
      return
    }
    let steps = BrowserState.contextSteps
    let now = steps.firstIndex { $0 >= c.days } ?? steps.count - 1
    c.days = steps[min(max(0, now + n), steps.count - 1)]
    workbench.context = c
    applyContextWindow()
  }

  /// Every filter off, the dates limited to the record's days widened by the window.
  mutating func applyContextWindow() {
    guard let c = workbench.context, let index = corpus.recordIndex[c.record]
    else { return }
    let first = corpus.firstDay(at: index).adding(days: -c.days)
    let last = corpus.lastDay(at: index).adding(days: c.days)
    workbench.filter = AnnotationFilter()
    search = ""
    applyQuery(
      TimelineQuery(
        since: RecordDate(firstDay: first, precision: .day),
        until: RecordDate(firstDay: last, precision: .day)))
    if let row = rows.row(of: RecordPosition(index)) { select(row) }
    message = "\(rows.count) within \(c.days)d: + wider, = narrower, Esc leaves"
  }
}
