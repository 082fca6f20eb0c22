import DatelineCore

/// Everything the browser shows, as a value: `update` makes a new one, `render` draws it.
///
/// Like bubbletea's Model, the state never performs I/O; what the shell must do (quit)
/// is recorded here as a value.
public struct BrowserState: Sendable {
  /// The secondary pane beside or below the timeline.
  public enum Pane: Sendable, Hashable { case detail, source, figures, issues }
  public enum Focus: Sendable, Hashable { case timeline, pane }
  /// A box drawn over the panes.
  public enum Overlay: Sendable, Hashable {
    case help
    /// The party facet list, with its cursor (an index into `partyListOrder`).
    case parties(cursor: Int)
    /// Several disputing or revising records to choose from (`d`, `v`).
    case links(LinkChoice)
    /// `#`: tags in use with their counts, and the starred-only toggle.
    case tags(cursor: Int)
    /// `V`: "save as…" then the saved views.
    case views(cursor: Int)
  }
  /// A one-line prompt in the status line.
  public enum Prompt: Sendable, Hashable {
    case search(text: String, origin: ResultRow)
    case jump(text: String)
    /// `r`: a date range, `since..until`.
    case range(text: String)
    /// `T`: a tag to add to (or remove from) the selected record.
    case tag(text: String)
    /// `i`: the selected record's note.
    case note(text: String)
    /// `V`, then "save as": the name of the view to save.
    case viewName(text: String)
    /// `e`: the file to export the shown records to.
    case export(text: String)
    /// The export's file exists: replace it? (`y` replaces; anything else keeps it.)
    case overwrite(ExportRequest)
    /// `:`: a command line (`BrowserCommand`).
    case command(text: String)
    /// `D` `K` `P` `B`: a field of the selected draft.
    case draftField(DraftField, text: String)
  }

  public internal(set) var corpus: Corpus
  /// Disputes and revisions read both ways, built once for the corpus (cheap).
  public internal(set) var links: LinkIndex
  /// Basis and source-count columns and the figure-label index: a pass over the corpus,
  /// so built by `update` the first time a basis or source filter or the figures pane
  /// needs them, and kept.
  public internal(set) var facetColumns: FacetColumns?
  /// The data directory as shown in the status line.
  public var dataLabel: String
  public var query: TimelineQuery
  /// The records the query selects, in timeline order (`ResultRow` → `RecordPosition`).
  public internal(set) var rows: ResultRows
  /// Records per party in `rows` (a party counts its descendants' records).
  public private(set) var counts: [Party.ID: Int]
  /// The selected record's row in `rows`.
  public var selection: ResultRow
  /// The row in `rows` of the first record drawn in the timeline.
  public var top: ResultRow
  /// Columns the timeline's headlines are scrolled to the left (← →; `HeadlineWindow`).
  public var headlineOffset = 0
  public var size: Size
  public var pane: Pane?
  public var focus: Focus
  public var maximized: Bool
  public var overlay: Overlay?
  public var prompt: Prompt?
  /// The prompt's cursor, selection and history, and a search still running.
  public var editing = PromptEditing()
  /// The confirmed search words (for `n`/`N` and highlights).
  public var search: String
  /// The search to restore when a search prompt is cancelled.
  public var searchBeforePrompt: String
  /// Which link of the detail pane is selected, and how far the pane is scrolled.
  public var detailLink: Int
  public var detailScroll: Int
  /// Source pane scroll; nil until the user scrolls, meaning "centred on the quote".
  public var sourceScroll: Int?
  /// A one-off message for the status line ("no match").
  public var message: String?
  public var useColor: Bool
  public var quit: Bool
  /// Whether the density strip is drawn under the timeline (`H`).
  public var showStrip: Bool
  /// Which of the selected record's sources the source pane shows (0: `source`, then
  /// each `also` source; see `Record.sourceIDs`).
  public var sourceIndex: Int
  /// The highlighted entry of the figures pane; nil means "the selected record's first".
  public var figureCursor: Int?
  /// Places to go back to (Backspace, `-`).
  public var history: JumpHistory
  /// Bookmarked records (`m`, `'`), loaded and saved by the shell.
  public var marks: Set<Record.ID>
  /// Marks the shell should write to the state directory, as a value (bubbletea's Cmd):
  /// `update` never does I/O; the shell saves them and answers with `.marksSaved`.
  public var marksToSave: Set<Record.ID>?
  /// The config's choices: layout, colours per party kind, key remaps (read by the shell).
  public var preferences: Preferences
  /// `e`: records to write to a file, for the shell (answered by `.exportFinished` or
  /// `.exportTargetExists`).
  public var exportRequest: ExportRequest?
  /// `y`: a citation for the shell to hand on (answered by `.citationDelivered`).
  public var citationRequest: Citation?
  /// A file for the shell to open in `$VISUAL`/`$EDITOR` (answered by `.editorFinished`).
  public var editorRequest: EditorRequest?
  /// Follow and reload, and the load's errors for `!` (BrowserState+Reload.swift).
  public var live: LiveData
  /// The full check of a corpus opened by the first pass, while it runs (Validation.swift).
  public var validation = ValidationStatus()
  /// Stars, tags, notes and their filters (Workbench.swift).
  public var workbench: Workbench
  /// Drafts on screen and their review (DraftReview.swift).
  public var review: DraftReview

