import DatelineCore

/// Following disputes and revisions (`d`, `v`), going back (Backspace, `-`), the source
/// ring (`o`, `O`) and bookmarks (`m`, `'`).
extension BrowserState {
  /// `d` / `v`: one other record → go there; several → a list to choose from.
  mutating func showLinks(_ kind: LinkChoice.Kind) {
    // In the focused figures pane: the highlighted statement's record, not the timeline's.
    let fromFigures = kind == .disputes && pane == .figures && focus == .pane
    guard
      let index = fromFigures
        ? FiguresPane.cursorRecord(self) : selectedPosition?.offset
    else { return }
    let r = corpus.records[index]
    let targets =
      kind == .disputes
      ? links.disputeTargets(of: r, at: index)
      : links.revisionTargets(of: r, at: index)
    switch targets.count {
    case 0:
      message =
        kind == .disputes
        ? "this record is not in a dispute" : "this record has no revisions"
    case 1: jump(to: corpus.records[targets[0]].id)
    default: overlay = .links(LinkChoice(kind: kind, targets: targets))
    }
  }

  /// Selects a record by id, remembering where the jump started; clears the filters when
  /// they hide the target.
  mutating func jump(to id: Record.ID) {
    guard corpus.position(of: id) != nil else { return }
    rememberPlace()
    if row(of: id) == nil {
      applyQuery(TimelineQuery())
      message = "filters cleared to show \(id)"
    }
    select(row(of: id) ?? 0)
  }

  /// Pushes the selected record and the query onto the jump history.
  mutating func rememberPlace() {
    guard let r = selectedRecord else { return }
    history.push(JumpHistory.Place(record: r.id, query: query))
  }

  /// Backspace / `-`: the place before the last jump, with its filters.
  mutating func goBack() {
    guard let place = history.pop() else {
      message = "nowhere to go back to"
      return
    }
    if place.query != query { applyQuery(place.query) }
    if let row = row(of: place.record) {
      select(row)
    } else {
      message = "\(place.record) is no longer shown"
    }
  }

  /// `o` / `O`: the sources of the record as a ring with "closed" between last and first.
  mutating func cycleSource(by n: Int) {
    guard let r = selectedRecord else { return }
    let count = r.sourceCount
    if pane != .source {
      pane = .source
      focus = .pane
      sourceScroll = nil
      sourceIndex = n >= 0 ? 0 : count - 1
      if sourceQuote == nil {
        message = "no quote for this source; showing it from the top"
      }
      return
    }
    let next = sourceIndex + n
    guard next >= 0 && next < count else {
      pane = nil
      focus = .timeline
      maximized = false
      sourceIndex = 0
      return
    }
    sourceIndex = next
    sourceScroll = nil
    if sourceQuote == nil {
      message = "no quote for this source; showing it from the top"
    }
  }

  /// The source the source pane shows, and the quote it is scrolled to.
  var shownSource: (id: Source.ID, quote: Quote?)? {
    guard let r = selectedRecord else { return nil }
    let ids = r.sourceIDs
    let k = min(max(0, sourceIndex), ids.count - 1)
    if k == 0 { return (r.source, r.quote) }
    return (ids[k], r.also.first { $0.source == ids[k] }?.quote)
  }

  var sourceQuote: Quote? { shownSource?.quote }

  /// `m`: marks or unmarks the selected record; the shell saves the marks.
  mutating func toggleMark() {
    guard let r = selectedRecord else { return }
    if marks.remove(r.id) == nil {
      marks.insert(r.id)
      message = "marked (' goes to the next mark)"
    } else {
      message = "mark removed"
    }
    marksToSave = marks
  }

  /// `'`: the next marked record after the selection, wrapping to the first.
  mutating func nextMark() {
    let shown = marks.compactMap { row(of: $0) }.sorted()
    guard let first = shown.first else {
      message =
        marks.isEmpty
        ? "no marks (m marks a record)"
        : "no marked record is shown (0 clears the filters)"
      return
    }
    let next = shown.first { $0 > selection }
    rememberPlace()
    select(next ?? first)
    let n = (shown.firstIndex(of: next ?? first) ?? 0) + 1
    message =
      "mark \(n) of \(shown.count)"
      + (next == nil && shown.count > 1 ? " (wrapped)" : "")
  }
}
