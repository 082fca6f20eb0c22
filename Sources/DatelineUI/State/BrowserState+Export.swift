import DatelineCore

/// `e` (export the shown records to a file) and `y` (a citation of the selected record).
///
/// Both only record what the shell should do, as values (`exportRequest`,
/// `citationRequest`); the shell does the I/O and answers with an event. Asking before an
/// existing file is replaced is a prompt like the others, so it can be tested without a
/// file system.
extension BrowserState {
  /// `e`: the file name prompt (nothing to export when the view is empty).
  mutating func startExport() {
    guard !rows.isEmpty else {
      message = "nothing to export: no record is shown"
      return
    }
    prompt = .export(text: "")
  }

  /// Enter in the export prompt: the shown records, at this moment, to that file.
  mutating func requestExport(_ text: String) {
    let path = text.trimmingCharacters(in: .whitespaces)
    guard !path.isEmpty else {
      message = "export cancelled: no file name"
      return
    }
    exportRequest = ExportRequest(path: path, rows: rows.positions)
  }

  /// A key in the overwrite prompt: `y` asks the shell again with consent; anything
  /// else keeps the file.
  mutating func answerOverwrite(
    _ request: ExportRequest, _ edit: (inout String) -> Void
  ) {
    var typed = ""
    edit(&typed)
    prompt = nil
    if typed == "y" || typed == "Y" {
      var again = request
      again.overwrite = true
      exportRequest = again
    } else {
      message = "export cancelled: \(request.path) is kept"
    }
  }

  /// The shell's answer: the file is there; ask.
  mutating func exportTargetExists(_ path: String) {
    guard let request = exportRequest, request.path == path else { return }
    exportRequest = nil
    prompt = .overwrite(request)
  }

  /// The shell's answer: written, or not.
  mutating func exportFinished(path: String, count: Int, error: String?) {
    exportRequest = nil
    if let error {
      message = "export failed: \(path): \(error)"
    } else {
      message = "wrote \(count) record\(count == 1 ? "" : "s") to \(path)"
    }
  }

  /// `y`: the selected record as a citation, for the shell to hand on.
  mutating func copyCitation() {
    guard let r = selectedRecord else {
      message = "no record selected"
      return
    }
    citationRequest = Citation(record: r, corpus: corpus)
  }

  /// The shell's answer: where the citation went.
  mutating func citationDelivered(_ note: String) {
    citationRequest = nil
    message = note
  }
}
