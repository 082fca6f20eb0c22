/// A file for the shell to open in the user's editor, as a value in the state.
///
/// Like `ExportRequest`: `update` only asks; the shell leaves the screen, runs
/// `$VISUAL` or `$EDITOR` (see `EditorCommand`), waits for it, restores the screen and
/// answers with `.editorFinished`, after which the data is loaded again (the user may
/// have changed it). Whoever sets one (`!` then Enter, `E`) fills in `line` only when
/// the place in the file is known.
public struct EditorRequest: Sendable, Hashable {
  /// The file, as a path the shell can open (absolute, or relative to the working
  /// directory).
  public var path: String
  /// The 1-based line to put the cursor on, when known.
  public var line: Int?
  /// Without a line: the index of the envelope item to open at, whose line the shell
  /// finds in the file (the state reads no files).
  public var item: Int?

  public init(path: String, line: Int? = nil, item: Int? = nil) {
    self.path = path
    self.line = line.flatMap { $0 > 0 ? $0 : nil }
    self.item = item.flatMap { $0 >= 0 ? $0 : nil }
  }
}
