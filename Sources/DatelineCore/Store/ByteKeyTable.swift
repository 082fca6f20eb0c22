import Foundation

/// An open-addressing hash set of byte strings (ids) that lives in two flat arrays.
///
/// Why not `[String: Int]`: a million ids as Swift strings cost ~100 MB and ~150 ms to
/// insert; here a key is where its bytes already are (the mapped file), and a slot is
/// one `UInt64` (32-bit hash, 32-bit value), so a million ids take 16 MB.
///
/// A value like any other: copies share the slots until one is written, which first
/// gets slots of its own (and never writes into a table read back from the cache).
struct ByteKeyTable: @unchecked Sendable {
  /// A column, so a table read back from the cache is used where it is mapped (the
  /// loader's tables are their own memory; only those are ever inserted into).
  private var slots: Column<UInt64>
  private var mask: Int
  private(set) var count = 0
  /// Keys the table takes before an insert grows it: 70% of its slots.
  private var room: Int
  /// Values are below this (a table read back from the cache: the record count), so a
  /// slot naming anything else is passed over, never looked up.
  private var limit = Int32.max

  /// The slots as they are (to write and read back a table).
  var rawSlots: Column<UInt64> { slots }

  /// A table over `slots` (a power-of-two count) read back from the cache, whose values
  /// are below `values`.
  init(slots: Column<UInt64>, count: Int, values: Int32) {
    self.slots = slots
    mask = slots.count - 1
    self.count = count
    room = slots.count * 7 / 10
    limit = values
  }

  /// Room for `capacity` keys: the smallest power of two of slots that keeps the table
  /// at most 70% full. Why not half full: at ten million ids the power of two above
  /// twice the keys left the tables 30% full, 256 MB where 128 MB hold the same keys
  /// (probes stay short: the hash is in the slot, and neighbours share a cache line).
  init(capacity: Int) {
    var n = 16
    while n * 7 < capacity * 10 { n <<= 1 }
    slots = Column(uninitialized: n)
    slots.base.initialize(repeating: 0, count: n)
    mask = n - 1
    room = n * 7 / 10
  }

  @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ n: Int)
    -> UInt32
  {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
    var i = 0
    let raw = UnsafeRawPointer(p)
    while i + 8 <= n {
      h =
        (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 29
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < n {
      tail |= UInt64(p[i]) << shift
      shift += 8
      i += 1
    }
    h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
    h ^= h >> 31
    return UInt32(truncatingIfNeeded: h ^ (h >> 32))
  }

  /// The value stored for the key, or nil. `key(v)` gives the bytes of value `v`.
  ///
  /// Each slot is probed at most once and a value outside `0..<limit` is passed over, so
  /// a lookup in slots read from a file ends and reads only records that exist.
  func find(_ r: ByteRef, key: (Int32) -> ByteRef) -> Int32? {
    let h = r.hash
    let p = r.pointer
    let n = r.count
    var i = Int(h) & mask
    for _ in 0...mask {
      let s = slots[i]
      if s == 0 { return nil }
      if UInt32(truncatingIfNeeded: s >> 32) == h
        && UInt32(truncatingIfNeeded: s) != ByteKeyTable.removed
      {
        let v = Int32(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
        if v >= 0 && v < limit {
          let k = key(v)
          if k.count == n && memcmp(k.pointer, p, n) == 0 { return v }
        }
      }
      i = (i + 1) & mask
    }
    return nil
  }

  /// A slot whose key is no longer findable (probing goes on past it).
  static let removed: UInt32 = 0xFFFF_FFFF

  /// Gives this table slots of its own before a write, when another copy (or the cache's
  /// bytes) holds them.
  @inline(__always) private mutating func ownSlots() {
    if !slots.isSoleOwner() { slots = slots.copied() }
  }

  /// Replaces every value `v` by `f(v)`; a nil makes the key unfindable.
  mutating func remap(_ f: (Int32) -> Int32?) {
    ownSlots()
    do {
      let b = UnsafeMutableBufferPointer(start: slots.base, count: slots.count)
      for i in 0..<b.count where b[i] != 0 {
        let s = b[i]
        let v = Int32(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
        let low =
          f(v).map { UInt32(bitPattern: $0 + 1) } ?? ByteKeyTable.removed
        b[i] = (s & 0xFFFF_FFFF_0000_0000) | UInt64(low)
      }
    }
  }

  /// Inserts `value` unless the key is there; returns the value already stored, if any.
  ///
  /// A table given more keys than it was made for grows (`grow`) instead of filling up,
  /// where the probe below would never end. The loader sizes each half of its id table
  /// for half the items and a margin, so ids that hash mostly into one half grow it.
  /// Inlined as it was before `grow` (out of line) made it larger:
  /// called out of line, the loader's id tables took ~1% more of validate's CPU.
  @inline(__always)
  mutating func insert(_ r: ByteRef, value: Int32, key: (Int32) -> ByteRef)
    -> Int32?
  {
    ownSlots()
    if count >= room { grow() }
    let h = r.hash
    let p = r.pointer
    let n = r.count
    var i = Int(h) & mask
    while true {
      let s = slots[i]
      if s == 0 {
        slots.base[i] = UInt64(h) << 32 | UInt64(UInt32(value + 1))
        count += 1
        return nil
      }
      // A removed key's slot names no value (as in `find`): probing goes on past it.
      if UInt32(truncatingIfNeeded: s >> 32) == h
        && UInt32(truncatingIfNeeded: s) != ByteKeyTable.removed
      {
        let v = Int32(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
        let k = key(v)
        if k.count == n && memcmp(k.pointer, p, n) == 0 { return v }
      }
      i = (i + 1) & mask
    }
  }

  /// Twice the slots, every used one placed again by the hash it carries (no key is
  /// read; a slot whose key was removed keeps its place marker), so the table is at
  /// most 35% full after it; `count` becomes the slots placed.
  @inline(never)
  private mutating func grow() {
    let n = slots.count * 2
    let grown = Column<UInt64>(uninitialized: n)
    grown.base.initialize(repeating: 0, count: n)
    var placed = 0
    for k in 0..<slots.count where slots.values[k] != 0 {
      let s = slots.values[k]
      var i = Int(UInt32(truncatingIfNeeded: s >> 32)) & (n - 1)
      while grown.values[i] != 0 { i = (i + 1) & (n - 1) }
      grown.base[i] = s
      placed += 1
    }
    slots = grown
    mask = n - 1
    room = n * 7 / 10
    count = placed
  }
}
