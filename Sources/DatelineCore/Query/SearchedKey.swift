import Foundation

/// A searched top-level key of a record line (`RecordField.searched`) and what the
/// search's raw-line quick path (`TextMatcher.foldedTextFields`) reads in its value.
///
/// Why packed: the quick path meets every key of every line it reads, a million lines
/// a search; a key held inline and a hint bit that rules out most other keys keep that
/// test within a few percent of the literal comparisons it replaced (callgrind, 20,000
/// lines of n100000: 72.1M instructions against 65.6M; with the folding 5.6% more).
struct SearchedKey: Sendable {
  var key: Packed
  /// 1: the value's string; 2: every string of its array; 0: only `member`'s string.
  var want: Int
  var member: Packed?

  /// A key of at most 16 bytes held inline (nothing to retain in the loop over keys).
  struct Packed: Sendable {
    var count: Int
    var bytes: (UInt64, UInt64) = (0, 0)

    init(_ key: String) {
      let b = Array(key.utf8)
      precondition(b.count <= 16, "a searched key over 16 bytes: \(key)")
      count = b.count
      withUnsafeMutableBytes(of: &bytes) { $0.copyBytes(from: b) }
    }

    var first: UInt8 { UInt8(truncatingIfNeeded: bytes.0) }

    /// Whether `body` is this key.
    @inline(__always) func matches(_ body: UnsafeRawBufferPointer) -> Bool {
      guard body.count == count, let p = body.baseAddress else { return false }
      return withUnsafeBytes(of: bytes) { k in
        guard let q = k.baseAddress else { return false }
        return memcmp(p, q, count) == 0
      }
    }
  }

  /// The searched fields' keys, in the table's order.
  static let all: [SearchedKey] = RecordField.searched.map { field in
    let member = field.searchedMember.map(Packed.init)
    let want = member != nil ? 0 : field.row.type == .words ? 2 : 1
    return SearchedKey(key: Packed(field.key), want: want, member: member)
  }

  /// Bit `hint(count, first byte)` of each searched key.
  static let hints: UInt64 = all.reduce(0) {
    $0 | 1 << hint($1.key.count, $1.key.first)
  }

  @inline(__always) static func hint(_ count: Int, _ first: UInt8) -> UInt64 {
    UInt64(truncatingIfNeeded: count &* 7 &+ Int(first)) & 63
  }

  /// The index in `keys` (`all`) of the key `body`, or -1.
  @inline(__always) static func index(
    of body: UnsafeRawBufferPointer, in keys: [SearchedKey], hints: UInt64
  ) -> Int {
    guard body.count > 0, hints >> hint(body.count, body[0]) & 1 != 0 else {
      return -1
    }
    for i in keys.indices where keys[i].key.matches(body) { return i }
    return -1
  }
}
