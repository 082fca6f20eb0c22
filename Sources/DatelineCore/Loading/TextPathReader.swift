import Foundation

/// Reads a source's `text_path`, confined to the data directory.
///
/// SCHEMA.md: absolute paths, any `..` component, and symlinks whose target lies outside
/// are errors; so are missing files, directories and invalid UTF-8. Nothing outside the
/// data directory is read because the data asked for it.
enum TextPathReader {
  struct PathProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }

  static func read(_ relative: String, in directory: String) -> Result<
    String, PathProblem
  > {
    if relative.hasPrefix("/") {
      return .failure(
        PathProblem("an absolute path is not allowed, got \(quoted(relative))"))
    }
    let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
    if parts.contains("..") {
      return .failure(
        PathProblem(
          "a path with a \"..\" component is not allowed, got \(quoted(relative))"
        ))
    }
    if relative.utf8.contains(0) {
      return .failure(PathProblem("a path with a NUL byte is not allowed"))
    }
    guard let root = realPath(directory) else {
      return .failure(PathProblem("cannot resolve the data directory"))
    }
    let joined = directory + "/" + relative
    guard let target = realPath(joined) else {
      return .failure(
        PathProblem(
          "file \(quoted(relative)) does not exist in the data directory"))
    }
    guard target.hasPrefix(root + "/") else {
      return .failure(
        PathProblem(
          "\(quoted(relative)) leads outside the data directory (through a symlink)"
        ))
    }
    // Checked as a regular file before it is opened: a FIFO here would block the read.
    let file: FileBytes
    switch FileBytes.read(target) {
    case .success(let f): file = f
    case .failure(.notRegular("a directory")):
      return .failure(
        PathProblem("\(quoted(relative)) is a directory, expected a text file"))
    case .failure(.notRegular(let kind)):
      return .failure(
        PathProblem("\(quoted(relative)) is \(kind), expected a text file"))
    case .failure:
      return .failure(PathProblem("\(quoted(relative)) cannot be read"))
    }
    var bytes = Data(file.bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let text: String? = bytes.withUnsafeBytes {
      String(validating: $0, as: UTF8.self)
    }
    guard let text else {
      let at = bytes.withUnsafeBytes { firstInvalidUTF8($0) } ?? 0
      return .failure(
        PathProblem("\(quoted(relative)) is not valid UTF-8 (at byte \(at))"))
    }
    return .success(ItemDecoding.normalizeText(text))
  }

  static func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }
}
