/// Who a part of a sentence is attributed to, and on what basis (SCHEMA.md "attribution").
///
/// A reporting verb or phrase (`reporting.words`) gives the record's kind; the words
/// naming its source (before the verb, or after it: "said Priya Nair", "according to
/// sources") give the basis: anonymous when they say so (`anonymity.words`), named when
/// they hold a person's name, official for an office or organization. The last verb with
/// a source that says something wins, as news puts "officials said" at the end.
struct AttributionFinder {
  struct Found {
    var text: String
    var basis: String
    var kind: String?
    var claimants: [Int]
    /// The tokens naming the source (empty when unattributed).
    var source: Range<Int>
    /// The basis came from a cue (a word, a name, a party), not from the default.
    var strong = true
    /// The reporting verb or phrase.
    var verb: Range<Int> = 0..<0
  }

  var rules: RuleSet
  var matcher: PartyMatcher
  /// Capitalized words that follow another capitalized word ("Tom Becker"), at their first
  /// such place: a later lone "Becker" is a surname.
  var surnames: [String: Int] = [:]

  init(rules: RuleSet, matcher: PartyMatcher, tokens: [Token]) {
    self.rules = rules
    self.matcher = matcher
    for i in tokens.indices.dropFirst()
    where tokens[i].capitalized && tokens[i].kind == .word {
      let before = tokens[i - 1]
      if before.capitalized, before.kind == .word, before.end < tokens[i].start,
        surnames[tokens[i].lower] == nil
      {
        surnames[tokens[i].lower] = i
      }
    }
  }

  static let stops: Set<String> = [
    ",", "“", "”", "\"", "–", "—", ";", ":", "that", "(", ")", "‘",
  ]
  static let trailing: Set<String> = [
    "has", "have", "had", "is", "was", "will", "would", "also", "had",
    "previously", "then", "later", "further",
  ]
  static let pronouns: Set<String> = [
    "he", "she", "they", "it", "we", "i", "you",
  ]
  static let determiners: Set<String> = [
    "a", "an", "the", "this", "that", "his", "her", "its", "their", "our", "no",
  ]
  static let passive: Set<String> = [
    "is", "are", "was", "were", "be", "been", "being",
  ]

  func find(
    in part: Range<Int>, _ a: TemporalTagger.Analysis, previousBasis: String?
  ) -> Found {
    let reporting = rules.wordClass("reporting")
    var best: Found?
    var i = part.lowerBound
    while i < part.upperBound {
      guard let m = reporting.match(a.tokens, at: i),
        i + m.count <= part.upperBound
      else {
        i += 1
        continue
      }
      defer { i += m.count }
      if i > part.lowerBound {
        let before = a.tokens[i - 1].lower
        if Self.determiners.contains(before) || Self.passive.contains(before) {
          continue
        }
      }
      let source = sourceTokens(verb: i..<(i + m.count), part: part, a.tokens)
      if best != nil, source.count == 1,
        Self.pronouns.contains(a.tokens[source.lowerBound].lower)
      {
        continue
      }
      guard
        var found = describe(
          source, a, kind: m.value, verbAt: i, part: part,
          previousBasis: previousBasis)
      else {
        continue
      }
      found.verb = i..<(i + m.count)
      if best == nil || (found.strong && found.basis != "unattributed")
        || best?.strong == false
      {
        best = found
      }
    }
    return best
      ?? Found(
        text: "reported without attribution", basis: "unattributed", kind: nil,
        claimants: [],
        source: part.lowerBound..<part.lowerBound)
  }

  /// The words before the verb back to a comma, quote or "that"; when there are none,
  /// the words after it to the next comma (plus a name after that comma: "said the
  /// company's chief engineer, Tomás Ferreira").
  private func sourceTokens(
    verb: Range<Int>, part: Range<Int>, _ tokens: [Token]
  ) -> Range<Int> {
    // Windows of 20 tokens: a longer run names no source (describe refuses over 14).
    var start = verb.lowerBound
    let floor = max(part.lowerBound, verb.lowerBound - 20)
    while start > floor, !Self.stops.contains(tokens[start - 1].lower) {
      start -= 1
    }
    var end = verb.lowerBound
    while end > start, Self.trailing.contains(tokens[end - 1].lower) {
      end -= 1
    }
    if end > start, tokens[verb.lowerBound].lower != "according" {
      return start..<end
    }
    // "Dr. Ruth Amsel, an epidemiologist at Carver University, said": the subject before
    // an apposition or a relative clause.
    if start > part.lowerBound, tokens[start - 1].lower == ",",
      tokens[verb.lowerBound].lower != "according"
    {
      var first = part.lowerBound
      while first < min(start - 1, part.lowerBound + 9),
        tokens[first].lower != ","
      { first += 1 }
      if first > part.lowerBound, first - part.lowerBound <= 8 {
        return part.lowerBound..<first
      }
    }
    var after = verb.upperBound
    if tokens[verb.lowerBound].lower == "according", after < part.upperBound,
      tokens[after].lower == "to"
    {
      after += 1
    }
    var stop = after
    while stop < min(part.upperBound, after + 20),
      !Self.stops.contains(tokens[stop].lower), tokens[stop].lower != "."
    {
      stop += 1
    }
    if stop + 2 < part.upperBound, tokens[stop].lower == ",",
      tokens[stop + 1].capitalized, tokens[stop + 2].capitalized
    {
      stop += 1
      while stop < min(part.upperBound, after + 30),
        tokens[stop].capitalized || tokens[stop].lower == "."
      { stop += 1 }
    }
    return after..<stop
  }

