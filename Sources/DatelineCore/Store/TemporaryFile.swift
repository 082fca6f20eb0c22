import Foundation

/// A new file beside `target`, written and then renamed over it, so that a reader sees the
/// old file or the whole new one, never a part.
///
/// The name is `.<target name>.<pid>.<random>.tmp` in the target's directory, opened with
/// `O_CREAT|O_EXCL|O_NOFOLLOW`: a file or symlink already there (planted, or left by a
/// crash) is never opened, followed or removed; a few other names are tried instead. Any
/// failure (a write, the rename: a directory at the target, a read-only directory) removes
/// the temporary file, which this process created, and nothing else.
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
  let path: String
  private let fd: Int32
  private var written = 0
  private var failure: String?

  /// `suffix` makes the random part of each name tried (a test passes a fixed one).
  init(beside target: String, suffix: () -> String = { String(UInt32.random(in: 0...UInt32.max)) }) throws(Failure) {
    self.target = target
    let dir = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    for _ in 0..<8 {
      let candidate = (dir.isEmpty ? "" : dir + "/") + ".\(name).\(getpid()).\(suffix()).tmp"
      let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      if fd >= 0 {
        self.fd = fd
        path = candidate
        return
      }
      guard errno == EEXIST else { throw Failure(path: target, message: String(cString: strerror(errno))) }
    }
    throw Failure(path: target, message: "no free temporary name")
  }

  /// Appends `bytes` (after a failure, nothing more is written).
  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    var done = 0
    while done < bytes.count && failure == nil {
      let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
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
    if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil && rename(path, target) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(path)
      throw Failure(path: target, message: failure)
    }
  }

  /// Closes and removes the file (nothing is renamed).
  consuming func abandon() {
    close(fd)
    unlink(path)
  }
}
