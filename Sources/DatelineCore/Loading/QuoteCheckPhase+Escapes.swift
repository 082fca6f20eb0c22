import Foundation

/// Quotes searched in a text still escaped as JSON (`\n`, `\t`, `\"`, `\\` only): the
/// quote escaped the same way, an occurrence counted only at a character boundary.
extension QuoteCheckPhase {
  /// Whether every escape in a JSON string body is `\n`, `\t`, `\"` or `\\`: then each
  /// character has exactly one spelling, and a text occurs in the decoded string exactly
  /// where its escaped form occurs in the body at a character boundary.
  static func plainEscapes(_ b: UnsafeRawBufferPointer) -> Bool {
    guard let base = b.baseAddress else { return true }
    var i = 0
    let n = b.count
    while i < n {
      guard let p = memchr(base + i, 0x5C, n - i) else { return true }
      let at = base.distance(to: UnsafeRawPointer(p))
      guard at + 1 < n else { return false }
      switch b[at + 1] {
      case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "\""),
        UInt8(ascii: "\\"):
        i = at + 2
      default: return false
      }
    }
    return true
  }

  /// Whether normalized text reads the same escaped (no newline, tab, quote, backslash).
  @inline(__always) static func needsNoEscape(_ b: UnsafeRawBufferPointer)
    -> Bool
  {
    for c in b where c == 0x0A || c == 0x09 || c == 0x22 || c == 0x5C {
      return false
    }
    return true
  }

  /// The escaped form of normalized text (the inverse of decoding a plain-escaped body).
  static func escape(_ b: UnsafeRawBufferPointer, into out: inout [UInt8]) {
    out.reserveCapacity(out.count + b.count * 2)
    for c in b {
      switch c {
      case 0x0A:
        out.append(0x5C)
        out.append(UInt8(ascii: "n"))
      case 0x09:
        out.append(0x5C)
        out.append(UInt8(ascii: "t"))
      case 0x22:
        out.append(0x5C)
        out.append(0x22)
      case 0x5C:
        out.append(0x5C)
        out.append(0x5C)
      default: out.append(c)
      }
    }
  }

  /// Whether offset `t` of an escaped body is a character boundary (not the second byte of
  /// an escape): an even number of backslashes right before it.
  @inline(__always) static func boundary(_ t: Int, _ h: UnsafeRawBufferPointer)
    -> Bool
  {
    var k = t
    while k > 0 && h[k - 1] == 0x5C { k -= 1 }
    return (t - k) & 1 == 0
  }

  /// Unicode scalars of the decoded text before offset `t` of the hay.
  static func scalarOffset(
    ofByte t: Int, in h: UnsafeRawBufferPointer, escaped: Bool
  ) -> Int {
    guard escaped else { return QuoteLocator.scalarOffset(ofByte: t, in: h) }
    var n = 0
    var i = 0
    while i < t {
      if h[i] == 0x5C {
        n += 1
        i += 2
      } else {
        if h[i] & 0xC0 != 0x80 { n += 1 }
        i += 1
      }
    }
    return n
  }
}
