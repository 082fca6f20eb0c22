#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads, from a record item's JSON bytes, the few facts the facet columns need, without
/// decoding the record.
///
/// Why: decoding a record takes tens of microseconds, so the attribution-basis filter over
/// a million records would take most of a minute. This scan reads one item in well under
/// a microsecond per hundred bytes. It is deliberately conservative: whenever the bytes
/// could mean something it does not model (a `\u` escape, which could spell a key; an
/// `also` or `figures` key, whose contents it does not read; anything unexpected about
/// the attribution), it answers "decode", and the caller decodes that one record. So the
/// columns it feeds are exact, never guessed. The item has already been validated by the
/// loader, so the bytes are well-formed JSON.
enum ItemFactScan {
  struct Facts: Equatable {
    /// The attribution's basis; `.unattributed` when the item has no attribution.
    var basis: Attribution.Basis
  }

  /// The facts, or nil when the record must be decoded to know them.
  static func scan(_ b: UnsafeRawBufferPointer) -> Facts? {
    let n = b.count
    guard let base = b.baseAddress, n > 0 else { return nil }
    // A `\u` escape anywhere could spell a key: decode. memchr skips the text
    // of strings at memory speed; the scan only looks closely at keys and structure.
    if hasUnicodeEscape(base, n) { return nil }
    var i = 0
    var depth = 0
    // The last key seen at the item's top level, and the top-level key of the object
    // being read at depth 2 (the attribution's fields are at depth 2).
    var topKey = Key.other
    var containerKey = Key.other
    var attributions = 0
    var basis: Attribution.Basis? = nil
    var bases = 0
    var basisValueNext = false
    while i < n {
      switch b[i] {
      case 0x22:  // a string: a key or a value
        let start = i + 1
        guard let j = closingQuote(base, n, from: start) else { return nil }
        i = j + 1
        var k = i
        while k < n && (b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0A || b[k] == 0x0D) { k += 1 }
        if k < n && b[k] == 0x3A {  // a key
          let key = Key(b, start..<j)
          if basisValueNext { return nil }
          if depth == 1 {
            topKey = key
            if key == .also || key == .figures { return nil }
            if key == .attribution { attributions += 1 }
          } else if depth == 2 && containerKey == .attribution && key == .basis {
            basisValueNext = true
            bases += 1
          }
          i = k + 1
        } else if basisValueNext {
          guard let value = Attribution.Basis(rawValue: String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<j]), as: UTF8.self))
          else { return nil }
          basis = value
          basisValueNext = false
        }
      case 0x7B, 0x5B:  // { [
        if basisValueNext { return nil }
        depth += 1
        if depth == 2 { containerKey = b[i] == 0x7B ? topKey : .other }
        i += 1
      case 0x7D, 0x5D:  // } ]
        depth -= 1
        i += 1
      default:
        if basisValueNext && b[i] != 0x20 && b[i] != 0x09 && b[i] != 0x0A && b[i] != 0x0D { return nil }
        i += 1
      }
    }
    switch (attributions, bases) {
    case (0, 0): return Facts(basis: .unattributed)
    case (1, 1): return basis.map { Facts(basis: $0) }
    default: return nil
    }
  }

  /// Whether a backslash followed by `u` occurs (memchr finds each backslash).
  static func hasUnicodeEscape(_ base: UnsafeRawPointer, _ n: Int) -> Bool {
    var at = 0
    while at < n, let p = memchr(base + at, 0x5C, n - at) {
      let q = base.distance(to: UnsafeRawPointer(p))
      if q + 1 < n && base.load(fromByteOffset: q + 1, as: UInt8.self) == 0x75 { return true }
      at = q + 2
    }
    return false
  }

  /// The index of the quote that ends the string starting at `from`: the next `"` not
  /// escaped by an odd run of backslashes.
  static func closingQuote(_ base: UnsafeRawPointer, _ n: Int, from: Int) -> Int? {
    var at = from
    while at < n {
      guard let p = memchr(base + at, 0x22, n - at) else { return nil }
      let q = base.distance(to: UnsafeRawPointer(p))
      var slashes = 0
      while q - slashes - 1 >= from && base.load(fromByteOffset: q - slashes - 1, as: UInt8.self) == 0x5C {
        slashes += 1
      }
      if slashes % 2 == 0 { return q }
      at = q + 1
    }
    return nil
  }

  /// The keys the scan cares about.
  enum Key: Equatable {
    case also, figures, attribution, basis, other

    init(_ b: UnsafeRawBufferPointer, _ r: Range<Int>) {
      func equals(_ word: StaticString) -> Bool {
        guard r.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in w.indices.allSatisfy { w[$0] == b[r.lowerBound + $0] } }
      }
      if equals("also") {
        self = .also
      } else if equals("figures") {
        self = .figures
      } else if equals("attribution") {
        self = .attribution
      } else if equals("basis") {
        self = .basis
      } else {
        self = .other
      }
    }
  }
}

extension Corpus {
  /// The JSON bytes of the record at timeline index `i` as loaded, or nil for a record
  /// held in memory (built in code rather than read from a file) or one whose file
  /// changed before it could be read (the caller then decodes, which says so).
  func itemBytes(at i: Int) -> UnsafeRawBufferPointer? {
    guard case .success(let bytes)? = store.itemBytes(i) else { return nil }
    return bytes
  }
}
