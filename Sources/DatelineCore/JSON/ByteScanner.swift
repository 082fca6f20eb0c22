import Foundation

/// A non-allocating cursor over JSON bytes that proves an item clean or gives up.
///
/// The fast loader's contract: when a scan succeeds, the reference path (`JSONParser` plus
/// `ItemDecoding`) would report no problem for the item and would decode the same values;
/// on anything unusual (a syntax error, an escape in an id, a control character, an unknown
/// field, nesting near the limit) the scan returns nil and the item goes to the reference
/// path, so every message stays exactly the reference's.
struct ByteScanner {
  let base: UnsafePointer<UInt8>
  let end: Int
  var pos: Int
  /// Nesting levels outside the scanned bytes (2 for an envelope item), for the 64 limit.
  let depthBase: Int

  init(_ bytes: UnsafeRawBufferPointer, depthBase: Int = 0) {
    base = bytes.start.assumingMemoryBound(to: UInt8.self)
    end = bytes.count
    pos = 0
    self.depthBase = depthBase
  }

  @inline(__always) func peek() -> UInt8? { pos < end ? base[pos] : nil }

  @inline(__always) mutating func skipSpace() {
    while pos < end {
      let b = base[pos]
      guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
      pos += 1
    }
  }

  /// Consumes `b` after white space.
  @inline(__always) mutating func expect(_ b: UInt8) -> Bool {
    skipSpace()
    guard pos < end, base[pos] == b else { return false }
    pos += 1
    return true
  }

  /// `true` or `false` as a literal.
  mutating func bool() -> Bool? {
    skipSpace()
    if literal("true") { return true }
    if literal("false") { return false }
    return nil
  }

  mutating func literal(_ w: StaticString) -> Bool {
    let n = w.utf8CodeUnitCount
    guard pos + n <= end, memcmp(base + pos, w.utf8Start, n) == 0 else {
      return false
    }
    pos += n
    return true
  }

  /// A number as the reference parser reads it: small integers exactly, the rest by strtod.
  ///
  /// Returns nil for bad syntax and for literals beyond a double's range (an error there).
  mutating func number() -> Double? {
    skipSpace()
    let start = pos
    if pos < end && base[pos] == UInt8(ascii: "-") { pos += 1 }
    func digit(_ i: Int) -> Bool {
      i < end && base[i] >= 0x30 && base[i] <= 0x39
    }
    guard digit(pos) else { return nil }
    if base[pos] == 0x30 {
      pos += 1
      if digit(pos) { return nil }
    } else {
      while digit(pos) { pos += 1 }
    }
    var simple = true
    if pos < end && base[pos] == UInt8(ascii: ".") {
      simple = false
      pos += 1
      guard digit(pos) else { return nil }
      while digit(pos) { pos += 1 }
    }
    if pos < end
      && (base[pos] == UInt8(ascii: "e") || base[pos] == UInt8(ascii: "E"))
    {
      simple = false
      pos += 1
      if pos < end
        && (base[pos] == UInt8(ascii: "+") || base[pos] == UInt8(ascii: "-"))
      {
        pos += 1
      }
      guard digit(pos) else { return nil }
      while digit(pos) { pos += 1 }
    }
    let count = pos - start
    if simple && count <= 15 {
      var n = 0
      var neg = false
      for i in start..<pos {
        if base[i] == UInt8(ascii: "-") {
          neg = true
        } else {
          n = n * 10 + Int(base[i] - 0x30)
        }
      }
      return Double(neg ? -n : n)
    }
    var buf = [CChar](repeating: 0, count: count + 1)
    for i in 0..<count { buf[i] = CChar(bitPattern: base[start + i]) }
    let d = strtod(buf, nil)
    return d.isFinite ? d : nil
  }

  /// Skips any value, validating it as the reference would find it clean: no duplicate
  /// keys, no control characters, finite numbers, strings within 1 MiB, depth within 64.
  mutating func skipValue(depth: Int) -> Bool {
    skipSpace()
    guard pos < end else { return false }
    switch base[pos] {
    case UInt8(ascii: "\""):
      guard let s = string(), !s.hasControl,
        s.rawCount <= ItemLimits.maxStringBytes
      else { return false }
      return true
    case UInt8(ascii: "{"):
      guard depth + 1 + depthBase <= ItemLimits.maxDepth else { return false }
      pos += 1
      var keys: [(Int, Int)] = []
      if expect(UInt8(ascii: "}")) { return true }
      repeat {
        skipSpace()
        guard let k = string(), !k.escaped else { return false }
        for (s, n) in keys
        where n == k.rawCount && memcmp(base + s, base + k.start, n) == 0 {
          return false
        }
        if keys.count > 64 { return false }
        keys.append((k.start, k.rawCount))
        guard expect(UInt8(ascii: ":")), skipValue(depth: depth + 1) else {
          return false
        }
      } while expect(UInt8(ascii: ","))
      return expect(UInt8(ascii: "}"))
    case UInt8(ascii: "["):
      guard depth + 1 + depthBase <= ItemLimits.maxDepth else { return false }
      pos += 1
      if expect(UInt8(ascii: "]")) { return true }
      repeat {
        guard skipValue(depth: depth + 1) else { return false }
      } while expect(UInt8(ascii: ","))
      return expect(UInt8(ascii: "]"))
    case UInt8(ascii: "t"): return literal("true")
    case UInt8(ascii: "f"): return literal("false")
    case UInt8(ascii: "n"): return literal("null")
    default: return number() != nil
    }
  }
}

/// The limits SCHEMA.md sets on every item.
enum ItemLimits {
  static let maxDepth = 64
  static let maxStringBytes = 1 << 20
}
