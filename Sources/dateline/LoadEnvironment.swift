import DatelineCore
import Foundation

/// The load settings from the process environment, read once here (Core reads none):
/// `DATELINE_CACHE=0` turns the re-open cache off, `DATELINE_CACHE_MIN_BYTES` changes the
/// size from which a directory is cached, `DATELINE_CACHE_QUIET_MS` how long a data file
/// must be unchanged before it is cached (tests that write a corpus and open it at once
/// set 0), `XDG_CACHE_HOME` / `HOME` say where. `DATELINE_CHUNK_BYTES` changes the unit
/// `.jsonl` files are cut by; `DATELINE_QUOTE_PASSES` the groups a load checks quotes in
/// (`LoadSettings.quotePasses`) and `DATELINE_QUOTE_SHRINK` each group's bytes over the one
/// before (`quoteGroupShrink`); `DATELINE_CHECK_ONTO=0` has the browser's check build its
/// store beside the first pass's instead of on it (to compare); `DATELINE_TIMING` asks for
/// phase times on stderr (printed by `report`).
enum LoadEnvironment {
  /// One collector for the process: the load, and the cache write and search build after it.
  static let timings: LoadTimings? =
    ProcessInfo.processInfo.environment["DATELINE_TIMING"] != nil
    ? LoadTimings() : nil

  /// Every command reads `.jsonl` files in bounded windows (`LoadSettings.windowedReads`);
  /// the browser's loads keep their checksums too (`digestedReads`), for its reload of
  /// appended lines, and check their quotes in `browserQuotePasses` groups, since each
  /// runs beside a store already shown; what opens a screen reads the re-open cache as
  /// it is used (`lazyCacheReads`).
  static func settings(
    _ environment: [String: String] = ProcessInfo.processInfo.environment,
    digestedReads: Bool = false, lazyCacheReads: Bool = false
  ) -> LoadSettings {
    var settings = LoadSettings(
      cache: cacheSettings(environment), timings: timings,
      windowedReads: true, digestedReads: digestedReads,
      lazyCacheReads: lazyCacheReads)
    if digestedReads { settings.quotePasses = browserQuotePasses }
    if let unit = environment["DATELINE_CHUNK_BYTES"].flatMap({ Int($0) }) {
      settings.chunkBytes = max(64, unit)
    }
    if let passes = environment["DATELINE_QUOTE_PASSES"].flatMap({ Int($0) }) {
      settings.quotePasses = min(max(1, passes), 64)
    }
    // `nan` parses as a Double and passes min/max unchanged: such a value is no share.
    if let shrink = environment["DATELINE_QUOTE_SHRINK"].flatMap({ Double($0) }
    ),
      shrink.isFinite
    {
      settings.quoteGroupShrink = min(max(shrink, 0.05), 1)
    }
    return settings
  }

  /// The quote passes of the browser's loads (`LoadSettings.quotePasses`): the first
  /// open's check and a reload both run beside a store on screen. At a million records
  /// such a load alone (`validate` with 3 passes) peaks at 173 MB instead of 253 MB,
  /// for ~0.27 s more CPU (each cited text is read and searched once per group); 4 or 5
  /// groups measured no lower than 3 in the browser (its first group's peak).
  static let browserQuotePasses = 3

  /// Whether the browser's check builds its store on the first pass's
  /// (`LoadSettings.provisional`); `DATELINE_CHECK_ONTO=0` builds it beside (to compare).
  static func checksOntoFirstPass(
    _ environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Bool {
    environment["DATELINE_CHECK_ONTO"] != "0"
  }

  /// Writes the phase times recorded since the last call to stderr (with DATELINE_TIMING).
  static func reportTimings() {
    guard let timings else { return }
    // Best effort, like every stderr note: a full or closed stderr must not stop the command.
    for lap in timings.drain() { Output.note(lap.description + "\n") }
  }

  static func cacheSettings(_ environment: [String: String]) -> CacheSettings? {
    guard environment["DATELINE_CACHE"] != "0",
      let folder = XDGDirectory.cache.path(environment)
    else { return nil }
    let minimum =
      environment["DATELINE_CACHE_MIN_BYTES"].flatMap { Int($0) }
      ?? CacheSettings.defaultMinimumBytes
    var settings = CacheSettings(
      folder: folder, binaryIdentity: binaryIdentity(), minimumBytes: minimum)
    if let quiet = environment["DATELINE_CACHE_QUIET_MS"].flatMap({ Int($0) }),
      quiet >= 0
    {
      settings.quietNanoseconds = quiet * 1_000_000
    }
    return settings
  }

  /// The build revision and the executable's stamp (device, inode, size, times): a new
  /// build, or the same revision built again with other rules, has another identity.
  static func binaryIdentity() -> [UInt8] {
    var text = BuildRevision.revision
    if let exe = Platform.executablePath(), let s = Platform.stamp(exe) {
      text += " \(s.device) \(s.inode) \(s.size) \(s.modified) \(s.changed)"
    }
    return Array(text.utf8)
  }
}
