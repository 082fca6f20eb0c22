import DatelineCore
import DatelineUI
import Foundation
import Synchronization

/// The full load that follows the first pass (FirstPass) when the browser opens a large
/// directory without a re-open cache: it runs on its own thread, its progress and its
/// result reach the browse loop as events, and it then writes the re-open cache and builds
/// the search signatures as a cold start always did.
///
/// Why its own thread at normal priority: the check is what makes the view exact, so it
/// must not wait behind idle work; the keys stay answered because a key's update and frame
/// take milliseconds of the other core.
final class FirstOpenCheck: Sendable {
  private let progress = LoadProgress()
  private let totalBytes: Int
  private let news = Mutex<News>(News())
  /// How the full load reads (the re-open cache it then writes): from the environment.
  private let settings: LoadSettings

  private struct News {
    var finished: Event?
    var lastSent: ValidationProgress?
    var checked: CorpusLoader.Result?
  }

  /// The checked load, once the check ended and unless it read a changing file (for the
  /// reload's fingerprints), handed over once: kept here it would stay resident for the
  /// whole session beside every reload's.
  func takeChecked() -> CorpusLoader.Result? {
    news.withLock { $0.checked.take() }
  }

  init(
    directory: String,
    settings: LoadSettings = LoadEnvironment.settings(digestedReads: true)
  ) {
    self.settings = settings
    totalBytes = max(
      1,
      ((try? CorpusLoader.dataFileSizes(in: directory)) ?? []).reduce(0) {
        $0 + $1.bytes
      })
  }

  /// Starts the full load of `directory`; with `thenIdle`, the thread then writes the
  /// re-open cache and builds the search signatures (IdleWork, which keeps what could not
  /// be done). `provisional`: the first pass's corpus on screen, which the checked store
  /// is built on (`LoadSettings.provisional`).
  func start(
    directory: String, provisional: Corpus? = nil, thenIdle: IdleWork? = nil
  ) {
    // Handed to the load and let go of when it returns: the thread lives on (the cache
    // write, the search signatures), and a provisional store whose rows were copied must
    // not stay alive beside the checked one.
    let onto = LoadEnvironment.checksOntoFirstPass()
    let handed = Mutex(
      onto ? provisional.flatMap(ProvisionalStore.init) : nil)
    Thread.detachNewThread { [self] in
      let event: Event
      var loaded: CorpusLoader.Result?
      do {
        var settings = settings
        settings.provisional = handed.withLock { $0.take() }
        let result = try CorpusLoader.open(
          directory: directory, progress: progress, deferCacheWrite: true,
          settings: settings)
        settings.provisional = nil
        loaded = result
        event = .validationFinished(
          ReloadOutcome(
            generation: 0,
            content: .loaded(
              result.corpus, issues: result.issues, summary: ReloadSummary()))
        )
      } catch {
        event = .validationFinished(
          ReloadOutcome(generation: 0, content: .failed("\(error)")))
      }
      // A check that read a changing file is not shown (the browser loads again): no
      // fingerprints, cache or search signatures for a corpus about to be thrown away.
      let shown = loaded.flatMap {
        $0.issues.contains(where: \.saysFileChangedWhileRead) ? nil : $0
      }
      news.withLock {
        $0.finished = event
        $0.checked = shown
      }
      guard let loaded = shown, let thenIdle else { return }
      // As a cold start did, now that the view is exact.
      thenIdle.run(loaded)
    }
  }

  /// Waits for the end of the check and returns its event (`dateline screen --first-open`).
  func waitForEnd() -> Event {
    while true {
      for event in events() {
        if case .validationFinished = event { return event }
      }
      usleep(2_000)
    }
  }

  /// What happened since the last call: new progress (when it moved by a percent or more)
  /// and the end of the check.
  func events() -> [Event] {
    let snapshot = progress.snapshot
    let now = ValidationProgress(
      fraction: Double(snapshot.bytes) / Double(totalBytes),
      crossChecks: snapshot.checking, errors: snapshot.errors)
    return news.withLock { n in
      if let finished = n.finished {
        n.finished = nil
        return [finished]
      }
      guard let last = n.lastSent,
        Int(last.fraction * 100) == Int(now.fraction * 100),
        last.crossChecks == now.crossChecks,
        last.errors == now.errors
      else {
        n.lastSent = now
        return [.validationProgress(now)]
      }
      return []
    }
  }
}
