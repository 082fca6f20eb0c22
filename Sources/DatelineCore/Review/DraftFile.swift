import Foundation

/// A file of draft records (`dateline draft`'s JSON Lines) as review reads it: each line
/// decoded by the loader's own rules, with its line number, and the lines that are no
/// record as issues.
///
/// Why not through `CorpusLoader`: drafts are not data yet. They live under
/// `DIR/drafts/`, which the loader never reads, and they are checked against the directory
/// only when someone accepts one (`RecordAdmission`).
public struct DraftFile: Sendable {
  public struct Entry: Sendable, Hashable {
    public var record: Record
    /// The 1-based line of the draft in its file (for `E`).
    public var line: Int
  }

  public var path: String
  public var entries: [Entry]
  /// Lines that are not a record the loader would read, as warnings of the file.
  public var issues: [LoadIssue]

  /// At most this many bytes are read: a drafts file is one article's drafts.
  public static let maximumBytes = 64 << 20

  /// Reads `path`; a file that cannot be read is one issue and no entries.
  public static func read(_ path: String) -> DraftFile {
    var file = DraftFile(path: path, entries: [], issues: [])
    let bytes: [UInt8]
    // FileBytes: a FIFO or device named *.jsonl is refused without opening it.
    switch FileBytes.read(path) {
    case .success(let b):
      guard b.count <= maximumBytes else {
        file.issues.append(
          LoadIssue(
            .error, file: path, message: "more than 64 MB of drafts; not read"))
        return file
      }
      bytes = Array(b.bytes)
    case .failure(let why):
      file.issues.append(LoadIssue(.error, file: path, message: why.message))
      return file
    }
    var number = 0
    for line in bytes.split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    {
      number += 1
      guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D })
      else { continue }
      switch decode(Array(line)) {
      case .success(let record):
        file.entries.append(Entry(record: record, line: number))
      case .failure(let problem):
        file.issues.append(
          LoadIssue(
            .warning, file: path, place: .line(number, id: nil),
            message: problem.message))
      }
    }
    return file
  }

  public struct Problem: Error, Sendable, Hashable {
    public var message: String
  }

  /// One JSON object decoded as a record by the loader's rules (SCHEMA.md "Record").
  public static func decode(_ bytes: [UInt8]) -> Result<Record, Problem> {
    let parsed: Result<JSONNode, JSONSyntaxError> = bytes.withUnsafeBytes {
      raw in
      do throws(JSONSyntaxError) {
        return .success(try JSONParser.parse(raw))
      } catch { return .failure(error) }
    }
    let node: JSONNode
    switch parsed {
    case .success(let n): node = n
    case .failure(let e):
      return .failure(Problem(message: "not JSON: \(e.message)"))
    }
    var reader = ItemReader()
    let record = ItemDecoding.record(node, &reader)
    if let first = reader.problems.first(where: { $0.severity == .error }) {
      let path =
        first.path.hasPrefix("$.")
        ? String(first.path.dropFirst(2)) : first.path
      return .failure(
        Problem(
          message: (path.isEmpty || path == "$" ? "" : path + ": ")
            + first.message))
    }
    guard let record else { return .failure(Problem(message: "not a record")) }
    return .success(record)
  }

  /// The drafts files of a data directory: `DIR/drafts/*.jsonl`, in byte order of names.
  public static func files(in directory: String) -> [String] {
    let folder = directory + "/drafts"
    guard
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
    else { return [] }
    return names.filter { $0.hasSuffix(".jsonl") }.sorted {
      $0.utf8.lexicographicallyPrecedes($1.utf8)
    }
    .map { folder + "/" + $0 }
  }
}
