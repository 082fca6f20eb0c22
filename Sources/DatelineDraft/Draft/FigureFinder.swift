/// Stated numbers and what they count ("more than 100 hostages", "eight Americans",
/// "3%"), with the schema's qualifiers from `approximators.words`.
struct FigureFinder {
  var rules: RuleSet
  static let scales: [String: Double] = [
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
  ]

  /// The figures stated in tokens `part`, in order, leaving out numbers inside a
  /// temporal expression (`timexTokens`) and numbers that count nothing named.
  func figures(
    in part: Range<Int>, _ tokens: [Token], excluding timexTokens: Set<Int>
  ) -> [DraftRecord.Figure] {
    let numbers = rules.wordClass("numbers")
    let counted = rules.wordClass("figures")
    var found: [DraftRecord.Figure] = []
    var i = part.lowerBound
    while i < part.upperBound {
      guard !timexTokens.contains(i),
        let (value, numberEnd) = number(at: i, part, tokens, numbers: numbers)
      else {
        i += 1
        continue
      }
      var v = value
      var end = numberEnd
      // A score or a range written with a hyphen ("4-1") is not a count.
      if end < tokens.count,
        tokens[end].lower == "-"
          || (i > 0 && tokens[i - 1].lower == "-" && !tokens[i].spaceBefore)
      {
        i = end
        continue
      }
      if end < part.upperBound, let scale = Self.scales[tokens[end].lower] {
        v *= scale
        end += 1
      }
      let money = i > 0 && tokens[i - 1].lower == "$"
      if let (label, unit) = counts(
        after: end, money: money, digits: tokens[i].kind == .number, part,
        tokens, counted: counted, excluding: timexTokens)
      {
        found.append(
          DraftRecord.Figure(
            label: label, value: v, literal: literal(v),
            qualifier: qualifier(before: money ? i - 1 : i, part, tokens),
            unit: unit))
      }
      i = end
    }
    return found
  }

  /// The number token `i` starts (digits, or a number word of `numbers.words`) and the
  /// index after it; nil when there is none.
  private func number(
    at i: Int, _ part: Range<Int>, _ tokens: [Token], numbers: WordClass
  ) -> (Double, Int)? {
    let t = tokens[i]
    var value: Double?
    var end = i + 1
    if t.kind == .number, Double(t.lower) != nil {
      (value, end) = readNumber(tokens, at: i, limit: part.upperBound)
    } else if let n = numbers.value(of: t.lower), let v = Double(n),
      t.kind == .word
    {
      value = v
    }
    guard let v = value, end < part.upperBound || tokens.indices.contains(end)
    else { return nil }
    return (v, end)
  }

  /// What a number that ends before `end` counts (label, unit): percent before `%`,
  /// dollars after `$`, a noun of `figures.words`, or after digits the next word
  /// unless it is a function word or part of a temporal expression; nil otherwise.
  private func counts(
    after end: Int, money: Bool, digits: Bool, _ part: Range<Int>,
    _ tokens: [Token], counted: WordClass, excluding timexTokens: Set<Int>
  ) -> (String, String?)? {
    if end < part.upperBound, tokens[end].lower == "%" {
      return ("percent", "percent")
    }
    if money { return ("dollars", "USD") }
    if end < part.upperBound, tokens[end].kind == .word,
      let noun = counted.match(tokens, at: end)
    {
      let label = tokens[end..<(end + noun.count)].map(\.lower).joined(
        separator: " ")
      return (label, noun.value)
    }
    if digits, end < part.upperBound,
      tokens[end].kind == .word, !timexTokens.contains(end),
      ![
        "of", "to", "and", "or", "in", "on", "at", "for", "by", "from",
        "with", "a", "the",
      ].contains(
        tokens[end].lower)
    {
      return (tokens[end].lower, nil)
    }
    return nil
  }

  /// Digits with thousands separators and a decimal part, written without spaces.
  private func readNumber(_ tokens: [Token], at i: Int, limit: Int) -> (
    Double?, Int
  ) {
    var text = tokens[i].lower
    var end = i + 1
    while end + 1 < limit, [",", "."].contains(tokens[end].lower),
      !tokens[end].spaceBefore,
      tokens[end + 1].kind == .number, !tokens[end + 1].spaceBefore
    {
      if tokens[end].lower == "," {
        guard tokens[end + 1].lower.count == 3 else { break }
      } else {
        text += "."
      }
      text += tokens[end + 1].lower
      end += 2
    }
    return (Double(text), end)
  }

  private func qualifier(before i: Int, _ part: Range<Int>, _ tokens: [Token])
    -> String?
  {
    let approximators = rules.wordClass("approximators")
    for length in (1...3).reversed() where i - length >= part.lowerBound {
      if let m = approximators.match(tokens, at: i - length), m.count == length
      {
        return m.value
      }
    }
    return nil
  }

  private func literal(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return String(v)
  }
}
