/// A fixed-size column of plain values in one allocation, filled in place (by several
/// threads, each its own range) and read-only afterwards.
///
/// Why not `Array`: the loader fills a dozen columns of a million entries on both cores;
/// an array can only be written that way inside a closure per array. A column is written
/// through `base` until it is handed to the store, then only read (`values`, or the
/// subscript). A column over a cache's bytes is read-only: it has no writable address.
/// Subscript reads are bounds checked in debug builds (the tests), not in release,
/// where the loops are hot.
struct Column<T>: RandomAccessCollection, @unchecked Sendable {
  final class Storage: @unchecked Sendable {
    let values: UnsafePointer<T>
    /// The same address, writable: only memory this column allocated (nil for a
    /// view of bytes another object owns, which are read-only).
    let writable: UnsafeMutablePointer<T>?
    let count: Int
    /// The mapping this column lies in (a cache file), or nil when it owns its memory.
    let owner: AnyObject?
    init(count: Int) {
      self.count = count
      let p = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(count, 1))
      writable = p
      values = UnsafePointer(p)
      owner = nil
    }
    init(viewing values: UnsafePointer<T>, count: Int, owner: AnyObject) {
      self.values = values
      writable = nil
      self.count = count
      self.owner = owner
    }
    deinit {
      guard let writable else { return }
      writable.deinitialize(count: count)
      writable.deallocate()
    }
  }

  /// A column over `count` values that lie in memory `owner` keeps alive (read-only:
  /// no writable address is kept, and `base` stops a write); with a `gate`, each read
  /// first makes its block readable (a lazily read cache column, BlockGate).
  init(
    viewing values: UnsafeRawPointer, count: Int, owner: AnyObject,
    gate: BlockGate? = nil
  ) {
    let p = values.assumingMemoryBound(to: T.self)
    storage = Storage(viewing: p, count: count, owner: owner)
    self.values = p
    writable = nil
    self.count = count
    self.gate = gate
  }

  private(set) var storage: Storage
  /// Where the values are, to read them.
  let values: UnsafePointer<T>
  private let writable: UnsafeMutablePointer<T>?
  let count: Int
  /// For a column read block by block (a cache re-opened lazily): what reads a block
  /// before its values are used. Reads through `values` must call `ensureAll()` first.
  let gate: BlockGate?

  /// Where the values are, to fill them: a column with memory of its own, before it is
  /// handed to the store. A view of read-only bytes has no such address.
  @inline(__always) var base: UnsafeMutablePointer<T> {
    guard let writable else {
      preconditionFailure("a write into a read-only column (a view of a cache)")
    }
    return writable
  }

  /// A column of `count` entries that the caller must initialize, every one, through `base`.
  init(uninitialized count: Int) {
    storage = Storage(count: count)
    values = storage.values
    writable = storage.writable
    self.count = count
    gate = nil
  }

  init(_ values: [T]) {
    self.init(uninitialized: values.count)
    values.withUnsafeBufferPointer { b in
      base.initialize(from: b.start, count: b.count)
    }
  }

  var startIndex: Int { 0 }
  var endIndex: Int { count }
  @inline(__always) subscript(i: Int) -> T {
    assert(i >= 0 && i < count, "column index \(i) outside 0..<\(count)")
    if let gate { gate.ensure(i) }
    return values[i]
  }

  /// Whether a write through `base` changes this column alone: its memory is its own (not
  /// a view of a cache's bytes) and no copy of this column shares it.
  mutating func isSoleOwner() -> Bool {
    storage.owner == nil && isKnownUniquelyReferenced(&storage)
  }

  /// Every value readable through `values` (a gated column reads all its blocks).
  func ensureAll() { gate?.ensureAll() }

  /// A column with memory of its own, holding the same values.
  func copied() -> Column {
    ensureAll()
    let c = Column(uninitialized: count)
    c.base.initialize(from: values, count: count)
    return c
  }
}
