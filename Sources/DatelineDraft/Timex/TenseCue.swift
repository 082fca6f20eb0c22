/// Finds the tense of the clause around an expression from cue words (`tense.words`).
struct TenseCue {
  var cues: WordClass
  /// What comes after an "-ed" verb (`verb-followers.words`) and before an "-ed" form that
  /// is no verb (`participle-determiners.words`).
  var verbFollowers: WordClass
  var determiners: WordClass
  static let passiveAuxiliaries: Set<String> = [
    "be", "been", "being", "get", "gets", "getting",
  ]
  static let prepositions: Set<String> = [
    "on", "at", "in", "during", "late", "early",
  ]

  /// The nearest cue before the expression within its sentence decides; without one,
  /// the nearest after it in the same clause (up to a comma, semicolon or dash). A
  /// reporting verb before it ("said", value `report`) decides only for a date right after
  /// it ("he said on Monday"); otherwise the clause after the date speaks first ("he said
  /// the celebration would go ahead"), and a verb set off by a comma leaves it to the words
  /// before it ("talks will resume, diplomats said, as early as April 8").
  func tense(_ tokens: [Token], sentence: Sentence, expression: Range<Int>)
    -> Tense
  {
    var report: Int?
    // Bounded windows: a run-on "sentence" of a megabyte must not make this quadratic.
    let earliest = max(sentence.firstToken, expression.lowerBound - 40)
    var i = expression.lowerBound - 1
    while i >= earliest {
      if let t = cue(tokens, i, sentence) {
        let adjacent =
          i == expression.lowerBound - 1
          || Self.prepositions.contains(tokens[expression.lowerBound - 1].lower)
        if !isReport(tokens[i]) || adjacent { return t }
        report = i
        break
      }
      i -= 1
    }
    i = expression.upperBound
    while i < min(sentence.endToken, expression.upperBound + 15) {
      // "On Monday, the court will rule": a date opening the sentence belongs to the
      // clause after its comma.
      let opening =
        i == expression.upperBound && tokens[i].lower == ","
        && opensSentence(tokens, sentence, expression)
      if [",", ";", "–", "—"].contains(tokens[i].lower) && !opening { break }
      if let t = cue(tokens, i, sentence), !isReport(tokens[i]) { return t }
      i += 1
    }
    guard let report else { return .unknown }
    guard report + 1 < sentence.endToken, tokens[report + 1].lower == "," else {
      return .past
    }
    i = report - 1
    while i >= earliest {
      if let t = cue(tokens, i, sentence), !isReport(tokens[i]) { return t }
      i -= 1
    }
    return .past
  }

  /// Only prepositions ("on", "early") stand between the sentence's start and the expression.
  private func opensSentence(
    _ tokens: [Token], _ sentence: Sentence, _ expression: Range<Int>
  ) -> Bool {
    (sentence.firstToken..<expression.lowerBound).allSatisfy {
      Self.prepositions.contains(tokens[$0].lower)
        || Sentence.isOpeningQuote(tokens[$0].lower)
    }
  }

  private func isReport(_ token: Token) -> Bool {
    cues.byFirstToken[token.lower]?.contains {
      $0.value == "report" && $0.tokens.count == 1
    } ?? false
  }

  /// A capitalized word inside a sentence is a name ("May", "Will"), never a cue.
  private func cue(_ tokens: [Token], _ i: Int, _ sentence: Sentence) -> Tense?
  {
    let token = tokens[i]
    guard token.kind == .word || token.lower == "'" || token.lower == "’" else {
      return nil
    }
    if token.capitalized, i > sentence.firstToken,
      !Sentence.isOpeningQuote(tokens[i - 1].lower)
    {
      return nil
    }
    // Inside a compound ("smaller-than-expected") a word is no verb.
    if i > sentence.firstToken, tokens[i - 1].lower == "-", !token.spaceBefore {
      return nil
    }
    // A participle after "be" or "get" ("could be vaccinated") leaves the tense to the verb before.
    if i > sentence.firstToken,
      Self.passiveAuxiliaries.contains(tokens[i - 1].lower),
      token.lower.hasSuffix("ed")
    {
      return nil
    }
    let values =
      cues.byFirstToken[token.lower]?.filter { entry in
        entry.tokens.count == 1
          || cues.match(tokens, at: i)?.count == entry.tokens.count
      }.map(\.value) ?? []
    if values.contains("future") { return .future }
    if values.contains("past") || values.contains("report") { return .past }
    if values.contains("not-past") { return nil }
    let w = token.lower
    if !token.capitalized, w.utf8.count >= 5, w.hasSuffix("ed"),
      !isAttributive(tokens, i, sentence)
    {
      return .past
    }
    return nil
  }

  /// An "-ed" form that describes a noun rather than telling what happened ("updated
  /// results", "the stalled talks"): after a determiner, or before a lower-case word that
  /// does not follow a verb.
  private func isAttributive(_ tokens: [Token], _ i: Int, _ sentence: Sentence)
    -> Bool
  {
    if i > sentence.firstToken, determiners.contains(tokens[i - 1].lower) {
      return true
    }
    guard i + 1 < sentence.endToken else { return false }
    let next = tokens[i + 1]
    guard next.kind == .word, !next.capitalized else { return false }
    return !verbFollowers.contains(next.lower) && !next.lower.hasSuffix("ly")
  }
}
