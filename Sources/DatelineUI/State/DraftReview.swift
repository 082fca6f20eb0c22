import DatelineCore

/// Drafts under review, as a value in the state: which records on screen are drafts and
/// where they came from, the directory an accepted draft must join, this session's
/// decisions and undo stack, and what the shell should write (bubbletea's Cmd).
///
/// The shell fills it from a `DraftSnapshot` at start and after each load
/// (`.draftsRead`); `update` never reads a file (see BrowserState+Review.swift).
public struct DraftReview: Sendable {
  /// Where a draft is: its drafts file and 1-based line (for `E`, for a rewrite), and the
  /// records file it joins when accepted.
  public struct Place: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var recordsFile: String
    public init(file: String, line: Int, recordsFile: String) {
      self.file = file
      self.line = line
      self.recordsFile = recordsFile
    }
  }

  /// The drafts on screen, by id.
  public var drafts: [Record.ID: Place]
  /// The directory's data without the drafts: what `s` checks a draft against.
  public var directory: Corpus?
  /// Only drafts are shown (`dateline review`), not the directory's records.
  public var alone: Bool
  /// Decisions made since the drafts were last read (the row shows them until a reload).
  public var decided: [Record.ID: ReviewLog.Decision]
  /// Rejects this session can undo (`u`), the last on top.
  public var undo: [DraftDecision]
  /// What the status line says again once the drafts are read after an accept (the
  /// reload's summary would otherwise replace "accepted … into …" at once).
  public var noteAfterReload: String?
  /// For the shell: a decision to write (answered by `.draftDecided`).
  public var decision: DraftDecision?
  /// For the shell: a changed draft to write back into its line (answered by
  /// `.draftRewritten`).
  public var rewrite: DraftRewrite?

  public init(snapshot: DraftSnapshot? = nil) {
    drafts = snapshot?.drafts ?? [:]
    directory = snapshot?.directory
    alone = snapshot?.alone ?? false
    decided = [:]
    undo = []
    noteAfterReload = nil
    decision = nil
    rewrite = nil
  }

  public var isEmpty: Bool { drafts.isEmpty }
}

/// What the shell read: the drafts shown, the directory without them, where accepted
/// drafts go. Equal by `generation` (a corpus is not compared value by value).
public struct DraftSnapshot: Sendable, Hashable {
  public var generation: Int
  public var drafts: [Record.ID: DraftReview.Place]
  public var directory: Corpus
  public var alone: Bool

  public init(
    generation: Int, drafts: [Record.ID: DraftReview.Place], directory: Corpus,
    alone: Bool
  ) {
    self.generation = generation
    self.drafts = drafts
    self.directory = directory
    self.alone = alone
  }

  public static func == (a: DraftSnapshot, b: DraftSnapshot) -> Bool {
    a.generation == b.generation
  }
  public func hash(into hasher: inout Hasher) { hasher.combine(generation) }
}

/// `s`, `x`, `u`: a decision for the shell to log (and, for an accept, the record line to
/// append to `recordsFile` first).
public struct DraftDecision: Sendable, Hashable {
  public init(
    id: Record.ID, decision: ReviewLog.Decision, draftsFile: String,
    recordLine: String? = nil,
    recordsFile: String? = nil
  ) {
    self.id = id
    self.decision = decision
    self.draftsFile = draftsFile
    self.recordLine = recordLine
    self.recordsFile = recordsFile
  }

  public var id: Record.ID
  public var decision: ReviewLog.Decision
  public var draftsFile: String
  /// The record as it joins the data (`Record.jsonObject`), for an accept.
  public var recordLine: String?
  public var recordsFile: String?
}

/// `D`, `K`, `P`, `B`: the draft's line in its file replaced by `recordLine` (atomically).
public struct DraftRewrite: Sendable, Hashable {
  public var id: Record.ID
  public var place: DraftReview.Place
  public var recordLine: String
}

/// The field a review prompt changes.
public enum DraftField: String, Sendable, Hashable, CaseIterable {
  case date, kind, parties, basis
}
