import ArgumentParser
import DatelineCore
import DatelineUI
import Foundation

/// `dateline screen`: runs the browser's state machine headless and prints the frame.
///
/// The same `update` and `render` as the terminal, so a test, a doc or a bug report can
/// show exactly what a person would see.
struct ScreenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "screen",
    abstract: "Print a screen of the browser as text, without a terminal.",
    discussion: """
      Keys are words separated by spaces, named as in tmux send-keys (Enter, Escape, Tab,
      Up, Down, PageDown, Space, BSpace, C-c); any other word is typed letter by letter.

      Examples:
        dateline screen --size 80x24
        dateline screen --size 120x40 --keys "j j Enter"
        dateline screen --size 80x24 --keys "/ soldiers Enter o" --attrs
      """)

  @OptionGroup var options: DataOptions

  @Option(
    name: .long,
    help: ArgumentHelp("Screen size in columns x rows.", valueName: "WxH"))
  var size: String = "80x24"

  @Option(
    name: .long,
    help: ArgumentHelp("Keys to press before printing.", valueName: "keys"))
  var keys: String = ""

  @Flag(
    name: .long,
    help: "After the screen, list the styled cells (reverse, bold, colours).")
  var attrs = false

  @Flag(name: .long, help: "Draw without colours (as with NO_COLOR).")
  var noColor = false

  @Flag(
    name: .long,
    help: "Draw in ASCII, as on a terminal whose locale is not UTF-8 (LANG=C).")
  var ascii = false

  @Flag(
    name: .long,
    help: """
      Open as the browser does: a large directory without a re-open cache is drawn from \
      the first pass, before the full check; keys are answered after the check.
      """)
  var firstOpen = false

  func validate() throws {
    if Size(parsing: size) == nil {
      throw ValidationError("--size expects WxH such as 80x24, got \"\(size)\"")
    }
  }

  func run() throws {
    guard let frameSize = Size(parsing: size) else {
      throw ValidationError("--size expects WxH such as 80x24, got \"\(size)\"")
    }
    var clock = StepClock()
    var state =
      try firstOpen
      ? openFirstPass(frameSize, &clock) : load(frameSize, &clock)
    for key in KeyNames.parse(keys) {
      // Each key as if typed with a pause after it: a pending search finishes.
      if let event = KeyMap.event(for: key, in: state) {
        state = settle(update(state, event))
      }
      if clock.on { _ = render(state) }
      clock.lap("key \(key)")
      if state.quit { break }
    }
    let frame = try finishedFrame(state)
    for line in frame.lines { Output.line(trimTrailing(line)) }
    if attrs {
      Output.line("--- styles")
      for run in frame.styleRuns { Output.line(run) }
    }
  }

  /// `--first-open`: the state the browser's first frame shows (the first pass's when
  /// the directory is large and has no cache); with keys, the checked data's.
  func openFirstPass(_ frameSize: Size, _ clock: inout StepClock) throws
    -> BrowserState
  {
    let (opening, config, warnings) = try options.openForBrowsing()
    clock.lap(opening.isProvisional ? "first pass" : "load")
    var state = BrowserState(
      corpus: opening.corpus, dataLabel: options.directory, size: frameSize,
      useColor: !noColor)
    state.preferences = config.preferences
    showIssues(opening.result, configWarnings: warnings, in: &state)
    // The frame printed is the first one when no key is given; else the checked data's.
    let check =
      opening.isProvisional && !keys.isEmpty
      ? FirstOpenCheck(directory: options.directory) : nil
    check?.start(directory: options.directory, provisional: opening.corpus)
    state.validation.running = opening.isProvisional
    if clock.on { _ = render(state) }
    clock.lap("first frame")
    if let check {
      let end = check.waitForEnd()
      // `screen` has no reload: a check that read a changing file is no answer.
      if case .validationFinished(let outcome) = end,
        case .loaded(_, let issues, _) = outcome.content,
        issues.contains(where: \.saysFileChangedWhileRead)
      {
        Output.error(
          "the data changed while it was checked; run the command again")
        throw ExitCode(1)
      }
      state = update(state, end)
      clock.lap("check")
      // The check's own phases (DATELINE_TIMING), with the memory after each.
      LoadEnvironment.reportTimings()
    }
    return state
  }

  /// The state after a full load (or a re-open from the cache).
  func load(_ frameSize: Size, _ clock: inout StepClock) throws -> BrowserState
  {
    let (result, config, warnings) = try options.loadWithSettings(
      lazyCache: true)
    clock.lap("load")
    var state = BrowserState(
      corpus: result.corpus, dataLabel: options.directory, size: frameSize,
      useColor: !noColor)
    state.preferences = config.preferences
    showIssues(result, configWarnings: warnings, in: &state)
    if clock.on { _ = render(state) }
    clock.lap("first frame")
    // What the browser does in the background after its first frame, so the keys are
    // timed as a reader's keys are once it is done (DATELINE_PARTY_SETS=0: as before
    // it, each key walks the records' party lists). Without keys nothing reads them.
    if !keys.isEmpty,
      ProcessInfo.processInfo.environment["DATELINE_PARTY_SETS"] != "0"
    {
      result.corpus.prepareFilters()
      clock.lap("party sets")
    }
    return state
  }

  /// The load's errors and warnings in the errors pane (`!`) and its status line, as the
  /// browser's first state has them.
  func showIssues(
    _ result: CorpusLoader.Result?, configWarnings: Int,
    in state: inout BrowserState
  ) {
    state.live = LiveData(
      directory: options.directory, issues: result?.issues ?? [])
    if let message = OpeningMessage.text(
      configWarnings: configWarnings, result: result)
    {
      state.message = message
    }
  }

  /// The frame to print (ASCII when asked); none when the re-open cache, read as the
  /// screen uses it, was found not to match while it was drawn: then the command fails
  /// and the cache is written again from the files, as `list` does.
  func finishedFrame(_ state: BrowserState) throws -> Frame {
    let frame = ascii ? ASCIIFallback.frame(render(state)) : render(state)
    if case .cacheMismatch? = state.corpus.readProblem {
      try ListCommand.stopIfDataChanged(
        state.corpus, directory: options.directory)
    }
    return frame
  }

  func trimTrailing(_ s: String) -> String {
    var l = s
    while l.hasSuffix(" ") { l.removeLast() }
    return l
  }
}
