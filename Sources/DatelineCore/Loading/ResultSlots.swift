import Foundation

/// One slot per job, each written by exactly one iteration of `concurrentPerform`.
final class ResultSlots<T>: @unchecked Sendable {
  private let storage: UnsafeMutableBufferPointer<T?>

  init(count: Int) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil)
  }

  deinit {
    storage.deinitialize()
    storage.deallocate()
  }

  subscript(i: Int) -> T? {
    get { storage[i] }
    set { storage[i] = newValue }
  }
}
