import Foundation
import Synchronization

/// Search words made ready for one corpus: a record is decoded only when its raw bytes
/// could match.
///
/// Why: the exact test (TextSearch over the folded headline, summary, attribution, tags
/// and party names) decodes the record, tens of microseconds; a million of them take
/// seconds, so an incremental search that finds nothing would freeze the screen. For a
/// record whose JSON line has no escapes, every text field is a run of its bytes; folding
/// it scalar by scalar (ASCII lowercased, other scalars by Foundation's own folding, once
/// per scalar; a line with a combining mark, whose folding depends on its neighbour, gets
/// no quick answer) gives a text in which an ASCII word that occurs in the folded fields
/// occurs too. A record where some word is in neither its folded line nor the
/// names of its parties cannot match and is skipped; every other record (a candidate, or a
/// line with non-ASCII bytes or escapes) gets the exact test. So the answer is always the
/// exact one; only the time differs.
public struct TextMatcher: Sendable {
  let words: [String]
  let corpus: Corpus
  /// The words' bytes when every word is ASCII (else no quick rejection).
  let ascii: [[UInt8]]?
  /// Per word, per party index: whether the party's folded texts contain the word.
  let inParty: [[Bool]]

  public init(_ words: [String], corpus: Corpus) {
    self.words = words
    self.corpus = corpus
    let bytes = words.map { Array($0.utf8) }
    let plain = bytes.allSatisfy { w in !w.isEmpty && w.allSatisfy { $0 < 0x80 && $0 != 0x1F } }
    ascii = plain ? bytes : nil
    inParty = words.map { w in corpus.partyTexts.map { $0.contains(w) } }
  }

  /// Whether the record at timeline index `i` matches every word.
  public func matches(_ i: Int) -> Bool {
    if let ascii, let raw = corpus.itemBytes(at: i), let folded = TextMatcher.folded(raw) {
      defer { folded.deallocate() }
      let bytes = UnsafeRawBufferPointer(folded)
      let store = corpus.store
      for (k, w) in ascii.enumerated() {
        if TextMatcher.containsLowercased(bytes, w) { continue }
        var viaParty = false
        for j in Int(store.involvedStart[i])..<Int(store.involvedStart[i + 1]) where inParty[k][Int(store.involved[j])] {
          viaParty = true
          break
        }
        if !viaParty { return false }
      }
    }
    return TextSearch.matches(words, haystack: corpus.searchText(i))
  }

  /// The line folded scalar by scalar into ASCII (0xFF for a scalar whose folding is not
  /// ASCII), or nil when that is not the line's folding (an escape, a combining mark).
  static func folded(_ b: UnsafeRawBufferPointer) -> UnsafeMutableBufferPointer<UInt8>? {
    let n = b.count
    let out = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: n * 3 + 8)
    if plainASCII(b) {
      _ = out.initialize(from: b)
      return UnsafeMutableBufferPointer(rebasing: out[..<n])
    }
    var i = 0
    var o = 0
    while i < n {
      let c = b[i]
      if c < 0x80 {
        if c == 0x5C { out.deallocate(); return nil }
        out[o] = c
        o += 1
        i += 1
        continue
      }
      var v = UInt32(c)
      var len = 1
      if c >= 0xF0 { v &= 0x07; len = 4 } else if c >= 0xE0 { v &= 0x0F; len = 3 } else { v &= 0x1F; len = 2 }
      guard i + len <= n else { out.deallocate(); return nil }
      for k in 1..<len { v = v << 6 | UInt32(b[i + k] & 0x3F) }
      guard let f = foldOf(v) else { out.deallocate(); return nil }
      for x in f {
        out[o] = x
        o += 1
      }
      i += len
    }
    return UnsafeMutableBufferPointer(rebasing: out[..<o])
  }

  /// Foundation's folding of one non-ASCII scalar as bytes: ASCII when it folds to ASCII
  /// (é → e, ß → ss, Ｚ → z), else one 0xFF (no ASCII word runs through it); nil for
  /// a mark (its folding depends on the scalar before it). Cached per scalar.
  static func foldOf(_ v: UInt32) -> [UInt8]? {
    if let known = foldCache.withLock({ $0[v] }) { return known.isEmpty ? nil : known }
    var result: [UInt8] = []
    if let u = Unicode.Scalar(v) {
      switch u.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark, .format: result = []
      default:
        let f = Array(TextSearch.fold(String(Character(u))).utf8)
        result = f.allSatisfy({ $0 < 0x80 && $0 != 0x5C }) && !f.isEmpty ? f : [0xFF]
      }
    }
    foldCache.withLock { $0[v] = result }
    return result.isEmpty ? nil : result
  }

  static let foldCache = Mutex<[UInt32: [UInt8]]>([:])

  /// No byte at or above 0x80 and no backslash.
  static func plainASCII(_ b: UnsafeRawBufferPointer) -> Bool {
    let n = b.count
    var i = 0
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    while i + 8 <= n {
      let w = b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      let slash = w ^ (ones &* 0x5C)
      if (w | ((slash &- ones) & ~slash)) & highs != 0 { return false }
      i += 8
    }
    while i < n {
      if b[i] >= 0x80 || b[i] == 0x5C { return false }
      i += 1
    }
    return true
  }

  /// Whether `w` (lowercase ASCII) occurs in `b` with ASCII letters lowercased.
  static func containsLowercased(_ b: UnsafeRawBufferPointer, _ w: [UInt8]) -> Bool {
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
