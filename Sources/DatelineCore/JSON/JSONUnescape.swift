/// Decodes the escapes of a JSON string body that the scanner has already validated.
///
/// Why not the reference parser: a source text with paragraph breaks is written with
/// `\n` escapes; decoding 160 MB of such texts through `String` and Foundation costs
/// seconds, this loop a fraction of that. Lone surrogates become U+FFFD as in JSONParser.
enum JSONUnescape {
  static func bytes(_ p: UnsafePointer<UInt8>, count: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(count)
    var i = 0
    while i < count {
      let b = p[i]
      if b != 0x5C {
        out.append(b)
        i += 1
        continue
      }
      let e = p[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        var code = hex(p + i)
        i += 4
        if (0xD800..<0xDC00).contains(code) {
          if i + 6 <= count, p[i] == 0x5C, p[i + 1] == UInt8(ascii: "u"),
            (0xDC00..<0xE000).contains(hex(p + i + 2))
          {
            code = 0x10000 + ((code - 0xD800) << 10) + (hex(p + i + 2) - 0xDC00)
            i += 6
          } else {
            code = 0xFFFD
          }
        } else if (0xDC00..<0xE000).contains(code) {
          code = 0xFFFD
        }
        appendUTF8(&out, Unicode.Scalar(code) ?? "\u{FFFD}")
      default: out.append(e)  // \" \\ \/
      }
    }
    return out
  }

  static func hex(_ p: UnsafePointer<UInt8>) -> UInt32 {
    var v: UInt32 = 0
    for k in 0..<4 {
      let b = p[k]
      let d: UInt32 = b <= 0x39 ? UInt32(b - 0x30) : b <= 0x46 ? UInt32(b - 0x41 + 10) : UInt32(b - 0x61 + 10)
      v = v << 4 | d
    }
    return v
  }
}
