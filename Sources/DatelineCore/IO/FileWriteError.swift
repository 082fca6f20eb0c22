import Foundation

/// A write that failed: the file, what was being done to it, and why.
///
/// Why a value and not a Foundation error: every caller shows it to a person (a status
/// line, a line on stderr), and `strerror`'s words ("No space left on device") are what
/// that person can act on. `code` keeps the errno for callers that decide on it (EEXIST
/// asks the user to confirm, EPIPE ends a command quietly).
public struct FileWriteError: Error, Equatable, Sendable,
  CustomStringConvertible
{
  /// The file as the caller named it.
  public let path: String
  /// What was being done: "create a temporary file", "write", "sync", "replace", ….
  public let operation: String
  /// The errno, or 0 when the refusal is dateline's own (a target that is not a regular file).
  public let code: Int32
  /// `strerror(code)`, or dateline's reason for refusing.
  public let message: String

  public init(path: String, operation: String, code: Int32) {
    self.path = path
    self.operation = operation
    self.code = code
    self.message = String(cString: strerror(code))
  }

  public init(path: String, operation: String, refusal: String) {
    self.path = path
    self.operation = operation
    self.code = 0
    self.message = refusal
  }

  /// `notes.md: cannot write: No space left on device`.
  public var description: String { "\(path): cannot \(operation): \(message)" }
}
