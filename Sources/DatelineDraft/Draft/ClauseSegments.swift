/// Where a sentence divides into the parts that become separate drafts, and which
/// temporal expressions belong to a relative clause rather than to the main one.
struct ClauseSegments {
  static let relativePronouns: Set<String> = ["who", "which", "whom", "whose"]
  static let prepositions: Set<String> = [
    "in", "on", "at", "during", "since", "over", "by", "from", "for",
  ]
  static let auxiliaries: Set<String> = [
    "has", "have", "had", "was", "were", "is", "are", "be", "been", "being",
    "get", "got", "he", "she", "they", "it",
    "we", "i", "you", "will", "would", "not", "also",
  ]
  static let nounPrepositions: Set<String> = [
    "to", "of", "for", "with", "from", "about", "against", "into", "on", "in",
    "at", "by",
  ]
  static let irregularParticiples: Set<String> = [
    "made", "held", "taken", "seen", "done", "given", "known", "built", "sent",
    "shot", "found", "brought", "kept",
    "left", "lost", "won", "paid", "sold", "struck", "begun", "written", "born",
    "killed",
  ]

  /// The sentence's parts: split before ", with" (an absolute clause adds its own fact)
  /// and after ";".
  static func split(_ sentence: Sentence, _ tokens: [Token]) -> [Range<Int>] {
    var parts: [Range<Int>] = []
    var start = sentence.firstToken
    var i = sentence.firstToken
    while i < sentence.endToken {
      let t = tokens[i].lower
      if t == ";", i > start {
        parts.append(start..<(i + 1))
        start = i + 1
      } else if t == ",", i + 1 < sentence.endToken,
        tokens[i + 1].lower == "with", i > start
      {
        parts.append(start..<i)
        start = i + 1
      }
      i += 1
    }
    if start < sentence.endToken { parts.append(start..<sentence.endToken) }
    return parts
  }

  /// An expression inside a relative clause ("hostages who were abducted on October 7",
  /// "overtures made in recent days") dates that clause, not the sentence's main verb.
  static func isSubordinate(
    _ expression: Range<Int>, in part: Range<Int>, _ tokens: [Token]
  ) -> Bool {
    var i = expression.lowerBound - 1
    while i >= max(part.lowerBound, expression.lowerBound - 25) {
      let t = tokens[i].lower
      if t == "," || t == "–" || t == "—" || t == ";" { break }
      if relativePronouns.contains(t) { return true }
      i -= 1
    }
    var j = expression.lowerBound - 1
    if j >= part.lowerBound, prepositions.contains(tokens[j].lower) { j -= 1 }
    guard j > part.lowerBound else { return false }
    let verb = tokens[j]
    let before = tokens[j - 1]
    let participle =
      !verb.capitalized
      && (irregularParticiples.contains(verb.lower)
        || (verb.lower.hasSuffix("ed") && verb.lower.count >= 5))
    guard participle, before.kind == .word, !before.capitalized,
      !auxiliaries.contains(before.lower)
    else {
      return false
    }
    // "the talks ended on Monday" is a main verb; "overtures made in recent days" and
    // "hostages taken on …" (a form that is only a participle) are reduced relatives.
    let onlyParticiple = [
      "taken", "seen", "done", "given", "known", "written", "begun", "born",
    ].contains(verb.lower)
    let afterPreposition =
      j - 2 >= part.lowerBound && nounPrepositions.contains(tokens[j - 2].lower)
    return onlyParticiple || afterPreposition
  }

  static let bounds: Set<String> = [
    "until", "till", "by", "before", "after", "since", "ahead",
  ]

  /// An expression that bounds the event rather than dating it ("until Jan. 15", "before
  /// the March 5 primary", "since 2009"): a bound word at most three tokens before it.
  /// A clause it opens ("since they met in Geneva on Oct. 18") is not caught: too far.
  static func isBound(
    _ expression: Range<Int>, in part: Range<Int>, _ tokens: [Token]
  ) -> Bool {
    var i = expression.lowerBound - 1
    while i >= max(part.lowerBound, expression.lowerBound - 3) {
      let t = tokens[i].lower
      if t == "," || t == "–" || t == "—" || t == ";" { return false }
      if bounds.contains(t) { return true }
      i -= 1
    }
    return false
  }

  /// The relative clause around a subordinate expression: from the word before its
  /// pronoun (or participle) to the next comma, dash or the part's end.
  static func relativeClause(
    around expression: Range<Int>, in part: Range<Int>, _ tokens: [Token]
  ) -> Range<Int> {
    var start = expression.lowerBound
    var i = expression.lowerBound - 1
    var pronoun: Int?
    while i >= max(part.lowerBound, expression.lowerBound - 25),
      ![",", "–", "—", ";"].contains(tokens[i].lower)
    {
      if relativePronouns.contains(tokens[i].lower) {
        pronoun = i
        break
      }
      i -= 1
    }
    if let pronoun {
      start = pronoun
    } else {
      var j = expression.lowerBound - 1
      if j >= part.lowerBound, prepositions.contains(tokens[j].lower) { j -= 1 }
      start = max(j, part.lowerBound)
    }
    if start > part.lowerBound, tokens[start - 1].kind == .word { start -= 1 }
    var end = expression.upperBound
    while end < min(part.upperBound, expression.upperBound + 40),
      ![",", "–", "—", ";"].contains(tokens[end].lower)
    {
      end += 1
    }
    return start..<end
  }
}
