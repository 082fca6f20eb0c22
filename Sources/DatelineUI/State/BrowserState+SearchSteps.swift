import DatelineCore

/// Searching in pieces between keys: the incremental search of `/`, `n`/`N`, and the
/// count behind "match 3 of 17".
///
/// Why in pieces: a search that finds nothing reads every line, seconds for ten million
/// records; a piece of a few thousand rows takes milliseconds, so a key is answered
/// within a frame and the search goes on only while no key waits (the shell sends
/// `.searchStep`; `settle` runs them all, as a pause in typing would).
extension BrowserState {
  /// Rows one search step tests: milliseconds on any corpus, so a key waits at most that.
  static let searchStepBudget = 4096

  /// Whether a search or a count still runs (the shell then sends `.searchStep`).
  public var isSearching: Bool {
    if editing.pendingSearch != nil { return true }
    guard let tally = editing.tally, !tally.isComplete, prompt == nil else {
      return false
    }
    return tally.counts(search, rows)
  }

  /// `n`/`N`: the next (previous) match from the selection, wrapping around.
  mutating func findMatch(forward: Bool) {
    guard !TextSearch.words(search).isEmpty else {
      message = "no search (press / to search)"
      return
    }
    guard !rows.isEmpty else { return }
    // A finished count knows every match: the next one is a binary search away.
    if let tally = editing.tally, tally.isComplete, tally.counts(search, rows) {
      guard let row = tally.next(from: selection, forward: forward) else {
        message = "no match for \(search)"
        return
      }
      if forward ? row <= selection : row >= selection {
        message = "search wrapped"
      }
      select(row)
      return
    }
    // Pressed again while the same search runs: it goes on.
    if let p = editing.pendingSearch, p.saysWrapped, p.forward == forward {
      return
    }
    let start = selection + (forward ? 1 : -1)
    editing.pendingSearch = PromptEditing.PendingSearch(
      origin: start, done: 0, forward: forward, saysWrapped: true)
    searchStep()
  }

  /// One piece of the running search, else of the count.
  mutating func searchStep(budget: Int = BrowserState.searchStepBudget) {
    guard let pending = editing.pendingSearch else {
      return updateTally(step: true)
    }
    let words = TextSearch.words(search)
    guard !words.isEmpty, !rows.isEmpty else {
      editing.pendingSearch = nil
      return
    }
    // Stars, tags and notes match too (BrowserState+Annotations.swift): their nearest
    // hit is found once, at the first step, and wins when the text scan passes it.
    let forward = pending.forward
    var annotationHit = pending.annotationHit
    if pending.done == 0 {
      annotationHit = annotationMatch(
        words, from: pending.origin, forward: forward)
    }
    let n = rows.count
    let origin = (pending.origin.offset % n + n) % n
    let distance = { (row: ResultRow) in
      forward ? (row.offset - origin + n) % n : (origin - row.offset + n) % n
    }
    let matcher = TextMatcher(words, corpus: corpus)
    switch matcher.step(
      in: rows.positions, from: pending.origin.offset, forward: forward,
      done: pending.done, budget: budget)
    {
    case .found(let offset):
      let i = ResultRow(offset)
      land(
        on: nearer(i, annotationHit, from: pending.origin, forward: forward)
          ?? i, pending)
    case .searched(let done):
      if let a = annotationHit, distance(a) < done {
        land(on: a, pending)
      } else {
        editing.pendingSearch?.done = done
        editing.pendingSearch?.annotationHit = annotationHit
      }
    case .exhausted:
      editing.pendingSearch = nil
      if let a = annotationHit {
        land(on: a, pending)
      } else if message == nil {
        // A message the last key gave (the length cap) says more than "no match".
        message = "no match for \(search)"
      }
    }
  }

  /// The search found `row`: select it (`n`/`N` say when they went past the end).
  private mutating func land(
    on row: ResultRow, _ pending: PromptEditing.PendingSearch
  ) {
    editing.pendingSearch = nil
    if pending.saysWrapped
      && (pending.forward ? row < pending.origin : row > pending.origin)
    {
      message = "search wrapped"
    }
    select(row)
  }

  /// After every event: once a search has landed (no prompt open, no search running),
  /// count its matches in the shown list, from scratch when the search or the list
  /// changed; `step` goes on with a count begun earlier. A list of up to
  /// `SearchTally.firstRows` is counted at once, a longer one a piece at a time.
  mutating func updateTally(step: Bool) {
    guard !TextSearch.words(search).isEmpty else {
      editing.tally = nil
      return
    }
    guard prompt == nil, editing.pendingSearch == nil, !rows.isEmpty else {
      return
    }
    if var tally = editing.tally, tally.counts(search, rows) {
      guard step, !tally.isComplete else { return }
      tally.step(
        TextMatcher(TextSearch.words(search), corpus: corpus),
        budget: SearchTally.stepRows
      ) {
        annotationRows()
      }
      editing.tally = tally
      return
    }
    var tally = SearchTally(search: search, rows: rows)
    let first =
      rows.count <= SearchTally.firstRows ? rows.count : SearchTally.stepRows
    tally.step(
      TextMatcher(TextSearch.words(search), corpus: corpus), budget: first
    ) { annotationRows() }
    editing.tally = tally
  }

  /// The rows whose stars, tags or notes (with the record's text) hold the search words.
  private func annotationRows() -> [ResultRow] {
    AnnotationFilter.searchMatches(
      TextSearch.words(search), corpus: corpus,
      annotations: workbench.annotations
    )
    .compactMap { rows.row(of: RecordPosition($0)) }
  }

  /// "match 3 of 17" while a counted match is selected, "counting…" before the count
  /// reaches it, else nil.
  var matchLabel: String? {
    guard !search.isEmpty, let tally = editing.tally, tally.counts(search, rows)
    else { return nil }
    if let label = tally.label(at: selection) { return label }
    return tally.isComplete ? nil : "counting…"
  }
}

/// The state once every pending search step has run, as after a pause in typing.
///
/// `dateline screen` and the tests fold keys with no time between them; this is the
/// pause the browse loop would give the search while no key waits.
public func settle(_ state: BrowserState) -> BrowserState {
  var s = state
  while s.isSearching { s = update(s, .searchStep) }
  return s
}
