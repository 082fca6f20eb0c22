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
  /// Bit k: word k is in the names of some party (so a record may match it through one).
  let inSomeParty: UInt64
  /// Per ASCII word, the letter pairs a run of records must have (see SearchSignatures).
  let pairs: [[Int]]
  /// The corpus's signatures if they were built when this matcher was made.
  let prebuilt: SearchSignatures?

  /// Below this many records a search reads every line faster than signatures pay off.
  public static let signatureThreshold = 50_000
  /// Rows a search tests one by one before it goes to blocks (and signatures).
  static let headRows = 2048

  public init(_ words: [String], corpus: Corpus) {
    self.words = words
    self.corpus = corpus
    let bytes = words.map { Array($0.utf8) }
    let plain = bytes.allSatisfy { w in
      !w.isEmpty && w.allSatisfy { $0 < 0x80 && $0 != 0x1F }
    }
    ascii = plain ? bytes : nil
    inParty = words.map { w in corpus.partyTexts.map { $0.contains(w) } }
    pairs = ascii?.map(SearchSignatures.pairs(of:)) ?? []
    var some: UInt64 = 0
    for (k, parties) in inParty.prefix(64).enumerated()
    where parties.contains(true) { some |= 1 << UInt64(k) }
    inSomeParty = some
    prebuilt = ascii != nil ? corpus.searchSignatures.built : nil
  }

  /// The first position `p` in `rows`, visiting `start`, `start + 1`, … (or backwards)
  /// around the ring, whose record matches; blocks of rows are tested on both cores, so
  /// a search that finds nothing in a million rows answers in a fraction of a second.
  public func firstMatch(in rows: [Int], from start: Int, forward: Bool) -> Int?
  {
    firstMatch(in: rows, from: start, forward: forward) {
      guard ascii != nil else { return nil }
      if let built = corpus.searchSignatures.built { return built }
      // Built only for a long search: the rows left may be few (a filter is on).
      return rows.count - TextMatcher.headRows >= TextMatcher.signatureThreshold
        ? corpus.searchSignatures.get(corpus) : nil
    }
  }

  /// `firstMatch`, with the signatures to use once the first rows had no match.
  func firstMatch(
    in rows: [Int], from start: Int, forward: Bool,
    signatures wanted: () -> SearchSignatures?
  ) -> Int? {
    let n = rows.count
    guard n > 0 else { return nil }
    @Sendable func position(_ step: Int) -> Int {
      ((forward ? start + step : start - step) % n + n) % n
    }
    // The first steps one by one (a match is usually near), then blocks, two at a time.
    let head = min(n, TextMatcher.headRows)
    for step in 0..<head where matches(rows[position(step)]) {
      return position(step)
    }
    // Nothing nearby: from here on, records are first checked against their signatures.
    let signatures = wanted()
    let block = 16_384
    var from = head
    while from < n {
      let found = ResultSlots<Int>(count: 2)
      let base = from
      DispatchQueue.concurrentPerform(iterations: 2) { h in
        let lo = base + h * block
        let hi = min(n, lo + block)
        guard lo < hi else { return }
        var scratch = Scratch()
        defer { scratch.free() }
        for step in lo..<hi
        where self.matches(
          rows[position(step)], scratch: &scratch, signatures: signatures)
        {
          found[h] = step
          return
        }
      }
      if let step = found[0] ?? found[1] { return position(step) }
      from += 2 * block
    }
    return nil
  }

  /// Whether the record at timeline index `i` matches every word.
  public func matches(_ i: Int) -> Bool {
    var scratch = Scratch()
    defer { scratch.free() }
    return matches(i, scratch: &scratch)
  }

  /// A buffer for folded lines, reused from record to record by one thread.
  struct Scratch {
    var buffer = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
    /// The signature run last looked at, and which words (bits) its pairs rule out.
    var run = -1
    var missing: UInt64 = 0
    mutating func room(_ n: Int) -> UnsafeMutableBufferPointer<UInt8> {
      if buffer.count < n {
        buffer.deallocate()
        buffer = .allocate(capacity: max(n, 4096))
      }
      return buffer
    }
    func free() { buffer.deallocate() }
  }

  /// `signatures`, when given (else those built before this matcher), reject most records that
  /// cannot match with four ANDs before their line is read.
  func matches(
    _ i: Int, scratch: inout Scratch, signatures: SearchSignatures? = nil
  ) -> Bool {
    if let signatures = signatures ?? prebuilt,
      !mayMatch(i, signatures, scratch: &scratch)
    {
      return false
    }
    var simple = true
    if let ascii, let raw = corpus.itemBytes(at: i), let base = raw.baseAddress,
      memchr(base, 0x5C, raw.count) == nil,
      let bytes = TextMatcher.foldedTextFields(
        raw, into: scratch.room(raw.count * 3 + 8), simple: &simple)
    {
      // In a line whose every scalar in those fields is its own character and folds alone
      // as in context (`simpleScalar`), the folded fields are the exact test's, and so are
      // the names of the parties the line lists (not their ancestors): the answer is then
      // known without decoding the record (30 µs a record, for a word many records have).
      var exactHere = simple
      var listed: [Int] = []
      var listedRead = false
      for (k, w) in ascii.enumerated() {
        if TextMatcher.containsLowercased(bytes, w) { continue }
        if !involvesPartyNaming(i, word: k) { return false }
        guard exactHere else { continue }
        if !listedRead {
          listedRead = true
          guard let l = TextMatcher.listedParties(raw, corpus.partyLookup.view)
          else {
            exactHere = false
            continue
          }
          listed = l
        }
        // In neither the fields nor a listed party's names: the exact test would not find it.
        if !listed.contains(where: { inParty[k][$0] }) { return false }
      }
      if exactHere { return true }
    }
    return TextSearch.matches(words, haystack: corpus.searchText(i))
  }

  /// Whether every word's letter pairs are in the signature of the record's run, or the
  /// words whose pairs are not are in the names of a party it involves. Records of one
  /// run usually come one after another, so the run's answer is kept in `scratch`.
  func mayMatch(
    _ i: Int, _ signatures: SearchSignatures, scratch: inout Scratch
  ) -> Bool {
    let run = i / SearchSignatures.runLength
    if run != scratch.run {
      scratch.run = run
      scratch.missing = 0
      // Past 64 words the signature is not asked (a bit per word).
      for (k, need) in pairs.prefix(64).enumerated()
      where !signatures.has(i, need) {
        scratch.missing |= 1 << UInt64(k)
      }
    }
    var missing = scratch.missing
    guard missing != 0 else { return true }
    if missing & inSomeParty != missing { return false }
    while missing != 0 {
      let k = missing.trailingZeroBitCount
      missing &= missing - 1
      if !involvesPartyNaming(i, word: k) { return false }
    }
    return true
  }

  /// Whether word `k` is in the names of a party record `i` involves (listed, or an
  /// ancestor of one): where it could still match when its own fields lack the word.
  @inline(__always) func involvesPartyNaming(_ i: Int, word k: Int) -> Bool {
    let store = corpus.store
    for j in Int(store.involvedStart[i])..<Int(store.involvedStart[i + 1])
    where inParty[k][Int(store.involved[j])] {
      return true
    }
    return false
  }

  /// The searched fields of a JSON line without escapes (every `"` then delimits a
  /// string): the values of `headline`, `summary`, `text` (the attribution's) and `tags`,
  /// each folded (see `folded`) and ended by 0x1F, as TextSearch joins them. Nil when the
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
    // Nesting outside strings, and whether the top-level key being read is `attribution`:
    // only the record's own fields count, not the same names inside an extension's
    // object (`"x_review": {"text": …}`).
    var depth = 0
    var inAttribution = false
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
          want =
            equals(body, "headline") || equals(body, "summary")
            ? 1 : equals(body, "tags") ? 2 : 0
          inAttribution = equals(body, "attribution")
        } else {
          want = depth == 2 && inAttribution && equals(body, "text") ? 1 : 0
        }
      } else if want != 0 {
        guard
          let m = folded(
            body, into: UnsafeMutableBufferPointer(rebasing: out[o...]),
            simple: &simple)
        else {
          return nil
        }
        o += m
        out[o] = 0x1F
        o += 1
        if want == 1 || (k < n && b[k] == 0x5D) { want = 0 }
      }
      i = close + 1
    }
    return UnsafeRawBufferPointer(
      UnsafeMutableBufferPointer(rebasing: out[..<o]))
  }

  /// The indexes of the parties a JSON line without escapes lists in its top-level
  /// `parties` (plain ids, or objects' `id`), or nil when the line is not as expected.
  static func listedParties(
    _ b: UnsafeRawBufferPointer, _ lookup: PartyLookup.View
  ) -> [Int]? {
    let n = b.count
    var i = 0
    var depth = 0
    func space() {
      while i < n
        && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D)
      { i += 1 }
    }
    /// The string at `i` (its body), moving past it.
    func string() -> UnsafeRawBufferPointer? {
      guard i < n, b[i] == 0x22 else { return nil }
      let close = nextQuote(b, from: i + 1)
      guard close < n else { return nil }
      defer { i = close + 1 }
      return UnsafeRawBufferPointer(rebasing: b[(i + 1)..<close])
    }
    func party(_ id: UnsafeRawBufferPointer) -> Int? {
      id.count == 0
        ? nil
        : lookup.find(
          id.baseAddress!.assumingMemoryBound(to: UInt8.self), id.count)
    }
    // Find the top-level key (strings are plain: every `"` delimits one).
    while i < n {
      let c = b[i]
      if c == 0x22 {
        guard let key = string() else { return nil }
        space()
        if depth == 1 && i < n && b[i] == 0x3A && equals(key, "parties") {
          i += 1
          break
        }
        continue
      }
      if c == 0x7B || c == 0x5B {
        depth += 1
      } else if c == 0x7D || c == 0x5D {
        depth -= 1
      }
      i += 1
    }
    guard i < n else { return nil }
    space()
    guard i < n, b[i] == 0x5B else { return nil }
    i += 1
    var out: [Int] = []
    while true {
      space()
      guard i < n else { return nil }
      if b[i] == 0x22 {
        guard let id = string() else { return nil }
        if let p = party(id) { out.append(p) }
      } else if b[i] == 0x7B {
        i += 1
        while true {
          space()
          guard let key = string() else { return nil }
          space()
          guard i < n, b[i] == 0x3A else { return nil }
          i += 1
          space()
          // Values other than strings (an extension's object or number): not read here.
          guard let value = string() else { return nil }
          if equals(key, "id"), let p = party(value) { out.append(p) }
          space()
          guard i < n else { return nil }
          if b[i] == 0x2C {
            i += 1
            continue
          }
          guard b[i] == 0x7D else { return nil }
          i += 1
          break
        }
      } else {
        return nil
      }
      space()
      guard i < n else { return nil }
      if b[i] == 0x2C {
        i += 1
        continue
      }
      guard b[i] == 0x5D else { return nil }
      return out
    }
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
      && memcmp(b.baseAddress!, word.utf8Start, b.count) == 0
  }

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
