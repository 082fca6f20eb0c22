import Foundation

/// The work of one load: raw items per type, issues with their sort keys, results.
struct LoadState {
  let directory: String
  let fileNames: [String]
  /// (file index, item ordinal, issue) so the report comes out in file and item order.
  var issues: [(Int, Int, LoadIssue)] = []
  var raw: [CorpusLoader.ItemType: [CorpusLoader.RawItem]] = [:]
  var failedFiles = 0
  var leftOut = 0

  init(directory: String, fileNames: [String]) {
    self.directory = directory
    self.fileNames = fileNames
  }

  /// SCHEMA.md: a directory with no data files at all is an error.
  mutating func noteEmptyDirectory() {
    if fileNames.isEmpty {
      issues.append(
        (
          -1, 0,
          LoadIssue(
            .error, file: (directory as NSString).lastPathComponent,
            message: "no data files (*.json or *.jsonl) in this directory")
        ))
    }
  }

  /// The warning for a file that changed while it was read (every loader words it so).
  static let changedWhileRead = LoadIssue.changedWhileRead

  mutating func fileIssue(
    _ fi: Int, _ severity: LoadIssue.Severity, _ message: String,
    at place: LoadIssue.Place = .file
  ) {
    issues.append(
      (
        fi, -1,
        LoadIssue(severity, file: fileNames[fi], place: place, message: message)
      ))
  }

  mutating func readFile(index fi: Int, name: String) {
    let file: FileBytes
    switch FileBytes.read(directory + "/" + name) {
    case .success(let f): file = f
    case .failure(let problem):
      fileIssue(fi, .error, problem.message)
      failedFiles += 1
      return
    }
    if file.changedWhileRead {
      fileIssue(
        fi, .warning,
        LoadState.changedWhileRead
      )
    }
    let all = file.bytes
    var bytes = all
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      bytes = UnsafeRawBufferPointer(rebasing: all[3...])
    }
    if name.hasSuffix(".jsonl") {
      readLines(fi, bytes)
    } else {
      readEnvelope(fi, bytes)
    }
    withExtendedLifetime(file) {}
  }

  /// Reads an envelope file: its items go to `raw` under the envelope's type.
  ///
  /// Guarantees: a file that is not a valid envelope (invalid JSON, not an object, a
  /// duplicate or unknown key, a bad schema, type or items) adds its errors and counts
  /// as failed, and none of its items is read.
  mutating func readEnvelope(_ fi: Int, _ bytes: UnsafeRawBufferPointer) {
    guard let f = envelopeMembers(fi, bytes) else { return }
    var problems: [String] = []
    if let s = f["schema"] {
      if case .number(1) = s.value {
      } else {
        problems.append("$.schema: expected 1, got \(s.summary)")
      }
    } else {
      problems.append("$.schema: required field is missing")
    }
    let type = envelopeType(f["type"], &problems)
    var items: [JSONNode] = []
    if let i = f["items"] {
      if case .array(let a) = i.value {
        items = a
      } else {
        problems.append("$.items: expected an array, got \(i.summary)")
      }
    } else {
      problems.append("$.items: required field is missing")
    }
    guard problems.isEmpty, let type else {
      for p in problems { fileIssue(fi, .error, p) }
      failedFiles += 1
      return
    }
    for (i, node) in items.enumerated() {
      raw[type, default: []].append(
        .init(
          file: fi, ordinal: i,
          place: .item(index: i, id: LoadState.idOf(node)), node: node))
    }
  }

  /// The members of an envelope's root object, or nil after reporting why there are
  /// none to read: invalid JSON (with its line and column), a root that is not an
  /// object, a duplicate key, or an unknown key.
  mutating func envelopeMembers(_ fi: Int, _ bytes: UnsafeRawBufferPointer)
    -> ItemReader.Fields?
  {
    let root: JSONNode
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      let (l, c) = lineAndColumn(of: error.offset, in: bytes)
      fileIssue(
        fi, .error, "invalid JSON: \(error.message)",
        at: .position(line: l, column: c))
      failedFiles += 1
      return nil
    }
    var r = ItemReader()
    guard case .object(let members) = root.value else {
      fileIssue(
        fi, .error,
        "expected an envelope object {\"schema\": 1, \"type\": …, \"items\": […]}, got \(root.summary)"
      )
      failedFiles += 1
      return nil
    }
    var seen = Set<String>()
    for m in members where !seen.insert(m.key).inserted {
      fileIssue(fi, .error, "$.\(m.key): duplicate key \(quoted(m.key))")
      failedFiles += 1
      return nil
    }
    guard let f = r.fields(root, path: "$", known: ["schema", "type", "items"])
    else { return nil }
    for p in r.problems { fileIssue(fi, p.severity, "\(p.path): \(p.message)") }
    return f
  }

  /// The envelope's item type from its `type` member, or nil with the problem added.
  func envelopeType(_ t: JSONNode?, _ problems: inout [String])
    -> CorpusLoader.ItemType?
  {
    guard let t else {
      problems.append("$.type: required field is missing")
      return nil
    }
    if case .string(let s) = t.value,
      let v = CorpusLoader.ItemType(rawValue: s)
    {
      return v
    }
    problems.append(
      "$.type: expected one of parties, sources, records, got \(t.summary)")
    return nil
  }

  /// One record object per line; a line with invalid JSON is that item's error.
  /// `firstLine`: the lines before `bytes` (lines appended to a file read alone).
  mutating func readLines(
    _ fi: Int, _ bytes: UnsafeRawBufferPointer, firstLine: Int = 0
  ) {
    var lineNo = firstLine
    var start = 0
    let n = bytes.count
    while start < n {
      var end = start
      while end < n && bytes[end] != 0x0A { end += 1 }
      lineNo += 1
      var lineEnd = end
      if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
      let line = UnsafeRawBufferPointer(rebasing: bytes[start..<lineEnd])
      if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
        do {
          let node = try JSONParser.parse(line)
          raw[.records, default: []].append(
            .init(
              file: fi, ordinal: lineNo,
              place: .line(lineNo, id: LoadState.idOf(node)), node: node))
        } catch {
          let (_, c) = lineAndColumn(of: error.offset, in: line)
          issues.append(
            (
              fi, lineNo,
              LoadIssue(
                .error, file: fileNames[fi],
                place: .position(line: lineNo, column: c),
                message: "invalid JSON: \(error.message)")
            ))
          leftOut += 1
        }
      }
      start = end + 1
    }
  }

  static func idOf(_ node: JSONNode) -> String? {
    guard case .object(let members) = node.value else { return nil }
    for m in members where m.key == "id" {
      if case .string(let s) = m.value.value { return s }
      return nil
    }
    return nil
  }
}
