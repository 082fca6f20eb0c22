import Foundation

/// Writes a whole buffer to a file descriptor, checking every `write(2)`.
///
/// Why a loop: `write` may write less than asked (a pipe, a signal, a disk filling up) and
/// may be interrupted before writing anything (EINTR). Returning 0 for a non-empty buffer
/// is reported as EIO, so a caller never spins.
public enum DescriptorWrite {
  /// How many bytes were written, and the errno that stopped the write (nil: all of them).
  public static func all(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> (
    written: Int, error: Int32?
  ) {
    guard let base = bytes.baseAddress else { return (0, nil) }
    var done = 0
    while done < bytes.count {
      let n = write(fd, base + done, bytes.count - done)
      if n > 0 {
        done += n
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        return (done, n < 0 ? errno : EIO)
      }
    }
    return (done, nil)
  }

  /// `all` for an array of bytes.
  public static func all(_ bytes: [UInt8], to fd: Int32) -> (
    written: Int, error: Int32?
  ) {
    bytes.withUnsafeBytes { all($0, to: fd) }
  }
}
