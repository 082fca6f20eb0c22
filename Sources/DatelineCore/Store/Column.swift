/// A fixed-size column of plain values in one allocation, filled in place (by several
/// threads, each its own range) and read-only afterwards.
///
/// Why not `Array`: the loader fills a dozen columns of a million entries on both cores;
/// an array can only be written that way inside a closure per array. A column is written
/// through `base` until it is handed to the store, then only read.
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

  let storage: Storage
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
  @inline(__always) subscript(i: Int) -> T { base[i] }
}
