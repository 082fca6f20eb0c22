import CDatelineScan
import Foundation

/// Typed values for the fast item scans: ids, dates, enums, as the reference reads them.
extension ByteScanner {
  /// Whether the raw bytes of `s` equal `literal` (callers check `escaped` first).
  @inline(__always) func equals(_ s: ScannedString, _ literal: StaticString)
    -> Bool
  {
    let n = literal.utf8CodeUnitCount
    guard s.rawCount == n else { return false }
    // Keys are a few bytes: compare in place rather than call memcmp.
    let a = base + s.start
    let b = literal.utf8Start
    var i = 0
    while i < n {
      if a[i] != b[i] { return false }
      i += 1
    }
    return true
  }

  /// A string with no escapes (values the reference compares as text: ids, dates, enums).
  mutating func plainString() -> ScannedString? {
    skipSpace()
    guard let s = string(), !s.escaped else { return nil }
    return s
  }

  /// An id: `^[a-z0-9][a-z0-9._-]{0,63}$` (TypedID.isValid).
  ///
  /// Guarantees: the string `plainString` would give when it is an id, else nil. An id's
  /// bytes are checked sixteen at a time together with its closing quote (`dl_id_length`):
  /// anything but an id byte before the quote (an escape, a control, any non-ASCII byte)
  /// makes it no id, so the string need not be scanned first.
  mutating func id() -> ScannedString? {
    skipSpace()
    guard pos < end, base[pos] == 0x22 else { return nil }
    let n = dl_id_length(base + pos + 1, end - pos - 1)
    guard n > 0 else { return nil }
    let s = ScannedString(
      start: pos + 1, rawCount: n, escaped: false, hasControl: false,
      nfcStable: true, widthBound: n, visible: true)
    pos += n + 2
    return s
  }

  /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (RecordDate.parse).
  mutating func date() -> RecordDate? {
    guard let s = plainString() else { return nil }
    return Self.date((base + s.start, s.rawCount))
  }

  /// The date a plain string's bytes spell (`date()`'s reading, for the C walk's spans).
  static func date(_ span: (UnsafePointer<UInt8>, Int)) -> RecordDate? {
    let (p, count) = span
    // Inlined: called out of line, it cost ~150 instructions a record.
    @inline(__always) func digits(_ a: Int, _ n: Int) -> Int? {
      var v = 0
      for k in a..<(a + n) {
        let b = p[k]
        guard b >= 0x30, b <= 0x39 else { return nil }
        v = v * 10 + Int(b - 0x30)
      }
      return v
    }
    switch count {
    case 4:
      guard let y = digits(0, 4), let d = CalendarDay(year: y, month: 1, day: 1)
      else { return nil }
      return RecordDate(firstDay: d, precision: .year)
    case 7:
      guard p[4] == 0x2D, let y = digits(0, 4), let m = digits(5, 2),
        let d = CalendarDay(year: y, month: m, day: 1)
      else { return nil }
      return RecordDate(firstDay: d, precision: .month)
    case 10:
      guard p[4] == 0x2D, p[7] == 0x2D, let y = digits(0, 4),
        let m = digits(5, 2),
        let dd = digits(8, 2), let d = CalendarDay(year: y, month: m, day: dd)
      else { return nil }
      return RecordDate(firstDay: d, precision: .day)
    default:
      return nil
    }
  }

  /// `HH:MM` from 00:00 to 23:59, as minutes.
  mutating func time() -> Int16? {
    guard let s = plainString() else { return nil }
    return Self.time((base + s.start, s.rawCount))
  }

  /// `time()`'s reading of a plain string's bytes.
  static func time(_ span: (UnsafePointer<UInt8>, Int)) -> Int16? {
    let (p, count) = span
    guard count == 5 else { return nil }
    @inline(__always) func d(_ k: Int) -> Int? {
      p[k] >= 0x30 && p[k] <= 0x39 ? Int(p[k] - 0x30) : nil
    }
    guard p[2] == 0x3A, let h1 = d(0), let h2 = d(1), let m1 = d(3),
      let m2 = d(4)
    else { return nil }
    let h = h1 * 10 + h2
    let m = m1 * 10 + m2
    guard h < 24, m < 60 else { return nil }
    return Int16(h * 60 + m)
  }

