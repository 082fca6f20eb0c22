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
  let corpus: Corpus
  let citations: Config.Citations
  /// Citations kept for stdout when neither OSC 52 nor a file is configured.
  private(set) var pendingCitations: [String] = []

  init(corpus: Corpus, citations: Config.Citations) {
    self.corpus = corpus
    self.citations = citations
  }

  /// `~/x` from HOME; a relative name from the working directory.
  static func resolve(_ path: String) -> String {
    if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { return home + path.dropFirst(1) }
    return path
  }

  /// Writes the export, unless the file exists and the user has not said to replace it.
  func export(_ request: ExportRequest) -> Event {
    let path = BrowseEffects.resolve(request.path)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue { return .exportFinished(path: request.path, count: 0, error: "is a directory") }
      if !request.overwrite { return .exportTargetExists(path: request.path) }
    }
    let text = ExportText.render(request.format == .csv ? .csv : .markdown, rows: request.rows, of: corpus)
    do {
      // Without --overwrite consent, O_EXCL: a file that appeared since the check is kept.
      try Data(text.utf8).write(
        to: URL(fileURLWithPath: path), options: request.overwrite ? [.atomic] : [.withoutOverwriting])
    } catch {
      if !request.overwrite && FileManager.default.fileExists(atPath: path) {
        return .exportTargetExists(path: request.path)
      }
      return .exportFinished(path: request.path, count: 0, error: "cannot write the file")
    }
    return .exportFinished(path: request.path, count: request.rows.count, error: nil)
  }

  /// Sends a citation where the config says: OSC 52, a file, or stdout on exit.
  ///
  /// The text is the sanitized `Citation.text`; the OSC 52 payload is its base64, so
  /// nothing from the data can end the sequence or reach the terminal raw.
  mutating func deliver(_ citation: Citation) -> Event {
    if citations.osc52 {
      // The terminal is ours while curses runs; the sequence goes straight to it.
      if let code = DescriptorWrite.all(Array(citation.osc52.utf8), to: STDOUT_FILENO).error {
        return .citationDelivered("cannot copy the citation: \(String(cString: strerror(code)))")
      }
      return .citationDelivered("citation copied to the clipboard (OSC 52)")
    }
    if let file = citations.file {
      let path = BrowseEffects.resolve(file)
      if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
      guard let handle = FileHandle(forWritingAtPath: path) else {
        return .citationDelivered("cannot write citations to \(file)")
      }
      handle.seekToEndOfFile()
      handle.write(Data((citation.text + "\n\n").utf8))
      handle.closeFile()
      return .citationDelivered("citation added to \(file)")
    }
    pendingCitations.append(citation.text)
    let n = pendingCitations.count
    return .citationDelivered("citation kept: \(n == 1 ? "it is" : "\(n) are") printed when you quit")
  }
}
