/// Matches that the words around them show are not dates: "in his 20s" (an age), "highs
/// in the 70s" (a reading), "the fourth quarter" of a game, "a second round". The word
/// lists are `decade-context.words`, `game-periods.words`, `bare-units.words` and
/// `ordinal-units.words`.
struct TimexContext {
  var rules: RuleSet

  func accepts(_ m: PatternMatch, _ tokens: [Token], sentence: Sentence) -> Bool
  {
    if rules.patterns[m.pattern].options["guard"] == "bare" {
      return isBareDuration(m, tokens, sentence)
    }
    switch rules.patterns[m.pattern].action {
    case "decade": return isDecade(m, tokens, sentence)
    case "date": return isMonthName(m, tokens, sentence)
    case "duration": return !isOrdinal(m, tokens, sentence)
    case "quarter", "half":
      return m.captures["year"] != nil || m.captures["directions"] != nil
        || !isGameReport(tokens, sentence)
    default: return true
    }
  }

  /// A two-digit decade written without an apostrophe must not follow a possessive or a
  /// level word, nor stand in a sentence about the weather.
  private func isDecade(
    _ m: PatternMatch, _ tokens: [Token], _ sentence: Sentence
  ) -> Bool {
    guard
      let i = (m.firstToken..<m.endToken).last(where: {
        tokens[$0].kind == .number
      })
    else { return true }
    let digits = tokens[i].lower.prefix { $0.isNumber }
    guard digits.count == 2 else { return true }
    let before = i > sentence.firstToken ? tokens[i - 1].lower : ""
    if before == "'" || before == "’" { return true }
    let context = rules.wordClass("decade-context")
    if context.value(of: before) == "before" { return false }
    return !(sentence.firstToken..<sentence.endToken).contains {
      context.value(of: tokens[$0].lower) == "measure"
    }
  }

  /// A month named alone must not be part of a name ("Theresa May", "Jan Smith", "March
  /// Madness") nor the subject of a speech verb ("May said"); `month-subject.words`.
  private func isMonthName(
    _ m: PatternMatch, _ tokens: [Token], _ sentence: Sentence
  ) -> Bool {
    guard m.endToken - m.firstToken == 1, m.captures["months"] != nil else {
      return true
    }
    let words = rules.wordClass("month-subject")
    let i = m.firstToken
    if i > sentence.firstToken {
      let before = tokens[i - 1]
      if before.kind == .word, before.capitalized,
        words.value(of: before.lower) != "opener"
      {
        return false
      }
    }
    guard i + 1 < sentence.endToken else { return true }
    let after = tokens[i + 1]
    if after.kind == .word, after.capitalized, after.spaceBefore {
      return false
    }
    return words.value(of: after.lower) != "verb"
  }

  /// "a second round": a unit that is also an ordinal, after "a", before a word that does
  /// not follow a duration (`ordinal-units.words`).
  private func isOrdinal(
    _ m: PatternMatch, _ tokens: [Token], _ sentence: Sentence
  ) -> Bool {
    let unit = tokens[m.endToken - 1].lower
    let ordinals = rules.wordClass("ordinal-units")
    guard m.endToken - m.firstToken >= 2,
      !ordinals.spellings(withValue: unit).isEmpty,
      ["a", "an"].contains(tokens[m.endToken - 2].lower),
      m.endToken < sentence.endToken
    else { return false }
    let next = tokens[m.endToken]
    return next.kind == .word && ordinals.value(of: next.lower) != unit
  }

  /// "for months", "Days later", but not "strike days" or "after-hours".
  private func isBareDuration(
    _ m: PatternMatch, _ tokens: [Token], _ sentence: Sentence
  ) -> Bool {
    guard m.firstToken > sentence.firstToken else { return true }
    let before = tokens[m.firstToken - 1]
    if before.kind == .punctuation {
      return before.lower != "-" || tokens[m.firstToken].spaceBefore
    }
    return rules.wordClass("bare-units").contains(before.lower)
  }

  private func isGameReport(_ tokens: [Token], _ sentence: Sentence) -> Bool {
    let game = rules.wordClass("game-periods")
    return (sentence.firstToken..<sentence.endToken).contains {
      game.contains(tokens[$0].lower)
    }
  }
}
