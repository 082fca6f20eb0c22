import Foundation

/// What the reviewer decided about drafts, one JSON line per decision, appended beside the
/// drafts file (`drafts/ID.jsonl` → `drafts/ID.review.log`), never written into it.
///
/// Why a log and not a rewrite of the drafts: appending is atomic per line (`AppendFile`),
/// two browsers reviewing the same file cannot undo each other's decisions, and the
/// history stays (a reject, then the undo, then an accept). The last decision for an id
/// wins. A line that does not parse is skipped, so a hand edit cannot stop a review.
public enum ReviewLog {
  public enum Decision: String, Sendable, Hashable {
    case accepted, rejected
    /// A reject undone (`u`): the draft waits for review again.
    case reopened
  }

  /// The log kept beside `draftsPath` (which ends in `.jsonl`).
  public static func path(forDrafts draftsPath: String) -> String {
    (draftsPath.hasSuffix(".jsonl")
      ? String(draftsPath.dropLast(6)) : draftsPath) + ".review.log"
  }

  /// Each id's last decision; an absent log is no decision yet. Read through `FileBytes`,
  /// so a FIFO or device planted under the log's name is refused, never opened blocking.
  public static func read(_ path: String) -> [Record.ID: Decision] {
    guard case .success(let file) = FileBytes.read(path) else { return [:] }
    let data = Array(file.bytes)
    var out: [Record.ID: Decision] = [:]
    for line in data.split(separator: UInt8(ascii: "\n")) {
      let bytes = Array(line)
      let node: JSONNode? = bytes.withUnsafeBytes { raw in
        do throws(JSONSyntaxError) { return try JSONParser.parse(raw) } catch {
          return nil
        }
      }
      guard case .object(let members)? = node?.value else { continue }
      var id: String?
      var decision: Decision?
      for m in members {
        if m.key == "id", case .string(let s) = m.value.value { id = s }
        if m.key == "decision", case .string(let s) = m.value.value {
          decision = Decision(rawValue: s)
        }
      }
      if let id, let decision { out[Record.ID(id)] = decision }
    }
    return out
  }

  /// One decision as its log line (with the newline).
  public static func line(
    _ id: Record.ID, _ decision: Decision, into file: String? = nil,
    time: String
  ) -> String {
    var w = JSONWriter()
    w.field("id", id.rawValue)
    w.field("decision", decision.rawValue)
    if let file { w.field("into", file) }
    w.field("time", time)
    return w.object + "\n"
  }

  /// Appends one decision (one `write(2)`: whole or absent).
  public static func append(
    _ id: Record.ID, _ decision: Decision, into file: String? = nil,
    log: String, now: Date = Date()
  ) throws(FileWriteError) {
    try AppendFile.append(
      line(id, decision, into: file, time: AnnotationLog.timestamp(now)),
      to: log)
  }
}
