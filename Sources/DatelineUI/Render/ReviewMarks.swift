import DatelineCore

/// How drafts look in the timeline and the status line: a word before the headline
/// ("draft", or this session's "accepted" / "rejected") and the headline dim, so a draft
/// reads as one in colour, in monochrome and in ASCII alike.
enum ReviewMarks {
  /// The word before a draft's headline; nil for a record of the data.
  static func label(_ s: BrowserState, _ id: Record.ID) -> String? {
    guard !s.review.isEmpty, s.review.drafts[id] != nil else { return nil }
    switch s.review.decided[id] {
    case .accepted?: return "accepted"
    case .rejected?: return "rejected"
    case .reopened?, nil: return "draft"
    }
  }

  /// Dim everywhere (monochrome has it too), and a colour where there is colour.
  static func style(_ s: BrowserState) -> Style {
    s.useColor ? Style(foreground: .magenta, dim: true) : .dim
  }

  /// The status line's reminder of the review keys while a draft is selected.
  static func hint(_ s: BrowserState, columns: Int) -> String? {
    guard let draft = s.selectedDraft else { return nil }
    if let decided = s.review.decided[draft.record.id] {
      return "draft \(decided.rawValue)"
        + (decided == .rejected && columns >= 60 ? " (u undoes)" : "")
    }
    if columns >= 110 {
      return "draft: s accept  x reject  E edit  D K P B change"
    }
    if columns >= 70 { return "draft: s x E D K P B" }
    return "draft"
  }
}
