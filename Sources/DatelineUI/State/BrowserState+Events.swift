import DatelineCore

/// The reducer's handlers for the timeline's own events, one per kind, called by
/// `dispatch` (Update.swift). The other kinds have theirs beside their state
/// (`updateLive` in BrowserState+Reload.swift, `updateAnnotations`, `updateReview` …).
///
/// Each handler is given only the events `dispatch` sends it and ignores any other.
extension BrowserState {
  /// Moving the selection and the view: keys, days and months, a resize, the mouse.
  mutating func updateMotion(_ event: Event) {
    switch event {
    case .moveSelection(let n): select(selection + n)
    case .page(let n): select(selection + n * max(1, timelineRows - 1))
    case .halfPage(let n): select(selection + n * max(1, timelineRows / 2))
    case .scrollHeadlines(let n): scrollHeadlines(by: n)
    case .selectFirst: select(0)
    case .selectLast: select(rows.endIndex - 1)
    case .jumpDay(let forward): jumpDay(forward: forward)
    case .jumpMonth(let forward): jumpMonth(forward: forward)
    case .resize(let newSize): size = newSize
    case .mouse(let m): mouse(m)
    default: break
    }
  }

  /// Opening, focusing and closing the side pane and the overlays, and quitting.
  ///
  /// Opening a pane focuses it (Esc or Tab gives the keys back to the timeline); `q`
  /// closes the overlay, then the pane, and only then quits.
  mutating func updatePanes(_ event: Event) {
    switch event {
    case .openDetail:
      if selectedRecord != nil {
        pane = .detail
        focus = .pane
        resetPaneScroll()
      }
    case .cycleSource(let n): cycleSource(by: n)
    case .toggleFigures: toggleFigures()
    case .closePane:
      if pane != nil {
        closeSidePane()
      } else if workbench.context != nil {
        leaveContext()
      } else if !search.isEmpty {
        search = ""
      }
    case .toggleFocus:
      if pane != nil { focus = focus == .timeline ? .pane : .timeline }
    case .toggleMaximize: maximized.toggle()
    case .paneMotion(let motion): movePane(motion)
    case .focusTimeline: focus = .timeline
    case .followLink: followLink()
    case .toggleStrip: showStrip.toggle()
    case .showHelp: overlay = .help
    case .dismissOverlay: overlay = nil
    case .closeOrQuit:
      if overlay != nil {
        overlay = nil
      } else if pane != nil {
        closeSidePane()
      } else {
        quit = true
      }
    case .quitNow: quit = true
    default: break
    }
  }

  /// The side pane closes and the timeline has the keys (and the whole width) again.
  mutating func closeSidePane() {
    pane = nil
    focus = .timeline
    maximized = false
  }

  /// `f`: the figures pane opens on the selected record's figures, or closes.
  mutating func toggleFigures() {
    if pane == .figures {
      closeSidePane()
    } else if let r = selectedRecord {
      if r.figures.isEmpty {
        message = "this record states no figures"
      } else {
        ensureFacetColumns()
        pane = .figures
        focus = .pane
        figureCursor = nil
      }
    }
  }

  /// Party filters (keys, the party list), the date range and the attribution basis.
  mutating func updateFilters(_ event: Event) {
    switch event {
    case .toggleParty(let id): toggleParty(id)
    case .toggleFilterKey(let k):
      if let id = corpus.filterKeys[k] {
        toggleParty(id)
      } else {
        message = "no party on key \(k)"
      }
    case .toggleMatchMode:
      var q = query
      q.parties.mode = q.parties.mode == .any ? .all : .any
      applyQuery(q)
    case .clearFilters: applyQuery(TimelineQuery())
    case .openPartyList: overlay = .parties(cursor: 0)
    case .movePartyCursor(let n):
      if case .parties(let c) = overlay {
        overlay = .parties(
          cursor: min(max(0, c + n), max(0, partyListOrder.count - 1)))
      }
    case .togglePartyAtCursor:
      if case .parties(let c) = overlay, partyListOrder.indices.contains(c) {
        toggleParty(partyListOrder[c].id)
      }
    case .startRange:
      prompt = .range(
        text: query.dateRange.isEmpty ? "" : query.dateRange.description)
    case .rangeFromSelection: setRange(fromSelection: true)
    case .rangeToSelection: setRange(fromSelection: false)
    case .cycleBasis: cycleBasis()
    default: break
    }
  }

  /// The party `id` joins the filter, or leaves it.
  mutating func toggleParty(_ id: Party.ID) {
    var q = query
    q.parties.toggle(id)
    applyQuery(q)
  }

  /// The prompts (search, jump, `:` commands): opening, editing, submitting,
  /// cancelling, and the search's steps and matches.
  mutating func updatePrompt(_ event: Event) {
    switch event {
    case .startSearch:
      searchBeforePrompt = search
      prompt = .search(text: "", origin: selection)
    case .searchToFilter: searchToFilter()
    case .startJump: prompt = .jump(text: "")
    case .startCommand: prompt = .command(text: "")
    case .promptInput(let c): applyLineEdit(.insert(String(c)))
    case .promptBackspace: applyLineEdit(.backspace)
    case .promptEdit(let edit): applyLineEdit(edit)
    case .searchStep: searchStep()
    case .promptSubmit:
      rememberPrompt()
      submitPrompt()
    case .promptCancel: cancelPrompt()
    case .nextMatch: findMatch(forward: true)
    case .previousMatch: findMatch(forward: false)
    default: break
    }
  }

  /// Esc in a prompt: a search puts back the search and the selection it started
  /// from, an export's overwrite question keeps the file, and the prompt closes.
  mutating func cancelPrompt() {
    if case .search(_, let origin) = prompt {
      search = searchBeforePrompt
      select(origin)
    }
    if case .overwrite(let request) = prompt {
      message = "export cancelled: \(request.path) is kept"
    }
    prompt = nil
    editing.pendingSearch = nil
  }

  /// Disputes and revisions (a list when several), going back, and the marks.
  mutating func updateLinks(_ event: Event) {
    switch event {
    case .showDisputes: showLinks(.disputes)
    case .showRevisions: showLinks(.revisions)
    case .moveChoiceCursor(let n):
      if case .links(var choice) = overlay {
        choice.cursor = min(
          max(0, choice.cursor + n), max(0, choice.targets.count - 1))
        overlay = .links(choice)
      }
    case .followChoice:
      if case .links(let choice) = overlay,
        choice.targets.indices.contains(choice.cursor)
      {
        overlay = nil
        jump(to: corpus.records[choice.targets[choice.cursor]].id)
      }
    case .goBack: goBack()
    case .toggleMark: toggleMark()
    case .nextMark: nextMark()
    case .marksSaved(let error):
      marksToSave = nil
      if let error { message = "marks not saved: \(error)" }
    default: break
    }
  }

  /// Exports and citations: asked for here, carried out by the shell, answered back.
  mutating func updateExport(_ event: Event) {
    switch event {
    case .startExport: startExport()
    case .exportTargetExists(let path): exportTargetExists(path)
    case .exportFinished(let path, let count, let error):
      exportFinished(path: path, count: count, error: error)
    case .copyCitation: copyCitation()
    case .citationDelivered(let note): citationDelivered(note)
    default: break
    }
  }
}
