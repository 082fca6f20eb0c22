/// Little-endian values appended to a byte array: the cache's header and its `meta`
/// section (counts, issues, parties, sources, links), read back by ByteReader.
struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func u64(_ v: UInt64) {
    withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
  }
  mutating func u32(_ v: UInt32) {
    withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
  }
  mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
  mutating func bool(_ v: Bool) { u64(v ? 1 : 0) }

  /// A length, then the UTF-8 bytes.
  mutating func string(_ s: String) {
    int(s.utf8.count)
    bytes.append(contentsOf: s.utf8)
  }

  /// 0 for nil, else 1 and the string.
  mutating func optional(_ s: String?) {
    if let s {
      u64(1)
      string(s)
    } else {
      u64(0)
    }
  }

  mutating func pad(to alignment: Int) {
    while bytes.count % alignment != 0 { bytes.append(0) }
  }

  /// Overwrites the 8 bytes at `offset` (a field whose value is known only at the end).
  mutating func set(_ v: UInt64, at offset: Int) {
    withUnsafeBytes(of: v.littleEndian) {
      for (k, b) in $0.enumerated() { bytes[offset + k] = b }
    }
  }
}

/// Reads what ByteWriter wrote from bytes that may be anything: every read is checked
/// against the end, and the first that does not fit sets `ok` to false and returns zero
/// or empty from then on (the caller checks `ok`, or a `count` before a loop).
struct ByteReader {
  let bytes: UnsafeRawBufferPointer
  var pos = 0
  private(set) var ok = true

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  var remaining: Int { ok ? bytes.count - pos : 0 }

  mutating func fail() { ok = false }

  mutating func u64() -> UInt64 {
    guard ok, remaining >= 8 else {
      ok = false
      return 0
    }
    defer { pos += 8 }
    return UInt64(
      littleEndian: bytes.loadUnaligned(fromByteOffset: pos, as: UInt64.self))
  }

  mutating func u32() -> UInt32 {
    guard ok, remaining >= 4 else {
      ok = false
      return 0
    }
    defer { pos += 4 }
    return UInt32(
      littleEndian: bytes.loadUnaligned(fromByteOffset: pos, as: UInt32.self))
  }

  mutating func int() -> Int { Int(Int64(bitPattern: u64())) }

  /// 0 or 1; anything else fails the read.
  mutating func bool() -> Bool {
    let v = u64()
    if v > 1 { ok = false }
    return v == 1
  }

  /// A count of things that each take at least `unit` bytes of what is left: a value
  /// that cannot fit fails the read (so no loop or allocation is sized by a bad count).
  mutating func count(unit: Int) -> Int {
    let n = int()
    guard ok, n >= 0, n <= remaining / max(unit, 1) else {
      ok = false
      return 0
    }
    return n
  }

  mutating func string() -> String {
    let n = int()
    guard ok, n >= 0, n <= remaining else {
      ok = false
      return ""
    }
    defer { pos += n }
    return String(
      decoding: UnsafeRawBufferPointer(rebasing: bytes[pos..<(pos + n)]),
      as: UTF8.self)
  }

  mutating func optional() -> String? {
    let present = bool()
    return present ? string() : nil
  }
}
