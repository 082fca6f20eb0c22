import Synchronization

/// Reads the blocks of lazily read columns the first time one of their elements is
/// used: a column with a gate (`Column.gate`) asks it before each read.
///
/// Why: a store re-opened from the cache reads and checks a block of rows (CachedRows)
/// or of id table slots only when a screen, a lookup or a sweep needs it, so a first
/// screen at ten million records reads megabytes, not the whole file. Each block is
/// loaded once, under the lock, and published with a release store; a read of a block
/// already there costs one acquire load. A block that fails its checks is filled with
/// values no read can misuse (no pointer, no length), and `failed` says so: the owner
/// reports the cache as not matching.
final class BlockGate: @unchecked Sendable {
  /// Elements per block: `1 << shift`.
  let shift: Int
  let blocks: Int
  /// 0: not read; 1: read and checked; 2: failed (filled with safe values).
  private let state: UnsafeMutablePointer<Atomic<UInt8>>
  private let lock = Mutex(0)
  /// Reads block `b` into the gated columns; false when it failed its checks (it must
  /// then have filled the block with safe values). Called once per block, under the lock.
  private let load: (Int) -> Bool
  private let anyFailed = Atomic<Bool>(false)

  init(elements: Int, shift: Int, load: @escaping (Int) -> Bool) {
    self.shift = shift
    blocks = (elements + (1 << shift) - 1) >> shift
    self.load = load
    state = .allocate(capacity: max(blocks, 1))
    for b in 0..<max(blocks, 1) { (state + b).initialize(to: Atomic(0)) }
  }

  deinit {
    state.deinitialize(count: max(blocks, 1))
    state.deallocate()
  }

  /// Makes element `i`'s block readable (read and checked, or filled with safe values).
  @inline(__always) func ensure(_ i: Int) {
    let b = i >> shift
    guard b >= 0, b < blocks else { return }
    if state[b].load(ordering: .acquiring) == 0 { fill(b) }
  }

  /// Makes elements `range` readable.
  func ensure(_ range: Range<Int>) {
    guard !range.isEmpty else { return }
    for b in max(
      0, range.lowerBound >> shift)...min(
        blocks - 1, (range.upperBound - 1) >> shift)
    where state[b].load(ordering: .acquiring) == 0 {
      fill(b)
    }
  }

  /// Makes every block readable (a copy of a gated column, a whole check).
  func ensureAll() {
    for b in 0..<blocks where state[b].load(ordering: .acquiring) == 0 {
      fill(b)
    }
  }

  /// Whether block `b` is read (or filled after it failed).
  func isRead(_ b: Int) -> Bool {
    b >= 0 && b < blocks && state[b].load(ordering: .acquiring) != 0
  }

  /// Whether some block failed its checks.
  var failed: Bool { anyFailed.load(ordering: .acquiring) }

  private func fill(_ b: Int) {
    lock.withLock { _ in
      guard state[b].load(ordering: .acquiring) == 0 else { return }
      let ok = load(b)
      if !ok { anyFailed.store(true, ordering: .releasing) }
      state[b].store(ok ? 1 : 2, ordering: .releasing)
    }
  }
}
