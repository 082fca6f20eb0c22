/// A fixed-size column of plain values in one allocation, filled in place (by several
/// threads, each its own range) and read-only afterwards.
///
/// Why not `Array`: the loader fills a dozen columns of a million entries on both cores;
/// an array can only be written that way inside a closure per array. A column is written
/// through `base` until it is handed to the store, then only read. Reads are bounds
/// checked in debug builds (the tests), not in release, where the loops are hot.
struct Column<T>: RandomAccessCollection, @unchecked Sendable {
  final class Storage: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    let count: Int
    /// The mapping this column lies in (a cache file), or nil when it owns its memory.
    let owner: AnyObject?
    init(count: Int) {
      self.count = count
      base = .allocate(capacity: Swift.max(count, 1))
      owner = nil
    }
    init(viewing base: UnsafeMutablePointer<T>, count: Int, owner: AnyObject) {
      self.base = base
      self.count = count
      self.owner = owner
    }
    deinit {
      guard owner == nil else { return }
      base.deinitialize(count: count)
      base.deallocate()
    }
  }

  /// A column over `count` values that lie in memory `owner` keeps alive (read-only).
  init(viewing base: UnsafeRawPointer, count: Int, owner: AnyObject) {
    let p = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: T.self))
    storage = Storage(viewing: p, count: count, owner: owner)
    self.base = p
    self.count = count
  }

  private(set) var storage: Storage
  let base: UnsafeMutablePointer<T>
  let count: Int

  /// A column of `count` entries that the caller must initialize, every one, through `base`.
  init(uninitialized count: Int) {
    storage = Storage(count: count)
    base = storage.base
    self.count = count
  }

  init(_ values: [T]) {
    self.init(uninitialized: values.count)
    values.withUnsafeBufferPointer { b in
      if let a = b.baseAddress { base.initialize(from: a, count: b.count) }
    }
  }

  var startIndex: Int { 0 }
  var endIndex: Int { count }
  @inline(__always) subscript(i: Int) -> T {
    assert(i >= 0 && i < count, "column index \(i) outside 0..<\(count)")
    return base[i]
  }

  /// Whether a write through `base` changes this column alone: its memory is its own (not
  /// a view of a cache's bytes) and no copy of this column shares it.
  mutating func isSoleOwner() -> Bool {
    storage.owner == nil && isKnownUniquelyReferenced(&storage)
  }

  /// A column with memory of its own, holding the same values.
  func copied() -> Column {
    let c = Column(uninitialized: count)
    c.base.initialize(from: base, count: count)
    return c
  }
}
