import DatelineCore

/// Readline editing for every prompt, and the incremental search run in pieces.
extension BrowserState {
  /// Rows one search step tests: milliseconds on any corpus, so a key waits at most that.
  static let searchStepBudget = 4096

  /// The open prompt's text, whichever prompt it is.
  public var promptText: String {
    switch prompt {
    case .search(let text, _), .jump(let text), .range(let text), .export(let text), .tag(let text), .note(let text),
      .viewName(let text), .command(let text), .draftField(_, let text):
      return text
    case .overwrite, nil: return ""
    }
  }

  /// A name per prompt, for its history.
  var promptKind: String? {
    switch prompt {
    case .search: return "search"
    case .jump: return "jump"
    case .range: return "range"
    case .export: return "export"
    case .tag: return "tag"
    case .command: return "command"
    case .note: return "note"
    case .viewName: return "view"
    case .draftField(let field, _): return "draft-" + field.rawValue
    case .overwrite: return "overwrite"
    case nil: return nil
    }
  }

  /// One readline edit of the open prompt.
  mutating func applyLineEdit(_ edit: LineEdit) {
    guard let kind = promptKind else { return }
    if case .overwrite = prompt {
      // A yes/no question: only the typed answer counts.
      if case .insert(let typed) = edit, let c = typed.first { editPrompt { $0.append(c) } }
      return
    }
    if edit == .historyBack || edit == .historyForward {
      var e = editing
      if let text = e.browse(back: edit == .historyBack, kind: kind, current: promptText) {
        editing = e
        editPrompt { $0 = text }
      }
      return
    }
    var e = editing
    var cut: String?
    editPrompt { text in cut = e.apply(edit, to: &text) }
    e.pendingSearch = editing.pendingSearch
    editing = e
    if let cut { message = cut }
  }

  /// After any event: a prompt that has just opened starts with its cursor at the end
  /// and its pre-filled text selected.
  mutating func notePromptOpened(before: BrowserState) {
    guard let kind = promptKind, kind != before.promptKind else { return }
    editing.open(with: promptText)
  }

  /// Keeps the submitted text in the prompt's history.
  mutating func rememberPrompt() {
    if let kind = promptKind, kind != "overwrite" { editing.remember(promptText, kind: kind) }
  }

  /// Lists up to this long get "match 3 of 17": counting reads every line, which a
  /// list this short answers in milliseconds (TextMatcher's own threshold).
  static let matchCountLimit = TextMatcher.signatureThreshold

  /// Counts the matches and the selected record's rank, after a search lands.
  mutating func countMatches() {
    editing.match = nil
    let words = TextSearch.words(search)
    guard !words.isEmpty, editing.pendingSearch == nil, rows.count <= BrowserState.matchCountLimit,
      rows.indices.contains(selection)
    else { return }
    let matcher = TextMatcher(words, corpus: corpus)
    var total = 0
    var index: Int?
    for row in rows.indices where matcher.matches(rows[row]) {
      total += 1
      if row == selection { index = total }
    }
    if let index { editing.match = PromptEditing.MatchPosition(row: selection, index: index, total: total, rowCount: rows.count) }
  }

  /// "match 3 of 17" while the counted match is selected, else nil.
  var matchLabel: String? {
    guard let m = editing.match, m.row == selection, m.rowCount == rows.count, !search.isEmpty else { return nil }
    return "match \(m.index) of \(m.total)"
  }

  /// One piece of the pending incremental search (sent by the shell while no key waits).
  mutating func searchStep(budget: Int = BrowserState.searchStepBudget) {
    guard let pending = editing.pendingSearch else { return }
    let words = TextSearch.words(search)
    guard !words.isEmpty, !rows.isEmpty else {
      editing.pendingSearch = nil
      return
    }
    // Stars, tags and notes match too (BrowserState+Annotations.swift): their nearest
    // hit is found once, at the first step, and wins when the text scan passes it.
    var annotationHit = pending.annotationHit
    if pending.done == 0 { annotationHit = annotationMatch(words, from: pending.origin, forward: true) }
    let n = rows.count
    let distance = { (row: ResultRow) in (row.offset - pending.origin.offset % n + n) % n }
    let matcher = TextMatcher(words, corpus: corpus)
    switch matcher.step(in: rows.positions, from: pending.origin.offset, forward: true, done: pending.done, budget: budget) {
    case .found(let offset):
      let i = ResultRow(offset)
      editing.pendingSearch = nil
      select(nearer(i, annotationHit, from: pending.origin, forward: true) ?? i)
    case .searched(let done):
      if let a = annotationHit, distance(a) < done {
        editing.pendingSearch = nil
        select(a)
      } else {
        editing.pendingSearch?.done = done
        editing.pendingSearch?.annotationHit = annotationHit
      }
    case .exhausted:
      editing.pendingSearch = nil
      if let a = annotationHit {
        select(a)
      } else if message == nil {
        // A message the last key gave (the length cap) says more than "no match".
        message = "no match for \(search)"
      }
    }
  }
}

/// The state once every pending search step has run, as after a pause in typing.
///
/// `dateline screen` and the tests fold keys with no time between them; this is the
/// pause the browse loop would give the search while no key waits.
public func settle(_ state: BrowserState) -> BrowserState {
  var s = state
  while s.editing.pendingSearch != nil { s = update(s, .searchStep) }
  return s
}
