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

  /// Slot `i`, which its iteration filled (every iteration fills its slot).
  func filled(_ i: Int) -> T {
    guard let value = storage[i] else {
      preconditionFailure("result slot \(i) was not filled")
    }
    return value
  }
}
