import Synchronization

/// Counters the loader advances while it reads a directory, for a progress display.
///
/// Why atomics: the loader scans on every core (`FastLoader.run`) while the command line
/// reads these from a timer on another thread to draw its bar; nothing else is shared,
/// and the loader never waits on the display. The loader only counts; drawing (and
/// deciding whether to draw at all) is the shell's business.
public final class LoadProgress: Sendable {
  /// Data files opened and scanned for their items.
  let files = Atomic<Int>(0)
  /// Bytes of items scanned so far (records and sources).
  let bytes = Atomic<Int>(0)
  /// Records scanned so far.
  let records = Atomic<Int>(0)
  /// Set when scanning is over and the cross-item checks run (references, quotes).
  let checking = Atomic<Bool>(false)
  /// Items the scan found not valid so far (the cross-item checks find more later).
  let errors = Atomic<Int>(0)

  public init() {}

  /// What has been done so far.
  public struct Snapshot: Sendable, Hashable {
    public var files: Int
    public var bytes: Int
    public var records: Int
    public var checking: Bool
    public var errors: Int
    public init(
      files: Int, bytes: Int, records: Int, checking: Bool, errors: Int = 0
    ) {
      self.files = files
      self.bytes = bytes
      self.records = records
      self.checking = checking
      self.errors = errors
    }
  }

  public var snapshot: Snapshot {
    Snapshot(
      files: files.load(ordering: .relaxed),
      bytes: bytes.load(ordering: .relaxed),
      records: records.load(ordering: .relaxed),
      checking: checking.load(ordering: .relaxed),
      errors: errors.load(ordering: .relaxed))
  }

  func fileScanned() { files.add(1, ordering: .relaxed) }

  func scanned(bytes n: Int, records r: Int, errors e: Int = 0) {
    bytes.add(n, ordering: .relaxed)
    records.add(r, ordering: .relaxed)
    if e > 0 { errors.add(e, ordering: .relaxed) }
  }

  func checkingStarted() { checking.store(true, ordering: .relaxed) }
}

extension FastLoader.Job {
  /// The bytes this job scans, for progress.
  var byteCount: Int {
    switch self {
    case .lines(_, let range): return range.count
    case .recordItems(_, let items): return items.reduce(0) { $0 + $1.count }
    case .sources(let items): return items.reduce(0) { $0 + $1.2.count }
    }
  }
}

extension LoadProgress.Snapshot {
  /// `loading 2/3 files, 41,234 records, 18.2 of 26.0 MB, 54.1 MB/s` while scanning;
  /// `loaded 3 files, 40,000 records, 26.0 MB in 0.5 s (52.0 MB/s)` when `done`.
  public func line(
    totalFiles: Int, totalBytes: Int, seconds: Double, done: Bool = false
  ) -> String {
    let mb = Double(done ? totalBytes : bytes) / 1_000_000
    let rate = seconds > 0 ? mb / seconds : 0
    let count = LoadProgress.grouped(records)
    if done {
      return
        "loaded \(totalFiles) file\(totalFiles == 1 ? "" : "s"), \(count) records, "
        + "\(LoadProgress.one(mb)) MB in \(LoadProgress.one(seconds)) s (\(LoadProgress.one(rate)) MB/s)"
    }
    var s =
      "loading \(min(files, totalFiles))/\(totalFiles) files, \(count) records, "
      + "\(LoadProgress.one(mb)) of \(LoadProgress.one(Double(totalBytes) / 1_000_000)) MB, \(LoadProgress.one(rate)) MB/s"
    if checking { s += "; checking references and quotes" }
    return s
  }
}

extension LoadProgress {
  /// `1234567` → `1,234,567`: counts that change ten times a second stay readable.
  static func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(d)
    }
    return out
  }

  /// One decimal place, without Foundation's locale-dependent formatting.
  static func one(_ v: Double) -> String {
    let tenths = Int((v * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }
}
