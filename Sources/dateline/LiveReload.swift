import DatelineCore
import DatelineUI
import Foundation
import Synchronization

/// The browser's shell side of follow and reload: the watcher, one background load at a
/// time, and the fingerprints of the data on screen to say what a reload changed.
///
/// Loads run on their own thread so the old view stays usable; their results come back
/// through a mailbox that the browse loop empties between keys (`events()`), so every
/// change reaches the state as an Event.
final class LiveReload {
  let directory: String
  private let watcher: DataWatcher?
  private let mailbox = Mailbox()
  private var generation = 0
  /// Records in the data last loaded, for a summary before any fingerprints exist.
  private var shownCount: Int
  /// Whether the data on screen has already said that a read failed (see `readFailed`).
  private var readProblemSeen = false
  /// What the browser shows for a loaded directory (the drafts beside it: DraftOverlay).
  private let compose: @Sendable (Corpus, [LoadIssue]) -> (Corpus, [LoadIssue])

  /// Whether the watcher saw a change since the last load started: lines appended to a
  /// `.jsonl` may then be read alone (`R` and the editor's return load everything).
  private var watcherNoticed = false
  /// Whether a `text_path` file changed since the last load started (a full load then).
  private var textChanged = false
  /// Whether the next load must not read the re-open cache (it did not match the files).
  private var distrustCache = false
  /// How every reload reads (the re-open cache, the chunk size): from the environment.
  private let settings: LoadSettings

  /// `follow: false` (`--no-follow`, `follow = false`): no watcher; `R` and the editor
  /// still reload.
  /// `shown: nil`: the data on screen is provisional (FirstPass); `fingerprint` is called
  /// with the checked load when it replaces it. `environment` gives the load settings
  /// (LoadEnvironment) and `DATELINE_WATCH`.
  init(
    directory: String, follow: Bool, shown result: CorpusLoader.Result?,
    compose:
      @escaping @Sendable (Corpus, [LoadIssue]) -> (Corpus, [LoadIssue]) = {
        ($0, $1)
      },
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.directory = directory
    self.compose = compose
    self.shownCount = result?.corpus.records.count ?? 0
    // Windowed, with the checksums the reload of appended lines compares.
    self.settings = LoadEnvironment.settings(environment, digestedReads: true)
    // DATELINE_WATCH=poll: status polls only (inotify does not see another machine's
    // writes on a network file system).
    let poll = environment["DATELINE_WATCH"] == "poll"
    self.watcher =
      follow ? DataWatcher(directory: directory, useNotify: !poll) : nil
    if let result { fingerprint(result) }
  }

  /// Fingerprints the data on screen now, while its files are the files it was read from;
  /// a later reload compares against this.
  func fingerprint(_ result: CorpusLoader.Result) {
    let corpus = result.corpus
    shownCount = corpus.records.count
    watcher?.watchTexts(corpus.sources.textPaths)
    let (mailbox, follow, directory) = (
      self.mailbox, watcher != nil, self.directory
    )
    Thread.detachNewThread {
      mailbox.keep(RecordFingerprints(corpus), for: 0)
      if follow {
        mailbox.keep(AppendBase(result, directory: directory), for: 0)
      }
    }
  }

  /// What happened since the last call: a changed data file, finished loads.
  func events() -> [Event] {
    var out = mailbox.take()
    for case .reloadFinished(let outcome) in out {
      if case .loaded(let corpus, _, _) = outcome.content {
        shownCount = corpus.records.count
        readProblemSeen = false
        watcher?.watchTexts(corpus.sources.textPaths)
      }
    }
    if let changes = watcher?.changes(), !changes.isEmpty {
      out.append(.dataChanged)
      // Only data files: lines appended may be read alone; a text file: load everything.
      if changes.contains(.texts) {
        textChanged = true
      } else {
        watcherNoticed = true
      }
    }
    return out
  }

  /// Whether a record of `corpus` could not be read because its file changed (Core keeps
  /// the first such problem as a value); true once per loaded data, so it asks for one
  /// reload, whether or not the directory is followed.
  func readFailed(in corpus: Corpus) -> Bool {
    guard !readProblemSeen, let problem = corpus.readProblem else {
      return false
    }
    readProblemSeen = true
    // A cache that pointed at other bytes: the reload reads the files and writes it again.
    if case .cacheMismatch = problem { distrustCache = true }
    return true
  }

