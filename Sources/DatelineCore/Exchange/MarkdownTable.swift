/// Records as a Markdown table for reports: date, kind, parties, headline, attribution,
/// source.
///
/// Why fewer columns than CSV: a report table is read, not re-imported, so it keeps what
/// a reader scans (the date as the timeline shows it, who, what, according to whom, where
/// it was reported). Every cell is sanitized (a report may be printed to a terminal) and
/// escaped so that `|`, backslashes, line breaks and HTML-looking text stay cell text.
public enum MarkdownTable {
  public static let header = [
    "Date", "Kind", "Parties", "Headline", "Attribution", "Source",
  ]

  /// The whole table, one line per record, ending in a newline. `extra`: more columns
  /// (names, and cells for a row), e.g. the reader's annotations.
  public static func render(
    rows: [Int], of corpus: Corpus, extra: ([String], (Int) -> [String])? = nil
  ) -> String {
    var out = head(header + (extra?.0 ?? []))
    for i in rows {
      let r = corpus.records[i]
      let parties = r.parties.map {
        corpus.party($0.id)?.label ?? $0.id.rawValue
      }.joined(separator: ", ")
      var attribution = ""
      if let a = r.attribution {
        attribution = "\(a.text) (\(a.basis.rawValue))"
        let who = a.claimants.map { corpus.party($0)?.name ?? $0.rawValue }
        if !who.isEmpty { attribution += " — " + who.joined(separator: ", ") }
      }
      var source = r.source.rawValue
      if let s = corpus.source(r.source) {
        source = "\(s.outlet), “\(s.title)”"
        if let p = s.published { source += ", \(p.description)" }
        if let u = s.url { source += ", \(u)" }
      }
      out += line(
        [
          DateLabel.compact(r), r.kind.rawValue, parties, r.headline,
          attribution, source,
        ] + (extra?.1(i) ?? []))
    }
    return out
  }

  /// A table of `rows` under `names`, every cell through `cell`.
  public static func table(_ names: [String], _ rows: [[String]]) -> String {
    rows.reduce(head(names)) { $0 + line($1) }
  }

  /// The header line and the rule under it.
  static func head(_ names: [String]) -> String {
    line(names) + "|" + names.map { _ in "---" }.joined(separator: "|") + "|\n"
  }

  static func line(_ cells: [String]) -> String {
    "| " + cells.map(cell).joined(separator: " | ") + " |\n"
  }

  /// One cell: sanitized, flattened to one line, with Markdown's active characters escaped.
  public static func cell(_ text: String) -> String {
    var out = ""
    for c in Sanitizer.clean(text, newlines: .flatten) {
      switch c {
      case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#":
        out += "\\" + String(c)
      default: out.append(c)
      }
    }
    return out
  }
}
