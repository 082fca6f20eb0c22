import Foundation

/// A file replaced all at once: written to a temporary file beside it, synced, then renamed
/// over it, so a reader (or a crash, or a full disk) sees the old file or the new one,
/// never a part.
///
/// The temporary is opened with `O_CREAT|O_EXCL|O_NOFOLLOW` under a random name in the
/// target's own directory: nothing planted there (a link, a file) is ever followed or
/// reused, and the rename cannot cross file systems. Every `write(2)` is checked; on any
/// failure the temporary is removed and the target is untouched. Symbolic links follow
/// `WriteTarget`'s policy (written through; anything but a regular file refused).
///
/// Use `write(_:to:existing:)` for bytes in hand; open one and `append` for a file built
/// in pieces. One not committed removes its temporary when it goes away.
public final class AtomicFile {
  /// What to do when the target already exists.
  public enum Existing: Sendable {
    /// Replace it (keeping its permission bits).
    case replace
    /// Keep it: `commit` fails with EEXIST, even when the file appeared during the write.
    case keep
  }

  let target: WriteTarget
  let existing: Existing
  /// The temporary file's path, while there is one.
  public private(set) var temporaryPath: String?
  private var fd: Int32 = -1

  /// Opens a temporary file for `path`. `nonce` names it (tests plant files at its names).
  public init(
    _ path: String, existing: Existing = .replace,
    nonce: () -> UInt64 = { UInt64.random(in: 0...UInt64.max) }
  ) throws(FileWriteError) {
    target = try WriteTarget.resolve(path, operation: "write")
    self.existing = existing
    if existing == .keep && target.existing != nil {
      throw FileWriteError(path: path, operation: "create", code: EEXIST)
    }
    // At most 200 bytes of the name: the suffix must not push a legal name past NAME_MAX.
    let name = String(
      decoding: WriteTarget.name(of: target.resolved).utf8.prefix(200),
      as: UTF8.self)
    let stem = target.directory + "/." + name + ".tmp-"
    // A name taken (by a file or a planted link) is passed over, never opened.
    for _ in 0..<64 {
      let candidate = stem + String(nonce(), radix: 16)
      let mode: mode_t = target.existing == nil ? 0o666 : 0o600
      let opened = open(
        candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
      if opened >= 0 {
        fd = opened
        temporaryPath = candidate
        break
      }
      if errno != EEXIST {
        throw FileWriteError(
          path: path, operation: "create a temporary file", code: errno)
      }
    }
    guard fd >= 0 else {
      throw FileWriteError(
        path: path, operation: "create a temporary file", code: EEXIST)
    }
  }

  deinit { abandon() }

  /// Writes `bytes` at the end of the temporary file.
  public func append(_ bytes: UnsafeRawBufferPointer) throws(FileWriteError) {
    guard fd >= 0 else {
      throw FileWriteError(
        path: target.requested, operation: "write", code: EBADF)
    }
    if let code = DescriptorWrite.all(bytes, to: fd).error {
      fail("write", code)
    }
    try rethrowFailure()
  }

  /// `append` for an array of bytes.
  public func append(_ bytes: [UInt8]) throws(FileWriteError) {
    guard fd >= 0 else {
      throw FileWriteError(
        path: target.requested, operation: "write", code: EBADF)
    }
    if let code = DescriptorWrite.all(bytes, to: fd).error {
      fail("write", code)
    }
    try rethrowFailure()
  }

  /// Syncs and closes the temporary file, so that only the rename is left for `commit`
  /// (several files can be made ready before any of them replaces its target).
  public func finish() throws(FileWriteError) {
    guard fd >= 0 else {
      if temporaryPath != nil { return }
      throw FileWriteError(
        path: target.requested, operation: "write", code: EBADF)
    }
    if let st = target.existing {
      // The new file keeps the old one's permissions (and, as root, its owner).
      if fchmod(fd, st.st_mode & 0o7777) != 0 {
        fail("set the permissions of", errno)
      }
      if geteuid() == 0 && failure == nil {
        _ = fchown(fd, st.st_uid, st.st_gid)
      }
    }
    if failure == nil && fsync(fd) != 0 && errno != EINVAL {
      fail("sync", errno)
    }
    let closed = close(fd)
    fd = -1
    if failure == nil && closed != 0 { fail("close", errno) }
    try rethrowFailure()
  }

  /// Finishes the temporary file and renames it over the target (or, for `.keep`, links
  /// it there only if nothing is there yet).
  public func commit() throws(FileWriteError) {
    try finish()
    guard let temporary = temporaryPath else {
      throw FileWriteError(
        path: target.requested, operation: "write", code: EBADF)
    }
    place(temporary)
    if failure != nil {
      unlink(temporary)
      temporaryPath = nil
      try rethrowFailure()
    }
    temporaryPath = nil
    syncDirectory()
  }

  /// Removes the temporary file; the target is untouched.
  public func abandon() {
    if fd >= 0 { close(fd) }
    fd = -1
    if let t = temporaryPath { unlink(t) }
    temporaryPath = nil
  }

  /// Writes `bytes` as the whole new contents of `path`.
  public static func write(
    _ bytes: [UInt8], to path: String, existing: Existing = .replace
  ) throws(FileWriteError) {
    let file = try AtomicFile(path, existing: existing)
    try file.append(bytes)
    try file.commit()
  }

  /// `write` for text, as UTF-8.
  public static func write(
    _ text: String, to path: String, existing: Existing = .replace
  ) throws(FileWriteError) {
    try write(Array(text.utf8), to: path, existing: existing)
  }

  // MARK: - Failure

  private var failure: FileWriteError?

  private func fail(_ operation: String, _ code: Int32) {
    if failure == nil {
      failure = FileWriteError(
        path: target.requested, operation: operation, code: code)
    }
  }

  private func rethrowFailure() throws(FileWriteError) {
    guard let failure else { return }
    abandon()
    throw failure
  }

  /// rename(2) for `.replace`; link(2) then unlink for `.keep`, which fails if the target
  /// appeared meanwhile (a file system without hard links falls back to a checked rename).
  private func place(_ temporary: String) {
    if existing == .replace {
      if rename(temporary, target.resolved) != 0 { fail("replace", errno) }
      return
    }
    if link(temporary, target.resolved) == 0 {
      unlink(temporary)
      return
    }
    let code = errno
    if code == EEXIST { return fail("create", EEXIST) }
    guard code == EPERM || code == EOPNOTSUPP || code == EXDEV else {
      return fail("create", code)
    }
    var st = stat()
    if lstat(target.resolved, &st) == 0 { return fail("create", EEXIST) }
    if rename(temporary, target.resolved) != 0 { fail("create", errno) }
  }

  /// Makes the rename durable; best effort (some file systems cannot sync a directory).
  private func syncDirectory() {
    let dir = open(target.directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard dir >= 0 else { return }
    _ = fsync(dir)
    close(dir)
  }
}
