import DatelineCore

/// Finds and resolves the temporal expressions of a text with one language's rules.
public struct TemporalTagger: Sendable {
  public var rules: RuleSet

  public init(rules: RuleSet = .english) { self.rules = rules }

  /// The text split once, for the tagger and the drafter to share.
  public struct Analysis: Sendable {
    public var scalars: [Unicode.Scalar]
    public var tokens: [Token]
    public var sentences: [Sentence]
    public var expressions: [TemporalExpression]

    public func text(_ range: Range<Int>) -> String {
      var s = ""
      s.unicodeScalars.append(contentsOf: scalars[range])
      return s
    }
  }

  public func analyze(_ text: String, published: CalendarDay) -> Analysis {
    let scalars = Array(text.unicodeScalars)
    let tokens = Tokenizer.tokens(of: scalars)
    let sentences = Sentence.split(
      tokens, abbreviations: rules.wordClass("abbreviations"))
    var analysis = Analysis(
      scalars: scalars, tokens: tokens, sentences: sentences, expressions: [])
    analysis.expressions = expressions(in: analysis, published: published)
    return analysis
  }

  public func expressions(in text: String, published: CalendarDay)
    -> [TemporalExpression]
  {
    analyze(text, published: published).expressions
  }

  private func expressions(in a: Analysis, published: CalendarDay)
    -> [TemporalExpression]
  {
    var found: [TemporalExpression] = []
    let tense = TenseCue(
      cues: rules.wordClass("tense"),
      verbFollowers: rules.wordClass("verb-followers"),
      determiners: rules.wordClass("participle-determiners"))
    var anchor: CalendarDay?
    var reference: TimexValue?
    for (index, sentence) in a.sentences.enumerated() {
      var i = sentence.firstToken
      while i < sentence.endToken {
        guard
          let m = rules.longestMatch(
            in: a.tokens, at: i, limit: sentence.endToken),
          accepts(m, a.tokens),
          TimexContext(rules: rules).accepts(m, a.tokens, sentence: sentence)
        else {
          i += 1
          continue
        }
        let pattern = rules.patterns[m.pattern]
        let t = tense.tense(
          a.tokens, sentence: sentence, expression: m.firstToken..<m.endToken)
        let resolver = TimexResolver(
          published: published, tense: t, anchor: anchor, reference: reference)
        if let value = resolver.resolve(
          action: pattern.action, captures: m.captures, options: pattern.options
        ) {
          let start = a.tokens[m.firstToken].start
          let end = a.tokens[m.endToken - 1].end
          found.append(
            TemporalExpression(
              start: start, end: end, text: a.text(start..<end), value: value,
              tense: t,
              tokens: m.firstToken..<m.endToken, sentence: index,
              action: pattern.action))
          if value.precision == .day, let d = value.firstDay { anchor = d }
          if value.kind == .date, value.firstDay != nil,
            pattern.action != "time"
          {
            reference = value
          }
        }
        i = m.endToken
      }
    }
    return datingClockTimes(found)
  }

  /// A clock time ("8 p.m.") takes the day of a day-precise date in its sentence (the
  /// next one, else the one before), else the publication date it was given.
  private func datingClockTimes(_ found: [TemporalExpression])
    -> [TemporalExpression]
  {
    var result = found
    for (i, e) in found.enumerated() where e.action == "time" {
      let sameSentence = found.indices.filter {
        found[$0].sentence == e.sentence && found[$0].action != "time"
      }
      let days = sameSentence.filter { found[$0].value.precision == .day }
      if let j = days.first(where: { $0 > i }) ?? days.last {
        result[i].value = found[j].value
      }
    }
    return result
  }

  /// A bare four-digit year must look like a year, not a count ("about 2000 people").
  private func accepts(_ m: PatternMatch, _ tokens: [Token]) -> Bool {
    guard rules.patterns[m.pattern].options["guard"] == "year" else {
      return true
    }
    guard let year = Int(m.captures["year"] ?? ""), (1900...2099).contains(year)
    else { return false }
    let counts = rules.wordClass("quantity-nouns")
    if m.firstToken > 0 {
      let before = tokens[m.firstToken - 1]
      if counts.value(of: before.lower) == "qualifier" { return false }
      if !tokens[m.firstToken].spaceBefore,
        before.kind != .punctuation || before.lower == ","
          || before.lower == "."
      {
        return false
      }
    }
    if m.endToken < tokens.count {
      let after = tokens[m.endToken]
      if counts.value(of: after.lower) == "noun" { return false }
      if !after.spaceBefore,
        after.kind != .punctuation || after.lower == "%"
          || after.lower == "," && isDigitNext(tokens, m.endToken)
      {
        return false
      }
    }
    return true
  }

  private func isDigitNext(_ tokens: [Token], _ i: Int) -> Bool {
    i + 1 < tokens.count && tokens[i + 1].kind == .number
      && !tokens[i + 1].spaceBefore
  }
}
