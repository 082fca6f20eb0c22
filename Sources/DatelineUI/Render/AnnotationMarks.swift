import DatelineCore

/// How annotations show outside their own list: a marker in the timeline, lines in the
/// detail pane (the status line's chips are `StatusChip`s).
enum AnnotationMarks {
  /// The timeline's annotation marker: `★` starred, else `✎` a note, else `+` tags (`#` is the figure kind).
  static func marker(_ e: Annotations.Entry) -> String {
    e.starred ? "★" : e.note != nil ? "✎" : e.tags.isEmpty ? " " : "+"
  }

  /// Whether the timeline gives annotations a column: only once there are any, so a
  /// reader who never annotates loses no width.
  static func hasColumn(_ s: BrowserState) -> Bool {
    !s.workbench.annotations.entries.isEmpty
  }

  /// The detail pane's lines for the selected record's annotations (none when it has none).
  static func detailRows(
    _ s: BrowserState, width: Int, labelWidth: Int, theme: Theme
  ) -> [DetailPane.Row] {
    guard let r = s.selectedRecord else { return [] }
    let e = s.workbench.annotations[r.id]
    guard !e.isEmpty else { return [] }
    var fields: [(String, String)] = []
    if e.starred { fields.append(("Starred", "★ yes")) }
    if !e.tags.isEmpty {
      fields.append(("My tags", e.tags.joined(separator: ", ")))
    }
    if let note = e.note { fields.append(("Note", note)) }
    var out: [DetailPane.Row] = []
    for (label, value) in fields {
      let caption = label + ":"
      let body = Truncation.wrap(
        Sanitizer.clean(value, newlines: .keep),
        toColumns: max(1, width - labelWidth))
      if labelWidth == 0 {
        out.append(DetailPane.Row(text: caption, style: theme.label))
      }
      for (i, b) in body.enumerated() {
        let head =
          labelWidth == 0
          ? ""
          : i == 0
            ? Truncation.fit(caption, toColumns: labelWidth)
            : String(repeating: " ", count: labelWidth)
        out.append(DetailPane.Row(text: head + b, style: theme.bookmark))
      }
    }
    return out + [DetailPane.Row(text: "", style: .plain)]
  }
}
