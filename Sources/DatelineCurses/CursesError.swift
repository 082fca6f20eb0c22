/// Why the curses screen could not start, in words for the person at the terminal.
///
/// Start-up failures (no TTY, unknown `$TERM`) are ordinary user situations, not bugs, so
/// they carry a sentence that says what to do instead of an error code.
public struct CursesError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The message to print, without a trailing newline.
  public let message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
