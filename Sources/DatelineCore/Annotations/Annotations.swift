/// The current annotations of a data directory: the fold of every change in its files.
///
/// A value: the browser keeps one in its state and folds its own changes in as it makes
/// them, so what is shown never waits for (or depends on) the disk.
public struct Annotations: Sendable, Hashable {
  /// What one record carries.
  public struct Entry: Sendable, Hashable {
    public var starred = false
    /// Sorted, without repeats.
    public var tags: [String] = []
    /// Nil when there is no note (an empty note removes it).
    public var note: String?

    public init(starred: Bool = false, tags: [String] = [], note: String? = nil)
    {
      self.starred = starred
      self.tags = tags
      self.note = note
    }

    public var isEmpty: Bool { !starred && tags.isEmpty && note == nil }

    /// Stars, tags and the note as one line of text for search (`/` finds them).
    public var searchText: String {
      var parts = tags
      if starred { parts.append("starred") }
      if let note { parts.append(note) }
      return parts.joined(separator: "\u{1F}")
    }
  }

  public private(set) var entries: [Record.ID: Entry] = [:]

  public init() {}

  public init(_ changes: [AnnotationChange]) {
    for c in changes { apply(c) }
  }

  public subscript(id: Record.ID) -> Entry { entries[id] ?? Entry() }

  /// Folds one change in; later changes win.
  public mutating func apply(_ change: AnnotationChange) {
    var e = entries[change.record] ?? Entry()
    switch change.operation {
    case .star: e.starred = true
    case .unstar: e.starred = false
    case .tag:
      if let t = change.value, !e.tags.contains(t) {
        e.tags.append(t)
        e.tags.sort()
      }
    case .untag: e.tags.removeAll { $0 == change.value }
    case .note: e.note = (change.value ?? "").isEmpty ? nil : change.value
    }
    entries[change.record] = e.isEmpty ? nil : e
  }

  /// Every tag in use with the number of records that carry it, sorted by tag.
  public var tagCounts: [(tag: String, count: Int)] {
    var counts: [String: Int] = [:]
    for e in entries.values { for t in e.tags { counts[t, default: 0] += 1 } }
    return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// Ids of annotated records the corpus does not have (an annotation outlives a record
  /// that was renamed or deleted; `validate` warns, nothing else cares).
  public func unknownRecords(in corpus: Corpus) -> [Record.ID] {
    unknownRecords { corpus.recordIndex[$0] != nil }
  }

  /// Ids of annotated records for which `isLoaded` says no, sorted (`validate` asks a
  /// check's ids, `CorpusLoader.Check.recordIDs`, where there is no corpus).
  public func unknownRecords(isLoaded: (Record.ID) -> Bool) -> [Record.ID] {
    entries.keys.filter { !isLoaded($0) }.sorted()
  }
}
