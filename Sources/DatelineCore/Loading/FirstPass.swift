import CDatelineScan
import Foundation

/// The browser's first look at a large directory that has no re-open cache: each record
/// line's place, dates, id and parties, read on both cores in bounded windows, sorted into
/// a timeline that can be drawn at once; nothing else is checked.
///
/// Why: the full loader (FastLoader) validates every rule of every record before anything
/// can be shown, 1.1–1.4 s at a million records; a person opening the corpus needs only
/// its first screen. The corpus built here is provisional (`Corpus.isProvisional`): its
/// records are decoded from their bytes on demand, through `FileBytes.deferred` windows
/// with the file identity checked on every read, so a changed file is still noticed; a
/// line that does not decode is shown as not valid; sources, links and facet columns are
/// empty. The caller runs the full load right after and puts its corpus in place of this
/// one: what stays on screen is exactly what the reference loader accepts.
///
/// Anything unusual (an envelope file of records or of an unknown type, a file that
/// changes during the pass, many lines in a form the pass does not read) gives nil, and
/// the caller loads the directory in full as before.
public enum FirstPass {
  public struct Settings: Sendable {
    /// Directories with fewer bytes of data files load in full (they take milliseconds).
    public var minimumBytes: Int
    /// Lines the pass cannot read are decoded one by one; more than this, load in full.
    public var maximumUnusual: Int
    /// Records files are cut into pieces of about this size, scanned on every core.
    public var pieceBytes: Int
    /// Each piece is read through a window of this size (grown for a longer line); 256 KB
    /// stays in a core's 512 KB L2 cache between the read and the scan.
    public var windowBytes: Int
    /// How many pieces are scanned at once, each on its own thread: the machine's cores,
    /// which the CLI counts (Core reads nothing of the process); 2 when not told.
    public var workers: Int

    public init(
      minimumBytes: Int = 8_000_000, maximumUnusual: Int = 20_000,
      pieceBytes: Int = 16 << 20,
      windowBytes: Int = 1 << 18, workers: Int = 2
    ) {
      self.minimumBytes = minimumBytes
      self.maximumUnusual = maximumUnusual
      self.pieceBytes = max(pieceBytes, 64)
      self.windowBytes = max(windowBytes, 64)
      self.workers = max(workers, 1)
    }
  }

  /// What the pass found: a provisional corpus and how much of the data it shows.
  public struct Outcome: Sendable {
    public var corpus: Corpus
    /// Record lines found (blank lines not counted).
    public var lines: Int
    /// Lines in a form the pass does not read that did not decode either: not shown until
    /// the full load reports them.
    public var notShown: Int
  }

  /// The provisional corpus of `directory` (its data files `files`, in load order), or nil
  /// when it should be loaded in full.
  static func run(
    directory: String, files: [String], settings: Settings,
    timings: LoadTimings? = nil
  ) -> Outcome? {
    var timer = LoadTimer("first pass", timings)
    var recordFiles: [String] = []
    var partyFiles: [String] = []
    var total = 0
    for name in files {
      guard let id = FileIdentity.of(path: directory + "/" + name) else {
        return nil
      }
      total += id.size
      if name.hasSuffix(".jsonl") {
        recordFiles.append(name)
        continue
      }
      switch envelopeType(directory + "/" + name) {
      case "parties": partyFiles.append(name)
      case "sources": continue
      default: return nil
      }
    }
    guard total >= settings.minimumBytes, !recordFiles.isEmpty else {
      return nil
    }
    guard let parties = loadParties(directory, partyFiles) else { return nil }
    timer.lap("parties")
    guard
      var scan = FirstPassScan(
        directory: directory, files: recordFiles, parties: parties,
        settings: settings),
      scan.run(timer: &timer)
    else { return nil }
    guard let store = scan.store() else { return nil }
    timer.lap("store")
    let corpus = Corpus(parties: parties, sources: [], store: store)
    timer.lap("corpus")
    return Outcome(
      corpus: corpus, lines: scan.lineCount, notShown: scan.notShown)
  }

  /// The `type` of an envelope file, from its first 64 KB (nil when they do not say it
  /// before `items`).
  static func envelopeType(_ path: String) -> String? {
    guard case .success(let (fd, _)) = FileBytes.openRegular(path) else {
      return nil
    }
    defer { close(fd) }
    let size = 1 << 16
    let buffer = UnsafeMutableRawPointer.allocate(
      byteCount: size, alignment: 16)
    defer { buffer.deallocate() }
    let got = FileBytes.readFully(fd, into: buffer, count: size, at: 0)
    guard got > 0 else { return nil }
    var type: UnsafePointer<UInt8>?
    var length = 0
    guard
      dl_fp_envelope_type(
        buffer.assumingMemoryBound(to: UInt8.self), got, &type, &length) == 1,
      let type
    else {
      return nil
    }
    return String(
      decoding: UnsafeBufferPointer(start: type, count: length), as: UTF8.self)
  }

  /// The parties as the full load will have them: the reference loader over the parties
  /// files alone (party rules do not depend on records or sources).
  static func loadParties(_ directory: String, _ names: [String]) -> [Party]? {
    var state = LoadState(directory: directory, fileNames: names)
    for (i, name) in names.enumerated() { state.readFile(index: i, name: name) }
    guard state.raw[.records] == nil, state.raw[.sources] == nil else {
      return nil
    }
    return state.finish().corpus.parties
  }
}

extension CorpusLoader {
  /// How the browser opens a directory: at once from the re-open cache (`complete`), or
  /// provisionally from the first pass (`provisional`), to be followed by `open` on
  /// another thread, whose result takes its place.
  public enum Opening: Sendable {
    case complete(Result)
    case provisional(FirstPass.Outcome)
  }

  /// The cache's corpus when it is there and sound, else the first pass's; nil when
  /// neither: `open` then loads in full (and reports why a cache file was not used).
  public static func openProvisionally(
    directory: String, settings: LoadSettings = .init(),
    firstPass: FirstPass.Settings = .init()
  ) throws(DirectoryError) -> Opening? {
    let files = try dataFiles(in: directory)
    let (cached, _, _) = openCached(directory, files, settings)
    if let cached { return .complete(cached) }
    var timer = LoadTimer("first pass", settings.timings)
    let outcome = FirstPass.run(
      directory: directory, files: files, settings: firstPass,
      timings: settings.timings)
    timer.lap(outcome == nil ? "declined" : "total")
    return outcome.map { .provisional($0) }
  }
}
