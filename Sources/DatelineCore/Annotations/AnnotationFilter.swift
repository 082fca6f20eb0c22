/// Filters on the reader's own annotations: starred only, tags (any or all, like
/// parties), records with a note.
///
/// Kept apart from `TimelineQuery` because annotations are not in the data files: the
/// query answers from the corpus, then this narrows its rows with the annotations the
/// caller holds. `dateline list --starred/--tag/--has-note` and the browser share it.
public struct AnnotationFilter: Sendable, Hashable {
  public var starredOnly: Bool
  public var tags: Set<String>
  public var tagMode: PartyFilter.Mode
  public var hasNote: Bool

  public init(
    starredOnly: Bool = false, tags: Set<String> = [],
    tagMode: PartyFilter.Mode = .any, hasNote: Bool = false
  ) {
    self.starredOnly = starredOnly
    self.tags = tags
    self.tagMode = tagMode
    self.hasNote = hasNote
  }

  public var isEmpty: Bool { !starredOnly && tags.isEmpty && !hasNote }

  /// Whether a record with these annotations passes.
  public func matches(_ e: Annotations.Entry) -> Bool {
    if starredOnly && !e.starred { return false }
    if hasNote && e.note == nil { return false }
    if !tags.isEmpty {
      switch tagMode {
      case .any: if !e.tags.contains(where: tags.contains) { return false }
      case .all: if !tags.allSatisfy(e.tags.contains) { return false }
      }
    }
    return true
  }

  /// The rows (indexes into `corpus.records`) that pass, in their order.
  public func apply(_ rows: [Int], corpus: Corpus, annotations: Annotations)
    -> [Int]
  {
    guard !isEmpty else { return rows }
    // Only annotated records can pass: look up their rows rather than every row's id.
    var keep = Set<Int>()
    for (id, e) in annotations.entries where matches(e) {
      if let i = corpus.recordIndex[id] { keep.insert(i) }
    }
    return rows.filter(keep.contains)
  }

  /// The annotated records (indexes into `corpus.records`) whose text and annotations
  /// together hold every search word, folded like the record search: `/` and `--search`
  /// find stars (the word "starred"), tags and notes, and a word of the note with a word
  /// of the headline.
  public static func searchMatches(
    _ words: [String], corpus: Corpus, annotations: Annotations
  ) -> Set<Int> {
    guard !words.isEmpty else { return [] }
    var out = Set<Int>()
    for (id, e) in annotations.entries {
      guard let i = corpus.recordIndex[id] else { continue }
      let text = TextSearch.fold(e.searchText) + "\u{1F}" + corpus.searchText(i)
      if words.allSatisfy(text.contains) { out.insert(i) }
    }
    return out
  }

  /// `candidates` searched for `words` in the records and their annotations, in order.
  public static func searched(
    _ candidates: [Int], words: [String], corpus: Corpus,
    annotations: Annotations, recordMatches: [Int]
  ) -> [Int] {
    let extra = searchMatches(words, corpus: corpus, annotations: annotations)
    guard !extra.isEmpty else { return recordMatches }
    let merged = Set(recordMatches).union(extra)
    return candidates.filter(merged.contains)
  }
}
