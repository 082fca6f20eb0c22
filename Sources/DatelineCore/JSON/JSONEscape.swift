/// JSON string escapes (RFC 8259 §7), decoded in one place: by the parser, which reports
/// a bad one, and by the scanners' fast path over string bodies already validated.
///
/// A lone surrogate (`\uD800` without a low one after it, or a low one alone) becomes
/// U+FFFD, as the sanitizer would show it.
enum JSONEscape {
  enum Outcome: Equatable {
    /// The escape's bytes were appended; the next byte to read is at `next`.
    case decoded(next: Int)
    /// `\u` without four hex digits; `at` is where the digits stop.
    case badHex(at: Int)
    /// A backslash before a byte that starts no escape (at `at`, after the backslash).
    case unknown(at: Int)
    /// The bytes end after the backslash.
    case truncated
  }

  /// Decodes the escape whose backslash is `p[i]`, appending its UTF-8 to `out`.
  @inline(__always)
  static func decode(
    _ p: UnsafePointer<UInt8>, count: Int, at i: Int, into out: inout [UInt8]
  ) -> Outcome {
    guard i + 1 < count else { return .truncated }
    switch p[i + 1] {
    case UInt8(ascii: "\""): out.append(0x22)
    case UInt8(ascii: "\\"): out.append(0x5C)
    case UInt8(ascii: "/"): out.append(0x2F)
    case UInt8(ascii: "b"): out.append(0x08)
    case UInt8(ascii: "f"): out.append(0x0C)
    case UInt8(ascii: "n"): out.append(0x0A)
    case UInt8(ascii: "r"): out.append(0x0D)
    case UInt8(ascii: "t"): out.append(0x09)
    case UInt8(ascii: "u"):
      return unicode(p, count: count, at: i + 2, into: &out)
    default: return .unknown(at: i + 1)
    }
    return .decoded(next: i + 2)
  }

  /// The four hex digits at `p[i]` and what follows them, appended as UTF-8.
  static func unicode(
    _ p: UnsafePointer<UInt8>, count: Int, at i: Int, into out: inout [UInt8]
  ) -> Outcome {
    switch scalar(p, count: count, at: i) {
    case .success(let s):
      appendUTF8(&out, Unicode.Scalar(s.value) ?? "\u{FFFD}")
      return .decoded(next: s.next)
    case .failure(let stop): return .badHex(at: stop.at)
    }
  }

  /// A decoded `\u` escape: the scalar and the offset after it.
  struct Scalar {
    var value: UInt32
    var next: Int
  }

  /// The scalar of the `\u` escape whose four hex digits start at `p[i]`, with a low
  /// surrogate escape after a high one.
  @inline(__always)
  static func scalar(_ p: UnsafePointer<UInt8>, count: Int, at i: Int)
    -> Result<Scalar, HexStop>
  {
    var code: UInt32
    switch hex4(p, count: count, at: i) {
    case .success(let v): code = v
    case .failure(let stop): return .failure(stop)
    }
    var next = i + 4
    if (0xD800..<0xDC00).contains(code) {
      // A high surrogate must be followed by \u and a low one; else it is lone, and what
      // follows it is read as it stands.
      if next + 1 < count, p[next] == UInt8(ascii: "\\"),
        p[next + 1] == UInt8(ascii: "u")
      {
        switch hex4(p, count: count, at: next + 2) {
        case .success(let low) where (0xDC00..<0xE000).contains(low):
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          next += 6
        case .success: code = 0xFFFD
        case .failure(let stop): return .failure(stop)
        }
      } else {
        code = 0xFFFD
      }
    } else if (0xDC00..<0xE000).contains(code) {
      code = 0xFFFD
    }
    return .success(Scalar(value: code, next: next))
  }

  struct HexStop: Error { var at: Int }

  /// Four hex digits at `p[i]`, or where they stop (`i` when fewer than four bytes remain).
  static func hex4(_ p: UnsafePointer<UInt8>, count: Int, at i: Int) -> Result<
    UInt32, HexStop
  > {
    guard i + 4 <= count else { return .failure(HexStop(at: i)) }
    var v: UInt32 = 0
    for k in i..<(i + 4) {
      let b = p[k]
      let d: UInt32
      switch b {
      case 0x30...0x39: d = UInt32(b - 0x30)
      case 0x41...0x46: d = UInt32(b - 0x41 + 10)
      case 0x61...0x66: d = UInt32(b - 0x61 + 10)
      default: return .failure(HexStop(at: k))
      }
      v = v << 4 | d
    }
    return .success(v)
  }

  /// The decoded bytes of a string body the scanner has already validated.
  ///
  /// Why not the parser: a source text with paragraph breaks is written with `\n`
  /// escapes; decoding 160 MB of such texts through `String` and Foundation costs seconds,
  /// this loop a fraction of that.
  static func unescaped(_ p: UnsafePointer<UInt8>, count: Int) -> [UInt8] {
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
      if case .decoded(let next) = decode(p, count: count, at: i, into: &out) {
        i = next
      } else {
        // Not reached for a validated body; kept as written rather than trapping.
        out.append(b)
        i += 1
      }
    }
    return out
  }
}
