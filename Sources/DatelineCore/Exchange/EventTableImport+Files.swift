/// The data directory an import writes: `parties.json`, `sources.json`, `records.jsonl`.
///
/// Why JSONL for records: SCHEMA.md's form for large corpora (one record per line), and an
/// event table can have hundreds of thousands of rows. The texts are built here and
/// written by the command line, which owns all file I/O.
extension EventTableImport {
  /// File name and contents, in the order they should be written.
  public var files: [(name: String, contents: String)] {
    let parties = envelope("parties", self.parties.map(\.jsonObject))
    let sources = envelope("sources", self.sources.map(\.jsonObject))
    let records = self.records.map { $0.jsonObject + "\n" }.joined()
    return [
      ("parties.json", parties), ("sources.json", sources),
      ("records.jsonl", records),
    ]
  }

  func envelope(_ type: String, _ items: [String]) -> String {
    "{\"schema\": 1, \"type\": \"\(type)\", \"items\": [\n"
      + items.map { "  " + $0 }.joined(separator: ",\n")
      + (items.isEmpty ? "" : "\n") + "]}\n"
  }
}

extension Party {
  /// The party as a schema-1 item (the fields an import knows).
  var jsonObject: String {
    var w = JSONWriter()
    w.field("id", id.rawValue)
    w.field("name", name)
    if kind != .other { w.field("kind", kind.rawValue) }
    if let p = parent { w.field("parent", p.rawValue) }
    return w.object
  }
}

extension Source {
  /// The source as a schema-1 item with its text inline.
  var jsonObject: String {
    var w = JSONWriter()
    w.field("id", id.rawValue)
    w.field("outlet", outlet)
    w.field("title", title)
    if let u = url { w.field("url", u) }
    if let p = published { w.field("published", p.description) }
    w.field("text", text)
    return w.object
  }
}
