/// One problem found while loading: where (file, item or line, JSON path) and what.
///
/// Printed in the SCHEMA.md "Errors" form:
/// `records.json: items[4] (id "r05"): $.date: expected …, got "2023-13-01"`.
public struct LoadIssue: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: Sendable, Hashable { case error, warning }

  /// Where in a file the problem is.
  public enum Place: Sendable, Hashable {
    /// The file as a whole (bad envelope, unreadable, no data).
    case file
    /// A byte position, as line and column (JSON syntax errors).
    case position(line: Int, column: Int)
    /// An item of an envelope's `items` array.
    case item(index: Int, id: String?)
    /// A line of a `.jsonl` file.
    case line(Int, id: String?)
  }

  public var severity: Severity
  /// The file name relative to the data directory (or the directory itself).
  public var file: String
  public var place: Place
  /// A JSON path such as `$.parties[1].id`, when the problem is inside an item.
  public var path: String?
  public var message: String

  public init(
    _ severity: Severity, file: String, place: Place = .file,
    path: String? = nil, message: String
  ) {
    self.severity = severity
    self.file = file
    self.place = place
    self.path = path
    self.message = message
  }

  public var isError: Bool { severity == .error }

  /// The line as printed. Data inside it is sanitized by the printer, not here, so JSON
  /// output stays exact.
  public var description: String {
    var s = severity == .warning ? "warning: " : ""
    s += file
    switch place {
    case .file: break
    case .position(let line, let column): s += ":\(line):\(column)"
    case .item(let index, let id):
      s += ": items[\(index)]"
      if let id { s += " (id \(quoted(id)))" }
    case .line(let line, let id):
      s += ":\(line)"
      if let id { s += " (id \(quoted(id)))" }
    }
    if let path { s += ": " + LoadIssue.shortened(path) }
    return s + ": " + message
  }
}

extension LoadIssue {
  /// The warning for a file that changed while it was read (every loader words it so).
  public static let changedWhileRead =
    "the file changed while it was read; what loaded may mix two versions (load again)"

  /// Whether this says that its file changed while it was read: what loaded may mix two
  /// versions of it, so only loading again gives the files' answer.
  public var saysFileChangedWhileRead: Bool {
    severity == .warning && place == .file && message == Self.changedWhileRead
  }

  /// A JSON path short enough to read: 10 000 nested brackets print as `$.x[0][0]…[0]`.
  static func shortened(_ path: String) -> String {
    guard path.count > 80 else { return path }
    return String(path.prefix(48)) + "…" + String(path.suffix(24))
  }
}

/// A string in double quotes with `"` and `\` escaped, cut when long, for messages.
func quoted(_ s: String, limit: Int = 60) -> String {
  let cut = s.count > limit ? String(s.prefix(limit)) + "…" : s
  var out = "\""
  for c in cut {
    switch c {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    default: out.append(c)
    }
  }
  return out + "\""
}
