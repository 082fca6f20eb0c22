import DatelineCore

/// What the browser knows about its data as files change: whether it follows them, the
/// load the shell should start or is running, and the last load's errors and warnings.
///
/// The shell reads `loadWanted` as an effect (bubbletea's Cmd): it starts one background
/// load, answers `.reloadStarted`, and later `.reloadFinished`. A change that arrives
/// while a load runs sets `loadWanted` again, so at most one more load follows it.
public struct LiveData: Sendable, Hashable {
  /// Whether the shell watches the data directory (`--no-follow`, `follow = false`).
  public var follow: Bool
  /// The data directory as a path the shell can open files under (for `!` → Enter).
  public var directory: String
  /// Set by `update` when the data should be loaded again; cleared by `.reloadStarted`.
  public var loadWanted: Bool
  /// A background load is running; the view on screen is the previous data's.
  public var loading: Bool
  /// The errors and warnings of the load on screen, in file and item order.
  public var issues: [LoadIssue]
  /// The highlighted entry of the errors pane (`!`).
  public var issueCursor: Int

  public init(
    follow: Bool = true, directory: String = "", issues: [LoadIssue] = []
  ) {
    self.follow = follow
    self.directory = directory
    self.loadWanted = false
    self.loading = false
    self.issues = issues
    self.issueCursor = 0
  }

  /// Errors (not warnings) among `issues`.
  public var errorCount: Int { issues.count { $0.isError } }
}
