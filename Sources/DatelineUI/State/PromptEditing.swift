import DatelineCore

/// One edit of a prompt's line, as readline and lnav's prompts take them.
public enum LineEdit: Sendable, Hashable {
  /// Typed or pasted text: a bracketed paste arrives whole and is one edit.
  case insert(String)
  case backspace, delete
  case left, right
  /// Ctrl-A / Home and Ctrl-E / End.
  case home, end
  /// Ctrl-U: delete to the start; Ctrl-K: to the end; Ctrl-W: the word before the cursor.
  case killToStart, killToEnd, killWord
  /// ↑ / ↓: the prompt's earlier entries (kept for the session, per prompt).
  case historyBack, historyForward
}

/// The editing state of the open prompt besides its text: cursor, selection, history.
///
/// Kept apart from `BrowserState.Prompt` (which holds each prompt's text) so a new prompt
/// gets readline editing by giving its text, without a case here.
public struct PromptEditing: Sendable, Hashable {
  /// The longest text a prompt takes; a longer paste is cut here, with a message.
  ///
  /// Why a cap: every key redraws the prompt and a search reads its words; a megabyte
  /// pasted by mistake must cost no more than a long sentence.
  public static let maxLength = 1_000
  /// Entries kept per prompt.
  public static let historyLimit = 100

  /// Cursor position in characters, 0…text.count.
  public var cursor = 0
  /// The whole text is selected (a pre-filled value): typing replaces it.
  public var selected = false
  /// Which history entry is shown, while ↑/↓ browse; nil while editing.
  var historyIndex: Int?
  /// The text being typed before ↑ was pressed, given back by ↓ past the newest entry.
  var draft = ""
  /// Submitted texts per prompt kind, oldest first.
  public var history: [String: [String]] = [:]
  /// An incremental search still to run, piece by piece between keys (see `searchStep`).
  public var pendingSearch: PendingSearch?
  /// The search's matches in the shown list, counted between keys ("match 3 of 17").
  public var tally: SearchTally?

  public init() {}

  /// A search still running (typed at `/`, or `n`/`N`), and how far it has got.
  public struct PendingSearch: Sendable, Hashable {
    public var origin: ResultRow
    public var done: Int
    /// `N` searches backwards from `origin`.
    public var forward: Bool
    /// `n`/`N` say "search wrapped" when the match is met past the list's end.
    var saysWrapped: Bool
    /// The nearest row whose annotations (stars, tags, notes) match, found at the start.
    var annotationHit: ResultRow?

    public init(
      origin: ResultRow, done: Int, forward: Bool = true,
      saysWrapped: Bool = false
    ) {
      self.origin = origin
      self.done = done
      self.forward = forward
      self.saysWrapped = saysWrapped
    }
  }

  /// Applies `edit` to `text` at the cursor; returns a message when text was cut.
  mutating func apply(_ edit: LineEdit, to text: inout String) -> String? {
    var chars = Array(text)
    cursor = min(max(0, cursor), chars.count)
    var message: String?
    if selected {
      selected = false
      switch edit {
      case .insert, .backspace, .delete, .killToStart, .killToEnd, .killWord:
        chars = []
        cursor = 0
        guard case .insert = edit else {
          text = ""
          return nil
        }
      default: break
      }
    }
    switch edit {
    case .insert(let typed):
      let clean = Array(PromptEditing.oneLine(typed))
      let room = max(0, PromptEditing.maxLength - chars.count)
      if clean.count > room {
        message =
          "a prompt holds \(PromptEditing.maxLength) characters: \(clean.count - room) not typed"
      }
      chars.insert(contentsOf: clean.prefix(room), at: cursor)
      cursor += min(room, clean.count)
    case .backspace:
      if cursor > 0 {
        chars.remove(at: cursor - 1)
        cursor -= 1
      }
    case .delete: if cursor < chars.count { chars.remove(at: cursor) }
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(chars.count, cursor + 1)
    case .home: cursor = 0
    case .end: cursor = chars.count
    case .killToStart:
      chars.removeSubrange(0..<cursor)
      cursor = 0
    case .killToEnd: chars.removeSubrange(cursor..<chars.count)
    case .killWord:
      var start = cursor
      while start > 0 && chars[start - 1] == " " { start -= 1 }
      while start > 0 && chars[start - 1] != " " { start -= 1 }
      chars.removeSubrange(start..<cursor)
      cursor = start
    case .historyBack, .historyForward: break
    }
    text = String(chars)
    return message
  }

  /// A paste on one line: line breaks and tabs become spaces, other controls go.
  static func oneLine(_ s: String) -> String {
    var out = ""
    for ch in s {
      if ch == "\n" || ch == "\r\n" || ch == "\r" || ch == "\t" {
        out.append(" ")
      } else if let v = ch.unicodeScalars.first?.value,
        v < 0x20 || (0x7F...0x9F).contains(v)
      {
        continue
      } else {
        out.append(ch)
      }
    }
    return out
  }

  /// Starts editing a prompt that opens with `text`; a non-empty value is selected.
  mutating func open(with text: String, selected select: Bool = true) {
    cursor = text.count
    selected = select && !text.isEmpty
    historyIndex = nil
    draft = ""
    pendingSearch = nil
  }

  /// Keeps a submitted text in the prompt's history (not twice in a row, not empty).
  mutating func remember(_ text: String, kind: String) {
    guard text.contains(where: { $0 != " " }) else { return }
    var list = history[kind, default: []]
    if list.last != text { list.append(text) }
    if list.count > PromptEditing.historyLimit {
      list.removeFirst(list.count - PromptEditing.historyLimit)
    }
    history[kind] = list
  }

  /// ↑ (back) or ↓ (forward) through the kind's history; the text to show, or nil when
  /// there is nowhere to go.
  mutating func browse(back: Bool, kind: String, current: String) -> String? {
    let list = history[kind, default: []]
    guard !list.isEmpty else { return nil }
    let next: Int?
    switch (historyIndex, back) {
    case (nil, true):
      draft = current
      next = list.count - 1
    case (nil, false): return nil
    case (let i?, true): next = max(0, i - 1)
    case (let i?, false): next = i + 1 < list.count ? i + 1 : nil
    }
    historyIndex = next
    let text = next.map { list[$0] } ?? draft
    cursor = text.count
    selected = false
    return text
  }
}
