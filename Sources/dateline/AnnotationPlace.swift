import DatelineConfig
import DatelineCore
import Foundation

/// The shell's side of annotations: the author and the fallback directory come from the
/// config and the environment here, and go to `AnnotationStore` as values.
enum AnnotationPlace {
  /// The store for the data directory of `options`, with the config's settings.
  static func store(
    dataDirectory: String, config: Config,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> AnnotationStore {
    AnnotationStore(
      dataDirectory: dataDirectory,
      author: author(config: config, environment: environment),
      fallback: fallbackDirectory(for: dataDirectory, environment: environment),
      preferFallback: config.annotating.outsideData)
  }

  /// The config's author, else `$USER`, else `$LOGNAME`, else "anonymous".
  static func author(config: Config, environment: [String: String]) -> String {
    if let a = config.annotating.author { return a }
    for key in ["USER", "LOGNAME"] {
      if let v = environment[key], !v.isEmpty { return v }
    }
    return "anonymous"
  }

  /// `$XDG_DATA_HOME/dateline/annotations/<dir>-<hash>` (default `~/.local/share/…`),
  /// named like the marks file so two checkouts' `Data/` keep apart; nil without HOME.
  static func fallbackDirectory(
    for dataDirectory: String, environment: [String: String]
  ) -> String? {
    var base: String
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      base = xdg
    } else {
      guard let home = environment["HOME"], home.hasPrefix("/") else {
        return nil
      }
      base = home + "/.local/share"
    }
    let canonical = URL(fileURLWithPath: dataDirectory).standardizedFileURL
      .resolvingSymlinksInPath().path
    let name = MarkStore.fileName(for: canonical)
    base +=
      "/dateline/annotations/"
      + (name.hasSuffix(".marks") ? String(name.dropLast(6)) : name)
    return base
  }

  /// The annotations of the directory, their warnings printed to stderr.
  static func load(_ store: AnnotationStore, quiet: Bool = false) -> Annotations
  {
    let loaded = store.load()
    if !quiet { for issue in loaded.issues { Output.issue(issue) } }
    return loaded.annotations
  }
}
