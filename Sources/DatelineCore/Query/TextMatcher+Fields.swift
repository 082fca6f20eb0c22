import Foundation

/// The raw-line readers of the quick path: the searched fields and the listed parties of
/// a JSON line without escapes, found without decoding the record.
extension TextMatcher {
  /// The searched fields of a JSON line without escapes (every `"` then delimits a
  /// string): the values of `RecordField.searched` (`headline`, `summary`, `text` (the
  /// attribution's) and `tags`), each folded (see `folded`) and ended by 0x1F, as TextSearch joins them. Nil when the
  /// line is not as expected; then the exact test decides.
  static func foldedTextFields(
    _ b: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>
  )
    -> UnsafeRawBufferPointer?
  {
    var simple = true
    return foldedTextFields(b, into: out, simple: &simple)
  }

  /// `foldedTextFields`, also saying whether every non-ASCII scalar of those fields is a
  /// `simpleScalar`.
  static func foldedTextFields(
    _ b: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>,
    simple: inout Bool
  ) -> UnsafeRawBufferPointer? {
    let n = b.count
    var i = 0
    var o = 0
    // 0: skip values; 1: keep the next string; 2: keep strings until the array ends.
    var want = 0
    // Nesting outside strings, and the searched top-level key being read (its
    // `member`, the attribution's `text`, is read at depth 2): only the record's own
    // fields count, not the same names inside an extension's object
    // (`"x_review": {"text": …}`).
    var depth = 0
    var current = -1
    let keys = SearchedKey.all
    let hints = SearchedKey.hints
    while i < n {
      let open = nextQuote(b, from: i)
      for j in i..<min(open, n) {
        let c = b[j]
        if c == 0x7B || c == 0x5B {
          depth += 1
        } else if c == 0x7D || c == 0x5D {
          depth -= 1
        }
      }
      guard open < n else { break }
      let close = nextQuote(b, from: open + 1)
      guard close < n else { return nil }
      var k = close + 1
      while k < n && (b[k] == 0x20 || b[k] == 0x09) { k += 1 }
      let body = UnsafeRawBufferPointer(rebasing: b[(open + 1)..<close])
      if k < n && b[k] == 0x3A {
        if depth == 1 {
          current = SearchedKey.index(of: body, in: keys, hints: hints)
          want = current < 0 ? 0 : keys[current].want
        } else if depth == 2, current >= 0, let m = keys[current].member,
          m.matches(body)
        {
          want = 1
        } else {
          want = 0
        }
      } else if want != 0 {
        guard appendFolded(body, to: out, at: &o, simple: &simple) else {
          return nil
        }
        if want == 1 || (k < n && b[k] == 0x5D) { want = 0 }
      }
      i = close + 1
    }
    return UnsafeRawBufferPointer(
      UnsafeMutableBufferPointer(rebasing: out[..<o]))
  }

  /// Appends `body` folded (see `folded`) and a 0x1F to `out` at `o`: false when the
  /// text has no quick folding.
  @inline(__always) static func appendFolded(
    _ body: UnsafeRawBufferPointer, to out: UnsafeMutableBufferPointer<UInt8>,
    at o: inout Int, simple: inout Bool
  ) -> Bool {
    guard
      let m = folded(
        body, into: UnsafeMutableBufferPointer(rebasing: out[o...]),
        simple: &simple)
    else { return false }
    o += m
    out[o] = 0x1F
    o += 1
    return true
  }

  /// The indexes of the parties a JSON line without escapes lists in its top-level
  /// `parties` (plain ids, or objects' `id`), or nil when the line is not as expected.
  static func listedParties(
    _ b: UnsafeRawBufferPointer, _ lookup: PartyLookup.View
  ) -> [Int]? {
    var c = PlainLine(b)
    guard c.skipToTopLevelValue(of: partiesKey) else { return nil }
    c.space()
    guard c.take(0x5B) else { return nil }
    var out: [Int] = []
    while true {
      c.space()
      guard let next = c.byte else { return nil }
      if next == 0x22 {
        guard let id = c.string() else { return nil }
        if let p = party(id, lookup) { out.append(p) }
      } else if next == 0x7B {
        guard partyObject(&c, lookup, into: &out) else { return nil }
      } else {
        return nil
      }
      c.space()
      if c.take(0x2C) { continue }
      return c.take(0x5D) ? out : nil
    }
  }

  static let partiesKey = Array(RecordField.parties.key.utf8)

  /// One `{"id": …, "role": …}` entry at `c`, its party's index appended to `out`.
  ///
  /// Guarantees: true only when the object's members are all strings and it closed;
  /// `c` is then past its `}`.
  static func partyObject(
    _ c: inout PlainLine, _ lookup: PartyLookup.View, into out: inout [Int]
  ) -> Bool {
    guard c.take(0x7B) else { return false }
    while true {
      c.space()
      guard let key = c.string() else { return false }
      c.space()
      guard c.take(0x3A) else { return false }
      c.space()
      // Values other than strings (an extension's object or number): not read here.
      guard let value = c.string() else { return false }
      if equals(key, "id"), let p = party(value, lookup) { out.append(p) }
      c.space()
      if c.take(0x2C) { continue }
      return c.take(0x7D)
    }
  }

  /// The index of the party whose id is `id`'s bytes, if there is one.
  static func party(_ id: UnsafeRawBufferPointer, _ lookup: PartyLookup.View)
    -> Int?
  {
    guard let base = id.baseAddress, id.count > 0 else { return nil }
    return lookup.find(base.assumingMemoryBound(to: UInt8.self), id.count)
  }

  /// The offset of the next `"` at or after `i` (or `b.count`), eight bytes at a time.
  @inline(__always) static func nextQuote(
    _ b: UnsafeRawBufferPointer, from start: Int
  ) -> Int {
    let n = b.count
    var i = start
    let ones: UInt64 = 0x0101_0101_0101_0101
    while i + 8 <= n {
      let w =
        b.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ (ones &* 0x22)
      let z = (w &- ones) & ~w & 0x8080_8080_8080_8080
      if z != 0 { return i + z.trailingZeroBitCount / 8 }
      i += 8
    }
    while i < n && b[i] != 0x22 { i += 1 }
    return i
  }

  static func equals(_ b: UnsafeRawBufferPointer, _ word: StaticString) -> Bool
  {
    b.count == word.utf8CodeUnitCount
      && memcmp(b.start, word.utf8Start, b.count) == 0
  }

  static func equals(_ b: UnsafeRawBufferPointer, _ word: [UInt8]) -> Bool {
    b.count == word.count
      && word.withUnsafeBytes { w in
        guard let p = b.baseAddress, let q = w.baseAddress else { return true }
        return memcmp(p, q, b.count) == 0
      }
  }
}
