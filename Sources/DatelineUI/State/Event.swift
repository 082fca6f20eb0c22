import DatelineCore

/// What the user wants; only `KeyMap` knows which key means what.
public enum Event: Sendable, Hashable {
  case moveSelection(by: Int)
  case page(by: Int)
  case selectFirst
  case selectLast
  case openDetail
  /// `o`/`O`: open the source pane (at the first or last source); in it, the next or
  /// previous source of the record; past either end the pane closes.
  case cycleSource(by: Int)
  /// `f`: the figures pane for the selected record's figure labels.
  case toggleFigures
  case closePane
  case toggleFocus
  case toggleMaximize
  /// Ctrl-D / Ctrl-U on the timeline: half a screen.
  case halfPage(by: Int)
  /// ← → (`h` `l`) on the timeline: the headlines half their width left or right.
  case scrollHeadlines(by: Int)
  /// A motion key in the focused side pane (see `Motion`).
  case paneMotion(Motion)
  /// Esc in a focused pane: focus goes back to the timeline, the pane stays open.
  case focusTimeline
  case followLink
  case toggleParty(Party.ID)
  /// A digit key 1–9 from the timeline.
  case toggleFilterKey(Int)
  case toggleMatchMode
  case clearFilters
  case openPartyList
  case movePartyCursor(by: Int)
  case togglePartyAtCursor
  case startSearch
  /// `F`: the search becomes a filter (only matching records shown).
  case searchToFilter
  case startJump
  case promptInput(Character)
  case promptBackspace
  case promptSubmit
  /// `:`: the command line (`BrowserCommand`).
  case startCommand
  /// A readline edit of the open prompt (cursor keys, kills, history, a paste).
  case promptEdit(LineEdit)
  /// From the shell while no key waits: the next piece of an incremental search.
  case searchStep
  case promptCancel
  case nextMatch
  case previousMatch
  case showHelp
  case dismissOverlay
  case closeOrQuit
  case quitNow
  case resize(Size)
  /// A click or the wheel somewhere on the screen (`BrowserState+Mouse.swift` decides).
  case mouse(MouseInput)

  // MARK: - Time, range and facets

  /// `H`: show or hide the density strip.
  case toggleStrip
  /// `]` / `[`: the first record of the next or previous day that has records.
  case jumpDay(forward: Bool)
  /// `}` / `{`: the first record of the next or previous month that has records.
  case jumpMonth(forward: Bool)
  /// `r`: type a date range.
  case startRange
  /// `>` / `<`: the range starts or ends at the selected record's day.
  case rangeFromSelection
  case rangeToSelection
  /// `A`: the next attribution basis to filter on (none, named, official, anonymous,
  /// unattributed).
  case cycleBasis

  // MARK: - Links, history and marks

  /// `d`: go to the record on the other side of a dispute, or list them when several.
  case showDisputes
  /// `v`: go to the record this one revises or is revised by, or list them.
  case showRevisions
  /// In the list of several: move, and go to the highlighted record.
  case moveChoiceCursor(by: Int)
  case followChoice
  /// Backspace / `-`: back to where the last jump started.
  case goBack
  /// `m`: bookmark the selected record, or remove its mark.
  case toggleMark
  /// `'`: the next bookmarked record (wrapping).
  case nextMark
  /// From the shell: the marks were written (nil) or could not be (why).
  case marksSaved(error: String?)

  // MARK: - Export and citations

  /// `e`: ask for a file name and write the shown records to it (through the shell).
  case startExport
  /// From the shell: the file exists; ask before replacing it.
  case exportTargetExists(path: String)
  /// From the shell: `count` records written to `path`, or why not.
  case exportFinished(path: String, count: Int, error: String?)
  /// `y`: hand the selected record on as a citation (through the shell).
  case copyCitation
  /// From the shell: where the citation went.
  case citationDelivered(String)

  // MARK: - Living data: reload, errors, editor (BrowserState+Reload.swift)

  /// From the shell: a data file changed (the watcher), or a record could not be read
  /// because its file changed under the program.
  case dataChanged
  /// `R`: load the data directory again now.
  case reloadNow
  /// From the shell: the background load asked for by `LiveData.loadWanted` began.
  case reloadStarted
  /// From the shell: the background load ended, with the new data or why not.
  case reloadFinished(ReloadOutcome)
  /// `!`: the errors and warnings of the last load, as a pane.
  case showIssues
  /// Enter on an error: open its file in the editor, at its line when known.
  case openIssue
  /// From the shell: the editor ran (nil) or could not be started (why).
  case editorFinished(error: String?)
  /// From the shell: what the background work after a load (the re-open cache, the
  /// search signatures) could not keep, and why; said once, in the status line.
  case backgroundWarning(String)

  // MARK: - First open: the check after the first pass (BrowserState+Validation.swift)

  /// From the shell: how far the full check of a provisionally opened corpus has come.
  case validationProgress(ValidationProgress)
  /// From the shell: the full check ended, with the checked data (or why it could not run).
  case validationFinished(ReloadOutcome)

  // MARK: - Annotations (BrowserState+Annotations.swift)

  /// `*`: star the selected record, or take its star away.
  case toggleStar
  /// `T`: type a tag to add to the selected record (or remove, when it has it).
  case startTagPrompt
  /// `i`: type the selected record's note (empty removes it).
  case startNotePrompt
  /// `I`: edit the selected record's note in `$EDITOR` (through the shell).
  case editNoteInEditor
  /// From the shell: the edited note (nil: unchanged or the editor failed, with why).
  case noteEdited(record: Record.ID, text: String?, error: String?)
  /// From the shell: the first `written` waiting changes were written, and why the
  /// rest were not (nil: all written).
  case annotationsSaved(written: Int, error: String?)
  /// Tab in a prompt: complete what is typed (tags in use).
  case promptComplete
  /// `#`: the tag list (tags in use with counts; Space filters, `*` starred only).
  case openTagList
  case moveTagCursor(by: Int)
  case toggleTagAtCursor
  case toggleTagFilterKey(Int)
  case toggleTagMatchMode
  case toggleStarredOnly

  // MARK: - Context and the record's file (BrowserState+Context.swift)

  /// `c`: the records within days of the selected one, every filter off; again: back.
  case toggleContext
  /// `+` / `=`: a wider / narrower context window.
  case widenContext
  case narrowContext
  /// `E`: the selected record's file in `$EDITOR`, at its line.
  case openRecordInEditor

  // MARK: - Views (BrowserState+Views.swift)

  /// `V`: the saved views, with "save the current view as…" first.
  case openViewList
  case moveViewCursor(by: Int)
  /// Enter in the list: open the view, or (first row) name the current one.
  case chooseViewAtCursor
  /// From the shell: the views file was written (nil), or why not.
  case viewsSaved(error: String?)

  // MARK: - Reviewing drafts (BrowserState+Review.swift)

  /// `s`: accept the selected draft (checked against the directory, then appended).
  case acceptDraft
  /// `x`: reject the selected draft; `u`: undo the last reject of the session.
  case rejectDraft
  case undoReject
  /// `D` `K` `P` `B`: change the draft's date, kind, parties or basis at a prompt.
  case startDraftEdit(DraftField)
  /// From the shell: the decision asked for in `review.decision` was written, or why not.
  case draftDecided(id: Record.ID, error: String?)
  /// From the shell: the draft's line was rewritten, or why not.
  case draftRewritten(id: Record.ID, error: String?)
  /// From the shell: the drafts as read with the data (at start and after each load).
  case draftsRead(DraftSnapshot)
}
