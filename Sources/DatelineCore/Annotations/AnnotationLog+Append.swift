import Foundation

extension AnnotationLog {
  /// Why an append did not happen, for the status line or stderr.
  public struct AppendError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
  }

  /// Appends `change` to the file at `path` as one line, creating the file and its
  /// directory when missing.
  ///
  /// Why O_APPEND and one write: the kernel puts each such write at the end of the file
  /// whole, so two processes annotating the same directory interleave lines, never bytes,
  /// and none is lost. The write is checked (a short write is an error, not a cut line
  /// left for the next one to glue onto) and synced before it counts as saved. A file
  /// whose last line lacks its newline (an earlier interrupted write) gets one first, in
  /// the same write, so the cut line stays one ignored line.
  public static func append(_ change: AnnotationChange, to path: String) throws(AppendError) {
    let directory = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw AppendError(path: directory, message: "cannot create the annotations directory (\(reason(error)))")
    }
    let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw AppendError(path: path, message: "cannot open for appending (\(String(cString: strerror(errno))))") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw AppendError(path: path, message: "not a regular file")
    }
    var bytes = Array(change.jsonLine.utf8)
    if info.st_size > 0 {
      var last: UInt8 = 0
      if pread(fd, &last, 1, off_t(info.st_size - 1)) == 1, last != 0x0A { bytes.insert(0x0A, at: 0) }
    }
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == bytes.count else {
      let why = written < 0 ? String(cString: strerror(errno)) : "only \(written) of \(bytes.count) bytes written"
      throw AppendError(path: path, message: "cannot append the annotation (\(why))")
    }
    guard fsync(fd) == 0 else {
      throw AppendError(path: path, message: "cannot sync the annotation to disk (\(String(cString: strerror(errno))))")
    }
  }

  static func reason(_ error: Error) -> String {
    if let e = error as? CocoaError, let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return error.localizedDescription
  }
}
