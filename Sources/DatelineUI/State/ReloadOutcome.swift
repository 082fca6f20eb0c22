import DatelineCore

/// What a background load brought back, for `.reloadFinished`.
///
/// Equal by `generation` alone: a corpus is not compared value by value (Event is
/// Hashable so that reducer tests can compare events; two loads are told apart by their
/// number).
public struct ReloadOutcome: Sendable, Hashable {
  public enum Content: Sendable {
    /// The new data, its errors and warnings, and what changed against the data shown.
    case loaded(Corpus, issues: [LoadIssue], summary: ReloadSummary)
    /// The directory could not be read at all; the old view stays.
    case failed(String)
  }

  /// Counts up from 1 with each load the shell starts.
  public let generation: Int
  public let content: Content

  public init(generation: Int, content: Content) {
    self.generation = generation
    self.content = content
  }

  public static func == (a: ReloadOutcome, b: ReloadOutcome) -> Bool {
    a.generation == b.generation
  }
  public func hash(into hasher: inout Hasher) { hasher.combine(generation) }
}

/// Records added, changed and removed by a reload, by record id, and the new load's
/// errors: the status line's "+12 records, 1 changed, 2 removed, 0 errors".
public struct ReloadSummary: Sendable, Hashable {
  public var added: Int
  public var changed: Int
  public var removed: Int
  public var errors: Int

  public init(
    added: Int = 0, changed: Int = 0, removed: Int = 0, errors: Int = 0
  ) {
    self.added = added
    self.changed = changed
    self.removed = removed
    self.errors = errors
  }

  /// The status line's words; "no change" when no record moved and nothing is wrong.
  public var description: String {
    if added == 0 && changed == 0 && removed == 0 && errors == 0 {
      return "reloaded: no change"
    }
    let records = added == 1 ? "record" : "records"
    return
      "+\(added) \(records), \(changed) changed, \(removed) removed, \(errors) error\(errors == 1 ? "" : "s")"
  }
}
