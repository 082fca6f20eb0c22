import Foundation

/// The system calls FileBytes is made of: a non-blocking open of a regular file, anonymous
/// memory, and a `pread` loop.
extension FileBytes {
  /// A descriptor on the regular file at `path` and its identity; anything else (FIFO,
  /// socket, device, directory) is refused without a blocking open.
  static func openRegular(_ path: String) -> Result<
    (Int32, FileIdentity), FileReadProblem
  > {
    var st = stat()
    if stat(path, &st) == 0, let problem = FileReadProblem.type(st.st_mode) {
      return .failure(problem)
    }
    // O_NONBLOCK: should the path become a FIFO between the stat and the open, the open
    // returns at once and the fstat below refuses it.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    guard fd >= 0 else { return .failure(.cannotOpen(errno)) }
    guard fstat(fd, &st) == 0 else {
      let e = errno
      close(fd)
      return .failure(.readFailed(e))
    }
    if let problem = FileReadProblem.type(st.st_mode) {
      close(fd)
      return .failure(problem)
    }
    return .success((fd, FileIdentity(st)))
  }

  /// Anonymous memory for `size` bytes (at least one page), in huge pages where it helps.
  static func allocate(_ size: Int, hugePages: Bool = true)
    -> UnsafeMutableRawPointer?
  {
    let length = max(size, 1)
    guard
      let p = mmap(
        nil, length, PROT_READ | PROT_WRITE,
        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
      p != MAP_FAILED
    else { return nil }
    // MADV_HUGEPAGE: fewer faults while filling
    if hugePages && length >= 2 << 20 { madvise(p, length, 14) }
    return p
  }

  /// Reads `count` bytes at `offset`; the number read (short at end of file), or -1.
  static func readFully(
    _ fd: Int32, into p: UnsafeMutableRawPointer, count: Int, at offset: Int
  ) -> Int {
    var done = 0
    while done < count {
      let n = pread(fd, p + done, count - done, off_t(offset + done))
      if n < 0 {
        if errno == EINTR { continue }
        return -1
      }
      if n == 0 { break }
      done += n
    }
    return done
  }
}
