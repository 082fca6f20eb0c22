import DatelineUI
import Foundation

/// Carries out an `EditorRequest`: leaves the screen, runs the user's editor on the file,
/// waits for it, and gives the screen back (the next draw repaints every cell).
///
/// Why posix_spawn and no shell: the file name comes from the data directory and is one
/// argument of its own (see `EditorCommand`). Ctrl-C while the editor runs is the
/// editor's: SIGINT and SIGQUIT are ignored here until it exits (as system(3) does) and
/// set back to their defaults in the child, so the browser is still there afterwards.
enum EditorLaunch {
  /// Runs the editor for `request` and returns the event that answers it.
  /// `environment` gives `$VISUAL` and `$EDITOR`.
  static func run(
    _ request: EditorRequest, screen: inout some TerminalScreen,
    environment: [String: String]
  ) -> Event {
    let line =
      request.line
      ?? request.item.flatMap {
        EnvelopeItemLine.find(item: $0, in: request.path)
      }
    let argv = EditorCommand.argv(
      visual: environment["VISUAL"], editor: environment["EDITOR"],
      file: request.path, line: line)
    screen.suspend()
    let error = withQuitSignalsIgnored { spawnAndWait(argv) }
    screen.resume()
    return .editorFinished(error: error)
  }

  /// Starts `argv` (found on PATH) on this terminal and waits for it; nil when it ran.
  ///
  /// An exit status other than 0 is the editor's business (vi exits 1 after `:cq`), so
  /// only a program that cannot be started is an error.
  static func spawnAndWait(_ argv: [String]) -> String? {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE] {
      sigaddset(&defaults, signal)
    }
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var cArguments: [UnsafeMutablePointer<CChar>?] =
      argv.map { strdup($0) } + [nil]
    defer { for p in cArguments { free(p) } }
    var pid = pid_t()
    let started = posix_spawnp(
      &pid, argv[0], nil, &attributes, &cArguments, environ)
    guard started == 0 else {
      return
        "cannot start \(argv[0]): \(String(cString: strerror(started))) (set $VISUAL or $EDITOR)"
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    // posix_spawnp reports a missing program as exit 127 of the child on some systems.
    if (status & 0x7f) == 0 && (status >> 8) & 0xff == 127 {
      return "cannot start \(argv[0]) (set $VISUAL or $EDITOR)"
    }
    return nil
  }

  /// Runs `body` with SIGINT and SIGQUIT ignored, then puts their handlers back.
  static func withQuitSignalsIgnored<T>(_ body: () -> T) -> T {
    var savedInterrupt = sigaction()
    var savedQuit = sigaction()
    sigaction(SIGINT, nil, &savedInterrupt)
    sigaction(SIGQUIT, nil, &savedQuit)
    signal(SIGINT, SIG_IGN)
    signal(SIGQUIT, SIG_IGN)
    defer {
      sigaction(SIGINT, &savedInterrupt, nil)
      sigaction(SIGQUIT, &savedQuit, nil)
    }
    return body()
  }
}
