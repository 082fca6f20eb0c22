import Foundation
import Synchronization

/// For each run of 32 records (timeline order), which pairs of adjacent characters their
/// searched fields hold: a search word one of whose pairs no record of the run has
/// cannot occur in any of them.
///
/// Why: a search for a word no record has must otherwise fold every record's line (see
/// TextMatcher), half a second at a million records, and an incremental search does it
/// again at every key. The signatures take one such pass (built once, when a search
/// first runs past its first rows, or in the background after the first frame), 512
/// bytes per 32 records (16 MB at a million); afterwards a run that cannot match is
/// skipped after a few loads. Per record, 256 hashed bits rejected too little: a record's
/// ~150 pairs filled half of them. Signatures only ever let a record through to
/// TextMatcher's own tests, so answers stay exact: a record whose line cannot be folded
/// quickly (escapes, combining marks, a record held in memory) adds the pairs of its exact
/// search text, party names included.
///
/// Characters are the folded ASCII bytes TextMatcher compares (letters lowercased), in a
/// 64-symbol alphabet: letters and digits exact, space, and the other ASCII punctuation
/// sharing 26 symbols. Pairs across the 0x1F that separates fields, or with a scalar that
/// folds to no ASCII (0xFF), are not set: no ASCII search word has them.
final class SearchSignatures: Sendable {
  static let runLength = 32
  /// Bits per run: 64 × 64 symbol pairs.
  static let wordsPerRun = 64
  /// `wordsPerRun` words per run of records.
  let bits: Column<UInt64>

  init(bits: Column<UInt64>) { self.bits = bits }

  /// The signatures of every run of `corpus`, built on `parts` cores.
  ///
  /// Records are read in the order of their bytes in the files, not the timeline's, so
  /// each core sweeps its part of the files' bytes front to back (a timeline-order pass
  /// jumps across 495 MB at a million records).
  /// Each core fills its own bits, merged at the end: runs are timeline order, so both
  /// cores meet the same runs.
  static func build(_ corpus: Corpus, parts: Int = 2) -> SearchSignatures {
    let store = corpus.store
    let n = store.count
    let runs = (n + runLength - 1) / runLength
    let order = PositionOrder.of((0..<n).map { store.items[$0] })
    let perPart = (0..<parts).map { _ in
      Column<UInt64>(uninitialized: runs * wordsPerRun)
    }
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let bits = perPart[part].base
      bits.initialize(repeating: 0, count: runs * wordsPerRun)
      var scratch = TextMatcher.Scratch()
      defer { scratch.free() }
      // Read through a private block: a file read in windows keeps none of them.
      var sweep = ItemSweep(store)
      // One record's pairs gather here (in cache) and are then merged into its run's bits
      // (scattered over 16 MB) word by word, so that each byte does not wait on a miss.
      let words = UnsafeMutablePointer<UInt64>.allocate(capacity: wordsPerRun)
      words.initialize(repeating: 0, count: wordsPerRun)
      defer { words.deallocate() }
      for k in (n * part / parts)..<(n * (part + 1) / parts) {
        let i = Int(order[k])
        let run = bits + (i / runLength) * wordsPerRun
        defer {
          for w in 0..<wordsPerRun where words[w] != 0 {
            run[w] |= words[w]
            words[w] = 0
          }
        }
        if let raw = sweep.bytes(i), let base = raw.baseAddress,
          memchr(base, 0x5C, raw.count) == nil,
          let text = TextMatcher.foldedTextFields(
            raw, into: scratch.room(raw.count * 3 + 8))
        {
          addPairs(of: text, to: words)
        } else {
          // A line with escapes or combining marks (rare): the exact search text, whose
          // pairs then hold every ASCII word the exact test can find in it.
          // Decoded from the sweep's block where it can be: the checked read would keep
          // the record's window of the file resident.
          var exact =
            sweep.record(i).map {
              TextSearch.haystack(
                for: $0, parties: corpus.parties, index: corpus.partyIndex)
            } ?? corpus.searchText(i)
          exact.withUTF8 { addPairs(of: UnsafeRawBufferPointer($0), to: words) }
        }
      }
    }
    let out = perPart[0]
    for h in perPart.dropFirst() {
      for k in 0..<(runs * wordsPerRun) { out.base[k] |= h.values[k] }
    }
    return SearchSignatures(bits: out)
  }

  /// A byte's symbol: 0 for a field break (0x1F) or a scalar folded to no ASCII (0xFF)
  /// (pairs with it are never asked for);
  /// letters (either case) 1–26, digits 27–36, space 37, other ASCII 38–63.
  static let symbols: [UInt8] = (0..<256).map { c -> UInt8 in
    switch c {
    case 0x41...0x5A: return UInt8(c - 0x41 + 1)
    case 0x61...0x7A: return UInt8(c - 0x61 + 1)
    case 0x30...0x39: return UInt8(c - 0x30 + 27)
    case 0x20: return 37
    case 0x1F, 0x80...: return 0
    default: return UInt8(38 + c % 26)
    }
  }

  static func addPairs(
    of text: UnsafeRawBufferPointer, to words: UnsafeMutablePointer<UInt64>
  ) {
    // Without a branch: a pair with symbol 0 sets a bit in word 0 or bit 0 of a word,
    // which no search word asks for (its symbols are all 1 or more).
    symbols.withUnsafeBufferPointer { sym in
      var previous = 0
      for c in text {
        let s = sym[Int(c)]
        words[previous] |= 1 << UInt64(s)
        previous = Int(s)
      }
    }
  }

  /// The pairs (bit numbers) a word needs; empty for a one-letter word.
  static func pairs(of word: [UInt8]) -> [Int] {
    guard word.count >= 2 else { return [] }
    return (1..<word.count).map { k in
      Int(symbols[Int(word[k - 1])]) << 6 | Int(symbols[Int(word[k])])
    }
  }

  /// Whether the run holding record `i` has every one of `pairs`.
  @inline(__always) func has(_ i: Int, _ pairs: [Int]) -> Bool {
    let words =
      bits.values + (i / SearchSignatures.runLength)
      * SearchSignatures.wordsPerRun
    for p in pairs where words[p >> 6] & (1 << UInt64(p & 63)) == 0 {
      return false
    }
    return true
  }
}

