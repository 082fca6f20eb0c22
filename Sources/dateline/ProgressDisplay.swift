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

  /// `deferCacheWrite`: see `CorpusLoader.open`.
  static func load(
    directory: String, cached: Bool = false, deferCacheWrite: Bool = false
  ) throws(CorpusLoader.DirectoryError) -> CorpusLoader.Result {
    // Headless commands read `.jsonl` files in windows (bounded memory); the browser (the
    // one caller that defers the cache write) keeps its files' bytes, which its reload of
    // appended lines compares with the files (AppendBase).
    let windowed = !deferCacheWrite
    func plain() throws(CorpusLoader.DirectoryError) -> CorpusLoader.Result {
      cached
        ? try CorpusLoader.open(
          directory: directory, deferCacheWrite: deferCacheWrite,
          settings: LoadEnvironment.settings(windowedReads: windowed))
        : try CorpusLoader.load(
          directory: directory,
          settings: LoadEnvironment.settings(windowedReads: windowed))
    }
    guard isatty(2) != 0 else { return try plain() }
    let sizes = try CorpusLoader.dataFileSizes(in: directory)
    let total = sizes.reduce(0) { $0 + $1.bytes }
    guard total >= minimumBytes else { return try plain() }

    let progress = LoadProgress()
    let clock = ContinuousClock()
    let start = clock.now
    let columns = terminalColumns()
    @Sendable func seconds() -> Double {
      let d = clock.now - start
      return Double(d.components.seconds) + Double(d.components.attoseconds)
        / 1e18
    }
    @Sendable func draw(_ text: String, final: Bool) {
      let fitted = Truncation.truncate(
        "dateline: " + text, toColumns: max(10, columns - 1))
      // CR and erase-to-end-of-line redraw in place; the final line ends the line.
      Output.note("\r" + fitted + "\u{1B}[K" + (final ? "\n" : ""))
    }
    // A serial queue: after `cancel`, `queue.sync {}` waits out a draw in flight.
    let queue = DispatchQueue(label: "dateline.progress")
    let timer = DispatchSource.makeTimerSource(queue: queue)
    @Sendable func drawProgress() {
      draw(
        progress.snapshot.line(
          totalFiles: sizes.count, totalBytes: total, seconds: seconds()),
        final: false)
    }
    // The first line before any work, on this thread: a large directory says what is
    // happening at once, and a load faster than a tenth of a second still shows it was one
    // (a timer's first tick could come after such a load ended).
    queue.sync { drawProgress() }
    timer.schedule(
      deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
    timer.setEventHandler { drawProgress() }
    timer.resume()
    defer { timer.cancel() }
    let result =
      cached
      ? try CorpusLoader.open(
        directory: directory, progress: progress,
        deferCacheWrite: deferCacheWrite,
        settings: LoadEnvironment.settings(windowedReads: windowed))
      : try CorpusLoader.load(
        directory: directory, progress: progress,
        settings: LoadEnvironment.settings(windowedReads: windowed))
    timer.cancel()
    queue.sync {}
    // The browser (the one caller that defers the cache write) opens its screen next: the
    // line is erased, so it is not left on the terminal after quitting.
    guard !deferCacheWrite else {
      Output.note("\r\u{1B}[K")
      return result
    }
    var done = progress.snapshot
    done.records = result.corpus.records.count
    draw(
      done.line(
        totalFiles: sizes.count, totalBytes: total, seconds: seconds(),
        done: true), final: true)
    return result
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
