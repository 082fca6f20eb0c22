import DatelineCore
import Foundation

/// The reducer: `(State, Event) -> State`. No I/O, no terminal; every key is testable.
///
/// Three steps: the last key's message goes, the event's own handler runs (`dispatch`),
/// and the view is put right again (`afterEvent`).
public func update(_ state: BrowserState, _ event: Event) -> BrowserState {
  var s = state
  s.clearMessage(before: event)
  s.dispatch(event)
  s.afterEvent(event, from: state)
  return s
}

extension BrowserState {
  /// A message lasts until the next key: news from the shell (marks saved, a load
  /// finished, the workbench written) keeps it.
  mutating func clearMessage(before event: Event) {
    if case .marksSaved = event {
    } else if event.isWorkbenchNews {
    } else if !event.isBackgroundNews {
      message = nil
    }
  }

  /// Hands `event` to the one handler of its kind; the switch is exhaustive, so a new
  /// `Event` case does not compile until it is given a handler here.
  mutating func dispatch(_ event: Event) {
    switch event {
    case .moveSelection, .page, .halfPage, .scrollHeadlines, .selectFirst,
      .selectLast, .jumpDay, .jumpMonth, .resize, .mouse:
      updateMotion(event)
    case .openDetail, .cycleSource, .toggleFigures, .closePane, .toggleFocus,
      .toggleMaximize, .paneMotion, .focusTimeline, .followLink, .toggleStrip,
      .showHelp, .dismissOverlay, .closeOrQuit, .quitNow:
      updatePanes(event)
    case .toggleParty, .toggleFilterKey, .toggleMatchMode, .clearFilters,
      .openPartyList, .movePartyCursor, .togglePartyAtCursor, .startRange,
      .rangeFromSelection, .rangeToSelection, .cycleBasis:
      updateFilters(event)
    case .promptComplete where isCommandPrompt: completeCommand()
    case .promptComplete where isDraftPrompt: completeDraftField()
    case .startSearch, .searchToFilter, .startJump, .startCommand, .promptInput,
      .promptBackspace, .promptEdit, .searchStep, .promptSubmit, .promptCancel,
      .nextMatch, .previousMatch:
      updatePrompt(event)
    case .showDisputes, .showRevisions, .moveChoiceCursor, .followChoice,
      .goBack, .toggleMark, .nextMark, .marksSaved:
      updateLinks(event)
    case .startExport, .exportTargetExists, .exportFinished, .copyCitation,
      .citationDelivered:
      updateExport(event)
    case .dataChanged, .reloadNow, .reloadStarted, .reloadFinished, .showIssues,
      .openIssue, .editorFinished, .backgroundWarning:
      updateLive(event)
    case .validationProgress, .validationFinished: updateValidation(event)
    case .acceptDraft, .rejectDraft, .undoReject, .startDraftEdit,
      .draftDecided, .draftRewritten, .draftsRead:
      updateReview(event)
    case .toggleStar, .startTagPrompt, .startNotePrompt, .editNoteInEditor,
      .noteEdited, .annotationsSaved, .promptComplete, .openTagList,
      .moveTagCursor, .toggleTagAtCursor, .toggleTagFilterKey,
      .toggleTagMatchMode, .toggleStarredOnly:
      updateAnnotations(event)
    case .toggleContext, .widenContext, .narrowContext, .openRecordInEditor:
      updateContext(event)
    case .openViewList, .moveViewCursor, .chooseViewAtCursor, .viewsSaved:
      updateViews(event)
    }
  }

  /// After any event: the selected record is on screen and the list fills it (a pane
  /// opened, a filter narrowed the list), no headline offset past the longest headline,
  /// a landed search counts its matches ("match 3 of 17"; `.searchStep` goes on with
  /// it), and a completion leaves the cursor at the end of the text it put in.
  mutating func afterEvent(_ event: Event, from before: BrowserState) {
    keepSelectionVisible()
    if headlineOffset > 0 { clampHeadlineOffset() }
    notePromptOpened(before: before)
    updateTally(step: false)
    if case .promptComplete = event, promptText != before.promptText {
      editing.open(with: promptText, selected: false)
    }
  }
}

extension BrowserState {
  /// Rows the timeline pane has for records and separators.
  var timelineRows: Int { max(1, Layout(self).timeline.rows) }

  mutating func select(_ i: ResultRow) {
    guard !rows.isEmpty else {
      selection = 0
      top = 0
      return
    }
    let new = min(max(rows.startIndex, i), rows.endIndex - 1)
    if new != selection { resetPaneScroll() }
    selection = new
    keepSelectionVisible()
  }

  /// Scrolls so the selected record is on screen, counting month separator lines.
  mutating func keepSelectionVisible() {
    guard !rows.isEmpty else {
      top = 0
      return
    }
    selection = min(selection, rows.endIndex - 1)
    top = min(top, rows.endIndex - 1)
    if selection < top { top = selection }
    let height = timelineRows
    // Walk back from the selection until the lines from `top` would no longer fit.
    var used = 0
    var i = selection
    while i >= top {
      used += 1 + (startsMonth(i) ? 1 : 0)
      if used > height {
        top = i + 1
        break
      }
      i -= 1
    }
    // Fill the screen: when the list ends above the bottom (after a resize or a filter),
    // scroll back so no rows are wasted, as long as the selection stays visible.
    while top > 0 && linesFrom(top - 1, limit: height + 1) <= height {
      top -= 1
    }
  }

  /// Lines (records and separators) from `rows[start]` to the end, counting up to `limit`.
  func linesFrom(_ start: ResultRow, limit: Int) -> Int {
    var used = 0
    var i = start
    while i < rows.endIndex && used <= limit {
      used +=
        1 + (startsMonth(i) && i != start ? 1 : 0)
        + (i == start && startsMonth(i) ? 1 : 0)
      i += 1
    }
    return used
  }

  /// Whether the record at `rows[i]` begins a new month (and gets a separator above it).
  func startsMonth(_ i: ResultRow) -> Bool {
    guard i > 0 else { return true }
    let a = corpus.firstDay(at: rows[i - 1])
    let b = corpus.firstDay(at: rows[i])
    return a.year != b.year || a.month != b.month
  }

  /// Enter in a focused pane: the detail's selected link, or the figures pane's entry.
  mutating func followLink() {
    var target: Record.ID?
    if pane == .figures {
      target = FiguresPane.record(self, at: FiguresPane.cursor(self))
    } else {
      // Only a link on screen is highlighted, so only such a link is followed.
      let view = DetailPane.viewport(self)
      let scroll = min(detailScroll, max(0, view.rows.count - view.height))
      if DetailPane.visibleLinks(view, scroll: scroll).contains(detailLink) {
        target = DetailPane.link(self, at: detailLink)
      }
    }
    guard let target else {
      message = "no link here"
      return
    }
    jump(to: target)
  }
}
