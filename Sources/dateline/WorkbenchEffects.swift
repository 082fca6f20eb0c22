import DatelineCore
import DatelineUI
import Foundation

/// Carries out what the workbench part of the state asks: appending annotation changes
/// (with the time and the author filled in here) and editing a note in `$EDITOR`.
struct WorkbenchEffects {
  let store: AnnotationStore
  let dataDirectory: String
  /// The annotations as read at start, and a line for the status bar about them.
  let loaded: (annotations: Annotations, changes: Int, issues: [LoadIssue])
  /// Where the state directory (the session), `$TMPDIR` (a note being edited) and the
  /// editor come from.
  let environment: [String: String]

  init(
    store: AnnotationStore, dataDirectory: String,
    environment: [String: String]
  ) {
    self.store = store
    self.dataDirectory = dataDirectory
    self.environment = environment
    loaded = store.load()
  }

  func start() -> Workbench {
    var w = Workbench(annotations: loaded.annotations)
    w.views = ViewBook.read(viewsPath)
    if let sessionPath {
      let session = ViewBook.read(sessionPath)
      (w.views.last, w.views.lastRecord) = (session.last, session.lastRecord)
    }
    return w
  }

  /// Where the last session is kept: the user's state directory, like the marks (never
  /// the data directory: merely browsing must not write there).
  var sessionPath: String? {
    let marks = MarkStore(
      dataDirectory: dataDirectory, environment: environment)
    guard let file = marks.file else { return nil }
    return file.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("sessions")
      .appendingPathComponent(
        file.deletingPathExtension().lastPathComponent + ".json"
      ).path
  }

  /// The views file beside this user's annotations file.
  var viewsPath: String { ViewBook.path(besideAnnotations: store.file) }

  /// On quit: the filters and the selected record, for the next open to restore.
  func saveSession(_ state: BrowserState) {
    guard let sessionPath else { return }
    var session = ViewBook()
    session.last = state.currentView(named: "last")
    session.lastRecord = state.selectedRecord?.id
    guard session != ViewBook.read(sessionPath) else { return }
    do { try session.write(sessionPath) } catch {
      Output.error("the session was not saved: \(error.description)")
    }
  }

  /// "annotations: 2 warnings …" when the files had lines that were left out.
  var startNote: String? {
    loaded.issues.isEmpty
      ? nil
      : "annotations: \(loaded.issues.count) line(s) left out; see `dateline validate`"
  }

  /// Whatever the state waits for, each answered with its event.
  func carryOut(_ state: BrowserState, screen: inout some TerminalScreen)
    -> BrowserState
  {
    var s = state
    if let edit = s.workbench.noteEdit {
      s = update(s, editNote(edit, screen: &screen))
    }
    if s.workbench.saveWanted { s = update(s, save(s.workbench.unsaved)) }
    if s.workbench.viewsToSave {
      do {
        // The views alone: the session goes to the state directory on quit. Merged into
        // the file as it is now (another browser may have saved views since this one
        // opened); a file that does not parse is refused, never replaced by these alone.
        if var book = ViewBook.readForUpdate(viewsPath) {
          for view in s.workbench.views.views { book.save(view) }
          (book.last, book.lastRecord) = (nil, nil)
          try book.write(viewsPath)
          s = update(s, .viewsSaved(error: nil))
        } else {
          s = update(
            s,
            .viewsSaved(
              error:
                "\(viewsPath) does not parse; fix or move it (the view is kept until quit)"
            ))
        }
      } catch {
        s = update(s, .viewsSaved(error: error.description))
      }
    }
    if let id = s.workbench.recordToEdit {
      guard let place = RecordLocator.locate(id, in: dataDirectory) else {
        return update(
          s,
          .editorFinished(
            error: "cannot find the record \(id.rawValue) in the data files"))
      }
      s = update(
        s,
        EditorLaunch.run(
          EditorRequest(path: place.path, line: place.line), screen: &screen,
          environment: environment))
    }
    return s
  }

  /// Appends the changes in order; stops at the first that cannot be written.
  func save(_ changes: [AnnotationChange], now: Date = Date()) -> Event {
    let time = AnnotationLog.timestamp(now)
    for (n, change) in changes.enumerated() {
      var c = change
      c.time = time
      c.author = store.author
      do {
        try store.record(c)
      } catch {
        return .annotationsSaved(written: n, error: error.description)
      }
    }
    return .annotationsSaved(written: changes.count, error: nil)
  }

  /// `I`: the note in a temporary file, the editor on it, the file read back (one final
  /// newline, which editors add, dropped) and removed.
  func editNote(
    _ edit: Workbench.NoteEdit, screen: inout some TerminalScreen
  ) -> Event {
    let directory =
      environment["TMPDIR"].flatMap {
        $0.hasPrefix("/") ? $0 : nil
      } ?? "/tmp"
    var template = Array((directory + "/dateline-note-XXXXXX.txt").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer {
      $0.baseAddress.map { mkstemps($0, 4) } ?? -1
    }
    guard fd >= 0 else {
      return .noteEdited(
        record: edit.record, text: nil,
        error:
          "cannot make a temporary file in \(directory): \(String(cString: strerror(errno)))"
      )
    }
    let path = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) },
      as: UTF8.self)
    defer { unlink(path) }
    let bytes = Array((edit.text.isEmpty ? "" : edit.text + "\n").utf8)
    let (_, writeError) = DescriptorWrite.all(bytes, to: fd)
    close(fd)
    if let writeError {
      return .noteEdited(
        record: edit.record, text: nil,
        error: "\(path): \(String(cString: strerror(writeError)))")
    }
    if case .editorFinished(let error?) = EditorLaunch.run(
      EditorRequest(path: path), screen: &screen, environment: environment)
    {
      return .noteEdited(record: edit.record, text: nil, error: error)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return .noteEdited(
        record: edit.record, text: nil,
        error: "the editor left no file at \(path)")
    }
    var text = String(decoding: data, as: UTF8.self)
    if text.hasSuffix("\n") { text.removeLast() }
    return .noteEdited(record: edit.record, text: text, error: nil)
  }
}
