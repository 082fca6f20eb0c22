/// How far the full check of a corpus opened by the first pass has come (FirstPass in
/// Core): the shell reads its loader's counters and sends them as `.validationProgress`.
public struct ValidationProgress: Sendable, Hashable {
  /// Share of the data files' bytes scanned, 0 to 1.
  public var fraction: Double
  /// Scanning is over; references, links and quotes are being checked.
  public var crossChecks: Bool
  /// Errors found so far.
  public var errors: Int

  public init(fraction: Double = 0, crossChecks: Bool = false, errors: Int = 0)
  {
    self.fraction = fraction
    self.crossChecks = crossChecks
    self.errors = errors
  }
}

/// The browser's side of that check: whether it runs, and what the status line says.
public struct ValidationStatus: Sendable, Hashable {
  /// The corpus on screen is provisional and its check is running.
  public var running: Bool
  public var progress: ValidationProgress

  public init(running: Bool = false, progress: ValidationProgress = .init()) {
    self.running = running
    self.progress = progress
  }

  /// `checking 43%`, `checking links and quotes`, with `, 2 errors so far`; nil when done.
  public var chip: String? {
    guard running else { return nil }
    let percent = Int((min(max(progress.fraction, 0), 1) * 100).rounded(.down))
    var text =
      progress.crossChecks
      ? "checking links and quotes" : "checking \(percent)%"
    if progress.errors > 0 {
      text +=
        ", \(progress.errors) error\(progress.errors == 1 ? "" : "s") so far"
    }
    return text
  }
}