  public init(
    corpus: Corpus, dataLabel: String, size: Size, useColor: Bool = true
  ) {
    self.corpus = corpus
    self.links = LinkIndex(corpus: corpus)
    self.facetColumns = nil
    self.dataLabel = dataLabel
    self.query = TimelineQuery()
    self.rows = ResultRows(Array(corpus.records.indices))
    self.counts = TimelineQuery.partyCounts(rows.positions, in: corpus)
    self.selection = 0
    self.top = 0
    self.size = size
    self.pane = nil
    self.focus = .timeline
    self.maximized = false
    self.overlay = nil
    self.prompt = nil
    self.search = ""
    self.searchBeforePrompt = ""
    self.detailLink = 0
    self.detailScroll = 0
    self.sourceScroll = nil
    self.message = nil
    self.useColor = useColor
    self.quit = false
    self.showStrip = true
    self.sourceIndex = 0
    self.figureCursor = nil
    self.history = JumpHistory()
    self.marks = []
    self.marksToSave = nil
    self.preferences = Preferences()
    self.exportRequest = nil
    self.citationRequest = nil
    self.editorRequest = nil
    self.live = LiveData()
    self.workbench = Workbench()
    self.review = DraftReview()
  }

  /// The selected record, if any is shown.
  public var selectedRecord: Record? {
    selectedPosition.map { corpus.records[$0] }
  }

  /// The selected record's position in the store, if any is shown.
  public var selectedPosition: RecordPosition? {
    rows.indices.contains(selection) ? rows[selection] : nil
  }

  /// Runs `query` again, keeping the selection on the same record when it is still shown,
  /// else on the nearest one in time (timeline order is index order).
  public mutating func applyQuery(_ newQuery: TimelineQuery) {
    let previous = selectedPosition
    query = newQuery
    if newQuery.facets.needsColumns { ensureFacetColumns() }
    rows = ResultRows(
      workbench.filter.apply(
        filteredRows(newQuery), corpus: corpus,
        annotations: workbench.annotations))
    counts = TimelineQuery.partyCounts(rows.positions, in: corpus)
    selection = 0
    if let previous, !rows.isEmpty {
      let i = rows.lowerBound(previous)
      if i < rows.endIndex && rows[i] == previous {
        selection = i
      } else if i >= rows.endIndex {
        selection = rows.endIndex - 1
      } else if i > 0 {
        // Nearest in time: compare the neighbours' first days with the lost record's.
        let day = corpus.firstDay(at: previous).dayNumber
        let before = day - corpus.firstDay(at: rows[i - 1]).dayNumber
        let after = corpus.firstDay(at: rows[i]).dayNumber - day
        selection = before < after ? i - 1 : i
      } else {
        selection = i
      }
    }
    resetPaneScroll()
    keepSelectionVisible()
  }

  /// Builds the facet columns if they are not built yet.
  mutating func ensureFacetColumns() {
    if facetColumns == nil { facetColumns = FacetColumns(corpus: corpus) }
  }

  mutating func resetPaneScroll() {
    detailLink = 0
    detailScroll = 0
    sourceScroll = nil
    sourceIndex = 0
    figureCursor = nil
  }

  /// The row of the first shown record starting on or after `day` (`rows.endIndex` if none).
  func firstRow(onOrAfter day: CalendarDay) -> ResultRow {
    var lo = rows.startIndex
    var hi = rows.endIndex
    while lo < hi {
      let mid = lo + lo.distance(to: hi) / 2
      if corpus.firstDay(at: rows[mid]) < day { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// The row that shows record `id`, if it is loaded and shown.
  func row(of id: Record.ID) -> ResultRow? {
    corpus.position(of: id).flatMap { rows.row(of: $0) }
  }

  /// Parties in tree order (each root followed by its descendants), for the party list.
  public var partyListOrder: [Party] {
    var out: [Party] = []
    func visit(_ p: Party) {
      out.append(p)
      for c in corpus.parties where c.parent == p.id { visit(c) }
    }
    for p in corpus.parties
    where p.parent.map { corpus.party($0) == nil } ?? true { visit(p) }
    return out
  }
}
