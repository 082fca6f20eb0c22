/// One change to the annotations of a record: a line of an annotations file.
///
/// Why changes and not the current state: each change is one appended line, so two
/// browsers on the same directory never overwrite each other and a merge of two people's
/// files is a concatenation (see docs/data-format.md, "Annotations"). The state is the
/// fold of the changes (`Annotations`).
public struct AnnotationChange: Sendable, Hashable {
  public enum Operation: String, Sendable, Hashable, CaseIterable {
    case star, unstar, tag, untag, note
  }

  public var record: Record.ID
  /// When the change was made: ISO 8601 in UTC, `2026-12-04T22:18:47Z` (sorts as text).
  public var time: String
  public var author: String
  public var operation: Operation
  /// The tag of `tag`/`untag`, the text of `note` (empty removes the note); nil otherwise.
  public var value: String?

  public init(
    record: Record.ID, time: String, author: String, operation: Operation,
    value: String? = nil
  ) {
    self.record = record
    self.time = time
    self.author = author
    self.operation = operation
    self.value = value
  }

  /// The longest note or tag a change may carry, in bytes: a line stays well under the
  /// size a single `write` to a local file puts down whole, and a pasted megabyte is
  /// refused rather than stored.
  public static let maximumValueBytes = 16_384

  /// A tag as stored: trimmed, inner whitespace runs made one `-`, lowercased.
  ///
  /// Why normalised: `Key point` and `key-point` typed on two days should be one tag,
  /// and a tag must be one word for the prompt's completion and `--tag`.
  public static func normalizedTag(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: "-")
      .lowercased()
  }

  /// Why the change cannot be stored, or nil: a tag that is empty, or a value longer
  /// than `maximumValueBytes`.
  public var problem: String? {
    if (operation == .tag || operation == .untag) && (value ?? "").isEmpty {
      return "a tag needs at least one letter"
    }
    if let value, value.utf8.count > AnnotationChange.maximumValueBytes {
      return
        "\(operation == .note ? "the note" : "the tag") is longer than \(AnnotationChange.maximumValueBytes) bytes"
    }
    return nil
  }

  /// The change as one line of JSON, with its newline.
  public var jsonLine: String {
    var o = JSONWriter()
    o.field("record", record.rawValue)
    o.field("time", time)
    o.field("author", author)
    o.field("op", operation.rawValue)
    if let value { o.field(operation == .note ? "note" : "tag", value) }
    return o.object + "\n"
  }

  /// Reads a change from a parsed line; a message saying what is wrong otherwise.
  public static func decode(_ node: JSONNode) -> Result<
    AnnotationChange, DecodeError
  > {
    guard case .object(let members) = node.value else {
      return .failure(
        DecodeError(
          path: "$", message: "expected an object, got \(node.summary)"))
    }
    var strings: [String: String] = [:]
    for m in members {
      guard case .string(let s) = m.value.value else {
        return .failure(
          DecodeError(
            path: "$." + m.key,
            message: "expected a string, got \(m.value.summary)"))
      }
      strings[m.key] = s
    }
    for key in ["record", "time", "author", "op"] where strings[key] == nil {
      return .failure(DecodeError(path: "$." + key, message: "missing"))
    }
    let id = strings["record"] ?? ""
    guard TypedID<Record>.isValid(id) else {
      return .failure(
        DecodeError(
          path: "$.record", message: "expected a record id, got \(quoted(id))"))
    }
    guard let op = Operation(rawValue: strings["op"] ?? "") else {
      let known = Operation.allCases.map(\.rawValue).joined(separator: ", ")
      return .failure(
        DecodeError(
          path: "$.op",
          message:
            "expected one of \(known), got \(quoted(strings["op"] ?? ""))"))
    }
    var value: String?
    switch op {
    case .star, .unstar: value = nil
    case .tag, .untag:
      guard let t = strings["tag"].map(normalizedTag), !t.isEmpty else {
        return .failure(DecodeError(path: "$.tag", message: "missing"))
      }
      value = t
    case .note:
      guard let n = strings["note"] else {
        return .failure(DecodeError(path: "$.note", message: "missing"))
      }
      value = n
    }
    return .success(
      AnnotationChange(
        record: Record.ID(id), time: strings["time"] ?? "",
        author: strings["author"] ?? "", operation: op,
        value: value))
  }

  /// What is wrong with a line, at a JSON path.
  public struct DecodeError: Error, Sendable, Hashable {
    public var path: String
    public var message: String
  }
}
