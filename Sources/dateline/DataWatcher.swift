import DatelineCore
import Foundation

/// Notices when the data files of a directory change: inotify on Linux, else a look at
/// every data file's status about once a second.
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

  init(directory: String, useNotify: Bool = true) {
    self.directory = directory
    self.snapshot = DataWatcher.statusOfDataFiles(in: directory)
    self.lastPoll = ContinuousClock.now
    #if os(Linux)
      if useNotify { startNotify() }
    #endif
  }

  deinit {
    #if os(Linux)
      if notifyFD >= 0 { close(notifyFD) }
    #endif
  }

  /// Whether anything the loader reads changed since the last call.
  func changed() -> Bool {
    #if os(Linux)
      if notifyFD >= 0 { return drainNotify() }
    #endif
    let now = ContinuousClock.now
    guard now - lastPoll >= DataWatcher.pollInterval else { return false }
    lastPoll = now
    let current = DataWatcher.statusOfDataFiles(in: directory)
    defer { snapshot = current }
    return current != snapshot
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
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [:] }
    var out: [String: FileStatus] = [:]
    for name in names where isDataFileName(name) {
      guard let st = Platform.stamp(directory + "/" + name) else { continue }
      out[name] = FileStatus(
        device: st.device, inode: st.inode, size: Int64(st.size), modified: Int64(st.modified),
        changed: Int64(st.changed))
    }
    return out
  }

  // MARK: - inotify

  #if os(Linux)
    private func startNotify() {
      let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard fd >= 0 else { return }
      let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)
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
      let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
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
          if Int32(event.mask) & Int32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
            // The directory itself went away or was replaced: reload, and watch by status.
            any = true
            fallBackToPoll()
            return true
          }
          if event.len > 0 {
            let name = String(cString: buffer.advanced(by: nameStart).assumingMemoryBound(to: CChar.self))
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
