/// Finds whether a passage of a text occurs in it more than once, so a draft's quote gets
/// a `start` only when the loader would otherwise pick the wrong occurrence.
///
/// Why an index: asking the whole text once per draft is quadratic (a 1 MB article has
/// thousands of drafts); positions grouped by their first four scalars leave only a few
/// candidates to compare.
struct QuoteIndex {
  private let scalars: [Unicode.Scalar]
  private var positions: [UInt64: [Int]] = [:]

  /// Indexes the places where a quote can begin: the tokens' starts.
  init(_ scalars: [Unicode.Scalar], starts: [Int]) {
    self.scalars = scalars
    for i in starts where i + 4 <= scalars.count {
      positions[Self.key(scalars, i), default: []].append(i)
    }
  }

  private static func key(_ s: [Unicode.Scalar], _ i: Int) -> UInt64 {
    UInt64(s[i].value) << 48 ^ UInt64(s[i + 1].value) << 32 ^ UInt64(
      s[i + 2].value) << 16 ^ UInt64(s[i + 3].value)
  }

  /// The passage at `span` (which begins a token) occurs somewhere else at a token's start.
  /// An occurrence that begins inside a word is not seen (passages under four scalars
  /// are scanned in full); the loader then warns that the quote is ambiguous.
  func occurs(more span: Range<Int>) -> Bool {
    if span.count < 4 {
      return scalars.count >= span.count
        && (0...(scalars.count - span.count)).contains { i in
          i != span.lowerBound
            && scalars[i..<(i + span.count)].elementsEqual(scalars[span])
        }
    }
    for i in positions[Self.key(scalars, span.lowerBound)] ?? []
    where i != span.lowerBound && i + span.count <= scalars.count {
      if scalars[i..<(i + span.count)].elementsEqual(scalars[span]) {
        return true
      }
    }
    return false
  }
}
