import ArgumentParser
import DatelineConfig
import Foundation

/// Finds and reads `config.toml`: `--config`, else `$DATELINE_CONFIG`, else
/// `$XDG_CONFIG_HOME/dateline/config.toml` (default `~/.config/dateline/config.toml`).
///
/// Why the file I/O is here: DatelineConfig only parses text; the shell decides where the
/// file is and what a missing one means. A missing default file is no config at all; a
/// file named by `--config` or DATELINE_CONFIG must exist, since the user asked for it.
struct ConfigFile {
  let path: String
  /// Named by `--config` or DATELINE_CONFIG rather than found at the default place.
  let explicit: Bool

  /// Where the config is looked for, given the flag and the environment.
  static func locate(
    flag: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> ConfigFile? {
    if let flag { return ConfigFile(path: flag, explicit: true) }
    if let env = environment["DATELINE_CONFIG"], !env.isEmpty {
      return ConfigFile(path: env, explicit: true)
    }
    var base = environment["XDG_CONFIG_HOME"] ?? ""
    // The XDG spec: a relative XDG_CONFIG_HOME is invalid and is ignored.
    if !base.hasPrefix("/") {
      guard let home = environment["HOME"], !home.isEmpty else { return nil }
      base = home + "/.config"
    }
    return ConfigFile(path: base + "/dateline/config.toml", explicit: false)
  }

  enum Failure: Error, CustomStringConvertible {
    case missing(String)
    case unreadable(String)
    case syntax(String, ConfigParser.SyntaxError)
    var description: String {
      switch self {
      case .missing(let p): return "\(p): no such config file"
      case .unreadable(let p): return "\(p): cannot read the config file"
      case .syntax(let p, let e): return "\(p): \(e.description)"
      }
    }
  }

  /// The settings and warnings; no file at the default place gives the defaults.
  func read() throws(Failure) -> ConfigParser.Result {
    guard FileManager.default.fileExists(atPath: path) else {
      if explicit { throw .missing(path) }
      return ConfigParser.Result(config: Config(), warnings: [])
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path)
    }
    let directory = (path as NSString).deletingLastPathComponent
    do {
      return try ConfigParser.parse(
        String(decoding: data, as: UTF8.self),
        directory: directory.isEmpty ? "." : directory,
        home: ProcessInfo.processInfo.environment["HOME"])
    } catch {
      throw .syntax(path, error)
    }
  }

  /// `path:LINE: message` for each warning, on stderr.
  func report(_ warnings: [ConfigParser.Warning]) {
    for w in warnings {
      let place = w.line.map { "\(path):\($0)" } ?? path
      Output.error("\(place): \(w.message)")
    }
  }
}