  /// Whether a background load is running.
  var isLoading: Bool { mailbox.running }

  /// Starts loading the directory in the background, unless a load is running already:
  /// after a change the watcher saw, only the lines appended to `.jsonl` files when that
  /// is all that changed (`AppendBase.readAppended`), else every file.
  func startLoad() -> Bool {
    guard !mailbox.running else { return false }
    let plan = nextPlan()
    let (directory, mailbox, compose) = (
      self.directory, self.mailbox, self.compose
    )
    mailbox.running = true
    Thread.detachNewThread {
      let content = LiveReload.composing(
        LiveReload.load(plan, directory: directory, mailbox: mailbox), compose)
      mailbox.finish(
        .reloadFinished(
          ReloadOutcome(generation: plan.generation, content: content)))
      // The new data's party sets, while it is read (its filters do not wait for them).
      if case .loaded(let corpus, _, _) = content { corpus.prepareFilters() }
    }
    return true
  }

  /// How the next load reads, from what was seen since the last one (which is then
  /// forgotten): appended lines alone when only the watcher saw a change and an append
  /// base is ready, else everything, with the reason kept for the reload log.
  private func nextPlan() -> ReloadPlan {
    generation += 1
    let plan = ReloadPlan(
      generation: generation,
      appendOnly: watcherNoticed && !textChanged ? mailbox.base : nil,
      why: textChanged
        ? "a text_path file changed"
        : !watcherNoticed
          ? "asked for (R, the editor, a read problem)"
          : "no append base (data with errors, from the cache, or not ready)",
      readCache: !distrustCache, settings: settings, shownCount: shownCount)
    watcherNoticed = false
    textChanged = false
    distrustCache = false
    return plan
  }
}

/// What one background load is to do: its generation, the append base when only
/// appended lines are to be read, why not otherwise, and how a full load reads.
struct ReloadPlan: Sendable {
  let generation: Int
  let appendOnly: AppendBase?
  let why: String
  let readCache: Bool
  let settings: LoadSettings
  /// Records shown before the load, for a summary before any fingerprints exist.
  let shownCount: Int
}

extension LiveReload {
  /// DATELINE_RELOAD_LOG=FILE: one line per reload saying how it was read (for tests, and
  /// to see why a change was loaded whole); best effort.
  static let logPath = ProcessInfo.processInfo.environment[
    "DATELINE_RELOAD_LOG"]

  static func log(_ line: String) {
    guard let logPath else { return }
    try? AppendFile.append(line + "\n", to: logPath)
  }

  /// Runs `plan` on the calling (background) thread: the appended lines alone when
  /// that is possible, else every file.
  static func load(
    _ plan: ReloadPlan, directory: String, mailbox: Mailbox
  ) -> ReloadOutcome.Content {
    if plan.appendOnly == nil { log("full load: \(plan.why)") }
    if let base = plan.appendOnly,
      let content = readAppended(
        base, mailbox: mailbox, generation: plan.generation)
    {
      return content
    }
    return fullLoad(plan, directory: directory, mailbox: mailbox)
  }

  /// Loads every file; keeps the append base and the fingerprints of the new data, and
  /// says what changed against the fingerprints of the data shown.
  static func fullLoad(
    _ plan: ReloadPlan, directory: String, mailbox: Mailbox
  ) -> ReloadOutcome.Content {
    do {
      let result = try CorpusLoader.open(
        directory: directory, deferCacheWrite: true, settings: plan.settings,
        readCache: plan.readCache)
      mailbox.keep(
        AppendBase(result, directory: directory), for: plan.generation)
      // A cache that did not match the files is replaced now, not at the next start.
      if !plan.readCache, let warning = result.writeCache() {
        mailbox.warn(warning)
      }
      let fingerprints = RecordFingerprints(result.corpus)
      let errors = result.errors.count
      // Before the first fingerprints are taken (a large corpus, a quick change), only
      // the counts can be compared.
      let (before, after) = (plan.shownCount, result.corpus.records.count)
      let summary =
        mailbox.fingerprints?.summary(to: fingerprints, errors: errors)
        ?? ReloadSummary(
          added: max(0, after - before), removed: max(0, before - after),
          errors: errors)
      mailbox.keep(fingerprints, for: plan.generation)
      return .loaded(result.corpus, issues: result.issues, summary: summary)
    } catch {
      return .failed("\(error)")
    }
  }