  /// `+HH:MM` / `-HH:MM` (TimeOfDay.isValidOffset).
  mutating func utcOffset() -> Bool {
    guard let s = plainString() else { return false }
    return Self.utcOffset((base + s.start, s.rawCount))
  }

  /// `utcOffset()`'s reading of a plain string's bytes.
  static func utcOffset(_ span: (UnsafePointer<UInt8>, Int)) -> Bool {
    let (p, count) = span
    guard count == 6 else { return false }
    guard p[0] == 0x2B || p[0] == 0x2D, p[3] == 0x3A else { return false }
    for k in 1...5 where k != 3 && !(p[k] >= 0x30 && p[k] <= 0x39) {
      return false
    }
    let h = Int(p[1] - 0x30) * 10 + Int(p[2] - 0x30)
    let m = Int(p[4] - 0x30) * 10 + Int(p[5] - 0x30)
    return h <= 14 && m < 60
  }

  /// A string that is allowed anywhere (text fields): valid, no control, within 1 MiB.
  mutating func text() -> ScannedString? {
    skipSpace()
    guard let s = string(), !s.hasControl,
      s.rawCount <= ItemLimits.maxStringBytes
    else { return nil }
    return s
  }

  /// The index of `s` among `names` (exact bytes), for enums. An inline array: an
  /// `Array` of names cost a retain and a release per value scanned.
  func oneOf<let n: Int>(
    _ s: ScannedString, _ names: InlineArray<n, StaticString>
  ) -> Int? {
    guard !s.escaped else { return nil }
    for i in names.indices where equals(s, names[i]) { return i }
    return nil
  }

  /// An object's members: calls `member` with each key (no escapes, no duplicates among
  /// the keys `member` accepts by returning its bit; extension keys must be unique too).
  mutating func object(
    depth: Int, _ member: (inout ByteScanner, ScannedString) -> UInt64?
  ) -> Bool {
    guard depth + depthBase <= ItemLimits.maxDepth, expect(UInt8(ascii: "{"))
    else { return false }
    if expect(UInt8(ascii: "}")) { return true }
    var seen: UInt64 = 0
    // Made only when an extension key comes (an empty array still cost a retain and a
    // release per object scanned).
    var extensions: [(Int, Int)]? = nil
    repeat {
      skipSpace()
      guard let k = string(), !k.escaped, expect(UInt8(ascii: ":")) else {
        return false
      }
      if k.rawCount >= 2 && base[k.start] == UInt8(ascii: "x")
        && base[k.start + 1] == UInt8(ascii: "_")
      {
        for (s, n) in extensions ?? []
        where n == k.rawCount && memcmp(base + s, base + k.start, n) == 0 {
          return false
        }
        extensions = (extensions ?? []) + [(k.start, k.rawCount)]
        guard skipValue(depth: depth) else { return false }
        continue
      }
      guard let bit = member(&self, k), seen & bit == 0 else { return false }
      seen |= bit
    } while expect(UInt8(ascii: ","))
    return expect(UInt8(ascii: "}"))
  }

  /// An array's elements: `element` scans each one.
  mutating func array(depth: Int, _ element: (inout ByteScanner, Int) -> Bool)
    -> Bool
  {
    guard depth + depthBase <= ItemLimits.maxDepth, expect(UInt8(ascii: "["))
    else { return false }
    if expect(UInt8(ascii: "]")) { return true }
    var i = 0
    repeat {
      guard element(&self, i) else { return false }
      i += 1
    } while expect(UInt8(ascii: ","))
    return expect(UInt8(ascii: "]"))
  }
}
