import Dispatch
import Foundation
import Synchronization

/// A data file's bytes in this process's own memory, read with `pread`, never mapped.
///
/// Why not mmap: when another program truncates a mapped file, the next read of a page
/// past the new end raises SIGBUS, and a rewrite in place changes the bytes under a record
/// that was validated; neither can be caught safely in Swift. Anonymous memory filled by
/// `pread` holds exactly the bytes that were read, whatever happens to the file after.
///
/// `read` reads a whole file at once (in pieces, on every core). `deferred` (the re-open
/// cache, which needs only the few items a screen shows; and the loader's `.jsonl` files)
/// keeps the descriptor and reads a window (64 KB; 16 KB for a file read row by row) the
/// first time `ensure` asks for it, after an `fstat` shows the file as it was opened
/// (same size, mtime and ctime: a file written in place, truncated, or replaced by
/// rename, whose old inode's ctime moves as it loses its name, is refused), and again
/// after the read; the caller then reports the
/// data as changed. The loader reads a deferred file piece by piece (`fill`) and hands
/// each scanned piece back (`release`), so a file's pages are not all resident at once;
/// `copyBytes` reads bytes into the caller's memory without keeping them here.
final class FileBytes: @unchecked Sendable {
  let path: String
  let base: UnsafeRawPointer?
  let count: Int
  /// The file as it was opened, or as it was after it grew by whole lines that were read
  /// alone (`acceptGrowth`); what every later read checks (see `stillMatches`).
  var identity: FileIdentity { windows.withLock { current($0) } }
  private let opened: FileIdentity
  /// The file was not the same at the end of the read as at its start (it shrank, or its
  /// times moved): the bytes are what was read, which may mix two versions.
  let changedWhileRead: Bool
  /// A data file of the corpus (false for a cache file, whose columns were checked as read
  /// and which no record or text points into).
  let holdsData: Bool
  private let region: UnsafeMutableRawPointer?
  private let regionSize: Int
  private let deferredReads: Bool
  private let windows: Mutex<Windows>

  /// The windows of a deferred file not read yet.
  struct Windows {
    var descriptor: Int32 = -1
    var missing: [UInt64] = []
    var remaining = 0
    var failed = false
    /// The loader scanned bytes of this file (`fill`): its items are where they were validated.
    var scanned = false
    /// The checksums of what `fill` read (see `loadedDigests`), when asked for.
    var digests: [FileDigest]? = nil
    /// The file's identity once it grew and its loaded bytes were found unchanged.
    var grown: FileIdentity? = nil
  }

  private func current(_ s: Windows) -> FileIdentity { s.grown ?? opened }

  /// Whether the open file, now `now`, only grew since it was loaded: the same device and
  /// inode, at least as long, and every byte the load read still there (read again and
  /// compared with the checksums `fill` kept; only for a load that kept them). Then it is
  /// accepted as it is now. Why: a writer appending to the browser's file must not make
  /// the records not read yet unreadable (the reload of appended lines then reads only
  /// the new lines).
  private func acceptIfOnlyGrown(_ s: inout Windows, now: FileIdentity?)
    -> Bool
  {
    guard let now, now.device == opened.device, now.inode == opened.inode,
      now.size >= count, let digests = s.digests,
      let tiles = FileDigest.tiling(digests, count: count),
      FileDigest.fileMatches(s.descriptor, tiles),
      FileIdentity.of(descriptor: s.descriptor) == now
    else { return false }
    s.grown = now
    return true
  }

  /// The file at its path grew and its first `count` bytes were compared with what was
  /// loaded (AppendBase): reads of those bytes accept it as it is now, `now` (the same
  /// device and inode, at least as long).
  func acceptGrowth(_ now: FileIdentity) {
    guard now.device == opened.device, now.inode == opened.inode,
      now.size >= count
    else { return }
    windows.withLock { $0.grown = now }
  }

  static let window = 1 << 16
  /// The window of a file whose reads are a few records far apart (a first screen's
  /// rows): a 64 KB window per row was 16 fresh pages to clear and copy for one line.
  static let rowWindow = 1 << 14
  static let piece = 16 << 20
  /// This file's window (`window`, or `rowWindow` where `deferred` was asked for it).
  private let windowSize: Int

