import DatelineCore

/// The first open of a large directory: the view of the first pass's provisional corpus
/// is replaced by the checked one when the full load ends, and what changed is said.
///
/// Why a message: a record on screen that turns out not to be valid disappears; the
/// reader must learn why, and where the errors are (`!`).
extension BrowserState {
  mutating func updateValidation(_ event: Event) {
    switch event {
    case .validationProgress(let progress):
      guard validation.running else { return }
      validation.progress = progress
    case .validationFinished(let outcome):
      guard validation.running else { return }
      validation.running = false
      switch outcome.content {
      case .failed(let why):
        message =
          "the data could not be checked (" + why + "); R loads it again"
      case .loaded(let checked, let issues, _):
        // A file changed under the check: what it found may mix two versions (records
        // and errors that neither has), so none of it is shown: the first pass's view
        // stays (its rows are read with their identity checked) until the data is
        // loaded again, which without a watcher (--no-follow) nothing else would ask.
        if issues.contains(where: \.saysFileChangedWhileRead) {
          live.loadWanted = true
          message = "the data changed while it was checked — reloading"
          return
        }
        let selected = selectedRecordID
        let before = corpus.records.count
        replaceCorpus(checked)
        live.issues = issues
        live.issueCursor = min(live.issueCursor, max(0, issues.count - 1))
        message = BrowserState.checkedMessage(
          left: max(0, before - checked.records.count), selected: selected,
          stillThere: selected.map { checked.recordIndex[$0] != nil },
          issues: issues)
      }
    default: break
    }
  }

  /// The id of the selected record, from the columns (no decoding; a line that does not
  /// decode has its id there too).
  private var selectedRecordID: Record.ID? {
    guard rows.indices.contains(selection) else { return nil }
    return corpus.records[rows[selection]].id
  }

  /// What the status line says when the check ends: the selected record that left (with
  /// its first error), or how many left, or that all is well.
  static func checkedMessage(
    left: Int, selected: Record.ID?, stillThere: Bool?, issues: [LoadIssue]
  ) -> String {
    let errors = issues.count { $0.isError }
    let list =
      errors == 0
      ? "" : "; \(errors) error\(errors == 1 ? "" : "s"): ! lists them"
    if let selected, stillThere == false {
      let why =
        issues.first { $0.isError && $0.place.recordID == selected.rawValue }
        .map { ": " + $0.message } ?? ""
      return "record \(selected.rawValue) is not valid and left the view\(why)"
        + list
    }
    if left > 0 {
      return
        "checked: \(left) record\(left == 1 ? "" : "s") not valid left the view"
        + list
    }
    return errors == 0 ? "checked: every record is valid" : "checked" + list
  }
}

extension LoadIssue.Place {
  /// The id of the item the issue is about, when the place names one.
  fileprivate var recordID: String? {
    switch self {
    case .item(_, let id), .line(_, let id): return id
    case .file, .position: return nil
    }
  }
}
