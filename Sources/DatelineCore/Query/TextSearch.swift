import Foundation

/// Case- and diacritic-insensitive word search over a record's text fields.
///
/// SCHEMA.md "Queries": the record's searched fields (`RecordField.searched`: headline,
/// summary, attribution text, tags), and the names, labels and aliases of the record's
/// parties; every word of the query must occur as a substring.
public enum TextSearch {
  /// Lowercased, accents removed: "Hamás" and "HAMAS" fold alike.
  public static func fold(_ s: String) -> String {
    s.folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
      locale: nil)
  }

  /// The query's folded words, empty for a blank query.
  public static func words(_ query: String) -> [String] {
    fold(query).split(whereSeparator: { $0.isWhitespace }).map(String.init)
  }

  /// Fields joined with a separator no query word contains, so words never match across.
  static func haystack(for r: Record, parties: [Party], index: [Party.ID: Int])
    -> String
  {
    var parts: [String] = []
    for field in RecordField.searched {
      parts.append(contentsOf: field.searchTexts(of: r))
    }
    for ref in r.parties {
      guard let i = index[ref.id] else { continue }
      let p = parties[i]
      parts.append(p.name)
      parts.append(p.label)
      parts.append(contentsOf: p.aliases)
    }
    return fold(parts.joined(separator: "\u{1F}"))
  }

  /// Whether every word occurs in the folded haystack.
  static func matches(_ words: [String], haystack: String) -> Bool {
    words.allSatisfy { haystack.contains($0) }
  }

  /// Ranges of `text` (a display string) that match any query word, for highlighting.
  public static func highlights(of words: [String], in text: String) -> [Range<
    String.Index
  >] {
    guard !words.isEmpty else { return [] }
    var out: [Range<String.Index>] = []
    for w in words where !w.isEmpty {
      var from = text.startIndex
      while from < text.endIndex,
        let r = text.range(
          of: w, options: [.caseInsensitive, .diacriticInsensitive],
          range: from..<text.endIndex)
      {
        out.append(r)
        from = r.upperBound
      }
    }
    return out
  }
}

extension Corpus {
  /// Whether the record at `index` (timeline order) matches every search word.
  ///
  /// Callers that test many records make one `TextMatcher` instead.
  public func matches(_ words: [String], record index: Int) -> Bool {
    TextMatcher(words, corpus: self).matches(index)
  }

  /// The folded search text of the record at `index`, built when asked (see TextSearch).
  func searchText(_ index: Int) -> String {
    TextSearch.haystack(
      for: records[index], parties: parties, index: partyIndex)
  }
}
