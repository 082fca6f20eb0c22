/// A chronology a person can send: `dateline report` in Markdown or HTML.
///
/// For each record in timeline order: its date with its precision, the headline, who says
/// so and on what basis, the quote with its source and link, the reader's tags and note,
/// the figures as a table, and the records it disputes (or that dispute it) side by side.
/// Every string is sanitized like the screen; the HTML is one self-contained file with no
/// scripts, no external assets and every piece of text escaped.
public struct ChronologyReport {
  public enum Format: String, Sendable, CaseIterable {
    case markdown = "md"
    case html
  }

  /// One record's part of the report, as plain strings.
  struct Entry {
    var id: String
    var date: String
    var headline: String
    var attribution: String?
    var quote: String?
    var source: String?
    var link: String?
    var tags: [String]
    var starred: Bool
    var note: String?
    var figures: [(label: String, value: String)]
    var disputes: [(mine: String, theirs: String)]
  }

  let entries: [Entry]
  let title: String

  public init(
    rows: [Int], corpus: Corpus, annotations: Annotations, links: LinkIndex,
    title: String
  ) {
    self.title = Sanitizer.clean(title)
    entries = rows.map {
      ChronologyReport.entry(
        corpus.records[$0], index: $0, corpus: corpus, annotations: annotations,
        links: links)
    }
  }

  static func entry(
    _ r: Record, index: Int, corpus: Corpus, annotations: Annotations,
    links: LinkIndex
  ) -> Entry {
    func clean(_ s: String) -> String { Sanitizer.clean(s, newlines: .flatten) }
    var attribution: String?
    if let a = r.attribution {
      let who = a.claimants.map { corpus.party($0)?.name ?? $0.rawValue }
      attribution =
        clean(a.text)
        + (who.isEmpty ? "" : " — " + clean(who.joined(separator: ", ")))
        + " (\(a.basis.rawValue))"
    }
    let source = corpus.source(r.source)
    let e = annotations[r.id]
    let precision =
      r.date.precision == .day && r.endDate == nil
      ? "" : " (\(r.date.precision))"
    var disputes: [(String, String)] = []
    for other in links.contested.contains(index)
      ? (corpus.disputed(by: index)
        + r.disputes.compactMap { corpus.recordIndex[$0] }) : []
    {
      let o = corpus.records[other]
      disputes.append(
        (
          clean(r.headline),
          clean(DateLabel.compact(o)) + ": " + clean(o.headline)
        ))
    }
    return Entry(
      id: r.id.rawValue, date: clean(DateLabel.compact(r)) + precision,
      headline: clean(r.headline),
      attribution: attribution,
      quote: r.quote.map { clean($0.exact) },
      source: source.map {
        clean(
          "\($0.outlet), “\($0.title)”" + ($0.published.map { ", \($0)" } ?? "")
        )
      },
      link: source?.url.flatMap {
        $0.hasPrefix("https://") || $0.hasPrefix("http://") ? clean($0) : nil
      },
      tags: e.tags.map(clean), starred: e.starred,
      note: e.note.map { Sanitizer.clean($0, newlines: .keep) },
      figures: r.figures.map { (clean($0.label), clean(figureValue($0))) },
      disputes: disputes)
  }

  static func figureValue(_ f: Figure) -> String {
    var v = f.valueLiteral ?? JSONWriter.number(f.value)
    if let max = f.valueMax {
      v += "–" + (f.valueMaxLiteral ?? JSONWriter.number(max))
    }
    if let q = f.qualifier { v = q.rawValue + " " + v }
    if let u = f.unit { v += " " + u }
    return v
  }

  public func render(_ format: Format) -> String {
    format == .markdown ? markdown : html
  }
}
