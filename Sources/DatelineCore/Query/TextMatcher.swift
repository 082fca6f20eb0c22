import Foundation

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
    let partyTexts = corpus.partyTexts.values
    inParty = words.map { w in partyTexts.map { $0.contains(w) } }
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
}
