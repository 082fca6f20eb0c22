import DatelineCore
import DatelineUI
import Foundation
import Synchronization

/// What the browser does in the background once its data is exact (the party sets, the
/// re-open cache, the search signatures), and what of it could not be done: the loop
/// reads that as events (`.backgroundWarning`), each once.
///
/// Why events: the terminal belongs to the screen, so a warning printed to stderr would
/// tear the frame; one dropped leaves a reader to find out at the next open, by waiting
/// for a cache that was never written.
final class IdleWork: Sendable {
  private let warnings = Mutex<[String]>([])

  /// Runs the work for `result` on a new thread.
  func start(_ result: CorpusLoader.Result) {
    Thread.detachNewThread { [self] in run(result) }
  }

  /// On this (background) thread, lowered to the idle class: the party sets (a party
  /// filter then reads one number per record; 0.1-0.2 s at ten million), the re-open
  /// cache for the next open, then the search signatures, so that the first search
  /// finding nothing nearby does not stall a key.
  ///
  /// SCHED_IDLE (5 on Linux; the header hides the name without _GNU_SOURCE): the thread
  /// runs only when no other wants the core, so it never competes with the keys being
  /// answered or the terminal drawing them.
  func run(_ result: CorpusLoader.Result) {
    #if os(Linux)
    var idle = sched_param()
    pthread_setschedparam(pthread_self(), 5, &idle)
    #endif
    result.corpus.prepareFilters()
    keep(result.writeCache())
    keep(result.prepareSearch(parts: 1))
  }

  /// The warnings found since the last call, as events.
  func events() -> [Event] {
    warnings.withLock { found in
      defer { found.removeAll() }
      return found.map { .backgroundWarning($0) }
    }
  }

  private func keep(_ warning: String?) {
    guard let warning else { return }
    warnings.withLock { $0.append(warning) }
  }
}
