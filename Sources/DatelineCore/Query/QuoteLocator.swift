import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Finds a record's quote in its source text, so a pane can scroll to it and highlight it.
///
/// SCHEMA.md: `exact` must occur verbatim (NFC, CRLF as LF); `prefix`/`suffix` (text just
/// before/after) and `start` (offset in Unicode scalars) choose among several occurrences.
public enum QuoteLocator {
  public struct Match: Sendable, Hashable {
    /// UTF-8 byte offsets of the quote in the (normalized) source text.
    public var utf8Range: Range<Int>
    /// Offset of the quote's first scalar, the unit of `Quote.start`.
    public var scalarStart: Int
    /// More than one occurrence fitted what the quote says; the first was used.
    public var ambiguous: Bool
  }

  public enum Failure: Error, Sendable, Equatable {
    case notFound
    case noOccurrenceFits(occurrences: Int)
  }

  /// Locates `quote` in `text` (both normalized by the caller or here).
  public static func locate(_ quote: Quote, in text: String) -> Result<
    Match, Failure
  > {
    var t = text
    // Search the string's own UTF-8 storage: no copy, even for a 50 MB source text.
    return t.withUTF8 { locate(quote, inBytes: UnsafeRawBufferPointer($0)) }
  }

  /// Locates `quote` in UTF-8 bytes (NFC, LF line ends).
  public static func locate(_ quote: Quote, inBytes hay: UnsafeRawBufferPointer)
    -> Result<Match, Failure>
  {
    let needle = Array(ItemDecoding.normalizeText(quote.exact).utf8)
    let starts = needle.withUnsafeBytes { occurrences(of: $0, in: hay) }
    if starts.isEmpty { return .failure(.notFound) }
    let prefix = quote.prefix.map { Array(ItemDecoding.normalizeText($0).utf8) }
    let suffix = quote.suffix.map { Array(ItemDecoding.normalizeText($0).utf8) }
    var fits: [Int] = []
    var scalars = 0
    var counted = 0
    for s in starts {
      if let p = prefix,
        !(s >= p.count && hay[(s - p.count)..<s].elementsEqual(p))
      {
        continue
      }
      if let x = suffix {
        let e = s + needle.count
        if !(e + x.count <= hay.count
          && hay[e..<(e + x.count)].elementsEqual(x))
        {
          continue
        }
      }
      if let st = quote.start {
        // Counted on from the last start (starts are in order): one pass over the text.
        scalars += scalarOffset(ofByte: s, in: hay, from: counted)
        counted = s
        if scalars != st { continue }
      }
      fits.append(s)
    }
    guard let first = fits.first else {
      return .failure(.noOccurrenceFits(occurrences: starts.count))
    }
    return .success(
      Match(
        utf8Range: first..<(first + needle.count),
        scalarStart: scalarOffset(ofByte: first, in: hay),
        ambiguous: fits.count > 1))
  }

  /// Every start of `n` in `h`, in order, in linear time (see LinearSearch).
  static func occurrences(
    of n: UnsafeRawBufferPointer, in h: UnsafeRawBufferPointer
  ) -> [Int] {
    var result: [Int] = []
    LinearSearch.forEachOccurrence(of: n, in: h) { result.append($0) }
    return result
  }

  /// First index at or after `from` where `n` occurs in `h` (memchr for the first byte).
  static func find(
    _ n: UnsafeRawBufferPointer, in h: UnsafeRawBufferPointer, from: Int
  ) -> Int? {
    let first = Int32(n[0])
    var i = from
    while i + n.count <= h.count {
      guard let p = memchr(h.start + i, first, h.count - n.count + 1 - i)
      else { return nil }
      let at = h.start.distance(to: UnsafeRawPointer(p))
      if memcmp(h.start + at, n.start, n.count) == 0 { return at }
      i = at + 1
    }
    return nil
  }

  static func scalarOffset(
    ofByte b: Int, in hay: UnsafeRawBufferPointer, from a: Int = 0
  ) -> Int {
    var n = 0
    for i in a..<b where hay[i] & 0xC0 != 0x80 { n += 1 }
    return n
  }
}
