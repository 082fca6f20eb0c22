extension CorpusLoader {
  /// What `check` finds: every issue and every count of the summary that `load` gives
  /// for the same files, without the corpus.
  public struct Check: Sendable {
    /// Errors and warnings, in file order and item order (`Result.issues`).
    public var issues: [LoadIssue]
    /// Data files read (`*.json`, `*.jsonl`).
    public var files: Int
    /// Files that contributed nothing (invalid JSON, bad envelope, unreadable).
    public var failedFiles: Int
    /// Items left out because of an error.
    public var leftOut: Int
    /// How many parties, sources and records a load would hold.
    public var parties: Int
    public var sources: Int
    public var records: Int
    /// The ids of the records a load would hold.
    public var recordIDs: CheckedRecordIDs

    public var errors: [LoadIssue] { issues.filter(\.isError) }
    public var warnings: [LoadIssue] { issues.filter { !$0.isError } }

    /// The summary line `Result.summary` gives for the same files.
    public var summary: String {
      CorpusLoader.summary(
        files: files, parties: parties, sources: sources, records: records,
        leftOut: leftOut, issues: issues)
    }
  }

  /// Checks `directory` as `load` does (every rule, every issue and count) without
  /// building the corpus: no sorted store, columns, involved lists or link index, which
  /// only a view of the records reads (`validate` shows none). The settings' cache is
  /// neither read nor written.
  ///
  /// Guarantees: `issues`, the counts and `summary` equal `load`'s for the same files,
  /// and `recordIDs` holds the ids of its corpus's records.
  public static func check(
    directory: String, progress: LoadProgress? = nil,
    settings: LoadSettings = .init()
  ) throws(DirectoryError) -> Check {
    let files = try dataFiles(in: directory)
    var loader = FastLoader(
      directory: directory, fileNames: files, progress: progress,
      settings: settings)
    let checked = loader.check()
    return loader.checkOutcome(checked)
  }
}
