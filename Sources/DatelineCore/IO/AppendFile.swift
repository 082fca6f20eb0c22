import Foundation

/// Appends whole entries (a log line, a citation) to a file, one `write(2)` per entry.
///
/// Why one write with `O_APPEND`: two programs appending to the same log each land their
/// entry at the end without interleaving inside it. The file is opened with `O_NOFOLLOW`
/// after `WriteTarget`'s symlink policy, and must be a regular file (a FIFO is opened
/// non-blocking so that checking it never hangs). When the disk fills in the middle of an
/// entry, the part written is cut off again, so the file never ends in half an entry (and
/// a file created for an entry that failed is removed).
public enum AppendFile {
  /// Appends `bytes` (the caller ends it with its newline) to `path`, creating the file.
  public static func append(_ bytes: [UInt8], to path: String)
    throws(FileWriteError)
  {
    let target = try WriteTarget.resolve(path, operation: "append to")
    let flags = O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
    var fd = open(target.resolved, flags)
    // A file this call creates is removed again if its first entry fails.
    var created = false
    if fd < 0 && errno == ENOENT {
      fd = open(target.resolved, flags | O_CREAT | O_EXCL, 0o666)
      created = fd >= 0
      // Another process created it between the two opens (two `annotate` at once): append
      // to theirs; the file is then not ours to remove.
      if fd < 0 && errno == EEXIST { fd = open(target.resolved, flags) }
    }
    guard fd >= 0 else {
      throw FileWriteError(path: path, operation: "append to", code: errno)
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else {
      throw FileWriteError(path: path, operation: "append to", code: errno)
    }
    guard st.st_mode & S_IFMT == S_IFREG else {
      throw FileWriteError(
        path: path, operation: "append to",
        refusal: "not a regular file (\(WriteTarget.kind(st.st_mode)))")
    }
    let (written, error) = DescriptorWrite.all(bytes, to: fd)
    if let error {
      if written > 0 {
        // With O_APPEND the offset is the end of what this call wrote.
        let end = lseek(fd, 0, SEEK_CUR)
        if end >= written { _ = ftruncate(fd, end - off_t(written)) }
      }
      if created { unlink(target.resolved) }
      throw FileWriteError(path: path, operation: "append to", code: error)
    }
    if fsync(fd) != 0 && errno != EINVAL {
      throw FileWriteError(path: path, operation: "sync", code: errno)
    }
  }

  /// `append` for text, as UTF-8.
  public static func append(_ text: String, to path: String)
    throws(FileWriteError)
  {
    try append(Array(text.utf8), to: path)
  }
}
