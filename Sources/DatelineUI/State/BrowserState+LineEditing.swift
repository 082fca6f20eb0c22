import DatelineCore

/// Readline editing for every prompt.
extension BrowserState {
  /// The open prompt's text, whichever prompt it is.
  public var promptText: String {
    switch prompt {
    case .search(let text, _), .jump(let text), .range(let text),
      .export(let text), .tag(let text), .note(let text),
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
      if case .insert(let typed) = edit, let c = typed.first {
        editPrompt { $0.append(c) }
      }
      return
    }
    if edit == .historyBack || edit == .historyForward {
      var e = editing
      if let text = e.browse(
        back: edit == .historyBack, kind: kind, current: promptText)
      {
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
    if let kind = promptKind, kind != "overwrite" {
      editing.remember(promptText, kind: kind)
    }
  }
}
