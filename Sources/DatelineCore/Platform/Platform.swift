import Foundation

/// The calls that differ between operating systems, in one place (as swift-argument-
/// parser's Platform does): nanosecond file times, the running executable, handing freed
/// memory back. Linux (glibc) is what dateline is built and tested on.
public enum Platform {
  /// What identifies a file's content for a cache key: where it is (device, inode), its
  /// size, and its modification and status-change times in nanoseconds since 1970.
  public struct FileStamp: Equatable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    public var modified: Int
    public var changed: Int
  }

  /// The stamp of the file at `path` (following symlinks), or nil when it cannot be read.
  public static func stamp(_ path: String) -> FileStamp? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return stamp(st)
  }

  public static func stamp(_ st: stat) -> FileStamp {
    let (m, c) = times(st)
    return FileStamp(
      device: UInt64(st.st_dev), inode: UInt64(st.st_ino),
      size: Int(st.st_size),
      modified: Int(m.tv_sec) &* 1_000_000_000 &+ Int(m.tv_nsec),
      changed: Int(c.tv_sec) &* 1_000_000_000 &+ Int(c.tv_nsec))
  }

  /// A file's modification and status-change times (`st_mtim`/`st_ctim` on Linux,
  /// `st_mtimespec`/`st_ctimespec` on Darwin).
  static func times(_ st: stat) -> (modified: timespec, changed: timespec) {
    #if os(Linux)
    return (st.st_mtim, st.st_ctim)
    #else
    return (st.st_mtimespec, st.st_ctimespec)
    #endif
  }

  /// The wall clock in nanoseconds since 1970 (the clock file times are in).
  public static func now() -> Int {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int(ts.tv_sec) &* 1_000_000_000 &+ Int(ts.tv_nsec)
  }

  /// The path of the running executable, when the system says.
  public static func executablePath() -> String? {
    #if os(Linux)
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    return String(
      decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    #else
    return CommandLine.arguments.first
    #endif
  }

  /// The process's anonymous (not file-backed) resident memory, as the system writes it
  /// (`123456 kB`), or nil where it does not say.
  static func anonymousMemory() -> String? {
    #if os(Linux)
    guard
      let status = try? String(
        contentsOfFile: "/proc/self/status", encoding: .utf8)
    else { return nil }
    return status.split(separator: "\n").first { $0.hasPrefix("RssAnon") }
      .map { String($0.dropFirst(8)).trimmingCharacters(in: .whitespaces) }
    #else
    return nil
    #endif
  }

  /// Blocks of 256 KB and more get a mapping of their own, handed back when freed. By
  /// default glibc raises that threshold to the largest block freed so far (up to 32 MB)
  /// and then serves the loader's per-piece arrays from heaps that keep freed pages and
  /// reserved-but-unused capacity resident: at a million records `validate` peaked 28 MB
  /// higher. The command line calls it once at start.
  public static func mapLargeBlocks() {
    #if os(Linux)
    _ = glibcMallopt(-3, 256 << 10)
    #endif
  }

  /// Hands back the pages that lie wholly between `start` and `end` (memory of the
  /// caller's own allocation whose bytes it no longer needs: MADV_DONTNEED, so a later
  /// write finds cleared pages); the pages at either edge are kept.
  static func releasePages(
    from start: UnsafeRawPointer, to end: UnsafeRawPointer
  ) {
    let page = UInt(max(sysconf(Int32(_SC_PAGESIZE)), 4096))
    let first = (UInt(bitPattern: start) + page - 1) & ~(page - 1)
    let last = UInt(bitPattern: end) & ~(page - 1)
    guard last > first, let p = UnsafeMutableRawPointer(bitPattern: first)
    else { return }
    #if os(Linux)
    madvise(p, Int(last - first), MADV_DONTNEED)
    #endif
  }

  /// Hands memory freed by the allocator back to the system (glibc keeps it otherwise).
  static func releaseFreeMemory() {
    #if os(Linux)
    _ = glibcMallocTrim(0)
    #endif
  }
}

#if os(Linux)
/// glibc's mallopt (M_MMAP_THRESHOLD is -3 in malloc.h, not in the Glibc module).
@_silgen_name("mallopt") private func glibcMallopt(
  _ option: Int32, _ value: Int32
)
  -> Int32
#endif

#if os(Linux)
/// glibc's malloc_trim (not in the Glibc module's headers).
@_silgen_name("malloc_trim") private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