  /// The appended lines merged into the data shown, or nil when a full load is needed.
  static func readAppended(
    _ base: AppendBase, mailbox: Mailbox, generation: Int
  ) -> ReloadOutcome.Content? {
    switch base.readAppended() {
    case .fullLoadNeeded(let why):
      log("full load: " + why)
      return nil
    case .unchanged(let next):
      log("no whole new line")
      mailbox.keep(next, for: generation)
      return .loaded(next.corpus, issues: next.issues, summary: ReloadSummary())
    case .appended(let next, let added, let errors):
      mailbox.keep(next, for: generation)
      // The first fingerprints may not be taken yet: then all of them, now.
      let fingerprints = mailbox.fingerprints?.adding(
        RecordFingerprints(next.corpus, rows: added))
      mailbox.keep(
        fingerprints ?? RecordFingerprints(next.corpus), for: generation)
      log(
        "appended lines read alone: +\(added.count) records, \(errors) errors")
      return .loaded(
        next.corpus, issues: next.issues,
        summary: ReloadSummary(added: added.count, errors: errors))
    }
  }

  /// The loaded data as the browser shows it (the drafts beside it: DraftOverlay). The
  /// summary and the append base stay the directory's own: drafts are not records.
  private static func composing(
    _ content: ReloadOutcome.Content,
    _ compose: (Corpus, [LoadIssue]) -> (Corpus, [LoadIssue])
  ) -> ReloadOutcome.Content {
    guard case .loaded(let corpus, let issues, let summary) = content else {
      return content
    }
    let (shown, allIssues) = compose(corpus, issues)
    return .loaded(shown, issues: allIssues, summary: summary)
  }
}

/// Where background threads leave their news for the browse loop.
final class Mailbox: Sendable {
  private struct Contents {
    var events: [Event] = []
    var running = false
    var fingerprints: RecordFingerprints?
    var fingerprintsGeneration = -1
    var base: AppendBase?
    var baseGeneration = -1
    var warnings: [String] = []
  }
  private let contents = Mutex(Contents())

  /// The end of the load running, then what it could not keep (`warn`), each said once.
  func finish(_ event: Event) {
    contents.withLock {
      $0.events.append(event)
      $0.events += $0.warnings.map { .backgroundWarning($0) }
      $0.warnings = []
      $0.running = false
    }
  }

  /// Something the load running could not keep (the re-open cache it replaces), said
  /// after its end: the end's summary would take the status line's place.
  func warn(_ why: String) {
    contents.withLock { $0.warnings.append(why) }
  }

  func take() -> [Event] {
    contents.withLock {
      let out = $0.events
      $0.events = []
      return out
    }
  }

  var running: Bool {
    get { contents.withLock { $0.running } }
    set { contents.withLock { $0.running = newValue } }
  }

  /// The fingerprints of the newest load (a slow first fingerprinting cannot overwrite
  /// those of a reload that finished before it).
  func keep(_ fingerprints: RecordFingerprints, for generation: Int) {
    contents.withLock {
      if generation > $0.fingerprintsGeneration {
        $0.fingerprints = fingerprints
        $0.fingerprintsGeneration = generation
      }
    }
  }

  var fingerprints: RecordFingerprints? {
    contents.withLock { $0.fingerprints }
  }

  /// What lines appended to the data of load `generation` are read against (nil: that
  /// data can only be loaded again whole).
  func keep(_ base: AppendBase?, for generation: Int) {
    contents.withLock {
      if generation >= $0.baseGeneration {
        $0.base = base
        $0.baseGeneration = generation
      }
    }
  }

  var base: AppendBase? { contents.withLock { $0.base } }
}
