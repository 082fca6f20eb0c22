import DatelineCore

/// Follow and reload, the errors pane and the editor: the reducer's part.
///
/// A reload swaps the corpus under the view and puts back everything the reader chose:
/// the selection and the first row drawn (by record id, since indexes change), the query
/// (parties, range, facets), the search, the marks, the open pane and its scroll.
extension BrowserState {
  mutating func updateLive(_ event: Event) {
    switch event {
    case .dataChanged:
      live.loadWanted = true
      if !live.loading { message = "data changed — reloading" }
    case .reloadNow:
      live.loadWanted = true
      message = "reloading…"
    case .reloadStarted:
      live.loadWanted = false
      live.loading = true
    case .reloadFinished(let outcome):
      live.loading = false
      switch outcome.content {
      case .failed(let why):
        message = "reload failed, showing the data as it was: " + why
      case .loaded(let corpus, let issues, let summary):
        replaceCorpus(corpus)
        live.issues = issues
        live.issueCursor = min(live.issueCursor, max(0, issues.count - 1))
        if pane == .issues && issues.isEmpty { closeIssues() }
        message = summary.description
      }
    case .showIssues:
      if pane == .issues {
        closeIssues()
      } else if live.issues.isEmpty {
        message = "no errors or warnings in the data"
      } else {
        pane = .issues
        focus = .pane
        live.issueCursor = min(live.issueCursor, live.issues.count - 1)
      }
    case .openIssue: openIssue()
    case .editorFinished(let error):
      editorRequest = nil
      workbench.recordToEdit = nil
      if let error { message = "editor: " + error }
      // The user may have changed the file: load it again whether or not we follow.
      live.loadWanted = true
    case .backgroundWarning(let why):
      // Beside what the status line says (the check's verdict comes just before).
      message = message.map { $0 + "; " + why } ?? why
    default: break
    }
  }

  /// Moves the errors pane's cursor (j/k in the pane).
  mutating func moveIssueCursor(by n: Int) {
    live.issueCursor = min(
      max(0, live.issueCursor + n), max(0, live.issues.count - 1))
  }

  private mutating func closeIssues() {
    pane = nil
    focus = .timeline
    maximized = false
  }

  /// Enter on an error: its file in the editor, at the line when the place has one.
  private mutating func openIssue() {
    guard live.issues.indices.contains(live.issueCursor) else { return }
    let issue = live.issues[live.issueCursor]
    let base = live.directory.isEmpty ? dataLabel : live.directory
    // `file` is the directory itself for a problem with the whole directory.
    let path =
      issue.file == base || issue.file.hasPrefix("/")
      ? issue.file : base + "/" + issue.file
    var item: Int?
    if case .item(let index, _) = issue.place { item = index }
    editorRequest = EditorRequest(path: path, line: issue.line, item: item)
  }

  /// Puts `new` in place of the corpus and restores the reader's place in it.
  mutating func replaceCorpus(_ new: Corpus) {
    let selectedID = selectedRecord?.id
    let selectedDay = selectedPosition.map { corpus.firstDay(at: $0) }
    let topID = rows.indices.contains(top) ? corpus.records[rows[top]].id : nil
    let sameRecordScroll = (
      detailLink, detailScroll, sourceScroll, sourceIndex, figureCursor
    )
    corpus = new
    links = LinkIndex(corpus: new)
    facetColumns = nil
    // A list of link targets holds indexes into the old corpus.
    if case .links = overlay { overlay = nil }
    // The old rows index the old corpus: applyQuery must not look them up in the new one.
    rows = ResultRows([])
    applyQuery(query)
    if let topID, let row = row(of: topID) { top = row }
    if let selectedID, let row = row(of: selectedID) {
      selection = row
      (detailLink, detailScroll, sourceScroll, sourceIndex, figureCursor) =
        sameRecordScroll
    } else if let selectedDay, !rows.isEmpty {
      // The record is gone: the first one shown on or after its day.
      selection = min(firstRow(onOrAfter: selectedDay), rows.endIndex - 1)
    }
    if case .parties(let cursor) = overlay {
      overlay = .parties(cursor: min(cursor, max(0, partyListOrder.count - 1)))
    }
    keepSelectionVisible()
  }
}

extension Event {
  /// News from the shell rather than a key: it does not wipe the status line's message.
  var isBackgroundNews: Bool {
    switch self {
    case .reloadStarted, .reloadFinished, .dataChanged, .searchStep,
      .validationProgress, .validationFinished, .backgroundWarning,
      .draftsRead:
      return true
    default: return false
    }
  }
}

extension LoadIssue {
  /// The 1-based line of the file the problem is on, when the place says.
  var line: Int? {
    switch place {
    case .line(let n, _): return n
    case .position(let line, _): return line
    case .item, .file: return nil
    }
  }
}
