import ArgumentParser
import DatelineConfig
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
  ///
  /// The loop itself is `BrowseSession`'s; this is the terminal around it: the data
  /// opened, the curses screen started, and at the end the terminal restored, the
  /// citations printed and the process ended (of the signal that ended the loop).
  static func browse(
    options: DataOptions, noFollow: Bool, noMouse: Bool, drafts: DraftOverlay
  ) throws {
    guard isatty(0) != 0, isatty(1) != 0 else {
      Output.error(
        "the browser needs a terminal (stdin or stdout is not a TTY); try `dateline list`"
      )
      throw ExitCode(2)
    }
    // Drafts are checked against the directory's validated data: no provisional first
    // pass.
    let (opening, config, configWarnings) = try openSaying(
      options, provisional: !drafts.hasDrafts)
    let screen: CursesScreen
    do {
      screen = try CursesTerminal.start(mouse: !noMouse && config.mouse)
    } catch {
      Output.error(error.description)
      throw ExitCode(2)
    }
    let settings = BrowseSettings(
      directory: options.directory, follow: !noFollow, config: config,
      configWarnings: configWarnings,
      environment: ProcessInfo.processInfo.environment)
    var session = BrowseSession.open(
      screen: screen, opening: opening, settings: settings, drafts: drafts)
    session.run()
    CursesTerminal.end()
    let citations = session.finish()
    // Citations kept for the end (no OSC 52, no file in the config), one paragraph each.
    if !citations.isEmpty { Output.line(citations.joined(separator: "\n\n")) }
    SignalRestore.reraisePendingSignal()
    // Quitting is immediate: the cache write (a temporary file renamed into place) and
    // any load still running are abandoned, not joined; exit's handlers are skipped so
    // no library tears down what a running thread still uses (C stdio is flushed first).
    fflush(nil)
    _exit(0)
  }

  /// Opens the directory for browsing; a large directory takes a moment, so on a
  /// terminal a line says what is happening until the screen opens, and is then erased
  /// so that it is not left there after quitting.
  static func openSaying(_ options: DataOptions, provisional: Bool) throws -> (
    opening: BrowseOpening, config: Config, configWarnings: Int
  ) {
    let tellLoading = isatty(2) != 0
    if tellLoading {
      Output.note("dateline: loading \(Sanitizer.clean(options.directory))…\r")
    }
    let opened = try options.openForBrowsing(provisional: provisional)
    if tellLoading { Output.note("\r\u{1B}[K") }
    return opened
  }
}
