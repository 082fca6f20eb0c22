import DatelineCore

/// Names in the text that look like actors but are not among the known parties: a person
/// after a title ("Defense Minister Karel Hodza"), a capitalized name ending in an
/// organization's word ("Selene Robotics"), or the named source of a statement.
/// They are proposed in a file of their own for a person to review, never added silently.
struct PartyProposals {
  var rules: RuleSet
  var sentenceStarts: Set<Int>

  struct Proposal: Equatable {
    var id: String
    var name: String
    var kind: Party.Kind
  }

  /// The capitalized runs of `range` that look like actors and are not already covered
  /// by a known party's mention.
  func proposals(
    in range: Range<Int>, _ a: TemporalTagger.Analysis, covered: Set<Int>,
    sourceOfStatement: Range<Int>?
  )
    -> [Proposal]
  {
    let titles = rules.wordClass("titles")
    let orgs = rules.wordClass("organizations")
    let calendar = [rules.wordClass("months"), rules.wordClass("weekdays")]
    var result: [Proposal] = []
    var i = range.lowerBound
    while i < range.upperBound {
      var titled = false
      if let m = titles.match(a.tokens, at: i), i + m.count < range.upperBound,
        a.tokens[i + m.count].capitalized
      {
        titled = true
        i += m.count
      }
      guard a.tokens[i].capitalized, a.tokens[i].kind == .word,
        !covered.contains(i)
      else {
        i += 1
        continue
      }
      var end = i
      while end < range.upperBound, !covered.contains(end),
        !calendar.contains(where: { $0.contains(a.tokens[end].lower) }),
        a.tokens[end].capitalized && a.tokens[end].kind == .word
          || (end > i && ["of", "for", "and"].contains(a.tokens[end].lower)
            && end + 1 < range.upperBound
            && a.tokens[end + 1].capitalized)
      {
        end += 1
      }
      guard end > i else {
        i += 1
        continue
      }
      // "Defense Minister Karel Hodza": the name starts after the last title in the run.
      var k = i
      while k < end {
        if let m = titles.match(a.tokens, at: k), k + m.count < end {
          titled = true
          i = k + m.count
          k = i
        } else {
          k += 1
        }
      }
      let words = end - i
      let sentenceStart = sentenceStarts.contains(i)
      let organization = orgs.contains(a.tokens[end - 1].lower) && words >= 2
      let inSource = sourceOfStatement.map { $0.contains(i) } ?? false
      let person = (titled || inSource) && words >= 2 && !organization
      if (titled && !organization) || organization
        || (inSource && (words >= 2 || !sentenceStart))
      {
        let name = a.text(a.tokens[i].start..<a.tokens[end - 1].end)
        let id = Slug.make(name)
        if !id.isEmpty, !result.contains(where: { $0.id == id }) {
          result.append(
            Proposal(
              id: id, name: name,
              kind: person || titled
                ? .person : (organization ? .other : .other)))
        }
      }
      i = end
    }
    return result
  }
}
