import DatelineCore
import Dispatch
import Foundation

/// Loads a data directory, drawing a progress line on stderr while it does when stderr is
/// a terminal and the directory is large.
///
/// Why only then: a progress bar is for a person waiting; in a pipe or a log it is noise,
/// and a small corpus loads before a person could read it. The line is redrawn ten times
/// a second from a timer thread that reads `LoadProgress` (atomics); the last line stays,
/// with the throughput.
enum ProgressDisplay {
  /// Below this many bytes of data files nothing is drawn.
  static let minimumBytes = 8_000_000

  /// `deferCacheWrite`: see `CorpusLoader.open`. With a progress line only on a
  /// terminal and for a directory of `minimumBytes` or more.
  static func load(
    directory: String, cached: Bool = false, deferCacheWrite: Bool = false,
    lazyCache: Bool = false
  ) throws(CorpusLoader.DirectoryError) -> CorpusLoader.Result {
    let request = Request(
      directory: directory, cached: cached, deferCacheWrite: deferCacheWrite,
      lazyCache: lazyCache)
    // The browser (the one caller that defers the cache write) opens its screen next:
    // the line is erased, so it is not left on the terminal after quitting.
    return try showing(
      directory, erased: deferCacheWrite, records: \.corpus.records.count
    ) { progress throws(CorpusLoader.DirectoryError) in
      try request.run(progress: progress)
    }
  }

  /// Checks a data directory as `validate` does (`CorpusLoader.check`: every rule, no
  /// corpus), with the progress line as `load` draws it.
  static func check(directory: String) throws(CorpusLoader.DirectoryError)
    -> CorpusLoader.Check
  {
    try showing(directory, erased: false, records: \.records) {
      progress throws(CorpusLoader.DirectoryError) in
      try CorpusLoader.check(
        directory: directory, progress: progress,
        settings: LoadEnvironment.settings())
    }
  }

  /// Runs `body` (a load or a check of `directory`) with the progress line drawn when
  /// stderr is a terminal and the directory is large; at the end the line says how many
  /// records were read (`records` of the outcome), or is erased.
  static func showing<Outcome>(
    _ directory: String, erased: Bool, records: (Outcome) -> Int,
    _ body: (LoadProgress?) throws(CorpusLoader.DirectoryError) -> Outcome
  ) throws(CorpusLoader.DirectoryError) -> Outcome {
    guard isatty(2) != 0 else { return try body(nil) }
    let sizes = try CorpusLoader.dataFileSizes(in: directory)
    let total = sizes.reduce(0) { $0 + $1.bytes }
    guard total >= minimumBytes else { return try body(nil) }
    let line = ProgressLine(
      files: sizes.count, bytes: total, columns: terminalColumns())
    let progress = LoadProgress()
    let outcome = try line.drawing(progress) {
      () throws(CorpusLoader.DirectoryError) in
      try body(progress)
    }
    guard !erased else {
      Output.note("\r\u{1B}[K")
      return outcome
    }
    var done = progress.snapshot
    done.records = records(outcome)
    line.draw(
      done.line(
        totalFiles: line.files, totalBytes: line.bytes,
        seconds: line.seconds(), done: true), final: true)
    return outcome
  }

  /// One load as asked: from the re-open cache or the files.
  struct Request {
    let directory: String
    let cached: Bool
    let deferCacheWrite: Bool
    /// Read the re-open cache as it is used (a screen opens next).
    let lazyCache: Bool

    /// Loads, counting into `progress`. Every command reads `.jsonl` files in windows
    /// (bounded memory); the browser (the one caller that defers the cache write) keeps
    /// the checksums of what it read, which its reload of appended lines compares with
    /// the files (AppendBase).
    func run(
      progress: LoadProgress?
    ) throws(CorpusLoader.DirectoryError) -> CorpusLoader.Result {
      let settings = LoadEnvironment.settings(
        digestedReads: deferCacheWrite, lazyCacheReads: lazyCache)
      return cached
        ? try CorpusLoader.open(
          directory: directory, progress: progress,
          deferCacheWrite: deferCacheWrite, settings: settings)
        : try CorpusLoader.load(
          directory: directory, progress: progress, settings: settings)
    }
  }

  /// Columns of the terminal on stderr (80 when it does not say).
  static func terminalColumns() -> Int {
    var ws = winsize()
    if ioctl(2, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 {
      return Int(ws.ws_col)
    }
    return 80
  }
}

/// The progress line on stderr: redrawn in place from a timer while a load runs.
struct ProgressLine: Sendable {
  let files: Int
  let bytes: Int
  let columns: Int
  let start = ContinuousClock.now

  /// Seconds since the line was made.
  func seconds() -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds)
      / 1e18
  }

  /// `dateline: TEXT` fitted to the terminal; CR and erase-to-end-of-line redraw in
  /// place, and the final line ends the line.
  func draw(_ text: String, final: Bool) {
    let fitted = Truncation.truncate(
      "dateline: " + text, toColumns: max(10, columns - 1))
    Output.note("\r" + fitted + "\u{1B}[K" + (final ? "\n" : ""))
  }

  /// Runs `body` with the line drawn at once and then ten times a second from `progress`.
  ///
  /// The first line comes before any work, on this thread: a large directory says what
  /// is happening at once, and a load faster than a tenth of a second still shows it
  /// was one (a timer's first tick could come after such a load ended). A serial
  /// queue: after `cancel`, `queue.sync {}` waits out a draw in flight.
  func drawing<T>(
    _ progress: LoadProgress,
    _ body: () throws(CorpusLoader.DirectoryError) -> T
  ) throws(CorpusLoader.DirectoryError) -> T {
    @Sendable func drawProgress() {
      draw(
        progress.snapshot.line(
          totalFiles: files, totalBytes: bytes, seconds: seconds()),
        final: false)
    }
    let queue = DispatchQueue(label: "dateline.progress")
    let timer = DispatchSource.makeTimerSource(queue: queue)
    queue.sync { drawProgress() }
    timer.schedule(
      deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
    timer.setEventHandler { drawProgress() }
    timer.resume()
    defer {
      timer.cancel()
      queue.sync {}
    }
    return try body()
  }
}
