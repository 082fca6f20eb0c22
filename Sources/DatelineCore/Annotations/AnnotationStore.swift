import Foundation

/// Where a data directory's annotations are read from and where this user's changes go.
///
/// By default inside the data directory, `annotations/NAME.jsonl` (NAME from the author),
/// so annotations travel with the data and `validate` checks them. When the data directory
/// cannot be written (or the config asks for it) this user's file lives in a fallback
/// directory outside it (the CLI passes `$XDG_DATA_HOME/dateline/annotations/<dir>`).
/// Both places are always read, so moving between them loses nothing.
public struct AnnotationStore: Sendable, Hashable {
  public var author: String
  /// The file this user's changes are appended to.
  public var file: String
  /// The directories read, each with the prefix its files are named by in warnings.
  public var sources: [Place]

  public struct Place: Sendable, Hashable {
    public var directory: String
    public var prefix: String
  }

  /// The store for `dataDirectory`. `fallback`: the directory outside the data to use
  /// when the data directory is not writable or `preferFallback` is set (nil when there
  /// is none, e.g. no HOME).
  public init(
    dataDirectory: String, author: String, fallback: String?,
    preferFallback: Bool = false
  ) {
    self.author = author
    let inside = dataDirectory + "/annotations"
    let name = AnnotationStore.fileName(for: author)
    var sources = [Place(directory: inside, prefix: "annotations/")]
    if let fallback {
      sources.append(Place(directory: fallback, prefix: fallback + "/"))
    }
    self.sources = sources
    let useFallback =
      preferFallback || !AnnotationStore.writable(inside: dataDirectory)
    self.file = (useFallback ? fallback ?? inside : inside) + "/" + name
  }

  /// Whether annotations can be written inside the data directory: `annotations/` is
  /// writable, or is missing and the directory itself is writable.
  static func writable(inside dataDirectory: String) -> Bool {
    let inside = dataDirectory + "/annotations"
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: inside, isDirectory: &isDir) {
      return isDir.boolValue && access(inside, W_OK) == 0
    }
    return access(dataDirectory, W_OK) == 0
  }

  /// `NAME.jsonl`: the author with anything but letters, digits, `.`, `_` and `-` made
  /// `_` (at most 64), so a name can never leave the directory.
  public static func fileName(for author: String) -> String {
    let safe = String(
      author.unicodeScalars.prefix(64).map { s -> Character in
        let v = s.value
        let ok =
          (0x30...0x39).contains(v) || (0x41...0x5A).contains(v)
          || (0x61...0x7A).contains(v) || v == 0x5F || v == 0x2D
        return ok ? Character(s) : "_"
      })
    return (safe.isEmpty ? "anonymous" : safe) + ".jsonl"
  }

  /// Every change in every file of the store, in the order they were made, and warnings
  /// for lines left out.
  public func load() -> (
    annotations: Annotations, changes: Int, issues: [LoadIssue]
  ) {
    var changes: [AnnotationChange] = []
    var issues: [LoadIssue] = []
    var seen = Set<String>()
    for s in sources where seen.insert(s.directory).inserted {
      let r = AnnotationLog.read(directory: s.directory, prefix: s.prefix)
      changes += r.changes
      issues += r.issues
    }
    return (Annotations(AnnotationLog.ordered(changes)), changes.count, issues)
  }

  /// Warnings for annotations of records the corpus does not have (`validate`).
  public static func unknownRecordIssues(
    _ annotations: Annotations, corpus: Corpus
  ) -> [LoadIssue] {
    unknownRecordIssues(annotations) { corpus.recordIndex[$0] != nil }
  }

  /// Warnings for annotations of records for which `isLoaded` says no (`validate`, from
  /// a check's ids: `CorpusLoader.Check.recordIDs`).
  public static func unknownRecordIssues(
    _ annotations: Annotations, isLoaded: (Record.ID) -> Bool
  ) -> [LoadIssue] {
    annotations.unknownRecords(isLoaded: isLoaded).map {
      LoadIssue(
        .warning, file: "annotations",
        message:
          "annotation of unknown record id \(quoted($0.rawValue)), ignored")
    }
  }

  /// Appends one change to this user's file.
  public func record(_ change: AnnotationChange) throws(FileWriteError) {
    try AnnotationLog.append(change, to: file)
  }
}
