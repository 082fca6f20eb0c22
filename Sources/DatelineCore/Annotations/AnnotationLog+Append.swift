import Foundation

extension AnnotationLog {
  /// Appends `change` to the file at `path` as one line, creating the file and its
  /// directory when missing.
  ///
  /// The line goes down in one checked `O_APPEND` write (`AppendFile`), so two processes
  /// annotating the same directory interleave lines, never bytes, and none is lost. A
  /// file whose last line lacks its newline (an earlier interrupted write) gets one first,
  /// in the same write, so the cut line stays one ignored line instead of swallowing
  /// this one.
  public static func append(_ change: AnnotationChange, to path: String)
    throws(FileWriteError)
  {
    let directory = (path as NSString).deletingLastPathComponent
    let code = makeDirectories(directory)
    if code != 0 {
      throw FileWriteError(
        path: directory, operation: "create the annotations directory",
        code: code)
    }
    var bytes = Array(change.jsonLine.utf8)
    if !endsWithNewlineOrIsEmpty(path) { bytes.insert(0x0A, at: 0) }
    try AppendFile.append(bytes, to: path)
  }

  /// Whether the file is missing, empty, or ends in a newline.
  static func endsWithNewlineOrIsEmpty(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return true }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
      info.st_size > 0
    else { return true }
    var last: UInt8 = 0
    return pread(fd, &last, 1, off_t(info.st_size - 1)) != 1 || last == 0x0A
  }

  /// `mkdir -p`: 0, or the errno of the step that failed (its words go to the user).
  static func makeDirectories(_ path: String) -> Int32 {
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
      return isDir.boolValue ? 0 : ENOTDIR
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty && parent != path {
      let code = makeDirectories(parent)
      if code != 0 { return code }
    }
    return mkdir(path, 0o755) == 0 || errno == EEXIST ? 0 : errno
  }
}
