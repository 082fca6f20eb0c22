import DatelineCore
import Foundation

/// Notices when the data files of a directory change: inotify on Linux, else a look at
/// every data file's status about once a second; the `text_path` files its sources name
/// are looked at once a second either way (they may lie in sub-folders or behind a link,
/// where a watch on the directory sees nothing), and a change of one is told apart: it
/// needs a full load (its quotes are checked again), never an append read.
///
/// Why both: inotify says at once and costs nothing while nothing happens, but it is
/// Linux only, and a watch can be refused (the user's watch limit) or lost (the
/// directory itself was moved or deleted); the status poll works everywhere. Only the
/// names the loader reads count (`*.json`, `*.jsonl` at the top of the directory), so an
/// editor's swap files or a cache beside the data do not cause reloads. Never blocks.
final class DataWatcher {
  let directory: String
  #if os(Linux)
  /// The inotify descriptor, or -1 when polling.
  private var notifyFD: Int32 = -1
  #endif
  /// The last status of each data file, for the poll.
  private var snapshot: [String: FileStatus]
  private var lastPoll: ContinuousClock.Instant
  static let pollInterval: Duration = .seconds(1)
  /// The `text_path` files (relative) and their last status (nil: missing).
  private var texts: [String: FileStatus?] = [:]
  private var lastTextPoll: ContinuousClock.Instant

  /// What changed since the last look.
  struct Change: OptionSet {
    let rawValue: Int
    static let data = Change(rawValue: 1)
    static let texts = Change(rawValue: 2)
  }

  init(directory: String, useNotify: Bool = true) {
    self.directory = directory
    self.snapshot = DataWatcher.statusOfDataFiles(in: directory)
    self.lastPoll = ContinuousClock.now
    self.lastTextPoll = ContinuousClock.now
    #if os(Linux)
    if useNotify { startNotify() }
    #endif
  }

  deinit {
    #if os(Linux)
    if notifyFD >= 0 { close(notifyFD) }
    #endif
  }

  /// What the loader reads that changed since the last call: data files, text files.
  func changes() -> Change {
    var out: Change = textsChanged() ? .texts : []
    #if os(Linux)
    if notifyFD >= 0 {
      if drainNotify() { out.insert(.data) }
      return out
    }
    #endif
    let now = ContinuousClock.now
    guard now - lastPoll >= DataWatcher.pollInterval else { return out }
    lastPoll = now
    let current = DataWatcher.statusOfDataFiles(in: directory)
    defer { snapshot = current }
    if current != snapshot { out.insert(.data) }
    return out
  }

  /// The `text_path` files of the data now shown (after each load); their status now is
  /// what a later change is measured against.
  func watchTexts(_ relativePaths: [String]) {
    var next: [String: FileStatus?] = [:]
    for p in relativePaths {
      next[p] = DataWatcher.status(of: directory + "/" + p)
    }
    texts = next
    lastTextPoll = ContinuousClock.now
  }

  /// Whether a text file's status moved (a stat each, once a second).
  private func textsChanged() -> Bool {
    let now = ContinuousClock.now
    guard !texts.isEmpty, now - lastTextPoll >= DataWatcher.pollInterval else {
      return false
    }
    lastTextPoll = now
    var moved = false
    for (p, before) in texts {
      let current = DataWatcher.status(of: directory + "/" + p)
      if current != before {
        texts[p] = current
        moved = true
      }
    }
    return moved
  }

  /// Whether `name` is a file name the loader reads.
  static func isDataFileName(_ name: some StringProtocol) -> Bool {
    name.hasSuffix(".json") || name.hasSuffix(".jsonl")
  }

  // MARK: - Poll

  /// What says a file changed: identity, size and both times in nanoseconds.
  struct FileStatus: Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64
  }

  static func statusOfDataFiles(in directory: String) -> [String: FileStatus] {
    guard
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: directory)
    else { return [:] }
    var out: [String: FileStatus] = [:]
    for name in names where isDataFileName(name) {
      out[name] = status(of: directory + "/" + name)
    }
    return out
  }

  /// The status of the file at `path` (a link followed, as the loader opens it).
  static func status(of path: String) -> FileStatus? {
    guard let st = Platform.stamp(path) else { return nil }
    return FileStatus(
      device: st.device, inode: st.inode, size: Int64(st.size),
      modified: Int64(st.modified), changed: Int64(st.changed)
    )
  }

  // MARK: - inotify

  #if os(Linux)
  private func startNotify() {
    let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard fd >= 0 else { return }
    let mask =
      UInt32(
        IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM
          | IN_MOVED_TO | IN_ATTRIB)
      | UInt32(IN_DELETE_SELF | IN_MOVE_SELF)
    guard inotify_add_watch(fd, directory, mask) >= 0 else {
      close(fd)
      return
    }
    notifyFD = fd
  }

  /// Reads every pending event; true if one names a data file or the directory itself.
  private func drainNotify() -> Bool {
    var any = false
    let capacity = 64 * 1024
    let buffer = UnsafeMutableRawPointer.allocate(
      byteCount: capacity, alignment: 8)
    defer { buffer.deallocate() }
    while true {
      let n = read(notifyFD, buffer, capacity)
      if n <= 0 {
        if n < 0 && errno == EINTR { continue }
        // EAGAIN: nothing more. Anything else: the descriptor is no good; poll instead.
        if n < 0 && errno != EAGAIN { fallBackToPoll() }
        break
      }
      var offset = 0
      while offset + MemoryLayout<inotify_event>.size <= n {
        let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
        let nameStart = offset + MemoryLayout<inotify_event>.size
        if Int32(event.mask) & Int32(IN_Q_OVERFLOW) != 0 { any = true }
        if Int32(event.mask) & Int32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)
          != 0
        {
          // The directory itself went away or was replaced: reload, and watch by status.
          any = true
          fallBackToPoll()
          return true
        }
        if event.len > 0 {
          let name = String(
            cString: buffer.advanced(by: nameStart).assumingMemoryBound(
              to: CChar.self))
          if DataWatcher.isDataFileName(name) { any = true }
        }
        offset = nameStart + Int(event.len)
      }
    }
    return any
  }

  private func fallBackToPoll() {
    if notifyFD >= 0 { close(notifyFD) }
    notifyFD = -1
    snapshot = DataWatcher.statusOfDataFiles(in: directory)
    lastPoll = ContinuousClock.now
  }
  #endif
}
