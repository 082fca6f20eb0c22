import Foundation

/// A new file beside `target`, written and then renamed over it, so that a reader sees the
/// old file or the whole new one, never a part.
///
/// On Linux the file is made with `O_TMPFILE`: it has no name while it is written, so a
/// process that ends in the middle (the browser quits without waiting for its cache write)
/// leaves nothing behind; `commit` gives it the temporary name (`linkat` through
/// `/proc/self/fd`) and renames that over the target at once. Where `O_TMPFILE` is refused
/// (another system, a file system without it), the file is named from the start:
/// `.<target name>.<pid>.<random>.tmp` in the target's directory, opened with
/// `O_CREAT|O_EXCL|O_NOFOLLOW`: a file or symlink already there (planted, or left by a
/// crash) is never opened, followed or removed; a few other names are tried instead. Any
/// failure (a write, the rename: a directory at the target, a read-only directory) removes
/// the temporary file, which this process created, and nothing else. `removeStale` takes
/// away what an ended process left under such a name (see there).
///
/// Why not AtomicFile (IO/): it writes through a symlink at the target and syncs before the
/// rename; a cache is rebuilt from the data when lost, so it needs no sync (83 MB at 1M),
/// and a symlink planted at the cache path must be replaced, never written through.
struct TemporaryFile {
  struct Failure: Error, CustomStringConvertible {
    var path: String
    var message: String
    var description: String { "\(path): \(message)" }
  }

  let target: String
  /// The temporary name: given at `commit` to a file made without one (`unnamed`).
  private(set) var path: String
  /// Whether the file has no name yet (`O_TMPFILE`).
  let unnamed: Bool
  private let fd: Int32
  private let suffix: () -> String
  private var written = 0
  private var failure: String?

  /// `suffix` makes the random part of each name tried (a test passes a fixed one);
  /// `named` skips `O_TMPFILE` (tests of the named fallback).
  init(
    beside target: String, named: Bool = false,
    suffix: @escaping () -> String = {
      String(UInt32.random(in: 0...UInt32.max))
    }
  ) throws(Failure) {
    self.target = target
    self.suffix = suffix
    let dir = (target as NSString).deletingLastPathComponent
    #if os(Linux)
    if !named {
      let fd = open(
        dir.isEmpty ? "." : dir,
        TemporaryFile.tmpfileFlag | O_WRONLY | O_CLOEXEC, 0o600)
      if fd >= 0 {
        self.fd = fd
        unnamed = true
        path = ""
        return
      }
    }
    #endif
    unnamed = false
    var made: (Int32, String)?
    for _ in 0..<8 {
      let candidate = TemporaryFile.name(beside: target, suffix: suffix())
      let fd = open(
        candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      if fd >= 0 {
        made = (fd, candidate)
        break
      }
      guard errno == EEXIST else {
        throw Failure(path: target, message: String(cString: strerror(errno)))
      }
    }
    guard let made else {
      throw Failure(path: target, message: "no free temporary name")
    }
    (fd, path) = made
  }

  /// `.<target name>.<pid>.<suffix>.tmp` beside the target.
  static func name(beside target: String, suffix: String) -> String {
    let dir = (target as NSString).deletingLastPathComponent
    return (dir.isEmpty ? "" : dir + "/")
      + ".\((target as NSString).lastPathComponent).\(getpid()).\(suffix).tmp"
  }

  #if os(Linux)
  /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Glibc's module does not export.
  static let tmpfileFlag: Int32 = 0o20_000_000 | O_DIRECTORY
  #endif

  /// Appends `bytes` (after a failure, nothing more is written).
  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    var done = 0
    while done < bytes.count && failure == nil {
      let n = write(fd, bytes.start + done, bytes.count - done)
      if n > 0 {
        done += n
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        failure = n < 0 ? String(cString: strerror(errno)) : "short write"
      }
    }
    written += done
  }

  /// Zero bytes up to `offset` from the start.
  mutating func pad(to offset: Int) {
    let zeros = [UInt8](repeating: 0, count: max(0, offset - written))
    zeros.withUnsafeBytes { append($0) }
  }

  /// Closes the file and renames it over the target, or removes it and throws.
  consuming func commit() throws(Failure) {
    if unnamed && failure == nil { giveName() }
    if close(fd) != 0 && failure == nil {
      failure = String(cString: strerror(errno))
    }
    if failure == nil && rename(path, target) != 0 {
      failure = String(cString: strerror(errno))
    }
    if let failure {
      if !path.isEmpty { unlink(path) }
      throw Failure(path: target, message: failure)
    }
  }

  /// Links the unnamed file in at a free temporary name (`linkat` fails on one that
  /// exists: a planted link is never followed or replaced).
  private mutating func giveName() {
    for _ in 0..<8 {
      let candidate = TemporaryFile.name(beside: target, suffix: suffix())
      if linkat(
        AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, candidate, AT_SYMLINK_FOLLOW)
        == 0
      {
        path = candidate
        return
      }
      guard errno == EEXIST else {
        failure = String(cString: strerror(errno))
        return
      }
    }
    failure = "no free temporary name"
  }

  /// Closes and removes the file (nothing is renamed; an unnamed file just goes).
  consuming func abandon() {
    close(fd)
    if !path.isEmpty { unlink(path) }
  }

  /// Removes what an ended process of ours left in `folder` under a temporary name: a
  /// regular file (never a link or anything else) owned by this user, named
  /// `.<name>.<pid>.<digits>.tmp` where no process `pid` runs any more. Nothing else is
  /// touched, whoever wrote it. Returns the names removed.
  /// `targets`: the endings of the target names this folder's writer uses (the cache's
  /// `.cache` and `.cache.search`), so that another program's temporaries are never taken.
  @discardableResult
  static func removeStale(in folder: String, targets: [String]) -> [String] {
    guard
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
    else { return [] }
    var removed: [String] = []
    for name in names {
      guard let pid = ownerPID(name), pid != getpid(),
        let ending = name.dropLast(4).split(separator: ".").dropLast(2).last,
        targets.contains(where: { $0.hasSuffix("." + ending) }),
        kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      var st = stat()
      let path = folder + "/" + name
      guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG,
        st.st_uid == getuid()
      else { continue }
      if unlink(path) == 0 { removed.append(name) }
    }
    return removed
  }

  /// The pid in a name of the form `.<name>.<pid>.<digits>.tmp`, else nil.
  static func ownerPID(_ name: String) -> pid_t? {
    guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
    let parts = name.dropFirst().dropLast(4).split(
      separator: ".", omittingEmptySubsequences: false)
    guard parts.count >= 3, !parts[0].isEmpty else { return nil }
    let (pid, random) = (parts[parts.count - 2], parts[parts.count - 1])
    guard !random.isEmpty, random.allSatisfy(\.isASCII),
      random.allSatisfy(\.isNumber),
      let value = pid_t(pid), value > 0, String(value) == pid
    else { return nil }
    return value
  }
}
