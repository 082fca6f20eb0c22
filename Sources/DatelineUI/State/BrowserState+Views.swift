import DatelineCore

/// `V`: saved views (filters, search, date range, basis, annotation filters under a
/// name), and the session the shell saves on quit and restores on the next open.
extension BrowserState {
  mutating func updateViews(_ event: Event) {
    switch event {
    case .openViewList: overlay = .views(cursor: 0)
    case .moveViewCursor(let n):
      if case .views(let c) = overlay {
        overlay = .views(
          cursor: min(max(0, c + n), workbench.views.views.count))
      }
    case .chooseViewAtCursor:
      guard case .views(let c) = overlay else { return }
      overlay = nil
      if c == 0 {
        prompt = .viewName(text: "")
      } else if workbench.views.views.indices.contains(c - 1) {
        open(workbench.views.views[c - 1])
        message =
          "view \(workbench.views.views[c - 1].name): \(rows.count) records"
      }
    case .viewsSaved(let error):
      workbench.viewsToSave = false
      if let error { message = "view not saved: " + error }
    default: break
    }
  }

  /// What the timeline shows now, as a view.
  public func currentView(named name: String) -> SavedView {
    // In a context the view is the one `c` left.
    let c = workbench.context
    var q = c?.savedQuery ?? query
    // A filter-in is saved as the view's search, opened again as a filter.
    let filters = !TextSearch.words(q.search).isEmpty
    if !filters { q.search = c?.savedSearch ?? search }
    var view = SavedView(
      name: name, query: q, filter: c?.savedFilter ?? workbench.filter)
    view.searchFilters = filters
    return view
  }

  mutating func saveView(named text: String) {
    prompt = nil
    let name = text.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { return }
    workbench.views.save(currentView(named: name))
    workbench.viewsToSave = true
    message = "view \(name) saved"
  }

  /// Opens a view: its filters and search, the selection kept when it passes them.
  public mutating func open(_ view: SavedView) {
    workbench.context = nil
    workbench.filter = view.filter
    search = view.searchFilters ? "" : view.query.search
    var q = view.query
    if !view.searchFilters { q.search = "" }
    applyQuery(q)
  }

  /// `:view save NAME` saves the current view; `:view NAME` opens a saved one.
  mutating func commandView(_ args: [String]) {
    if args.first == "save" {
      guard args.count > 1 else {
        message = "usage: :view save NAME"
        return
      }
      saveView(named: args.dropFirst().joined(separator: " "))
      return
    }
    let name = args.joined(separator: " ")
    guard let view = workbench.views.view(named: name) else {
      let known = workbench.views.views.map(\.name).joined(separator: ", ")
      message =
        name.isEmpty
        ? "usage: :view NAME or :view save NAME"
        : "no view named \(name)" + (known.isEmpty ? "" : " (views: \(known))")
      return
    }
    open(view)
    message = "view \(view.name): \(rows.count) records"
  }

  /// The session to restore: the last filters and the selected record, if still there.
  public mutating func restoreLastSession() {
    if let last = workbench.views.last { open(last) }
    if let id = workbench.views.lastRecord, let row = row(of: id) {
      select(row)
    }
  }
}

extension Event {
  /// The shell's answer about annotations or views: it keeps the status line's message.
  var isWorkbenchNews: Bool {
    switch self {
    case .annotationsSaved, .viewsSaved: return true
    default: return false
    }
  }
}
