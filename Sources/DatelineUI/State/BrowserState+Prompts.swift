import DatelineCore
import Foundation

/// The status-line prompts: search (`/`), jump to a date (`t`) and date range (`r`).
extension BrowserState {
  mutating func editPrompt(_ edit: (inout String) -> Void) {
    switch prompt {
    case .search(var text, let origin):
      let before = text
      edit(&text)
      prompt = .search(text: text, origin: origin)
      // A key that changed nothing (past the length cap, an arrow) starts no search.
      if text == before { return }
      // Incremental: the selection follows the first match from where the search began,
      // found piece by piece between keys (`searchStep`), so typing never waits for it.
      search = text
      if TextSearch.words(text).isEmpty {
        editing.pendingSearch = nil
      } else {
        editing.pendingSearch = PromptEditing.PendingSearch(
          origin: origin, done: 0)
      }
    case .jump(var text):
      edit(&text)
      prompt = .jump(text: text)
    case .range(var text):
      edit(&text)
      prompt = .range(text: text)
    case .export(var text):
      edit(&text)
      prompt = .export(text: text)
    case .command(var text):
      edit(&text)
      prompt = .command(text: text)
    case .tag(var text):
      edit(&text)
      prompt = .tag(text: text)
    case .note(var text):
      edit(&text)
      prompt = .note(text: text)
    case .viewName(var text):
      edit(&text)
      prompt = .viewName(text: text)
    case .overwrite(let request):
      answerOverwrite(request, edit)
    case .draftField(let field, var text):
      edit(&text)
      prompt = .draftField(field, text: text)
    case nil: break
    }
  }

  mutating func submitPrompt() {
    switch prompt {
    case .search(let text, _):
      // The search goes on after Enter if it has not finished (steps between keys).
      prompt = nil
      search = text
      let words = TextSearch.words(text)
      if editing.pendingSearch == nil, !words.isEmpty, let p = selectedPosition,
        !TextMatcher(words, corpus: corpus).matches(p),
        annotationMatch(words, from: selection, forward: true) != selection
      {
        message = "no match for \(text)"
      }
    case .jump(let text):
      prompt = nil
      // An empty `t` is a change of mind, not a mistake.
      if text.contains(where: { $0 != " " }) { jumpToDate(text) }
    case .range(let text):
      prompt = nil
      guard let range = DateRange.parse(text) else {
        message =
          "not a range: \(text.trimmingCharacters(in: .whitespaces)) (use 2023-11..2023-12-12, 2023-12.. or ..2023-12)"
        return
      }
      applyRange(range)
    case .export(let text):
      prompt = nil
      requestExport(text)
    case .command(let text):
      prompt = nil
      runCommand(text)
    case .tag(let text): submitTag(text)
    case .note(let text): submitNote(text)
    case .viewName(let text): saveView(named: text)
    case .draftField(let field, let text): submitDraftField(field, text)
    case .overwrite:
      // Enter is not a yes: replacing a file takes a `y`.
      prompt = nil
      message = "export cancelled: the file is kept"
    case nil: break
    }
  }

  /// `t`: a date (`2023-12-12`, `2023-12`, `2023`) or a step from the selection (`-1w`,
  /// `+1m`, `-3d`, `+1y`); goes to the first shown record on or after that day.
  mutating func jumpToDate(_ text: String) {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard let target = JumpTarget.parse(t) else {
      message =
        "not a date: \(t) (use YYYY, YYYY-MM, YYYY-MM-DD, or -1w, +1m, -3d, +1y)"
      return
    }
    guard let day = target.day(from: selectedRecord?.firstDay) else {
      message =
        selectedRecord == nil
        ? "no record selected to count from" : "\(t) leaves the calendar"
      return
    }
    let i = firstRow(onOrAfter: day)
    guard i < rows.endIndex else {
      if case .date = target {
        message = "no record on or after \(t)"
      } else {
        message = "no record on or after \(day) (\(t))"
      }
      return
    }
    rememberPlace()
    select(i)
  }
}
