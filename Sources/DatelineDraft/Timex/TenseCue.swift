/// Finds the tense of the clause around an expression from cue words (`tense.words`).
struct TenseCue {
  var cues: WordClass

  /// The nearest cue before the expression within its sentence decides; without one,
  /// the nearest after it in the same clause (up to a comma, semicolon or dash).
  func tense(_ tokens: [Token], sentence: Sentence, expression: Range<Int>) -> Tense {
    var i = expression.lowerBound - 1
    while i >= sentence.firstToken {
      if let t = cue(tokens, i) { return t }
      i -= 1
    }
    i = expression.upperBound
    while i < sentence.endToken {
      if [",", ";", "–", "—"].contains(tokens[i].lower) { break }
      if let t = cue(tokens, i) { return t }
      i += 1
    }
    return .unknown
  }

  private func cue(_ tokens: [Token], _ i: Int) -> Tense? {
    let token = tokens[i]
    guard token.kind == .word || token.lower == "'" || token.lower == "’" else { return nil }
    let values = cues.byFirstToken[token.lower]?.filter { entry in
      entry.tokens.count == 1 || cues.match(tokens, at: i)?.count == entry.tokens.count
    }.map(\.value) ?? []
    if values.contains("future") { return .future }
    if values.contains("past") { return .past }
    if values.contains("not-past") { return nil }
    let w = token.lower
    if !token.capitalized, w.utf8.count >= 5, w.hasSuffix("ed") { return .past }
    return nil
  }
}
