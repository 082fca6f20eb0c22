import Dispatch
import XCTest

@testable import DatelineCore

/// Memory shared by the iterations of a `concurrentPerform`: read through a
/// `ReadOnlyBuffer`, written through `DisjointWrites`, each element by one iteration.
final class DisjointWritesTests: XCTestCase {
  func testIterationsFillTheirOwnRangesAndElements() {
    let n = 1000
    let input = (0..<n).map { $0 * 3 }
    let ranged = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
    let scattered = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
    defer {
      ranged.deallocate()
      scattered.deallocate()
    }
    input.withUnsafeBufferPointer { b in
      let from = ReadOnlyBuffer(b)
      let byRange = DisjointWrites(ranged)
      let byElement = DisjointWrites(scattered)
      DispatchQueue.concurrentPerform(iterations: 4) { part in
        let range = (n * part / 4)..<(n * (part + 1) / 4)
        let mine = byRange.claim(range)
        for (k, i) in range.enumerated() { mine[k] = from[i] + 1 }
        // Every fourth element, from the other end: scattered, never shared.
        for i in stride(from: n - 1 - part, through: 0, by: -4) {
          byElement.initialize(i, to: from[i] * 2)
        }
      }
    }
    XCTAssertEqual(Array(ranged), input.map { $0 + 1 })
    XCTAssertEqual(Array(scattered), input.map { $0 * 2 })
  }
}
