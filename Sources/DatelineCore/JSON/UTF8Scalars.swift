import CDatelineScan
import Foundation

/// Appends the UTF-8 bytes of `s` to `buf`.
func appendUTF8(_ buf: inout [UInt8], _ s: Unicode.Scalar) {
  for u in s.utf8 { buf.append(u) }
}

/// The offset of the first byte that is not part of valid UTF-8, or nil when all are valid.
func firstInvalidUTF8(_ b: UnsafeRawBufferPointer) -> Int? {
  guard let base = b.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
    return nil
  }
  var i = 0
  while i < b.count {
    if base[i] < 0x80 {
      i += 1
      continue
    }
    guard let decoded = decodeUTF8Scalar(base, at: i, end: b.count) else {
      return i
    }
    i = decoded.next
  }
  return nil
}

/// One multi-byte UTF-8 scalar starting at `i` (its lead byte ≥ 0x80), strictly: no
/// overlong forms, no surrogates, nothing past U+10FFFF. Nil when the bytes are invalid.
///
/// The one UTF-8 decoder of the project (`dl_utf8_scalar`, which the C record walk uses
/// too): the parser's error positions and the fast scans' validation must agree byte for
/// byte.
@inline(__always)
func decodeUTF8Scalar(_ base: UnsafePointer<UInt8>, at i: Int, end: Int) -> (
  scalar: UInt32, next: Int
)? {
  var scalar: UInt32 = 0
  let next = dl_utf8_scalar(base, i, end, &scalar)
  return next == 0 ? nil : (scalar, next)
}

/// 1-based line and column (in Unicode scalars) of a byte offset, for messages.
public func lineAndColumn(of offset: Int, in bytes: UnsafeRawBufferPointer) -> (
  line: Int, column: Int
) {
  var line = 1
  var lineStart = 0
  let end = min(offset, bytes.count)
  var i = 0
  while i < end {
    if bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    i += 1
  }
  var column = 1
  for j in lineStart..<end where bytes[j] & 0xC0 != 0x80 { column += 1 }
  return (line, column)
}
