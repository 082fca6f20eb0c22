import DatelineCore

/// The reader's own layer over the data, as a value in the state: annotations (stars,
/// tags, notes), the filters on them, and the changes waiting for the shell to write.
///
/// Why one value: the browser's main state gets one field, and everything annotation
/// specific lives here and in `BrowserState+Annotations.swift`.
public struct Workbench: Sendable {
  /// What every annotations file says, with this session's changes folded in as they are
  /// made (so the screen never waits for the disk).
  public var annotations: Annotations
  /// `#`: the tag list, the starred-only toggle.
  public var filter: AnnotationFilter
  /// Changes made here that are not written yet: the shell appends them when
  /// `saveWanted` is set and answers `.annotationsSaved`. A failed write keeps them (in
  /// memory until quit, retried with the next change).
  public var unsaved: [AnnotationChange]
  public var saveWanted: Bool
  /// `I`: the note of a record to edit in `$EDITOR`, for the shell (answered by
  /// `.noteEdited`).
  public var noteEdit: NoteEdit?
  /// `c`: the context around a record, and what it left (BrowserState+Context.swift).
  public var context: BrowserState.ContextView?
  /// `E`: the record to open in `$EDITOR` at its line; the shell finds its file
  /// (`RecordLocator`) and answers with `.editorFinished`, which reloads the data.
  public var recordToEdit: Record.ID?
  /// `V`: the saved views (and the last session), and whether the shell should write them.
  public var views: ViewBook
  public var viewsToSave: Bool

  public struct NoteEdit: Sendable, Hashable {
    public var record: Record.ID
    public var text: String
  }

  public init(annotations: Annotations = Annotations()) {
    self.annotations = annotations
    self.filter = AnnotationFilter()
    self.unsaved = []
    self.saveWanted = false
    self.noteEdit = nil
    self.context = nil
    self.recordToEdit = nil
    self.views = ViewBook()
    self.viewsToSave = false
  }

  /// The tags in the tag list: every tag in use, sorted.
  public var tags: [String] { annotations.tagCounts.map(\.tag) }
}
