import DatelineCore
import DatelineUI
import Foundation
import TOMLKit

/// Reads the text of `config.toml` into a `Config` and warnings.
///
/// Why warnings and not errors for unknown keys and bad values: a config written for a
/// newer or older dateline should still open the browser; each problem is named with its
/// line so it can be fixed. A file that is not TOML at all is an error (nothing in it can
/// be trusted), reported with TOMLKit's line and column.
public enum ConfigParser {
  /// A problem with one setting; the setting is ignored.
  public struct Warning: Sendable, Hashable, CustomStringConvertible {
    public var line: Int?
    public var message: String
    public var description: String {
      line.map { "line \($0): \(message)" } ?? message
    }
  }

  /// The file is not valid TOML.
  public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible
  {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String {
      "line \(line), column \(column): \(message)"
    }
  }

  public struct Result: Sendable {
    public var config: Config
    public var warnings: [Warning]
    public init(config: Config, warnings: [Warning]) {
      self.config = config
      self.warnings = warnings
    }
  }

  /// The settings a config may hold, for messages.
  static let topKeys = [
    "data", "layout", "follow", "mouse", "colors", "keys", "citation",
    "annotations",
  ]
  static let citationKeys = ["clipboard", "file"]
  static let colorNames = Style.Color.allCases.map { "\($0)" }

  /// Parses `text`. Paths in it are resolved against `directory` (the config file's) and
  /// `~` against `home`.
  public static func parse(_ text: String, directory: String, home: String?)
    throws(SyntaxError) -> Result
  {
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch let e as TOMLParseError {
      throw SyntaxError(
        line: e.source.begin.line, column: e.source.begin.column,
        message: e.description)
    } catch {
      throw SyntaxError(line: 1, column: 1, message: "\(error)")
    }
    var reader = Reader(
      lines: TOMLKeyLines.locate(text), directory: directory, home: home)
    reader.read(root)
    return Result(
      config: reader.config,
      warnings: reader.warnings.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
  }

  /// Walks the parsed table, filling the config and collecting warnings.
  struct Reader {
    let lines: [String: Int]
    let directory: String
    let home: String?
    var config = Config()
    var warnings: [Warning] = []

    /// A warning at the key's line, else at the line of the table it is in (inline tables).
    mutating func warn(_ path: String, _ message: String) {
      var parts = path.split(separator: ".", omittingEmptySubsequences: false)
        .map(String.init)
      var line: Int?
      while line == nil, !parts.isEmpty {
        line = lines[parts.joined(separator: ".")]
        parts.removeLast()
      }
      warnings.append(Warning(line: line, message: message))
    }

    mutating func read(_ root: TOMLTable) {
      for key in root.keys {
        guard let value = root[key] else { continue }
        switch key {
        case "data":
          guard let s = value.string, !s.isEmpty else {
            warn(key, "data must be a path in quotes")
            continue
          }
          config.dataDirectory = resolve(s)
        case "layout":
          guard let s = value.string, let split = Preferences.Split(rawValue: s)
          else {
            warn(key, "layout must be \"auto\", \"right\" or \"below\"")
            continue
          }
          config.preferences.split = split
        case "follow":
          guard let b = value.bool else {
            warn(key, "follow must be true or false")
            continue
          }
          config.follow = b
        case "mouse":
          guard let b = value.bool else {
            warn(key, "mouse must be true or false")
            continue
          }
          config.mouse = b
        case "colors": readColors(value.table, path: key)
        case "keys": readKeys(value.table, path: key)
        case "citation": readCitation(value.table, path: key)
        case "annotations": readAnnotations(value.table, path: key)
        default:
          warn(
            key,
            "unknown setting \"\(key)\" (known: \(ConfigParser.topKeys.joined(separator: ", ")))"
          )
        }
      }
    }

    /// `[colors]`: party kind = colour name.
    mutating func readColors(_ table: TOMLTable?, path: String) {
      guard let table else {
        return warn(path, "colors must be a table: [colors]")
      }
      for kind in table.keys {
        let p = path + "." + kind
        guard let k = Party.Kind(rawValue: kind) else {
          let known = Party.Kind.allCases.map(\.rawValue).joined(
            separator: ", ")
          warn(
            p, "unknown party kind \"\(kind)\" in [colors] (known: \(known))")
          continue
        }
        guard let name = table[kind]?.string,
          let color = Style.Color.allCases.first(where: { "\($0)" == name })
        else {
          warn(
            p,
            "colour for \(kind) must be one of \(ConfigParser.colorNames.joined(separator: ", "))"
          )
          continue
        }
        config.preferences.kindColors[k] = color
      }
    }

    /// `[keys]`: key = the key it acts as, "" to unbind; names as in `screen --keys`.
    mutating func readKeys(_ table: TOMLTable?, path: String) {
      guard let table else { return warn(path, "keys must be a table: [keys]") }
      for name in table.keys {
        let p = path + "." + name
        guard let from = Reader.singleKey(name) else {
          warn(
            p,
            "\"\(name)\" is not one key (use names such as j, C-n, PageDown, F2)"
          )
          continue
        }
        guard let targetName = table[name]?.string else {
          warn(
            p,
            "the key \"\(name)\" must map to a key name in quotes, or \"\" to unbind it"
          )
          continue
        }
        if targetName.isEmpty {
          config.preferences.keys.table[from] = .some(nil)
          continue
        }
        guard let to = Reader.singleKey(targetName) else {
          warn(
            p,
            "\"\(targetName)\" is not one key (use names such as j, C-n, PageDown, F2)"
          )
          continue
        }
        config.preferences.keys.table[from] = .some(to)
      }
    }

    mutating func readCitation(_ table: TOMLTable?, path: String) {
      guard let table else {
        return warn(path, "citation must be a table: [citation]")
      }
      for key in table.keys {
        let p = path + "." + key
        switch key {
        case "clipboard":
          switch table[key]?.string {
          case "osc52": config.citations.osc52 = true
          case "off": config.citations.osc52 = false
          default: warn(p, "clipboard must be \"osc52\" or \"off\"")
          }
        case "file":
          guard let s = table[key]?.string, !s.isEmpty else {
            warn(p, "file must be a path in quotes")
            continue
          }
          config.citations.file = resolve(s)
        default:
          warn(
            p,
            "unknown setting \"\(key)\" in [citation] (known: \(ConfigParser.citationKeys.joined(separator: ", ")))"
          )
        }
      }
    }

    /// One key from its name, or nil for a word that would type several keys.
    static func singleKey(_ name: String) -> Key? {
      if name == " " { return .character(" ") }
      let keys = KeyNames.parse(name)
      return keys.count == 1 && !name.contains(" ") ? keys[0] : nil
    }

    /// `~/x` from the home directory, `x` from the config file's directory.
    func resolve(_ path: String) -> String {
      if path == "~" { return home ?? path }
      if path.hasPrefix("~/"), let home { return home + path.dropFirst(1) }
      if path.hasPrefix("/") || path.hasPrefix("~") { return path }
      return (directory as NSString).appendingPathComponent(path)
    }
  }
}
