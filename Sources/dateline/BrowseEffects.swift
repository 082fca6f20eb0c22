import DatelineConfig
import DatelineCore
import DatelineUI
import Foundation

/// Carries out what the browser's state asks of the shell: writing an export, handing on
/// a citation. Each answers with an event, so the state learns what happened.
///
/// Why here: DatelineUI is a pure state machine and DatelineCurses only draws, so file
/// writes and the OSC 52 clipboard write belong to the command line, like saving marks.
struct BrowseEffects {
  /// The data on screen (the browse loop sets it again after a reload).
  var corpus: Corpus
  let citations: Config.Citations
  /// Citations kept for stdout when neither OSC 52 nor a file is configured.
  private(set) var pendingCitations: [String] = []

  init(corpus: Corpus, citations: Config.Citations) {
    self.corpus = corpus
    self.citations = citations
  }

  /// `~/x` from HOME; a relative name from the working directory.
  static func resolve(_ path: String) -> String {
    if path.hasPrefix("~/"),
      let home = ProcessInfo.processInfo.environment["HOME"]
    {
      return home + path.dropFirst(1)
    }
    return path
  }

  /// Writes the export, unless the file exists and the user has not said to replace it.
  ///
  /// Through `AtomicFile`: a complete file or none (a full disk reports its error and
  /// leaves the old file), a link written through, a device, FIFO or directory refused.
  /// Without the user's consent the file is created only if still absent at the end.
  func export(_ request: ExportRequest) -> Event {
    let path = BrowseEffects.resolve(request.path)
    let text = ExportText.render(request.format, rows: request.rows, of: corpus)
    do {
      try AtomicFile.write(
        text, to: path, existing: request.overwrite ? .replace : .keep)
    } catch {
      if !request.overwrite && error.code == EEXIST
        && error.operation == "create"
      {
        return .exportTargetExists(path: request.path)
      }
      return .exportFinished(path: request.path, count: 0, error: error.message)
    }
    return .exportFinished(
      path: request.path, count: request.rows.count, error: nil)
  }

  /// Sends a citation where the config says: OSC 52 (to `screen`), a file, or stdout
  /// on exit.
  ///
  /// The text is the sanitized `Citation.text`; the OSC 52 payload is its base64, so
  /// nothing from the data can end the sequence or reach the terminal raw.
  mutating func deliver(
    _ citation: Citation, screen: inout some TerminalScreen
  ) -> Event {
    if citations.osc52 {
      if let code = screen.send(citation.osc52) {
        return .citationDelivered(
          "cannot copy the citation: \(String(cString: strerror(code)))")
      }
      return .citationDelivered("citation copied to the clipboard (OSC 52)")
    }
    if let file = citations.file {
      // One append per citation: whole or absent, even on a full disk.
      do {
        try AppendFile.append(
          citation.text + "\n\n", to: BrowseEffects.resolve(file))
      } catch {
        return .citationDelivered(
          "cannot add the citation to \(file): \(error.message)")
      }
      return .citationDelivered("citation added to \(file)")
    }
    pendingCitations.append(citation.text)
    let n = pendingCitations.count
    return .citationDelivered(
      "citation kept: \(n == 1 ? "it is" : "\(n) are") printed when you quit")
  }
}