/// Where a corpus keeps its signatures once built; copies of the corpus share it.
final class SearchSignatureSlot: Sendable {
  /// The published signatures: held only for a read or a store, never during a build.
  private let published = Mutex<SearchSignatures?>(nil)
  /// Held by the one caller that builds, so that a second one waits rather than builds.
  private let building = Mutex<Void>(())

  /// The signatures if some search (or the background) has built them; never waits.
  var built: SearchSignatures? { published.withLock { $0 } }

  /// Signatures read from where an earlier run kept them (see CorpusCache+Signatures).
  func install(_ signatures: SearchSignatures) {
    published.withLock { if $0 == nil { $0 = signatures } }
  }

  /// The signatures, built now (on `parts` cores) if need be; waits for a build under way.
  func get(_ corpus: Corpus, parts: Int = 2, timings: LoadTimings? = nil)
    -> SearchSignatures
  {
    if let s = built { return s }
    return building.withLock { _ in
      if let s = built { return s }
      var timer = LoadTimer("search", timings)
      let made = SearchSignatures.build(corpus, parts: parts)
      timer.lap("signatures")
      published.withLock { $0 = made }
      return made
    }
  }
}

extension Corpus {
  /// Builds the search signatures now (see SearchSignatures), so that the first search
  /// that finds nothing nearby does not pay for them; the browser calls this in the
  /// background once the first screen is up, on its one low-priority thread
  /// (`parts: 1`), so that the terminal and the keys come first.
  public func prepareSearch(
    parts: Int = 2, minimumRecords: Int? = nil, timings: LoadTimings? = nil
  ) {
    guard store.count >= minimumRecords ?? TextMatcher.signatureThreshold else {
      return
    }
    _ = searchSignatures.get(self, parts: parts, timings: timings)
  }
}
