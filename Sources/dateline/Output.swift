import DatelineCore
import Foundation

/// Printing to stdout and stderr: every write checked, text from data through the sanitizer.
///
/// Why these rules: a command's output is its result, so a write that fails must not pass
/// silently, and it must not kill the process with a Swift trap either.
/// - stdout, EPIPE (the reader went away, as with `| head -1`): the command ends quietly,
///   as if by SIGPIPE (the shell reports 141), also when SIGPIPE is ignored. That is what
///   a pipeline expects from `yes`, `cat` or `grep`.
/// - stdout, any other error (ENOSPC on `> /dev/full`, EBADF on `>&-`): one message on
///   stderr, when stderr can take it, and exit 2.
/// - stderr: messages are best effort. A full or closed stderr (`2> /dev/full`) loses the
///   message, never the command or the browser; the exit status still tells.
enum Output {
  static func line(_ s: String) { raw(s + "\n") }

  /// Bytes for stdout as they are (JSON the encoder has already escaped).
  static func raw(_ s: String) {
    var s = s
    s.withUTF8 { bytes(UnsafeRawBufferPointer($0)) }
  }

  static func bytes(_ b: UnsafeRawBufferPointer) {
    if let code = DescriptorWrite.all(b, to: STDOUT_FILENO).error {
      standardOutputFailed(code)
    }
  }

  static func error(_ s: String) {
    note("dateline: " + Sanitizer.clean(s) + "\n")
  }

  static func issue(_ issue: LoadIssue) {
    note(Sanitizer.clean(issue.description) + "\n")
  }

  /// Text for stderr as it is (already sanitized), best effort.
  static func note(_ s: String) {
    var s = s
    _ = s.withUTF8 {
      DescriptorWrite.all(UnsafeRawBufferPointer($0), to: STDERR_FILENO)
    }
  }

  /// Ends the process after a failed write to stdout (see the type's rules).
  static func standardOutputFailed(_ code: Int32) -> Never {
    if code == EPIPE {
      signal(SIGPIPE, SIG_DFL)
      raise(SIGPIPE)
      _exit(141)  // SIGPIPE blocked: the status a shell would have shown.
    }
    let reason =
      code == EBADF ? "it is closed" : String(cString: strerror(code))
    error("cannot write to standard output: \(reason)")
    exit(2)
  }

  /// Makes a closed stdin, stdout or stderr (`>&-`) an open descriptor that refuses
  /// writes, before anything else is opened.
  ///
  /// Why: a closed descriptor 1 would be handed to the next file dateline opens, and
  /// output meant for stdout would go into that file. `/dev/null` opened read-only takes
  /// the slot; a write to it fails with EBADF, which the rules above report.
  static func holdClosedStandardDescriptors() {
    for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
    where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
      let held = open("/dev/null", O_RDONLY)
      if held >= 0 && held != fd {
        dup2(held, fd)
        close(held)
      }
    }
  }

  /// The terminal width when stdout is a TTY, else nil (no fitting for pipes).
  static var terminalColumns: Int? {
    guard isatty(1) != 0 else { return nil }
    var ws = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 {
      return Int(ws.ws_col)
    }
    if let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c),
      n > 0
    {
      return n
    }
    return 80
  }
}
