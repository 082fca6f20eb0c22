import ArgumentParser
import DatelineCore
import DatelineCurses
import DatelineUI
import Foundation

/// `dateline` / `dateline browse`: the full-screen timeline browser.
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse",
    abstract: "Open the full-screen timeline browser (the default).",
    discussion: """
      Keys: j/k move, Enter detail, o source, 1-9 toggle parties, p party list, / search,
      t jump to a date, d disputes, f figures, m mark, ? help, q quit. Needs a terminal;
      for scripts use `dateline list`. Marks are kept per data directory in
      $XDG_STATE_HOME/dateline/marks/ (default ~/.local/state/dateline/marks/).
      """)

  @OptionGroup var options: DataOptions

  @Flag(
    help:
      "Do not watch the data directory for changes (R still reloads; config: follow = false)."
  )
  var noFollow = false

  @Flag(
    help:
      "Do not ask the terminal for mouse clicks and the wheel, so it keeps its own text selection (config: mouse = false)."
  )
  var noMouse = false

  func run() throws {
    try Self.browse(
      options: options, noFollow: noFollow, noMouse: noMouse,
      drafts: DraftOverlay(directory: options.directory))
  }

  /// The browser over `options`' directory with `drafts` beside (or instead of) its
  /// records; `dateline review` opens it with one drafts file alone.
  static func browse(
    options: DataOptions, noFollow: Bool, noMouse: Bool, drafts: DraftOverlay
  ) throws {
    guard isatty(0) != 0, isatty(1) != 0 else {
      Output.error(
        "the browser needs a terminal (stdin or stdout is not a TTY); try `dateline list`"
      )
      throw ExitCode(2)
    }
    // A large directory takes a moment: say what is happening until the screen opens (on
    // a terminal only), then erase the line so that it is not left there after quitting.
    let tellLoading = isatty(2) != 0
    if tellLoading {
      Output.note("dateline: loading \(Sanitizer.clean(options.directory))…\r")
    }
    // Drafts are checked against the directory's validated data: no provisional first pass.
    let (opening, config, configWarnings) = try options.openForBrowsing(
      provisional: !drafts.hasDrafts)
    if tellLoading { Output.note("\r\u{1B}[K") }
    var screen: CursesScreen
    do {
      screen = try CursesTerminal.start(mouse: !noMouse && config.mouse)
    } catch {
      Output.error(error.description)
      throw ExitCode(2)
    }
    let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "")
      .isEmpty
    let composed = drafts.compose(
      opening.corpus, issues: opening.result?.issues ?? [])
    _ = drafts.takeSnapshot()
    var state = BrowserState(
      corpus: composed.corpus, dataLabel: options.directory, size: screen.size,
      useColor: !noColor)
    state.preferences = config.preferences
    state.live = LiveData(
      follow: !noFollow && config.follow, directory: options.directory,
      issues: composed.issues)
    state.review = DraftReview(snapshot: composed.snapshot)
    if configWarnings > 0 {
      state.message =
        "config: \(configWarnings) warning\(configWarnings == 1 ? "" : "s"): see `dateline validate`"
    }
    if let result = opening.result, !result.errors.isEmpty {
      state.message =
        "\(result.errors.count) error\(result.errors.count == 1 ? "" : "s"), \(result.leftOut) item\(result.leftOut == 1 ? "" : "s") left out: ! lists them"
    }
    // Exports and citations: asked for by the state, carried out here.
    var effects = BrowseEffects(
      corpus: composed.corpus, citations: config.citations)
    // Bookmarks: read here, written when the state asks (update itself does no I/O).
    let marks = MarkStore(dataDirectory: options.directory)
    let loaded = marks.load()
    state.marks = loaded.marks
    if let problem = loaded.problem { state.message = problem }
    // Stars, tags and notes: read here, appended when the state asks (WorkbenchEffects).
    let workbench = WorkbenchEffects(
      store: AnnotationPlace.store(
        dataDirectory: options.directory, config: config),
      dataDirectory: options.directory)
    state.workbench = workbench.start()
    // The last session's filters and record (config: [annotations] restore = false).
    if config.annotating.restore { state.restoreLastSession() }
    if let note = workbench.startNote { state.message = note }
    // The first pass's screen says at once that the check runs (FirstOpenCheck, below).
    state.validation.running = opening.isProvisional
    screen.draw(render(state))
    // While the first screen is read: the re-open cache is written (a cold start of a
    // large directory does not wait for it), then the search signatures are built, so
    // that the first search finding nothing nearby does not stall a key.
    // One thread, at the lowest priority: on two cores it would otherwise compete with
    // the keys being answered and with the terminal drawing them.
    // A provisional first screen (FirstPass) is followed by the full load, whose corpus
    // takes its place (FirstOpenCheck), and which then does the same.
    let check =
      opening.isProvisional ? FirstOpenCheck(directory: options.directory) : nil
    check?.start(directory: options.directory)
    if let result = opening.result {
      Thread.detachNewThread {
        #if os(Linux)
        var idle = sched_param()
        // SCHED_IDLE (5 on Linux; the header hides the name without _GNU_SOURCE): this
        // thread runs only when no other wants the core.
        pthread_setschedparam(pthread_self(), 5, &idle)
        #endif
        result.writeCache()
        result.prepareSearch(parts: 1)
      }
    }
    // The first pass's records are not fingerprinted (that would read every line): the
    // checked load is, when it arrives.
    let live = LiveReload(
      directory: options.directory, follow: state.live.follow,
      shown: opening.result, compose: drafts.composeLoad)
    while !state.quit && SignalRestore.pendingSignal == nil {
      // Keys, and between them the watcher's and the background loads' news.
      func carryOut(_ event: Event) {
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
          state = update(state, effects.deliver(citation))
        }
        if let request = state.editorRequest {
          state = update(state, EditorLaunch.run(request, screen: &screen))
        }
        state = workbench.carryOut(state, screen: &screen)
      }
      // An incremental search runs a piece at a time, only while no key waits.
      let searching = state.isSearching
      // Keys already waiting (typeahead: a paste without bracketed paste, a held key) are
      // answered before the next frame, up to 256 of them: 10,000 typed characters drew
      // 10,000 frames, minutes on a busy machine with every key queued behind them.
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
      var events = live.events() + (check?.events() ?? [])
      // A record drawn since the last look could not be read: its file changed under us.
      if live.readFailed(in: state.corpus) { events.append(.dataChanged) }
      if !answered && events.isEmpty && searching { events.append(.searchStep) }
      if !answered && events.isEmpty
        && !(state.live.loadWanted && !live.isLoading)
      {
        continue
      }
      for event in events where !state.quit {
        carryOut(event)
        if case .validationFinished = event, let checked = check?.checked {
          live.fingerprint(checked)
        }
      }
      // A reload waits for the check: its corpus would be replaced by the check's.
      if state.live.loadWanted && !state.validation.running && live.startLoad()
      {
        state = update(state, .reloadStarted)
      }
      // The effects must not keep a replaced corpus (and its files) alive.
      effects.corpus = state.corpus
      if !state.quit { screen.draw(render(state)) }
    }
    CursesTerminal.end()
    workbench.saveSession(state)
    // Citations kept for the end (no OSC 52, no file in the config), one paragraph each.
    if !effects.pendingCitations.isEmpty {
      Output.line(effects.pendingCitations.joined(separator: "\n\n"))
    }
    SignalRestore.reraisePendingSignal()
    // Quitting is immediate: the cache write (a temporary file renamed into place) and
    // any load still running are abandoned, not joined; exit's handlers are skipped so
    // no library tears down what a running thread still uses (C stdio is flushed first).
    fflush(nil)
    _exit(0)
  }
}
