import DatelineCore

/// Stars (`*`), tags (`T`, `#`) and notes (`i`, `I`): the reducer's part.
///
/// A change is folded into `workbench.annotations` at once and queued in
/// `workbench.unsaved` for the shell to append (the time and author are the shell's to
/// fill in); a failed write keeps the change shown and queued, and says so.
extension BrowserState {
  mutating func updateAnnotations(_ event: Event) {
    switch event {
    case .toggleStar:
      guard let r = selectedRecord else { return }
      let starred = workbench.annotations[r.id].starred
      annotate(r.id, starred ? .unstar : .star)
      if message == nil { message = starred ? "star removed" : "starred" }
    case .startTagPrompt:
      if selectedRecord != nil { prompt = .tag(text: "") }
    case .startNotePrompt:
      if let r = selectedRecord {
        prompt = .note(text: workbench.annotations[r.id].note ?? "")
      }
    case .editNoteInEditor:
      if let r = selectedRecord {
        workbench.noteEdit = .init(
          record: r.id, text: workbench.annotations[r.id].note ?? "")
      }
    case .noteEdited(let id, let text, let error):
      workbench.noteEdit = nil
      if let error { message = "note not changed: " + error }
      if let text, text != (workbench.annotations[id].note ?? "") {
        annotate(id, .note, text)
        if message == nil {
          message = text.isEmpty ? "note removed" : "note saved"
        }
      }
    case .annotationsSaved(let written, let error):
      workbench.saveWanted = false
      workbench.unsaved.removeFirst(min(written, workbench.unsaved.count))
      if let error {
        let n = workbench.unsaved.count
        message =
          "annotations not saved (\(n) change\(n == 1 ? "" : "s") kept until you quit): "
          + error
      }
    case .promptComplete: completeTag()
    case .openTagList: overlay = .tags(cursor: 0)
    case .moveTagCursor(let n):
      if case .tags(let c) = overlay {
        overlay = .tags(cursor: min(max(0, c + n), workbench.tags.count))
      }
    case .toggleTagAtCursor:
      if case .tags(let c) = overlay {
        c == 0 ? toggleStarredOnly() : toggleTagFilter(at: c - 1)
      }
    case .toggleTagFilterKey(let k): toggleTagFilter(at: k - 1)
    case .toggleTagMatchMode:
      workbench.filter.tagMode = workbench.filter.tagMode == .any ? .all : .any
      applyQuery(query)
    case .toggleStarredOnly: toggleStarredOnly()
    default: break
    }
  }

  /// Folds one change in and queues it for the shell; the filters apply again, since the
  /// record may now pass or fail them.
  mutating func annotate(
    _ id: Record.ID, _ operation: AnnotationChange.Operation,
    _ value: String? = nil
  ) {
    let change = AnnotationChange(
      record: id, time: "", author: "", operation: operation, value: value)
    if let problem = change.problem {
      message = problem
      return
    }
    workbench.annotations.apply(change)
    workbench.unsaved.append(change)
    workbench.saveWanted = true
    if !workbench.filter.isEmpty { applyQuery(query) }
  }

  /// Enter in the `T` prompt: adds the tag, or removes it when the record has it.
  mutating func submitTag(_ text: String) {
    prompt = nil
    let tag = AnnotationChange.normalizedTag(text)
    guard let r = selectedRecord, !tag.isEmpty else { return }
    let has = workbench.annotations[r.id].tags.contains(tag)
    annotate(r.id, has ? .untag : .tag, tag)
    if message == nil { message = has ? "tag \(tag) removed" : "tagged \(tag)" }
  }

  /// Enter in the `i` prompt: the note as typed (empty removes it).
  mutating func submitNote(_ text: String) {
    prompt = nil
    guard let r = selectedRecord,
      text != (workbench.annotations[r.id].note ?? "")
    else { return }
    annotate(r.id, .note, text)
    if message == nil { message = text.isEmpty ? "note removed" : "note saved" }
  }

  /// Tab in the `T` prompt: the tags in use that start with what is typed; one is filled
  /// in, several are filled to their common start and listed in the status line.
  mutating func completeTag() {
    guard case .tag(let text) = prompt else { return }
    let typed = AnnotationChange.normalizedTag(text)
    let candidates = workbench.tags.filter { $0.hasPrefix(typed) }
    guard let first = candidates.first else {
      message =
        workbench.tags.isEmpty
        ? "no tags in use yet" : "no tag starts with \(typed)"
      return
    }
    var common = first
    for c in candidates.dropFirst() {
      while !c.hasPrefix(common) { common.removeLast() }
    }
    prompt = .tag(text: common)
    if candidates.count > 1 {
      message =
        candidates.prefix(8).joined(separator: " ")
        + (candidates.count > 8 ? " …" : "")
    }
  }

  mutating func toggleStarredOnly() {
    workbench.filter.starredOnly.toggle()
    applyQuery(query)
    message =
      workbench.filter.starredOnly
      ? "starred only: \(rows.count) records" : "all records, starred or not"
  }

  /// The tag at `index` of the tag list on or off as a filter.
  mutating func toggleTagFilter(at index: Int) {
    let tags = workbench.tags
    guard tags.indices.contains(index) else {
      message = "no tag on key \(index + 1)"
      return
    }
    let tag = tags[index]
    if workbench.filter.tags.contains(tag) {
      workbench.filter.tags.remove(tag)
    } else {
      workbench.filter.tags.insert(tag)
    }
    applyQuery(query)
  }

  /// Records shown per tag (and starred), for the tag list's live counts.
  var tagCounts: (starred: Int, tags: [String: Int]) {
    var starred = 0
    var counts: [String: Int] = [:]
    for i in rows {
      guard
        let e = workbench.annotations.entries.isEmpty
          ? nil : workbench.annotations.entries[corpus.records[i].id]
      else {
        continue
      }
      if e.starred { starred += 1 }
      for t in e.tags { counts[t, default: 0] += 1 }
    }
    return (starred, counts)
  }

  /// Search: the nearest row from `start` (in the search's direction, wrapping) whose
  /// record's annotations hold the words (with its text), or nil.
  func annotationMatch(_ words: [String], from start: ResultRow, forward: Bool)
    -> ResultRow?
  {
    let hits = AnnotationFilter.searchMatches(
      words, corpus: corpus, annotations: workbench.annotations)
    guard !hits.isEmpty, !rows.isEmpty else { return nil }
    let n = rows.count
    let from = ((start.offset % n) + n) % n
    var best: (distance: Int, row: ResultRow)?
    for index in hits {
      guard let row = rows.row(of: RecordPosition(index)) else { continue }
      let d =
        forward ? (row.offset - from + n) % n : (from - row.offset + n) % n
      if d < best?.distance ?? Int.max { best = (d, row) }
    }
    return best?.row
  }

  /// Of two search hits, the one met first going from `start` in the direction.
  func nearer(
    _ a: ResultRow?, _ b: ResultRow?, from start: ResultRow, forward: Bool
  ) -> ResultRow? {
    guard let a, let b else { return a ?? b }
    let n = max(1, rows.count)
    let from = ((start.offset % n) + n) % n
    func d(_ x: ResultRow) -> Int {
      forward ? (x.offset - from + n) % n : (from - x.offset + n) % n
    }
    return d(a) <= d(b) ? a : b
  }
}
