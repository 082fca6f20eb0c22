import DatelineCore

/// The text of an export: `list --format csv|md` and the browser's `e` write the same.
///
/// Why sanitized even in CSV: an export is often printed to the terminal or opened by
/// programs that act on escape sequences, and CSV (unlike JSON) has no escapes of its own,
/// so control characters from the data come out as their visible symbols (`␛`), as on the
/// screen. Line breaks inside a field stay (CSV quotes them).
enum ExportText {
  enum Format: Sendable { case csv, markdown }

  static func render(_ format: Format, rows: [Int], of corpus: Corpus) -> String {
    switch format {
    case .markdown:
      return MarkdownTable.render(rows: rows, of: corpus)
    case .csv:
      var out = CSVWriter.row(RecordColumns.names)
      for i in rows {
        let values = RecordColumns.values(corpus.records[i], in: corpus)
        out += CSVWriter.row(values.map { Sanitizer.clean($0, newlines: .keep) })
      }
      return out
    }
  }
}
