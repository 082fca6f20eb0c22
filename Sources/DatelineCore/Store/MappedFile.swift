import Foundation

/// A data file mapped read-only, kept alive as long as any record or text points into it.
///
/// Why mmap: the loader reads every byte once and then only the few items on screen;
/// mapped pages are file-backed, so they do not count as the process's own (anonymous)
/// memory, and `release(_:)` hands scanned ranges back to the page cache to keep the
/// resident set small.
final class MappedFile: @unchecked Sendable {
  let path: String
  let base: UnsafeRawPointer?
  let count: Int
  let size: Int
  let modified: timespec

  init?(path: String) {
    self.path = path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    size = Int(st.st_size)
    modified = st.st_mtim
    count = size
    if size == 0 {
      base = nil
      return
    }
    guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
    base = UnsafeRawPointer(p)
  }

  deinit {
    if let base { munmap(UnsafeMutableRawPointer(mutating: base), size) }
  }

  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  /// Drops the pages of a scanned range from this process (they stay in the page cache).
  func release(_ range: Range<Int>) {
    guard let base else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let lo = (range.lowerBound + page - 1) / page * page
    let hi = min(size, range.upperBound) / page * page
    guard hi > lo else { return }
    madvise(UnsafeMutableRawPointer(mutating: base + lo), hi - lo, MADV_DONTNEED)
  }
}
