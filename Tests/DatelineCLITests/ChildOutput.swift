import Foundation

/// A child process's stdout and stderr, each read to its end on its own thread.
///
/// Why both at once: a pipe holds 64 KB; a child that fills the pipe nobody reads blocks
/// there, and a reader waiting for the end of the other pipe then waits forever (a
/// command writing the issues of a corrupted corpus to stderr did).
struct ChildOutput {
  var stdout: Data
  var stderr: Data
  /// False when the deadline passed first: the child was terminated.
  var finished: Bool

  /// Reads `out` and `err` of the running `child` to their ends and waits for it to
  /// exit; past `seconds` (when given) the child is terminated.
  static func collect(
    _ child: Process, out: FileHandle, err: FileHandle, seconds: Double? = nil
  ) -> ChildOutput {
    let done = DispatchGroup()
    let stdout = Collected()
    let stderr = Collected()
    DispatchQueue.global().async(group: done) {
      stdout.data = out.readDataToEndOfFile()
    }
    DispatchQueue.global().async(group: done) {
      stderr.data = err.readDataToEndOfFile()
    }
    var finished = true
    if let seconds {
      finished = done.wait(timeout: .now() + seconds) == .success
      if !finished { child.terminate() }
    }
    child.waitUntilExit()
    done.wait()
    return ChildOutput(
      stdout: stdout.data, stderr: stderr.data, finished: finished)
  }
}

/// Bytes a reader thread hands back once (the group's wait orders the access).
private final class Collected: @unchecked Sendable {
  var data = Data()
}
