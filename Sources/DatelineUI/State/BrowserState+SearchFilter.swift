import DatelineCore

/// Search as a filter (`F`, `:filter-in`, `:filter-out`, as lnav's filters) and what the
/// screen says about a search: the words it highlights and where a match was found.
extension BrowserState {
  /// The folded words drawn as matches: the search's, then the filter-in's.
  public var highlightWords: [String] {
    var words = TextSearch.words(search)
    for w in TextSearch.words(query.search) where !words.contains(w) {
      words.append(w)
    }
    return words
  }

  /// The rows `q` selects, before the tag and star filters: the search words also find
  /// stars, tags and notes, as `/` and `list --search` do, then `excluded` leaves out.
  func filteredRows(_ q: TimelineQuery) -> [Int] {
    let candidates = q.candidates(
      on: corpus, links: links, columns: facetColumns)
    var found = q.searched(candidates, in: corpus)
    let words = TextSearch.words(q.search)
    if !words.isEmpty && !workbench.annotations.entries.isEmpty {
      found = AnnotationFilter.searched(
        candidates, words: words, corpus: corpus,
        annotations: workbench.annotations, recordMatches: found)
    }
    return q.excluding(found, in: corpus)
  }

  /// `F`: only the records the search finds stay shown; the search's words become the
  /// filter-in's (and stay highlighted), `0` or `:clear` shows everything again.
  mutating func searchToFilter() {
    guard !TextSearch.words(search).isEmpty else {
      message = "no search to filter by (press / to search, then F)"
      return
    }
    let words = search
    search = ""
    editing.pendingSearch = nil
    filterIn(words)
  }

  /// `:filter-in WORDS`: only records with every word (added to the words already in).
  mutating func filterIn(_ words: String) {
    var q = query
    q.search = (TextSearch.words(q.search) + TextSearch.words(words)).reduce(
      into: [String]()
    ) { out, w in
      if !out.contains(w) { out.append(w) }
    }.joined(separator: " ")
    applyQuery(q)
    message =
      rows.isEmpty
      ? "no record has \(words) (0 clears the filters)"
      : "filter in \(words): \(rows.count) records"
  }

  /// `:filter-out WORDS`: leaves out the records with every word; several add up.
  mutating func filterOut(_ words: String) {
    let entry = TextSearch.words(words).joined(separator: " ")
    guard !entry.isEmpty else { return }
    var q = query
    if !q.excluded.contains(entry) { q.excluded.append(entry) }
    applyQuery(q)
    message = "filter out \(words): \(rows.count) records left"
  }

  /// Where the selected record holds the search's words when the headline does not hold
  /// them all ("in summary", "in party alias"), for the status line; nil when the
  /// headline shows every word or the record is not a match.
  var matchedFieldsLabel: String? {
    let words = TextSearch.words(search)
    guard !words.isEmpty, let record = selectedRecord else { return nil }
    let annotation = workbench.annotations[record.id].searchText
    let found = SearchField.locate(
      words, in: record, corpus: corpus, annotation: annotation)
    guard !found.contains(nil) else { return nil }
    var named: [String] = []
    for case let field? in found
    where field != .headline && !named.contains(field.rawValue) {
      named.append(field.rawValue)
    }
    return named.isEmpty ? nil : "in " + named.joined(separator: ", ")
  }
}