  private init(
    path: String, region: UnsafeMutableRawPointer?, regionSize: Int, count: Int,
    identity: FileIdentity,
    changedWhileRead: Bool, holdsData: Bool = true, windows: Windows?,
    windowSize: Int = FileBytes.window
  ) {
    self.path = path
    self.windowSize = windowSize
    self.holdsData = holdsData
    self.region = region
    self.regionSize = regionSize
    base = region.map { UnsafeRawPointer($0) }
    self.count = count
    opened = identity
    self.changedWhileRead = changedWhileRead
    deferredReads = windows != nil
    self.windows = Mutex(windows ?? Windows())
  }

  deinit {
    if let region { munmap(region, regionSize) }
    let fd = windows.withLock { $0.descriptor }
    if fd >= 0 { close(fd) }
  }

  /// Whether bytes are read as `ensure` asks (see `deferred`), not all at once.
  var isDeferred: Bool { deferredReads }

  var bytes: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: base, count: count)
  }

  /// The whole file at `path`, read now.
  static func read(_ path: String, holdsData: Bool = true) -> Result<
    FileBytes, FileReadProblem
  > {
    let fd: Int32
    let before: FileIdentity
    switch openRegular(path) {
    case .success(let (d, id)): (fd, before) = (d, id)
    case .failure(let p): return .failure(p)
    }
    defer { close(fd) }
    let size = before.size
    guard let region = allocate(size) else {
      return .failure(.readFailed(ENOMEM))
    }
    let pieces = max(1, (size + piece - 1) / piece)
    let got = UnsafeMutableBufferPointer<Int>.allocate(capacity: pieces)
    defer { got.deallocate() }
    // Each iteration reads its own piece of the region and writes its own count.
    let bytes = DisjointWrites(
      UnsafeMutableRawBufferPointer(start: region, count: size).bindMemory(
        to: UInt8.self))
    let counts = DisjointWrites(got)
    DispatchQueue.concurrentPerform(iterations: pieces) { k in
      let lo = k * piece
      let n = min(size, lo + piece) - lo
      counts.initialize(
        k,
        to: readFully(
          fd, into: bytes.claim(lo..<(lo + n)).start, count: n, at: lo))
    }
    // The bytes up to the first piece that came short (the file shrank while read).
    var count = 0
    for k in 0..<pieces {
      let want = min(size, k * piece + piece) - k * piece
      guard got[k] >= 0 else {
        munmap(region, max(size, 1))
        return .failure(.readFailed(EIO))
      }
      count += got[k]
      if got[k] < want { break }
    }
    let after = FileIdentity.of(descriptor: fd)
    return .success(
      FileBytes(
        path: path, region: size > 0 ? region : nil, regionSize: max(size, 1),
        count: count, identity: before,
        changedWhileRead: count < size || after != before, holdsData: holdsData,
        windows: nil))
  }

  /// The file at `path`, opened now and read window by window as `ensure` asks (or piece
  /// by piece, `fill`). The descriptor stays open while the file is held: windows handed
  /// back are read again. `hugePages: false` where the windows read are few and far apart
  /// (the first pass's first screen): a 64 KB window would otherwise make a whole 2 MB
  /// page resident; `window` is then `rowWindow`. `digested`: `fill` keeps the checksums
  /// of what it reads (`loadedDigests`, for the browser's reload of appended lines).
  static func deferred(
    _ path: String, hugePages: Bool = true, digested: Bool = false,
    window: Int = FileBytes.window
  ) -> Result<
    FileBytes, FileReadProblem
  > {
    let fd: Int32
    let identity: FileIdentity
    switch openRegular(path) {
    case .success(let (d, id)): (fd, identity) = (d, id)
    case .failure(let p): return .failure(p)
    }
    guard let region = allocate(identity.size, hugePages: hugePages) else {
      close(fd)
      return .failure(.readFailed(ENOMEM))
    }
    let n = (identity.size + window - 1) / window
    let w = Windows(
      descriptor: fd, missing: [UInt64](repeating: ~0, count: (n + 63) / 64),
      remaining: n, digests: digested ? [] : nil)
    return .success(
      FileBytes(
        path: path, region: identity.size > 0 ? region : nil,
        regionSize: max(identity.size, 1), count: identity.size,
        identity: identity, changedWhileRead: false, windows: w,
        windowSize: window))
  }

  /// Whether the bytes of `range` are here (read now if they were not), so that they may
  /// be read through `base`. False when the file changed since it was opened: the range
  /// then holds no bytes of it, and nothing there may be decoded.
  func ensure(_ range: Range<Int>) -> Bool {
    guard range.lowerBound >= 0, range.upperBound <= count else { return false }
    guard deferredReads, !range.isEmpty, let region else { return true }
    return windows.withLock { s in
      guard s.remaining > 0 else { return true }
      var w = range.lowerBound / windowSize
      let last = (range.upperBound - 1) / windowSize
      while w <= last {
        guard s.missing[w >> 6] & (1 << UInt64(w & 63)) != 0 else {
          w += 1
          continue
        }
        guard !s.failed else { return false }
        var end = w
        while end < last,
          s.missing[(end + 1) >> 6] & (1 << UInt64((end + 1) & 63)) != 0
        { end += 1 }
        let lo = w * windowSize
        let n = min(count, (end + 1) * windowSize) - lo
        let before = FileIdentity.of(descriptor: s.descriptor)
        guard before == current(s) || acceptIfOnlyGrown(&s, now: before),
          FileBytes.readFully(s.descriptor, into: region + lo, count: n, at: lo)
            == n,
          FileIdentity.of(descriptor: s.descriptor) == current(s)
        else {
          s.failed = true
          return false
        }
        for k in w...end { s.missing[k >> 6] &= ~(1 << UInt64(k & 63)) }
        s.remaining -= end - w + 1
        w = end + 1
      }
      return true
    }
  }

  /// Reads `range` now, outside the lock, and marks the windows wholly inside it as read
  /// (the last window counts as whole at the end of the file). For the loader's scan:
  /// each job reads its own range, and no two ranges overlap. Returns how many bytes from
  /// the range's start were read (fewer when the file came short), or -1.
  ///
  /// `into`: the bytes go to that memory instead (`range.count + lead` bytes, the
  /// range's first byte at `into + lead`), which the caller reuses from piece to piece,
  /// and no window counts as read: a scan job's own block, whose pages are not cleared
  /// again for each piece as the file's handed-back windows would be.
  func fill(_ range: Range<Int>, into: UnsafeMutableRawPointer? = nil) -> Int {
    guard range.lowerBound >= 0, range.upperBound <= count else { return -1 }
    guard deferredReads, !range.isEmpty, let region else { return range.count }
    let fd = windows.withLock { $0.descriptor }
    guard fd >= 0 else { return -1 }
    // The first piece starts after a BOM: its bytes are read with it, so that the digests
    // of what was read cover the file from its first byte (no other piece starts there).
    let from = range.lowerBound <= FileBytes.lead ? 0 : range.lowerBound
    let target =
      into.map { $0 + FileBytes.lead - (range.lowerBound - from) }
      ?? region + from
    let read = FileBytes.readFully(
      fd, into: target, count: range.upperBound - from, at: from)
    let n = read < 0 ? read : max(0, read - (range.lowerBound - from))
    let digested = windows.withLock { $0.digests != nil }
    let digests =
      read > 0 && digested
      ? FileDigest.of(
        UnsafeRawBufferPointer(start: target, count: read), at: from)
      : []
    windows.withLock { s in
      s.digests? += digests
      guard n == range.count else { return }
      s.scanned = true
      guard into == nil else { return }
      let w = windowSize
      let lo = (range.lowerBound + w - 1) / w
      let hi =
        range.upperBound == count ? (count + w - 1) / w : range.upperBound / w
      guard hi > lo else { return }
      for k in lo..<hi where s.missing[k >> 6] & (1 << UInt64(k & 63)) != 0 {
        s.missing[k >> 6] &= ~(1 << UInt64(k & 63))
        s.remaining -= 1
      }
    }
    return n
  }

  /// Bytes a first piece may start after (a UTF-8 BOM).
  static let lead = 3

  /// The checksums of the bytes the load read, in file order, when they cover the whole
  /// file once (a file read whole: computed now from its bytes); nil when some bytes were
  /// never read or read twice (a piece came short, the file was not loaded by pieces).
  func loadedDigests() -> [FileDigest]? {
    guard deferredReads else { return FileDigest.of(bytes, at: 0) }
    guard let digests = windows.withLock({ $0.digests }) else { return nil }
    return FileDigest.tiling(digests, count: count)
  }

  /// Hands the pages of the windows wholly inside `range` back to the system (the memory
  /// reads as zeros until a window is read again). Their bytes are read again, after the
  /// identity check, when `ensure` asks for them. Only while nobody reads those bytes
  /// without `ensure`: the loader calls it on the range a job has just scanned.
  func release(_ range: Range<Int>) {
    guard deferredReads, let region else { return }
    windows.withLock { s in
      let lo = (max(range.lowerBound, 0) + windowSize - 1) / windowSize
      let hi = min(range.upperBound, count) / windowSize
      guard hi > lo, s.descriptor >= 0 else { return }
      madvise(
        region + lo * windowSize, (hi - lo) * windowSize,
        MADV_DONTNEED)
      // The whole file handed back (the load is done): windows read from now on are the
      // few a screen shows, and each must not bring a whole 2 MB page back
      // (MADV_NOHUGEPAGE, 15 on Linux).
      if range.lowerBound <= 0 && range.upperBound >= count {
        madvise(region, regionSize, 15)
      }
      for w in lo..<hi where s.missing[w >> 6] & (1 << UInt64(w & 63)) == 0 {
        s.missing[w >> 6] |= 1 << UInt64(w & 63)
        s.remaining += 1
      }
    }
  }

  /// Copies `length` bytes at file offset `at` to `target`: read by `pread` for a deferred
  /// file (its windows stay as they are: nothing of it is kept), else from memory. The
  /// caller checks `unchangedSinceOpen` after a run of copies. False when the read came
  /// short or the range is not in the file.
  func copyBytes(
    at: Int, length: Int, to target: UnsafeMutableRawPointer,
    descriptor fd: Int32
  ) -> Bool {
    guard at >= 0, length >= 0, at + length <= count else { return false }
    guard deferredReads else {
      guard let base else { return length == 0 }
      target.copyMemory(from: base + at, byteCount: length)
      return true
    }
    return FileBytes.readFully(fd, into: target, count: length, at: at)
      == length
  }

  /// How many windows of a deferred file are read and held now (what it keeps resident).
  var windowsHeld: Int {
    guard deferredReads else { return 0 }
    return windows.withLock { s in
      (count + windowSize - 1) / windowSize - s.remaining
    }
  }

  /// Whether the loader scanned bytes of this file (`fill`): then its items lie where they
  /// were validated, and no placement check is needed (see RecordStore+Placement).
  var wasScanned: Bool { deferredReads && windows.withLock { $0.scanned } }

  /// Whether an item read from this file must first be found where its row says: the
  /// file is read in windows (a re-open's data file) and no load of this process
  /// scanned it.
  var placementUnproven: Bool { deferredReads && !wasScanned }

  /// The descriptor `copyBytes` reads a deferred file with (-1 for a file in memory).
  var readDescriptor: Int32 {
    deferredReads ? windows.withLock { $0.descriptor } : -1
  }

  /// Whether the open file is still the one that was opened (an `fstat`), or only grew
  /// since (see `acceptIfOnlyGrown`): true for a file read whole (its bytes are in memory, whatever happened to it since).
  func unchangedSinceOpen() -> Bool {
    guard deferredReads else { return true }
    return windows.withLock { s in
      guard s.descriptor >= 0 else { return false }
      let now = FileIdentity.of(descriptor: s.descriptor)
      return now == current(s) || acceptIfOnlyGrown(&s, now: now)
    }
  }

  /// Whether the file at `path` is still the one that was read (same inode, size and
  /// times); false once it was changed, replaced or removed.
  func stillMatches() -> Bool { FileIdentity.of(path: path) == identity }
}
