import Foundation
import Synchronization

/// Folding a line scalar by scalar, as the exact search folds whole fields, and the
/// lowercase-ASCII substring test on what it gives.
extension TextMatcher {
  /// The line folded scalar by scalar into ASCII (0xFF for a scalar whose folding is not
  /// ASCII), or nil when that is not the line's folding (an escape, a combining mark);
  /// `simple` turns false at a scalar that is not a `simpleScalar`.
  static func folded(
    _ b: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>,
    simple: inout Bool
  )
    -> Int?
  {
    let n = b.count
    var i = 0
    var o = 0
    while i < n {
      let c = b[i]
      if c < 0x80 {
        if c == 0x5C { return nil }
        out[o] = c
        o += 1
        i += 1
        continue
      }
      var v = UInt32(c)
      var len = 1
      if c >= 0xF0 {
        v &= 0x07
        len = 4
      } else if c >= 0xE0 {
        v &= 0x0F
        len = 3
      } else {
        v &= 0x1F
        len = 2
      }
      guard i + len <= n else { return nil }
      for k in 1..<len { v = v << 6 | UInt32(b[i + k] & 0x3F) }
      if simple && !simpleScalar(v) { simple = false }
      var packed = v <= 0xFFFF ? foldTable[Int(v)].load(ordering: .relaxed) : 0
      if packed == 0 { packed = pack(foldOf(v)) }
      if v <= 0xFFFF { foldTable[Int(v)].store(packed, ordering: .relaxed) }
      let count = Int(packed >> 24 & 3)
      guard count > 0 else { return nil }
      for k in 0..<count {
        out[o] = UInt8(truncatingIfNeeded: packed >> (8 * UInt32(k)))
        o += 1
      }
      i += len
    }
    return o
  }

  /// Scalars that are a character of their own next to any ASCII (grapheme cluster break
  /// "Other", or a precomposed Hangul syllable) and fold the same alone as in a text:
  /// letters and signs of the Latin, Greek, Cyrillic, Hebrew, Arabic, kana, CJK and Hangul
  /// blocks, general punctuation and currency signs. Not: marks, format characters (soft
  /// hyphen, joiners, bidi controls), separators, emoji modifiers, prepended letters —
  /// where they stand next to a word, the exact test decides.
  static func simpleScalar(_ v: UInt32) -> Bool {
    switch v {
    case 0x00A0...0x00AC, 0x00AE...0x024F, 0x0386...0x03CE, 0x0400...0x0482,
      0x048A...0x04FF,
      0x05D0...0x05EA, 0x0621...0x064A, 0x1E00...0x1EFF, 0x2010...0x2027,
      0x2030...0x205E,
      0x20A0...0x20BF, 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF,
      0xAC00...0xD7A3:
      return true
    default: return false
    }
  }

  /// A scalar's folding packed: bit 31 known, bits 24–25 its byte count (0: no quick
  /// answer), bytes in bits 0–23. Filled as scalars are met, read without locks.
  nonisolated(unsafe) static let foldTable:
    UnsafeMutablePointer<Atomic<UInt32>> = {
      let p = UnsafeMutablePointer<Atomic<UInt32>>.allocate(capacity: 0x10000)
      for i in 0..<0x10000 { (p + i).initialize(to: Atomic(0)) }
      return p
    }()

  static func pack(_ f: [UInt8]?) -> UInt32 {
    guard let f, f.count <= 3 else { return 1 << 31 }
    var v: UInt32 = 1 << 31 | UInt32(f.count) << 24
    for (k, x) in f.enumerated() { v |= UInt32(x) << (8 * UInt32(k)) }
    return v
  }

  /// Foundation's folding of one non-ASCII scalar as bytes: ASCII when it folds to ASCII
  /// (é → e, ß → ss, Ｚ → z), else one 0xFF (no ASCII word runs through it); nil for
  /// a mark (its folding depends on the scalar before it). Cached per scalar.
  static func foldOf(_ v: UInt32) -> [UInt8]? {
    if let known = foldCache.withLock({ $0[v] }) {
      return known.isEmpty ? nil : known
    }
    var result: [UInt8] = []
    if let u = Unicode.Scalar(v) {
      switch u.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark, .format: result = []
      default:
        let f = Array(TextSearch.fold(String(Character(u))).utf8)
        result =
          f.allSatisfy({ $0 < 0x80 && $0 != 0x5C }) && !f.isEmpty ? f : [0xFF]
      }
    }
    foldCache.withLock { $0[v] = result }
    return result.isEmpty ? nil : result
  }

  static let foldCache = Mutex<[UInt32: [UInt8]]>([:])

  /// Whether `w` (lowercase ASCII) occurs in `b` with ASCII letters lowercased.
  static func containsLowercased(_ b: UnsafeRawBufferPointer, _ w: [UInt8])
    -> Bool
  {
    let m = w.count
    let n = b.count
    guard m <= n else { return false }
    return w.withUnsafeBufferPointer { wp -> Bool in
      let first = wp[0]
      var i = 0
      while i <= n - m {
        var c = b[i]
        if c >= 0x41 && c <= 0x5A { c |= 0x20 }
        if c == first {
          var k = 1
          while k < m {
            var d = b[i + k]
            if d >= 0x41 && d <= 0x5A { d |= 0x20 }
            if d != wp[k] { break }
            k += 1
          }
          if k == m { return true }
        }
        i += 1
      }
      return false
    }
  }
}
