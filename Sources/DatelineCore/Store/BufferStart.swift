/// A buffer's first address that is never nil, so no `baseAddress!` is needed.
///
/// Why: an empty buffer's `baseAddress` may be nil, while `memcmp`, `memchr` and copies
/// want a pointer even for zero bytes. `start` is the base address, or for an empty
/// buffer the address of `EmptyBytes.block`, which no caller reads or writes (the count
/// is 0). It costs what `baseAddress!` costs (one compare), and cannot trap.
enum EmptyBytes {
  /// 16 bytes, 16-aligned, never read nor written: the start of every empty buffer.
  nonisolated(unsafe) static let block = UnsafeMutableRawPointer.allocate(
    byteCount: 16, alignment: 16)
  /// `block` as bytes: where an empty byte string starts.
  static var bytes: UnsafePointer<UInt8> {
    UnsafePointer(block.assumingMemoryBound(to: UInt8.self))
  }

}

extension UnsafeRawBufferPointer {
  /// The first byte's address (`EmptyBytes.block` when the buffer is empty).
  @inline(__always) var start: UnsafeRawPointer {
    UnsafeRawPointer(baseAddress ?? UnsafeRawPointer(EmptyBytes.block))
  }
}

extension UnsafeMutableRawBufferPointer {
  /// The first byte's address (`EmptyBytes.block` when the buffer is empty).
  @inline(__always) var start: UnsafeMutableRawPointer {
    baseAddress ?? EmptyBytes.block
  }
}

extension UnsafeBufferPointer {
  /// The first element's address (`EmptyBytes.block` when the buffer is empty).
  @inline(__always) var start: UnsafePointer<Element> {
    baseAddress
      ?? UnsafePointer(EmptyBytes.block.assumingMemoryBound(to: Element.self))
  }
}

extension UnsafeMutableBufferPointer {
  /// The first element's address (`EmptyBytes.block` when the buffer is empty).
  @inline(__always) var start: UnsafeMutablePointer<Element> {
    baseAddress ?? EmptyBytes.block.assumingMemoryBound(to: Element.self)
  }
}
