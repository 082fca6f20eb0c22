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
    init(count: Int) {
      self.count = count
      base = .allocate(capacity: Swift.max(count, 1))
    }
    deinit {
      base.deinitialize(count: count)
      base.deallocate()
    }
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
