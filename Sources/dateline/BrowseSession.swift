import DatelineConfig
import DatelineCore
import DatelineUI
import Foundation

/// The browse loop over any `TerminalScreen`: keys and the background's news in,
/// `update`, the effects the state asks for carried out, frames out.
///
/// `BrowseCommand` runs it on the curses screen; the loop tests run it on a
/// `ScriptedScreen` (DatelineTestSupport) over a directory of their own. Everything the
/// loop polls comes through values it is given: the screen (keys, resizes, the quit
/// signal), `LiveReload` (the watcher and the background loads) and `FirstOpenCheck`
/// (the full load after a first pass), so a test drives the same code as a terminal.
struct BrowseSession<Screen: TerminalScreen> {
  var screen: Screen
  var state: BrowserState
  /// Exports and citations: asked for by the state, carried out here.
  var effects: BrowseEffects
  /// Bookmarks: read at the start, written when the state asks.
  let marks: MarkStore
  /// Stars, tags, notes and views: read at the start, written when the state asks.
  let workbench: WorkbenchEffects
  let live: LiveReload
  /// The full load after a provisional first screen (FirstPass), or nil.
  let check: FirstOpenCheck?
  /// The re-open cache and the search signatures, written in the background.
  let idle: IdleWork
  let drafts: DraftOverlay
  /// Where `$VISUAL`, `$EDITOR` and `$TMPDIR` come from (the process's, or a test's).
  let environment: [String: String]

  /// Runs the loop until the state quits or the screen has a quit signal.
  mutating func run() {
    while !state.quit && screen.pendingSignal == nil { turn() }
  }

  /// One turn of the loop: the keys waiting are answered, then the background's news
  /// (a changed file, a finished load, the check's progress), a reload is started when
  /// one is wanted, and a frame is drawn when anything happened.
  ///
  /// An incremental search runs a piece at a time, only while no key waits.
  mutating func turn() {
    let searching = state.isSearching
    let answered = answerWaitingKeys(searching: searching)
    var events = backgroundNews()
    if !answered && events.isEmpty && searching { events.append(.searchStep) }
    if !answered && events.isEmpty
      && !(state.live.loadWanted && !live.isLoading)
    {
      return
    }
    for event in events where !state.quit {
      carryOut(event)
      if case .validationFinished = event, let checked = check?.takeChecked() {
        live.fingerprint(checked)
      }
    }
    // A reload waits for the check: its corpus would be replaced by the check's.
    if state.live.loadWanted && !state.validation.running && live.startLoad() {
      state = update(state, .reloadStarted)
    }
    // The effects must not keep a replaced corpus (and its files) alive.
    effects.corpus = state.corpus
    if !state.quit { screen.draw(render(state)) }
  }

  /// Answers the keys already waiting (typeahead: a paste without bracketed paste, a
  /// held key) before the next frame, up to 256 of them: 10,000 typed characters drew
  /// 10,000 frames, minutes on a busy machine with every key queued behind them.
  /// Returns whether any key meant something.
  mutating func answerWaitingKeys(searching: Bool) -> Bool {
    var keysRead = 0
    var answered = false
    while keysRead < 256, !state.quit,
      let key = screen.readKey(
        timeoutMilliseconds: keysRead == 0 && !searching ? 50 : 0)
    {
      keysRead += 1
      if let event = KeyMap.event(for: key, in: state) {
        carryOut(event)
        answered = true
      }
    }
    return answered
  }

  /// The watcher's and the background loads' news since the last turn, what the idle
  /// work could not do, and a `.dataChanged` when a record drawn since could not be read
  /// (its file changed).
  func backgroundNews() -> [Event] {
    // Asked first, listed last: a warning of the work after the check was found after
    // the check's end was, so the end is in this turn's news too, and comes before it.
    let idleNews = idle.events()
    var events = live.events() + (check?.events() ?? []) + idleNews
    if live.readFailed(in: state.corpus) { events.append(.dataChanged) }
    return events
  }

  /// `event` through `update`, then whatever the state now asks of the shell, each
  /// answered with its own event.
  mutating func carryOut(_ event: Event) {
    state = update(state, event)
    // The drafts read with a finished load (DraftOverlay), and review's writes.
    if case .reloadFinished = event, let snapshot = drafts.takeSnapshot() {
      state = update(state, .draftsRead(snapshot))
    }
    state = ReviewEffects.carryOut(state)
    if let toSave = state.marksToSave {
      state = update(state, .marksSaved(error: marks.save(toSave)))
    }
    if let request = state.exportRequest {
      effects.corpus = state.corpus
      state = update(state, effects.export(request))
    }
    if let citation = state.citationRequest {
      state = update(state, effects.deliver(citation, screen: &screen))
    }
    if let request = state.editorRequest {
      state = update(
        state,
        EditorLaunch.run(request, screen: &screen, environment: environment))
    }
    state = workbench.carryOut(state, screen: &screen)
  }

  /// After the loop, with the terminal given back: the filters and the record for the
  /// next open are saved, and the citations kept for the end are returned (to print on
  /// stdout, one paragraph each).
  func finish() -> [String] {
    workbench.saveSession(state)
    return effects.pendingCitations
  }
}
