import Foundation

/// Loads and validates a data directory (SCHEMA.md, schema 1).
///
/// Every problem is collected; an item with an error is left out and the rest load.
/// Cross-item rules run after all files are read: duplicate ids (first in file order wins),
/// references to unknown or left-out items, parent cycles, quotes in their sources.
public enum CorpusLoader {
  /// A directory that cannot be loaded at all (usage-level failure, exit 2).
  public struct DirectoryError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
  }

  public struct Result: Sendable {
    public var corpus: Corpus
    /// Errors and warnings, in file order and item order.
    public var issues: [LoadIssue]
    /// Data files read (`*.json`, `*.jsonl`).
    public var files: Int
    /// Files that contributed nothing (invalid JSON, bad envelope, unreadable).
    public var failedFiles: Int
    /// Items left out because of an error.
    public var leftOut: Int
    /// Whether this came from the re-open cache (CorpusCache) rather than the files.
    public var fromCache = false
    /// The re-open cache this result was read from or belongs to, if any.
    var cacheLocation: CorpusCache.Location?
    /// Whether `open(…, deferCacheWrite: true)` left the cache to write (see `writeCache`).
    var cacheWritePending = false
    /// One line for each cache file that was ignored or could not be written (the load
    /// itself went on from the data files).
    public var cacheWarnings: [String] = []
    /// Where the later phases (cache write, search build) put their times.
    var timings: LoadTimings?

    /// Builds the search signatures (see `Corpus.prepareSearch`) unless the cache already
    /// had them, and keeps them beside the cache for the next open; returns a warning when
    /// they could not be kept.
    @discardableResult
    public func prepareSearch(parts: Int = 2, minimumRecords: Int? = nil)
      -> String?
    {
      guard corpus.searchSignatures.built == nil else { return nil }
      // A lazy re-open left the signatures beside the cache to be read now; a file
      // that was there and not sound is said (they are built again below).
      var ignored: String?
      if fromCache, let cacheLocation {
        ignored = CorpusLoader.installSignatures(
          in: corpus, from: cacheLocation)
        if corpus.searchSignatures.built != nil { return nil }
      }
      corpus.prepareSearch(
        parts: parts, minimumRecords: minimumRecords, timings: timings)
      // Only beside a cache file that is there (a corpus with text_path sources has none).
      guard let cacheLocation, let built = corpus.searchSignatures.built,
        FileManager.default.fileExists(atPath: cacheLocation.path)
      else { return ignored }
      let failed = CorpusCache.writeSignatures(built, at: cacheLocation)
      let both = [ignored, failed].compactMap { $0 }
      return both.isEmpty ? nil : both.joined(separator: "; ")
    }

    /// Writes the re-open cache that `open(…, deferCacheWrite: true)` left for later
    /// (nothing when there is none); safe to call from another thread. Returns a warning
    /// when it could not be written.
    @discardableResult
    public func writeCache() -> String? {
      guard let cacheLocation, cacheWritePending else { return nil }
      var timer = LoadTimer("cache", timings)
      defer { timer.lap("write") }
      return CorpusCache.write(self, at: cacheLocation)
    }

    public var errors: [LoadIssue] { issues.filter(\.isError) }
    public var warnings: [LoadIssue] { issues.filter { !$0.isError } }

    /// `3 files, 13 parties, 1 source, 24 records, 0 items left out, 0 errors, 0 warnings`.
    public var summary: String {
      CorpusLoader.summary(
        files: files, parties: corpus.parties.count,
        sources: corpus.sources.count, records: corpus.records.count,
        leftOut: leftOut, issues: issues)
    }
  }

  /// The one-line summary of a load or a check (`Result.summary`, `Check.summary`).
  static func summary(
    files: Int, parties: Int, sources: Int, records: Int, leftOut: Int,
    issues: [LoadIssue]
  ) -> String {
    func n(_ count: Int, _ word: String) -> String {
      "\(count) \(word)\(count == 1 ? "" : "s")"
    }
    let errors = issues.count(where: \.isError)
    return [
      n(files, "file"),
      n(parties, "party").replacingOccurrences(of: "partys", with: "parties"),
      n(sources, "source"), n(records, "record"),
      "\(leftOut) item\(leftOut == 1 ? "" : "s") left out",
      n(errors, "error"),
      n(issues.count - errors, "warning"),
    ].joined(separator: ", ")
  }

  enum ItemType: String { case parties, sources, records }

  /// An item as found in a file, before decoding.
  struct RawItem {
    var file: Int
    var ordinal: Int
    var place: LoadIssue.Place
    var node: JSONNode
  }

  /// Loads and validates `directory` with the fast loader (see FastLoader); `progress`,
  /// when given, is advanced as files and records are scanned.
  public static func load(
    directory: String, progress: LoadProgress? = nil,
    settings: LoadSettings = .init()
  ) throws(DirectoryError) -> Result {
    let files = try dataFiles(in: directory)
    return fastLoad(directory, files, progress, settings)
  }

  static func fastLoad(
    _ directory: String, _ files: [String], _ progress: LoadProgress?,
    _ settings: LoadSettings
  )
    -> Result
  {
    var loader = FastLoader(
      directory: directory, fileNames: files, progress: progress,
      settings: settings)
    var result = loader.load()
    result.timings = settings.timings
    return result
  }

  /// Like `load`, but through the re-open cache (see CorpusCache): unchanged data that
  /// was loaded before is mapped from `$XDG_CACHE_HOME/dateline` instead of parsed; a
  /// fresh load of a large directory writes the cache for next time — or, with
  /// `deferCacheWrite`, leaves that to `Result.writeCache()` (the browser writes it after
  /// its first screen is up).
  ///
  /// `readCache: false`: the cache is not read but written again from the files (one
  /// that did not match them, `DataReadProblem.cacheMismatch`, is replaced).
  public static func open(
    directory: String, progress: LoadProgress? = nil,
    deferCacheWrite: Bool = false, settings: LoadSettings = .init(),
    readCache: Bool = true
  ) throws(DirectoryError) -> Result {
    let files = try dataFiles(in: directory)
    let (cached, cache, warnings) = openCached(
      directory, files, settings, readCache: readCache)
    if let cached { return cached }
    var result = fastLoad(directory, files, progress, settings)
    result.cacheWarnings = warnings
    if let cache {
      result.cacheLocation = cache
      result.cacheWritePending = true
      if !deferCacheWrite {
        if let warning = result.writeCache() {
          result.cacheWarnings.append(warning)
        }
        result.cacheWritePending = false
      }
    }
    return result
  }

  /// The corpus from the re-open cache when it is there and sound; else where the cache
  /// goes (nil when the directory is not cached) and why a cache file was not used.
  static func openCached(
    _ directory: String, _ files: [String], _ settings: LoadSettings,
    readCache: Bool = true
  ) -> (Result?, CorpusCache.Location?, [String]) {
    var timer = LoadTimer("cache", settings.timings)
    let cache = settings.cache.flatMap {
      CorpusCache.locate(directory, files: files, settings: $0)
    }
    var warnings: [String] = []
    if let cache, readCache {
      do {
        var cached = try CorpusCache.read(
          cache, checkAll: !settings.lazyCacheReads)
        timer.lap("read")
        cached.fromCache = true
        cached.cacheLocation = cache
        cached.timings = settings.timings
        if !settings.lazyCacheReads {
          if let warning = installSignatures(in: cached.corpus, from: cache) {
            cached.cacheWarnings.append(warning)
          }
          timer.lap("search signatures read")
        }
        return (cached, cache, warnings)
      } catch {
        if !error.quiet {
          warnings.append(
            "re-open cache \(cache.path) ignored (\(error.reason)); loading the files"
          )
        }
      }
    }
    timer.lap(cache == nil ? "none" : "miss")
    return (nil, cache, warnings)
  }

  /// Installs in `corpus` the search signatures kept beside the cache, when they are
  /// there and sound; returns a warning for a file that is there and not sound (it is
  /// left to be written again once the signatures are built).
  static func installSignatures(
    in corpus: Corpus, from cache: CorpusCache.Location
  ) -> String? {
    do {
      let signatures = try CorpusCache.readSignatures(
        at: cache, records: corpus.records.count)
      corpus.searchSignatures.install(signatures)
      return nil
    } catch {
      return error.quiet
        ? nil
        : "search signatures ignored (\(error.reason)); they are built again"
    }
  }

  /// The data files `load` would read, with their sizes in bytes (for a progress total).
  public static func dataFileSizes(in directory: String) throws(DirectoryError)
    -> [(name: String, bytes: Int)]
  {
    try dataFiles(in: directory).map { name in
      let attributes = try? FileManager.default.attributesOfItem(
        atPath: directory + "/" + name)
      return (name, (attributes?[.size] as? NSNumber)?.intValue ?? 0)
    }
  }

  /// The reference loader: a JSON tree per item, every rule in ItemDecoding. Slow on large
  /// corpora, but the definition of what the fast loader must report.
  public static func loadReference(directory: String) throws(DirectoryError)
    -> Result
  {
    let dataFiles = try dataFiles(in: directory)
    var state = LoadState(directory: directory, fileNames: dataFiles)
    state.noteEmptyDirectory()
    for (fi, name) in dataFiles.enumerated() {
      state.readFile(index: fi, name: name)
    }
    return state.finish()
  }

  /// The data files of a directory in byte order of their names.
  static func dataFiles(in directory: String) throws(DirectoryError) -> [String]
  {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir)
    else {
      throw DirectoryError(path: directory, message: "no such directory")
    }
    guard isDir.boolValue else {
      throw DirectoryError(path: directory, message: "not a directory")
    }
    guard
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: directory)
    else {
      throw DirectoryError(
        path: directory,
        message: "cannot read the directory (permission denied?)")
    }
    // Every name that says JSON, whatever it is: a directory, FIFO, socket or device so
    // named is reported as an error of that file when it is read (FileBytes refuses it
    // without opening it), not skipped in silence.
    return names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".jsonl") }
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
