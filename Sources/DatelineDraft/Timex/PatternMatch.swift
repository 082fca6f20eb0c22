/// What one pattern matched at one place: the tokens it covers and what it captured.
struct PatternMatch {
  var pattern: Int
  var firstToken: Int
  /// One past the last token.
  var endToken: Int
  /// Capture name to value: a class entry's value, or a number's value as text.
  var captures: [String: String]
}

extension RuleSet {
  /// The longest match of any pattern starting at token `index` and ending by `limit`
  /// (the sentence's end); ties go to the pattern written first in the file.
  func longestMatch(in tokens: [Token], at index: Int, limit: Int)
    -> PatternMatch?
  {
    let token = tokens[index]
    var best: PatternMatch?
    func consider(_ p: Int) {
      guard let end = match(patterns[p], p, tokens, index, limit) else {
        return
      }
      guard let held = best else {
        best = end
        return
      }
      if end.endToken > held.endToken
        || (end.endToken == held.endToken && p < held.pattern)
      {
        best = end
      }
    }
    if let list = patternsByWord[token.lower] { list.forEach(consider) }
    if token.kind == .number { patternsByShape.forEach(consider) }
    return best
  }

  private func match(
    _ pattern: TimexPattern, _ p: Int, _ tokens: [Token], _ start: Int,
    _ limit: Int
  ) -> PatternMatch? {
    var best: PatternMatch?
    var captures: [String: String] = [:]
    func step(_ e: Int, _ t: Int) {
      if e == pattern.elements.count {
        if t > start, t > best?.endToken ?? Int.min {
          best = PatternMatch(
            pattern: p, firstToken: start, endToken: t, captures: captures)
        }
        return
      }
      let element = pattern.elements[e]
      if element.optional { step(e + 1, t) }
      guard t < limit else { return }
      for atom in element.alternatives {
        guard let (value, count) = matchAtom(atom, tokens, t) else { continue }
        let saved = element.capture.flatMap { captures[$0] }
        if let name = element.capture { captures[name] = value }
        step(e + 1, t + count)
        if let name = element.capture { captures[name] = saved }
      }
    }
    step(0, start)
    return best
  }

  private func matchAtom(_ atom: TimexPattern.Atom, _ tokens: [Token], _ t: Int)
    -> (String, Int)?
  {
    switch atom {
    case .word(let w):
      return tokens[t].lower == w ? (w, 1) : nil
    case .wordClass(let name):
      guard let m = classes[name]?.match(tokens, at: t) else { return nil }
      return (m.value, m.count)
    case .shape(let shape):
      guard let n = shape.value(of: tokens[t]) else { return nil }
      return (String(n), 1)
    }
  }
}
