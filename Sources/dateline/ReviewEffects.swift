import DatelineCore
import DatelineUI
import Foundation

/// Carries out what the review part of the state asks (`review.decision`,
/// `review.rewrite`), each answered with its event.
///
/// An accept appends the record's line to the records file with `AppendFile` (one write:
/// whole or absent) and then logs the decision; a reject or an undo only logs. A changed
/// draft replaces its own line in the drafts file through `AtomicFile`. The article and
/// the directory's other files are never written.
enum ReviewEffects {
  static func carryOut(_ state: BrowserState) -> BrowserState {
    var s = state
    if let d = s.review.decision {
      s = update(s, .draftDecided(id: d.id, error: write(d)))
    }
    if let r = s.review.rewrite {
      s = update(s, .draftRewritten(id: r.id, error: rewrite(r)))
    }
    return s
  }

  /// Writes a decision; nil when it is written, else why not.
  static func write(_ d: DraftDecision, now: Date = Date()) -> String? {
    if d.decision == .accepted {
      guard let line = d.recordLine, let file = d.recordsFile else {
        return "nothing to accept"
      }
      do {
        try AppendFile.append(startsOnANewLine(file) + line + "\n", to: file)
      } catch {
        return error.message
      }
    }
    do {
      try ReviewLog.append(
        d.id, d.decision, into: d.recordsFile,
        log: ReviewLog.path(forDrafts: d.draftsFile), now: now)
    } catch {
      // The record is in (the reload shows it once, not as a draft too); say what failed.
      return d.decision == .accepted
        ? "added to \(d.recordsFile ?? ""), but the review log failed: \(error.message)"
        : error.message
    }
    return nil
  }

  /// "\n" when `file` has bytes and does not end with a newline (a hand edit), so the
  /// appended record is a line of its own.
  ///
  /// Opened without blocking and read only if it is a regular file: a FIFO under the
  /// records file's name must not hang the browser (AppendFile then refuses it).
  static func startsOnANewLine(_ file: String) -> String {
    let fd = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size > 0
    else { return "" }
    var last: UInt8 = 0
    guard pread(fd, &last, 1, st.st_size - 1) == 1 else { return "" }
    return last == 0x0A ? "" : "\n"
  }

  /// Replaces the draft's line (found by its id, at its line or elsewhere if the file moved
  /// on) with the changed record, atomically.
  static func rewrite(_ r: DraftRewrite) -> String? {
    // As the drafts were read: a regular file only, never a FIFO opened blocking.
    let file = DraftFile.read(r.place.file)
    if let problem = file.issues.first(where: \.isError) {
      return problem.message
    }
    guard let data = FileManager.default.contents(atPath: r.place.file) else {
      return "cannot read \(r.place.file)"
    }
    var lines = data.split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false
    ).map { Array($0) }
    func holdsDraft(_ i: Int) -> Bool {
      guard lines.indices.contains(i),
        case .success(let record) = DraftFile.decode(lines[i])
      else { return false }
      return record.id == r.id
    }
    guard
      let index = holdsDraft(r.place.line - 1)
        ? r.place.line - 1 : lines.indices.first(where: holdsDraft)
    else {
      return "the draft is no longer in \(r.place.file)"
    }
    lines[index] = Array(r.recordLine.utf8)
    let text = lines.map { String(decoding: $0, as: UTF8.self) }.joined(
      separator: "\n")
    do {
      try AtomicFile.write(text, to: r.place.file, existing: .replace)
    } catch {
      return error.message
    }
    return nil
  }
}
