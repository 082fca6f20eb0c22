import ArgumentParser
import DatelineConfig
import DatelineCore
import Foundation

/// `--data DIR`, shared by every subcommand.
struct DataOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The data directory (default: $DATELINE_DATA, else ./Data, else the checkout's Data/).",
      valueName: "dir"))
  var data: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The config file (default: $DATELINE_CONFIG, else $XDG_CONFIG_HOME/dateline/config.toml).",
      valueName: "file"),
    completion: .file(extensions: ["toml"]))
  var config: String?

  /// Where to load from: the flag, the environment, the config file, the working
  /// directory, the checkout.
  var directory: String {
    if let data { return data }
    if let env = ProcessInfo.processInfo.environment["DATELINE_DATA"],
      !env.isEmpty
    {
      return env
    }
    // Quietly here: `settings()` reports the config's problems once.
    if let configured = try? ConfigFile.locate(flag: config)?.read().config
      .dataDirectory
    {
      return configured
    }
    if FileManager.default.fileExists(atPath: "Data") { return "Data" }
    // Run from anywhere inside a checkout (`swift run` builds next to the sources).
    let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Data").path
    return checkout
  }

  /// The config file's settings and how many warnings it gave; the warnings go to
  /// stderr, a broken file exits 2.
  func settings() throws -> (config: Config, warnings: Int) {
    guard let file = ConfigFile.locate(flag: config) else {
      return (Config(), 0)
    }
    do {
      let result = try file.read()
      file.report(result.warnings)
      return (result.config, result.warnings.count)
    } catch {
      Output.error(error.description)
      throw ExitCode(2)
    }
  }

  /// The config's settings without reporting its warnings (a second reader of the
  /// config in one command; the first reports them).
  func settingsQuietly() throws -> Config {
    guard let file = ConfigFile.locate(flag: config) else { return Config() }
    return try file.read().config
  }

  /// Loads the directory; an unloadable directory (or config file) exits 2 with a message.
  /// `cached: false` parses and checks every file (validate); otherwise unchanged data
  /// opens from the re-open cache (CorpusCache).
  func load(cached: Bool = true) throws -> CorpusLoader.Result {
    try loadWithSettings(cached: cached).result
  }

  /// The config (read once, its warnings reported) and the loaded directory.
  /// `deferCacheWrite`: the caller writes the re-open cache (`Result.writeCache`) when
  /// it suits it; the browser does so once its first screen is up.
  /// `lazyCache`: a screen opens next, which reads the re-open cache as it is used
  /// (`LoadSettings.lazyCacheReads`).
  func loadWithSettings(
    cached: Bool = true, deferCacheWrite: Bool = false, lazyCache: Bool = false
  ) throws -> (result: CorpusLoader.Result, config: Config, configWarnings: Int)
  {
    let (settings, warnings) = try settings()
    return (
      try loadDirectory(
        cached: cached, deferCacheWrite: deferCacheWrite, lazyCache: lazyCache),
      settings, warnings
    )
  }

  /// Checks the directory as `validate` does (every rule, no corpus, no cache) after
  /// the config is read as `load` reads it (its warnings reported, a broken file exits
  /// 2); an unloadable directory exits 2 with a message.
  func check() throws -> CorpusLoader.Check {
    _ = try settings()
    do {
      let checked = try ProgressDisplay.check(directory: directory)
      LoadEnvironment.reportTimings()
      return checked
    } catch {
      Output.error("\(error)")
      throw ExitCode(2)
    }
  }

  func loadDirectory(
    cached: Bool = true, deferCacheWrite: Bool = false, lazyCache: Bool = false
  ) throws
    -> CorpusLoader.Result
  {
    do {
      let result = try ProgressDisplay.load(
        directory: directory, cached: cached, deferCacheWrite: deferCacheWrite,
        lazyCache: lazyCache)
      for warning in result.cacheWarnings {
        Output.error("warning: " + warning)
      }
      LoadEnvironment.reportTimings()
      return result
    } catch {
      Output.error("\(error)")
      throw ExitCode(2)
    }
  }
}
