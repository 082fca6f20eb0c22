/// A sentence of the text: its tokens and its scalars.
public struct Sentence: Sendable, Equatable {
  public var firstToken: Int
  /// One past the last token.
  public var endToken: Int
  public var start: Int
  public var end: Int
}

extension Sentence {
  /// Splits tokens into sentences at ".", "!" and "?" (with any closing quotes after them)
  /// before a capital, a digit or an opening quote, and at every blank line. A period
  /// after an abbreviation ("Dec.", "Gen.") or an initial ("J.") ends nothing.
  public static func split(_ tokens: [Token], abbreviations: WordClass)
    -> [Sentence]
  {
    var sentences: [Sentence] = []
    var first = 0
    func close(_ end: Int) {
      guard end > first else { return }
      sentences.append(
        Sentence(
          firstToken: first, endToken: end, start: tokens[first].start,
          end: tokens[end - 1].end))
      first = end
    }
    var i = 0
    while i < tokens.count {
      let t = tokens[i]
      if t.paragraphBefore { close(i) }
      if t.kind == .punctuation,
        t.lower == "." || t.lower == "!" || t.lower == "?" || t.lower == "…"
      {
        var end = i + 1
        while end < tokens.count, isClosingQuote(tokens[end].lower),
          !tokens[end].spaceBefore
        { end += 1 }
        // "3.1" and "CNN.com": a period with no space after it ends nothing.
        if end == tokens.count
          || (tokens[end].spaceBefore
            && endsSentence(tokens, period: i, abbreviations: abbreviations)
            && startsSentence(tokens[end]))
        {
          close(end)
          i = end
          continue
        }
      }
      i += 1
    }
    close(tokens.count)
    return sentences
  }

  private static func endsSentence(
    _ tokens: [Token], period: Int, abbreviations: WordClass
  ) -> Bool {
    guard tokens[period].lower == ".", period > 0 else { return true }
    let before = tokens[period - 1]
    if tokens[period].spaceBefore { return true }
    if abbreviations.match(tokens, at: period - 1)?.count == 2 { return false }
    // An initial: one capital letter ("J. Smith").
    return
      !(before.kind == .word && before.capitalized
      && before.end - before.start == 1)
  }

  private static func startsSentence(_ t: Token) -> Bool {
    t.capitalized || t.kind == .number || isOpeningQuote(t.lower)
      || t.newlineBefore
  }

  static func isClosingQuote(_ s: String) -> Bool {
    s == "\"" || s == "”" || s == "’" || s == "'" || s == ")"
  }
  static func isOpeningQuote(_ s: String) -> Bool {
    s == "\"" || s == "“" || s == "‘" || s == "'" || s == "("
  }
}
