/// Memory that the iterations of a `concurrentPerform` read and nothing writes while
/// they run: the one way such memory is handed to them.
///
/// `@unchecked Sendable` because a buffer pointer is not `Sendable`: the caller keeps the
/// memory alive and unchanged for as long as the iterations run (a `withUnsafe…` closure
/// around them). No writable address is reachable through it; reads are bounds checked
/// in debug builds, as the buffer pointer's own are.
struct ReadOnlyBuffer<Element>: @unchecked Sendable {
  private let buffer: UnsafeBufferPointer<Element>

  init(_ buffer: UnsafeBufferPointer<Element>) { self.buffer = buffer }

  var count: Int { buffer.count }

  @inline(__always) subscript(i: Int) -> Element { buffer[i] }
}
