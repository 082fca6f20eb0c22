import DatelineCore

/// `e`: the records on screen, to be written to a file by the shell.
///
/// Why a value: `update` does no I/O (bubbletea's Cmd). It records what to write and where;
/// the shell in Sources/dateline checks whether the file exists, writes it, and answers
/// with `.exportFinished` or `.exportTargetExists`, so asking before overwriting is a state
/// of the browser like any other.
public struct ExportRequest: Sendable, Hashable {
  /// The file name as the user typed it (the shell resolves `~` and relative paths).
  public var path: String
  /// Indexes into `corpus.records`: the filtered view at the moment `e` was pressed.
  public var rows: [Int]
  /// Set once the user has said yes to replacing an existing file.
  public var overwrite: Bool

  public init(path: String, rows: [Int], overwrite: Bool = false) {
    self.path = path
    self.rows = rows
    self.overwrite = overwrite
  }

  /// Markdown for a name ending in `.md` or `.markdown`, else CSV.
  public var format: ExportFormat { ExportFormat(fileName: path) }
}
