import ArgumentParser
import DatelineConfig
import DatelineCore
import Foundation

/// What the browser opens with: a complete load (from the re-open cache or the files), or
/// the first pass's provisional corpus while the full load follows (FirstOpenCheck).
struct BrowseOpening {
  var corpus: Corpus
  /// The complete load, nil while the corpus is provisional.
  var result: CorpusLoader.Result?

  var isProvisional: Bool { result == nil }
}

extension DataOptions {
  /// The config (its warnings reported) and the directory opened for the browser: from the
  /// cache, else by the first pass when the directory is large, else loaded in full with
  /// the progress line. `DATELINE_FIRST_PASS=0` always loads in full (to compare).
  func openForBrowsing(provisional: Bool = true) throws -> (
    opening: BrowseOpening, config: Config, configWarnings: Int
  ) {
    let (config, warnings) = try settings()
    if provisional
      && ProcessInfo.processInfo.environment["DATELINE_FIRST_PASS"] != "0"
    {
      let opening: CorpusLoader.Opening?
      do {
        opening = try CorpusLoader.openProvisionally(
          directory: directory,
          settings: LoadEnvironment.settings(lazyCacheReads: true),
          firstPass: FirstPass.Settings(
            workers: ProcessInfo.processInfo.activeProcessorCount))
      } catch {
        Output.error("\(error)")
        throw ExitCode(2)
      }
      LoadEnvironment.reportTimings()
      switch opening {
      case .complete(let result)?:
        for warning in result.cacheWarnings {
          Output.error("warning: " + warning)
        }
        return (
          BrowseOpening(corpus: result.corpus, result: result), config, warnings
        )
      case .provisional(let outcome)?:
        return (
          BrowseOpening(corpus: outcome.corpus, result: nil), config, warnings
        )
      case nil: break
      }
    }
    let result = try loadDirectory(deferCacheWrite: true, lazyCache: true)
    return (
      BrowseOpening(corpus: result.corpus, result: result), config, warnings
    )
  }
}
