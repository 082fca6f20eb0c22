/// Where in a record a search word was found: the searched fields, in SCHEMA.md's order
/// (a record field's case is its row's `search` in `RecordField`).
///
/// The timeline shows a headline; a record found through its summary or a party's alias
/// looks like a wrong answer unless the browser says where the word is ("in summary").
public enum SearchField: String, Sendable, Hashable, CaseIterable {
  case headline, summary, attribution, tag
  /// A listed party's name or label (the label shows in the timeline's party column).
  case party
  /// One of a listed party's aliases (never shown in the timeline).
  case partyAlias = "party alias"
  /// The reader's own star, tags or note (the browser searches them too).
  case annotation = "note or tag"

  /// For each of `words` (folded, as `TextSearch.words` gives them), the first field of
  /// `record` in this order that contains it; nil for a word found nowhere.
  public static func locate(
    _ words: [String], in record: Record, corpus: Corpus,
    annotation: String = ""
  ) -> [SearchField?] {
    let texts = SearchField.texts(
      of: record, corpus: corpus, annotation: annotation)
    return words.map { w in
      texts.first(where: { $0.1.contains(where: { $0.contains(w) }) })?.0
    }
  }

  /// Each field with its folded texts, in order.
  static func texts(of r: Record, corpus: Corpus, annotation: String) -> [(
    SearchField, [String]
  )] {
    var names: [String] = []
    var aliases: [String] = []
    for ref in r.parties {
      guard let p = corpus.party(ref.id) else { continue }
      names += [p.name, p.label]
      aliases += p.aliases
    }
    let fold = TextSearch.fold
    let fields = RecordField.searched.compactMap { field in
      field.row.search.map { ($0, field.searchTexts(of: r).map(fold)) }
    }
    return fields + [
      (.party, names.map(fold)),
      (.partyAlias, aliases.map(fold)),
      (.annotation, annotation.isEmpty ? [] : [fold(annotation)]),
    ]
  }
}