  private func describe(
    _ source: Range<Int>, _ a: TemporalTagger.Analysis, kind: String,
    verbAt: Int, part: Range<Int>,
    previousBasis: String?
  ) -> Found? {
    guard !source.isEmpty, source.count <= 14 else { return nil }
    let tokens = a.tokens
    let words = tokens[source].map(\.lower)
    let text = a.text(
      tokens[source.lowerBound].start..<tokens[source.upperBound - 1].end)
    let mentions = matcher.mentions(in: tokens, range: source)
    let claimants = mentions.map(\.party)
    if words.count == 1, Self.pronouns.contains(words[0]) {
      // "he said": a person the article has named; "they said": whoever spoke before.
      let basis =
        words[0] == "he" || words[0] == "she"
        ? "named" : previousBasis ?? "unattributed"
      return Found(
        text: text, basis: basis, kind: kind, claimants: [], source: source,
        strong: false)
    }
    if words.contains(where: { ["where", "who", "which", "when"].contains($0) })
    {
      return nil
    }
    let anonymity = rules.wordClass("anonymity")
    if source.contains(where: { anonymity.match(tokens, at: $0) != nil }) {
      return Found(
        text: text, basis: "anonymous", kind: kind, claimants: claimants,
        source: source)
    }
    let covered = Set(
      mentions.filter { matcher.parties[$0.party].kind != .person }.flatMap {
        Array($0.tokens)
      })
    if mentions.contains(where: { matcher.parties[$0.party].kind == .person })
      || containsPersonalName(source, tokens, covered: covered)
      || (mentions.isEmpty && isSurnameMentionedBefore(source, tokens))
    {
      return Found(
        text: text, basis: "named", kind: kind, claimants: claimants,
        source: source)
    }
    let official = rules.wordClass("official")
    if !mentions.isEmpty
      || source.contains(where: { official.contains(tokens[$0].lower) })
      || tokens[source].contains(where: { $0.capitalized && $0.kind == .word })
    {
      return Found(
        text: text, basis: "official", kind: kind, claimants: claimants,
        source: source)
    }
    return Found(
      text: text, basis: "anonymous", kind: kind, claimants: claimants,
      source: source, strong: false)
  }

  /// A lone capitalized word ("Becker said") that ended a full name earlier in the text
  /// ("Mayor Tom Becker") is a person's surname.
  private func isSurnameMentionedBefore(_ source: Range<Int>, _ tokens: [Token])
    -> Bool
  {
    let words = tokens[source].filter { $0.kind == .word && $0.capitalized }
    guard words.count == 1, let surname = words.first?.lower,
      let first = surnames[surname]
    else { return false }
    return first < source.lowerBound
  }

  /// Two capitalized words in a row that do not name an organization, or a title followed
  /// by a capitalized word ("President Biden", "Dana Cole"). Words of a known party's name
  /// do not count; "of", "for" and "and" inside a capitalized run make it an
  /// organization's name ("Centers for Disease Control").
  private func containsPersonalName(
    _ range: Range<Int>, _ tokens: [Token], covered: Set<Int>
  ) -> Bool {
    let orgs = rules.wordClass("organizations")
    let titles = rules.wordClass("titles")
    var run = 0
    var organization = false
    for i in range {
      let t = tokens[i]
      if let m = titles.match(tokens, at: i), i + m.count < range.upperBound,
        tokens[i + m.count].capitalized,
        !covered.contains(i + m.count)
      {
        return true
      }
      if t.kind == .word, t.capitalized, !covered.contains(i),
        !["the", "a", "an"].contains(t.lower)
      {
        run += 1
        organization = organization || orgs.contains(t.lower)
      } else if run > 0,
        t.lower == "."
          || (["of", "for", "and", "on"].contains(t.lower)
            && i + 1 < range.upperBound && tokens[i + 1].capitalized)
      {
        organization = organization || t.lower != "."
        continue
      } else {
        if run >= 2 && !organization { return true }
        run = 0
        organization = false
      }
    }
    return run >= 2 && !organization
  }
}
