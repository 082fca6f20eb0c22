import DatelineCore

/// A filter as the status line shows it (`[Hamas]`, `date:2023-12`, `#tag`), and what
/// taking it away means, so a click on a chip removes that filter.
struct StatusChip: Hashable {
  /// What a click on the chip takes away.
  enum Removal: Hashable {
    case party(Party.ID)
    /// `all`: the parties must all be named; back to any.
    case partyMode
    case dateRange
    case basis
    case context
    case starredOnly
    case tag(String)
    case tagMode
    /// `F`, `:filter-in`: the filter's words; `:filter-out`: one entry of it.
    case filterIn
    case filterOut(String)
    case search
  }

  var text: String
  var removal: Removal

  /// The chips for the filters in force, in the order the status line shows them.
  static func all(_ s: BrowserState) -> [StatusChip] {
    var chips = s.query.parties.selected.map {
      StatusChip(
        text: "[" + (s.corpus.party($0)?.label ?? $0.rawValue) + "]",
        removal: .party($0))
    }
    if s.query.parties.selected.count > 1 || s.query.parties.mode == .all {
      chips.append(
        StatusChip(text: s.query.parties.mode.rawValue, removal: .partyMode))
    }
    if !s.query.dateRange.isEmpty {
      chips.append(
        StatusChip(
          text: "date:" + s.query.dateRange.description, removal: .dateRange))
    }
    if !s.query.facets.basis.isEmpty {
      let names = Attribution.Basis.allCases.filter {
        s.query.facets.basis.contains($0)
      }.map(\.rawValue)
      chips.append(
        StatusChip(
          text: "basis:" + names.joined(separator: ","), removal: .basis))
    }
    let f = s.workbench.filter
    if let c = s.workbench.context {
      chips.append(StatusChip(text: "context ±\(c.days)d", removal: .context))
    }
    if f.starredOnly {
      chips.append(StatusChip(text: "[★]", removal: .starredOnly))
    }
    chips += f.tags.sorted().map {
      StatusChip(text: "#" + $0, removal: .tag($0))
    }
    if f.tags.count > 1 && f.tagMode == .all {
      chips.append(StatusChip(text: "all-tags", removal: .tagMode))
    }
    if !TextSearch.words(s.query.search).isEmpty {
      chips.append(StatusChip(text: "in:" + s.query.search, removal: .filterIn))
    }
    chips += s.query.excluded.map {
      StatusChip(text: "out:" + $0, removal: .filterOut($0))
    }
    if !s.search.isEmpty {
      // "match 3 of 17", and where the words are when the headline lacks some.
      let about = [s.matchLabel, s.matchedFieldsLabel].compactMap { $0 }
      chips.append(
        StatusChip(
          text: "/" + s.search
            + (about.isEmpty ? "" : " (" + about.joined(separator: ", ") + ")"),
          removal: .search))
    }
    return chips
  }
}

/// The status line's text when no prompt is open: the left part (directory, counts,
/// chips), the right part (message, position, help hint), and where each chip is.
struct StatusText {
  var left: String
  var right: String
  /// Each chip's columns in the drawn left part, as far as they are drawn.
  var chips: [(columns: Range<Int>, removal: StatusChip.Removal)]

  init(_ s: BrowserState, columns: Int) {
    let all = StatusChip.all(s)
    let counts = "\(s.rows.count)/\(s.corpus.records.count)"
    let position =
      s.rows.isEmpty ? "-" : "\(s.selection + 1) of \(s.rows.count)"
    // On a draft with no message: the review keys (ReviewMarks).
    let hint =
      s.message == nil
      ? ReviewMarks.hint(s, columns: columns).map { $0 + "  " } : nil
    right =
      (s.message.map { $0 + "  " } ?? hint ?? "") + position
      + (columns >= 60 ? " ?:help " : " ")
    let rightWidth = DisplayWidth.of(Sanitizer.clean(right))
    var head = " " + s.dataLabel + "  " + counts + (all.isEmpty ? "" : "  ")
    // Narrow: the counts and chips matter more than the directory name.
    let wide = head + all.map(\.text).joined(separator: " ")
    if DisplayWidth.of(Sanitizer.clean(wide)) + rightWidth + 1 > columns {
      head = " " + counts + (all.isEmpty ? "" : " ")
    }
    // The first open's check (not a filter: no chip to click away).
    let checking =
      s.validation.chip.map { (all.isEmpty ? "  " : " ") + $0 } ?? ""
    left = head + all.map(\.text).joined(separator: " ") + checking
    // As drawn: the left part is cut to the room the right part leaves.
    let room = rightWidth + 6 <= columns ? columns - rightWidth - 1 : columns
    var at = DisplayWidth.of(Sanitizer.clean(head))
    chips = []
    // Too narrow for both parts: a message takes the line alone, with no chips.
    if rightWidth + 6 > columns && s.message != nil { return }
    for chip in all {
      let width = DisplayWidth.of(Sanitizer.clean(chip.text))
      if at < room { chips.append((at..<min(room, at + width), chip.removal)) }
      at += width + 1
    }
  }
}

extension BrowserState {
  /// Takes away the filter a status chip stands for (a click on it).
  mutating func remove(_ removal: StatusChip.Removal) {
    var q = query
    switch removal {
    case .party(let id): q.parties.toggle(id)
    case .partyMode: q.parties.mode = .any
    case .dateRange: q.dateRange = DateRange()
    case .basis: q.facets.basis = []
    case .context:
      leaveContext()
      return
    case .starredOnly: workbench.filter.starredOnly = false
    case .tag(let tag): workbench.filter.tags.remove(tag)
    case .tagMode: workbench.filter.tagMode = .any
    case .filterIn: q.search = ""
    case .filterOut(let words): q.excluded.removeAll { $0 == words }
    case .search:
      search = ""
      return
    }
    applyQuery(q)
  }
}
