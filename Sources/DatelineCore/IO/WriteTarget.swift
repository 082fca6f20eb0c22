import Foundation

/// The file a write really goes to, after dateline's symlink policy.
///
/// Policy: a symbolic link is written *through*. The link stays as it is and the file it
/// names gets the new contents, as an editor saving a linked dotfile would do. The file
/// it names must be a regular file or not exist yet beside a link that resolves; a
/// dangling link, a loop, a directory, a FIFO, a socket or a device node is refused with
/// a message, and nothing is created. Every open that follows uses `O_NOFOLLOW`, so a
/// link planted after this check makes the write fail rather than go elsewhere, and the
/// final rename replaces a directory entry, never the file a new link would point to.
struct WriteTarget {
  /// The path the caller gave (for messages).
  let requested: String
  /// The path written: `requested`, or the file its symlink resolves to.
  let resolved: String
  /// The directory of `resolved` (where temporaries go, so rename stays on one file system).
  let directory: String
  /// The target's status when it exists.
  let existing: stat?

  static func resolve(_ path: String, operation: String) throws(FileWriteError)
    -> WriteTarget
  {
    var st = stat()
    if lstat(path, &st) != 0 {
      if errno != ENOENT {
        throw FileWriteError(path: path, operation: operation, code: errno)
      }
      return WriteTarget(
        requested: path, resolved: path, directory: parent(of: path),
        existing: nil)
    }
    var resolved = path
    if st.st_mode & S_IFMT == S_IFLNK {
      guard let real = realpath(path, nil) else {
        let code = errno
        if code == ENOENT {
          throw FileWriteError(
            path: path, operation: operation,
            refusal: "a symbolic link to a missing file")
        }
        throw FileWriteError(path: path, operation: operation, code: code)
      }
      resolved = String(cString: real)
      free(real)
      if lstat(resolved, &st) != 0 {
        throw FileWriteError(path: path, operation: operation, code: errno)
      }
    }
    guard st.st_mode & S_IFMT == S_IFREG else {
      throw FileWriteError(
        path: path, operation: operation,
        refusal: "not a regular file (\(kind(st.st_mode)))")
    }
    return WriteTarget(
      requested: path, resolved: resolved, directory: parent(of: resolved),
      existing: st)
  }

  /// The directory part of `path` ("." for a bare name).
  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The name part of `path`.
  static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: return "a directory"
    case S_IFIFO: return "a FIFO"
    case S_IFSOCK: return "a socket"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    default: return "a special file"
    }
  }
}
