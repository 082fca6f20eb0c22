/// The two tables records are exported as: `list --format csv|md` and the browser's `e`
/// (which picks one from the file name) write them through the same renderer.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
  /// Every record field, one row per record (`dateline import csv --schema-columns` reads it).
  case csv
  /// A Markdown table for reports.
  case markdown = "md"

  /// Markdown for a name ending in `.md` or `.markdown`, else CSV.
  public init(fileName: String) {
    let lower = fileName.lowercased()
    self =
      lower.hasSuffix(".md") || lower.hasSuffix(".markdown") ? .markdown : .csv
  }
}
