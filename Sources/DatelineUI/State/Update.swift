import DatelineCore
import Foundation

/// The reducer: `(State, Event) -> State`. No I/O, no terminal; every key is testable.
public func update(_ state: BrowserState, _ event: Event) -> BrowserState {
  var s = state
  // A message lasts until the next key; the shell's answer (marks saved) is not a key.
  if case .marksSaved = event {
  } else if event.isWorkbenchNews {
  } else if !event.isBackgroundNews {
    s.message = nil
  }
  switch event {
  case .moveSelection(let n): s.select(s.selection + n)
  case .page(let n): s.select(s.selection + n * max(1, s.timelineRows - 1))
  case .halfPage(let n): s.select(s.selection + n * max(1, s.timelineRows / 2))
  case .scrollHeadlines(let n): s.scrollHeadlines(by: n)
  case .selectFirst: s.select(0)
  case .selectLast: s.select(s.rows.endIndex - 1)
  case .openDetail:
    // Opening a pane focuses it (Esc or Tab gives the keys back to the timeline).
    if s.selectedRecord != nil {
      s.pane = .detail
      s.focus = .pane
      s.resetPaneScroll()
    }
  case .cycleSource(let n): s.cycleSource(by: n)
  case .toggleFigures:
    if s.pane == .figures {
      s.pane = nil
      s.focus = .timeline
      s.maximized = false
    } else if let r = s.selectedRecord {
      if r.figures.isEmpty {
        s.message = "this record states no figures"
      } else {
        s.ensureFacetColumns()
        s.pane = .figures
        s.focus = .pane
        s.figureCursor = nil
      }
    }
  case .closePane:
    if s.pane != nil {
      s.pane = nil
      s.focus = .timeline
      s.maximized = false
    } else if s.workbench.context != nil {
      s.leaveContext()
    } else if !s.search.isEmpty {
      s.search = ""
    }
  case .toggleFocus:
    if s.pane != nil { s.focus = s.focus == .timeline ? .pane : .timeline }
  case .toggleMaximize: s.maximized.toggle()
  case .paneMotion(let motion): s.movePane(motion)
  case .focusTimeline: s.focus = .timeline
  case .followLink: s.followLink()
  case .toggleParty(let id):
    var q = s.query
    q.parties.toggle(id)
    s.applyQuery(q)
  case .toggleFilterKey(let k):
    if let id = s.corpus.filterKeys[k] {
      var q = s.query
      q.parties.toggle(id)
      s.applyQuery(q)
    } else {
      s.message = "no party on key \(k)"
    }
  case .toggleMatchMode:
    var q = s.query
    q.parties.mode = q.parties.mode == .any ? .all : .any
    s.applyQuery(q)
  case .clearFilters: s.applyQuery(TimelineQuery())
  case .openPartyList: s.overlay = .parties(cursor: 0)
  case .movePartyCursor(let n):
    if case .parties(let c) = s.overlay {
      s.overlay = .parties(
        cursor: min(max(0, c + n), max(0, s.partyListOrder.count - 1)))
    }
  case .togglePartyAtCursor:
    if case .parties(let c) = s.overlay, s.partyListOrder.indices.contains(c) {
      var q = s.query
      q.parties.toggle(s.partyListOrder[c].id)
      s.applyQuery(q)
    }
  case .startSearch:
    s.searchBeforePrompt = s.search
    s.prompt = .search(text: "", origin: s.selection)
  case .searchToFilter: s.searchToFilter()
  case .startJump: s.prompt = .jump(text: "")
  case .promptInput(let c): s.applyLineEdit(.insert(String(c)))
  case .promptBackspace: s.applyLineEdit(.backspace)
  case .promptEdit(let edit): s.applyLineEdit(edit)
  case .searchStep: s.searchStep()
  case .promptSubmit:
    s.rememberPrompt()
    s.submitPrompt()
  case .promptCancel:
    if case .search(_, let origin) = s.prompt {
      s.search = s.searchBeforePrompt
      s.select(origin)
    }
    if case .overwrite(let request) = s.prompt {
      s.message = "export cancelled: \(request.path) is kept"
    }
    s.prompt = nil
    s.editing.pendingSearch = nil
  case .nextMatch: s.findMatch(forward: true)
  case .previousMatch: s.findMatch(forward: false)
  case .showHelp: s.overlay = .help
  case .dismissOverlay: s.overlay = nil
  case .closeOrQuit:
    if s.overlay != nil {
      s.overlay = nil
    } else if s.pane != nil {
      s.pane = nil
      s.focus = .timeline
      s.maximized = false
    } else {
      s.quit = true
    }
  case .quitNow: s.quit = true
  case .resize(let size):
    s.size = size
  case .mouse(let m): s.mouse(m)
  case .toggleStrip: s.showStrip.toggle()
  case .jumpDay(let forward): s.jumpDay(forward: forward)
  case .jumpMonth(let forward): s.jumpMonth(forward: forward)
  case .startRange:
    s.prompt = .range(
      text: s.query.dateRange.isEmpty ? "" : s.query.dateRange.description)
  case .rangeFromSelection: s.setRange(fromSelection: true)
  case .rangeToSelection: s.setRange(fromSelection: false)
  case .cycleBasis: s.cycleBasis()
  case .showDisputes: s.showLinks(.disputes)
  case .showRevisions: s.showLinks(.revisions)
  case .moveChoiceCursor(let n):
    if case .links(var choice) = s.overlay {
      choice.cursor = min(
        max(0, choice.cursor + n), max(0, choice.targets.count - 1))
      s.overlay = .links(choice)
    }
  case .followChoice:
    if case .links(let choice) = s.overlay,
      choice.targets.indices.contains(choice.cursor)
    {
      s.overlay = nil
      s.jump(to: s.corpus.records[choice.targets[choice.cursor]].id)
    }
  case .goBack: s.goBack()
  case .toggleMark: s.toggleMark()
  case .nextMark: s.nextMark()
  case .marksSaved(let error):
    s.marksToSave = nil
    if let error { s.message = "marks not saved: \(error)" }
  case .startExport: s.startExport()
  case .exportTargetExists(let path): s.exportTargetExists(path)
  case .exportFinished(let path, let count, let error):
    s.exportFinished(path: path, count: count, error: error)
  case .copyCitation: s.copyCitation()
  case .citationDelivered(let note): s.citationDelivered(note)
  case .dataChanged, .reloadNow, .reloadStarted, .reloadFinished, .showIssues,
    .openIssue, .editorFinished:
    s.updateLive(event)
  case .validationProgress, .validationFinished: s.updateValidation(event)
  case .startCommand: s.prompt = .command(text: "")
  case .promptComplete where s.isCommandPrompt: s.completeCommand()
  case .promptComplete where s.isDraftPrompt: s.completeDraftField()
  case .acceptDraft, .rejectDraft, .undoReject, .startDraftEdit, .draftDecided,
    .draftRewritten, .draftsRead:
    s.updateReview(event)
  case .toggleStar, .startTagPrompt, .startNotePrompt, .editNoteInEditor,
    .noteEdited, .annotationsSaved,
    .promptComplete, .openTagList, .moveTagCursor, .toggleTagAtCursor,
    .toggleTagFilterKey, .toggleTagMatchMode,
    .toggleStarredOnly:
    s.updateAnnotations(event)
  case .toggleContext, .widenContext, .narrowContext, .openRecordInEditor:
    s.updateContext(event)
  case .openViewList, .moveViewCursor, .chooseViewAtCursor, .viewsSaved:
    s.updateViews(event)
  }
  // Any event may change the layout (a pane opens, a filter narrows the list): the
  // selected record must stay on screen and the list must fill it.
  s.keepSelectionVisible()
  // A wider window or other rows may need less: no offset past the longest headline.
  if s.headlineOffset > 0 { s.clampHeadlineOffset() }
  s.notePromptOpened(before: state)
  // A landed search counts its matches ("match 3 of 17"); `.searchStep` goes on with it.
  s.updateTally(step: false)
  // A completion replaces the text: the cursor goes to its end.
  if case .promptComplete = event, s.promptText != state.promptText {
    s.editing.open(with: s.promptText, selected: false)
  }
  return s
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
