import DatelineConfig
import DatelineCore
import DatelineUI
import Foundation

/// What a session opens with besides the screen and the data: the directory and the
/// settings, as values (the command reads them from its flags, the config and the
/// process environment; a test gives its own).
struct BrowseSettings {
  var directory: String
  /// Watch the data directory (`--no-follow` and `follow = false` turn it off).
  var follow: Bool
  var config: Config
  /// How many warnings the config file gave (the status line points to `validate`).
  var configWarnings = 0
  var environment: [String: String]
}

extension BrowseSession {
  /// Opens a session on `opening`'s data: the first frame is drawn at once, then the
  /// background work starts (the check after a first pass, the re-open cache and the
  /// search signatures, the watcher and the fingerprints of the data shown).
  static func open(
    screen: Screen, opening: BrowseOpening, settings: BrowseSettings,
    drafts: DraftOverlay
  ) -> BrowseSession {
    let composed = drafts.compose(
      opening.corpus, issues: opening.result?.issues ?? [])
    _ = drafts.takeSnapshot()
    let directory = settings.directory
    var state = firstState(
      composed, size: screen.size, opening: opening, settings: settings)
    let marks = MarkStore(
      dataDirectory: directory, environment: settings.environment)
    let loadedMarks = marks.load()
    state.marks = loadedMarks.marks
    if let problem = loadedMarks.problem { state.message = problem }
    let workbench = WorkbenchEffects(
      store: AnnotationPlace.store(
        dataDirectory: directory, config: settings.config,
        environment: settings.environment),
      dataDirectory: directory, environment: settings.environment)
    state.workbench = workbench.start()
    // The last session's filters and record (config: [annotations] restore = false).
    if settings.config.annotating.restore { state.restoreLastSession() }
    if let note = workbench.startNote { state.message = note }
    // The first pass's screen says at once that the check runs (FirstOpenCheck).
    state.validation.running = opening.isProvisional
    var screen = screen
    screen.draw(render(state))
    let idle = IdleWork()
    let check = startBackground(
      opening, directory: directory,
      settings: LoadEnvironment.settings(
        settings.environment, digestedReads: true), idle: idle)
    // The first pass's records are not fingerprinted (that would read every line):
    // the checked load is, when it arrives.
    let live = LiveReload(
      directory: directory, follow: state.live.follow, shown: opening.result,
      compose: drafts.composeLoad, environment: settings.environment)
    return BrowseSession(
      screen: screen, state: state,
      effects: BrowseEffects(
        corpus: composed.corpus, citations: settings.config.citations),
      marks: marks, workbench: workbench, live: live, check: check,
      idle: idle, drafts: drafts, environment: settings.environment)
  }

  /// The state of the first frame: the data with its drafts, the config's preferences,
  /// and what the status line says first (config warnings, then the load's errors).
  static func firstState(
    _ composed: DraftOverlay.Composed, size: Size, opening: BrowseOpening,
    settings: BrowseSettings
  ) -> BrowserState {
    let noColor = !(settings.environment["NO_COLOR"] ?? "").isEmpty
    var state = BrowserState(
      corpus: composed.corpus, dataLabel: settings.directory, size: size,
      useColor: !noColor)
    state.preferences = settings.config.preferences
    state.live = LiveData(
      follow: settings.follow && settings.config.follow,
      directory: settings.directory, issues: composed.issues)
    state.review = DraftReview(snapshot: composed.snapshot)
    if let message = OpeningMessage.text(
      configWarnings: settings.configWarnings, result: opening.result)
    {
      state.message = message
    }
    return state
  }

  /// Starts what follows the first frame; returns the check when the data is
  /// provisional.
  ///
  /// While the first screen is read, the re-open cache is written (a cold start of a
  /// large directory does not wait for it), then the search signatures are built, so
  /// that the first search finding nothing nearby does not stall a key. One thread, at
  /// the lowest priority: on two cores it would otherwise compete with the keys being
  /// answered and with the terminal drawing them. A provisional first screen
  /// (FirstPass) is followed by the full load, whose corpus takes its place
  /// (FirstOpenCheck), and which then does the same.
  static func startBackground(
    _ opening: BrowseOpening, directory: String, settings: LoadSettings,
    idle: IdleWork
  ) -> FirstOpenCheck? {
    let check =
      opening.isProvisional
      ? FirstOpenCheck(directory: directory, settings: settings) : nil
    check?.start(
      directory: directory, provisional: opening.corpus, thenIdle: idle)
    if let result = opening.result { idle.start(result) }
    return check
  }
}
