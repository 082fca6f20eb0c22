import CNcursesw

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals that must not leave the terminal in curses mode, and the flags they set.
///
/// Why flags: endwin() and exit() are not async-signal-safe, so SIGINT, SIGTERM and SIGHUP
/// only record themselves; the browse loop polls `pendingSignal` between keys (readKey has
/// a timeout), restores the terminal and re-raises, so the exit status is 128+signal.
/// Crash signals cannot wait for the loop: their C handler (shim.h) calls endwin() and
/// re-raises at once. SIGTSTP and SIGWINCH stay with ncurses, which catches them when
/// they have the default action at newterm(): Ctrl-Z restores the terminal and sets it
/// up again on `fg`, and a resize arrives as KEY_RESIZE. SIGCONT only sets a flag, so
/// the screen repaints everything after `fg` (the shell may have drawn over it).
public enum SignalRestore {
  // MARK: - The flags
  //
  // Global mutable state, which dateline otherwise avoids: only these flags and
  // TextMatcher's fold memo (`foldTable`, `foldCache`: filled as scalars are met, each
  // entry computed from Foundation alone, so every thread writes the same value).

  /// The last SIGINT/SIGTERM/SIGHUP received, 0 for none; written only by `quitHandler`.
  ///
  /// `sig_atomic_t`-sized, written once per signal and read by the loop after a C call
  /// (get_wch), so the read is not hoisted out of the loop.
  nonisolated(unsafe) private static var receivedSignal: sig_atomic_t = 0

  /// 1 after a SIGCONT (the process was stopped and is running again), until consumed.
  nonisolated(unsafe) private static var resumedFlag: sig_atomic_t = 0

  private static let quitHandler: @convention(c) (Int32) -> Void = { signal in
    SignalRestore.receivedSignal = signal
  }

  private static let resumeHandler: @convention(c) (Int32) -> Void = { _ in
    SignalRestore.resumedFlag = 1
  }

  // MARK: - Public

  /// The SIGINT, SIGTERM or SIGHUP that asked dateline to quit, if one arrived.
  public static var pendingSignal: Int32? {
    let signal = receivedSignal
    return signal == 0 ? nil : Int32(signal)
  }

  /// Restores the terminal and dies of the pending signal, if there is one.
  ///
  /// Run it when the browse loop ends. With a pending signal it does not return: the
  /// default action of the signal ends the process, so the parent sees 128+signal (143
  /// for SIGTERM) rather than a made-up status. Without one it does nothing.
  public static func reraisePendingSignal() {
    guard let signal = pendingSignal else { return }
    CursesTerminal.end()
    dateline_die_of_signal(signal)
    // Only reached if the signal was somehow ignored: exit with the status it would give.
    _exit(128 + signal)
  }

  // MARK: - Internal

  /// Installs the quit, resume and crash handlers; called by `CursesTerminal.start()`
  /// after newterm(), so ncurses' own SIGINT/SIGTERM handlers (endwin, then exit 1) are
  /// replaced and its SIGTSTP/SIGWINCH handlers are kept.
  static func install() {
    // Touch the flags first: Swift initializes statics lazily, and the handler must not
    // be the first to do it.
    receivedSignal = 0
    resumedFlag = 0
    // No SA_RESTART for quit signals: a blocking read must return so the loop sees them.
    for number in [SIGINT, SIGTERM, SIGHUP] {
      _ = dateline_catch_signal(number, quitHandler, 0)
    }
    _ = dateline_catch_signal(SIGCONT, resumeHandler, SA_RESTART)
    _ = dateline_catch_crash_signals()
  }

  /// Whether the process was resumed (SIGCONT) since the last call; clears the flag.
  static func takeResumed() -> Bool {
    guard resumedFlag != 0 else { return false }
    resumedFlag = 0
    return true
  }
}
