import DatelineCore
import Foundation

/// Where bookmarks (`m` in the browser) live, and reading and writing them.
///
/// Per data directory, in the user's state directory: `$XDG_STATE_HOME/dateline/marks/`
/// (default `~/.local/state/dateline/marks/`), never inside the data directory, which may
/// be read-only, shared, or under version control. The file name is the directory's
/// last component and a hash of its full path (after resolving symlinks), so two
/// checkouts with a `Data/` each keep their own marks. The file is text: a comment with
/// the directory, then one record id per line. This is the shell's side of the marks;
/// the browser's state only says what to save (`BrowserState.marksToSave`).
struct MarkStore {
  /// The marks file, or nil when there is no state directory (no HOME).
  let file: URL?
  let directory: String

  init(
    dataDirectory: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    let canonical = URL(fileURLWithPath: dataDirectory).standardizedFileURL
      .resolvingSymlinksInPath().path
    directory = canonical
    file = MarkStore.stateDirectory(environment).map {
      $0.appendingPathComponent("marks").appendingPathComponent(
        MarkStore.fileName(for: canonical))
    }
  }

  /// `$XDG_STATE_HOME/dateline`, or `$HOME/.local/state/dateline` (XDGDirectory).
  static func stateDirectory(_ environment: [String: String]) -> URL? {
    XDGDirectory.state.path(environment).map { URL(fileURLWithPath: $0) }
  }

  /// `Data-1f3c…` : a readable part (letters, digits, `.`, `_`, `-`; at most 40) and the
  /// hash of the path (PathHash, as the cache file's name).
  static func fileName(for path: String) -> String {
    let base = (path as NSString).lastPathComponent
    let readable = String(
      base.unicodeScalars.prefix(40).map { s -> Character in
        let v = s.value
        let ok =
          (0x30...0x39).contains(v) || (0x41...0x5A).contains(v)
          || (0x61...0x7A).contains(v) || v == 0x2E || v == 0x5F
          || v == 0x2D
        return ok ? Character(s) : "_"
      })
    return (readable.isEmpty ? "data" : readable) + "-" + PathHash.hex(path)
      + ".marks"
  }

  /// The saved marks; a missing file is no marks, not a problem.
  func load() -> (marks: Set<Record.ID>, problem: String?) {
    guard let file else { return ([], nil) }
    guard FileManager.default.fileExists(atPath: file.path) else {
      return ([], nil)
    }
    guard let text = try? String(contentsOf: file, encoding: .utf8) else {
      return ([], "cannot read the marks in \(file.path)")
    }
    var marks = Set<Record.ID>()
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let id = String(line)
      if TypedID<Record>.isValid(id) { marks.insert(Record.ID(id)) }
    }
    return (marks, nil)
  }

  /// Writes `marks` (sorted, one per line) atomically; returns why it failed, or nil.
  func save(_ marks: Set<Record.ID>) -> String? {
    guard let file else {
      return "no state directory (set XDG_STATE_HOME or HOME)"
    }
    let text =
      "# dateline marks for "
      + directory.replacingOccurrences(of: "\n", with: " ") + "\n"
      + marks.sorted().map { $0.rawValue + "\n" }.joined()
    do {
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      return "\(file.path): \(error.localizedDescription)"
    }
    do {
      try AtomicFile.write(text, to: file.path)
      return nil
    } catch {
      return error.description
    }
  }
}
