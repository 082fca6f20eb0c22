import DatelineCore

/// The text of an export: `list --format csv|md` and the browser's `e` write the same.
///
/// Why sanitized even in CSV: an export is often printed to the terminal or opened by
/// programs that act on escape sequences, and CSV (unlike JSON) has no escapes of its own,
/// so control characters from the data come out as their visible symbols (`␛`), as on the
/// screen. Line breaks inside a field stay (CSV quotes them).
enum ExportText {
  /// `annotations`: three more columns (starred, tags, note) when a row is annotated.
  static func render(
    _ format: ExportFormat, rows: [Int], of corpus: Corpus,
    annotations: Annotations = Annotations()
  )
    -> String
  {
    let annotated = annotations.annotatesAny(rows, in: corpus)
    func extra(_ i: Int) -> [String] {
      annotated ? annotations[corpus.records[i].id].columnValues : []
    }
    switch format {
    case .markdown:
      return MarkdownTable.render(
        rows: rows, of: corpus,
        extra: annotated ? (Annotations.columnNames, extra) : nil)
    case .csv:
      // figures, also (JSON arrays) and x_ fields (a JSON object): each one more column,
      // when any listed record has one.
      let json = rows.map { RecordColumns.jsonValues(corpus.records[$0]) }
      let jsonColumns = RecordColumns.jsonNames.indices.filter { c in
        json.contains { !$0[c].isEmpty }
      }
      let extensions = rows.map { i in
        (try? corpus.extensionMembers(at: i).get()).map {
          $0.isEmpty ? "" : "{" + $0 + "}"
        } ?? ""
      }
      let withExtensions = extensions.contains { !$0.isEmpty }
      var out = CSVWriter.row(
        RecordColumns.names + jsonColumns.map { RecordColumns.jsonNames[$0] }
          + (withExtensions ? [RecordColumns.extensionsName] : [])
          + (annotated ? Annotations.columnNames : []))
      for (k, i) in rows.enumerated() {
        let values =
          RecordColumns.values(corpus.records[i], in: corpus)
          + jsonColumns.map { json[k][$0] }
          + (withExtensions ? [extensions[k]] : []) + extra(i)
        out += CSVWriter.row(
          values.map { Sanitizer.clean($0, newlines: .keep) })
      }
      return out
    }
  }
}
