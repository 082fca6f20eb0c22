import Foundation

/// What says a file still holds the bytes that were read from it: device, inode, size,
/// and the modification and status-change times in nanoseconds.
///
/// Why ctime as well: `touch -r` and `cp -p` put an old mtime back, but every write and
/// every metadata change moves ctime, which no unprivileged program can set.
public struct FileIdentity: Equatable, Sendable {
  public var device: UInt64
  public var inode: UInt64
  public var size: Int
  public var modifiedSeconds: Int
  public var modifiedNanoseconds: Int
  public var changedSeconds: Int
  public var changedNanoseconds: Int

  init(_ st: stat) {
    device = UInt64(st.st_dev)
    inode = UInt64(st.st_ino)
    size = Int(st.st_size)
    let (m, c) = Platform.times(st)
    modifiedSeconds = Int(m.tv_sec)
    modifiedNanoseconds = Int(m.tv_nsec)
    changedSeconds = Int(c.tv_sec)
    changedNanoseconds = Int(c.tv_nsec)
  }

  /// The identity of the file `fd` is open on.
  static func of(descriptor fd: Int32) -> FileIdentity? {
    var st = stat()
    guard fstat(fd, &st) == 0 else { return nil }
    return FileIdentity(st)
  }

  /// The identity of the file at `path` now (following symlinks, as opening it does).
  public static func of(path: String) -> FileIdentity? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return FileIdentity(st)
  }
}

/// Why a data file could not be read; the loader reports it as an error of that file.
enum FileReadProblem: Error, Equatable {
  /// A FIFO, socket, device or directory: never opened for reading (it could block).
  case notRegular(String)
  case cannotOpen(Int32)
  case readFailed(Int32)

  /// The text of the file's issue.
  var message: String {
    switch self {
    case .notRegular(let kind): return "not a regular file (\(kind)); skipped"
    case .cannotOpen(let e) where e == EACCES || e == EPERM:
      return "cannot read the file (permission denied)"
    case .cannotOpen(let e):
      return "cannot open the file (\(String(cString: strerror(e))))"
    case .readFailed(let e):
      return "cannot read the file (\(String(cString: strerror(e))))"
    }
  }

  /// The problem of a file whose type (`st_mode`) is not a regular file's, if it is not.
  static func type(_ mode: mode_t) -> FileReadProblem? {
    switch mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return .notRegular("a directory")
    case S_IFIFO: return .notRegular("a FIFO")
    case S_IFSOCK: return .notRegular("a socket")
    case S_IFCHR: return .notRegular("a character device")
    case S_IFBLK: return .notRegular("a block device")
    default: return .notRegular("not a file")
    }
  }
}
