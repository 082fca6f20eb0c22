import DatelineCore

/// Finds a data directory's parties in a text by their names and aliases.
///
/// Names are compared token by token, case-insensitively, with typographic apostrophes as
/// plain ones; a name token written with capitals must be capitalized in the text too, so
/// the alias "US" does not match the pronoun "us". A possessive ("Israel’s", "Hamas’")
/// is the name followed by apostrophe tokens and matches as the name.
public struct PartyMatcher: Sendable {
  struct Name: Sendable {
    var tokens: [String]
    var capitalized: [Bool]
    var party: Int
  }

  public var parties: [Party]
  private var byFirstToken: [String: [Name]] = [:]

  public init(parties: [Party]) {
    self.parties = parties
    for (i, party) in parties.enumerated() {
      // A label set on purpose ("Biden", "US") is a name; a default one is the name cut short.
      let label =
        party.label
          == Truncation.truncate(party.name, toColumns: 12, marker: "")
        ? [] : [party.label]
      for name in [party.name] + label + party.aliases {
        let tokens = Tokenizer.tokens(of: name)
        guard !tokens.isEmpty else { continue }
        let entry = Name(
          tokens: tokens.map { Self.fold($0.lower) },
          capitalized: tokens.map(\.capitalized), party: i)
        byFirstToken[entry.tokens[0], default: []].append(entry)
      }
    }
    for key in byFirstToken.keys {
      byFirstToken[key]?.sort { $0.tokens.count > $1.tokens.count }
    }
  }

  /// A party's mention: which party, and the tokens that name it.
  public struct Mention: Sendable, Equatable {
    public var party: Int
    public var tokens: Range<Int>
  }

  /// Every mention within `range`, longest names first, without overlaps, in text order.
  public func mentions(in tokens: [Token], range: Range<Int>) -> [Mention] {
    var found: [Mention] = []
    var i = range.lowerBound
    while i < range.upperBound {
      if let m = longest(tokens, at: i, limit: range.upperBound) {
        found.append(m)
        i = m.tokens.upperBound
      } else {
        i += 1
      }
    }
    return found
  }

  private func longest(_ tokens: [Token], at i: Int, limit: Int) -> Mention? {
    guard let names = byFirstToken[Self.fold(tokens[i].lower)] else {
      return nil
    }
    for name in names where i + name.tokens.count <= limit {
      var ok = true
      for k in 0..<name.tokens.count {
        let t = tokens[i + k]
        if Self.fold(t.lower) != name.tokens[k]
          || (name.capitalized[k] && !t.capitalized)
        {
          ok = false
          break
        }
      }
      if ok {
        return Mention(party: name.party, tokens: i..<(i + name.tokens.count))
      }
    }
    return nil
  }

  static func fold(_ s: String) -> String {
    s == "’" || s == "‘" ? "'" : s
  }
}
