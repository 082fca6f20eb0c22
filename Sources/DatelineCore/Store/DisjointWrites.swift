import Synchronization

/// Memory that the iterations of a `concurrentPerform` write, no element by two of them:
/// the one way such memory is handed to them for writing.
///
/// An iteration either `claim`s a range (a buffer over that range alone) or writes one
/// element (`initialize(_:to:)`). Both check the bounds (a claim always; an element in
/// debug builds), and in debug builds every element claimed or written is marked, so
/// an element that two iterations would write stops the program with both places. The
/// caller keeps the memory alive while the iterations run and reads it after they end.
/// `@unchecked Sendable` because a buffer pointer is not `Sendable`: what makes the
/// sharing safe is the one-writer rule that the debug builds check.
struct DisjointWrites<Element>: @unchecked Sendable {
  private let buffer: UnsafeMutableBufferPointer<Element>
  /// `buffer.start`, taken once: the element writes in hot loops use it.
  private let base: UnsafeMutablePointer<Element>
  #if DEBUG
  private let written: WrittenElements
  #endif

  init(_ buffer: UnsafeMutableBufferPointer<Element>) {
    self.buffer = buffer
    base = buffer.start
    #if DEBUG
    written = WrittenElements(count: buffer.count)
    #endif
  }

  var count: Int { buffer.count }

  /// The elements at `range`, for this caller alone (index 0 is `range.lowerBound`).
  func claim(_ range: Range<Int>) -> UnsafeMutableBufferPointer<Element> {
    precondition(
      range.lowerBound >= 0 && range.upperBound <= buffer.count,
      "claimed \(range) of 0..<\(buffer.count)")
    #if DEBUG
    written.mark(range)
    #endif
    return UnsafeMutableBufferPointer(rebasing: buffer[range])
  }

  /// Initializes element `i`, which no other iteration writes.
  @inline(__always) func initialize(_ i: Int, to value: Element) {
    assert(i >= 0 && i < buffer.count, "element \(i) of 0..<\(buffer.count)")
    #if DEBUG
    written.mark(i..<(i + 1))
    #endif
    (base + i).initialize(to: value)
  }

  #if DEBUG
  /// One bit per element, set when it is claimed or written (debug builds).
  final class WrittenElements: Sendable {
    private let bits: Mutex<[UInt64]>

    init(count: Int) {
      bits = Mutex([UInt64](repeating: 0, count: count / 64 + 1))
    }

    /// Marks `range` as written, a word of 64 elements at a time; stops the program
    /// when any of it was already.
    func mark(_ range: Range<Int>) {
      guard !range.isEmpty else { return }
      bits.withLock { bits in
        var i = range.lowerBound
        while i < range.upperBound {
          let word = i / 64
          let from = i % 64
          let to = min(64, from + (range.upperBound - i))
          let ones: UInt64 =
            to - from == 64 ? ~0 : ((1 << UInt64(to - from)) - 1)
          let mask = ones << UInt64(from)
          precondition(
            bits[word] & mask == 0,
            "an element of \(range) is written by two iterations")
          bits[word] |= mask
          i += to - from
        }
      }
    }
  }
  #endif
}
