import Foundation

/// Every value stated for one figure label, in timeline order, with who stated it.
///
/// SCHEMA.md `figures`: a record states numbers with a label ("hostages remaining in
/// Gaza"), a qualifier ("more than") and sometimes a range. Lined up by label across the
/// corpus, they show how a count changed, which statement revised which, and who
/// disagreed. The screen's `f` pane and `dateline figures` print the same series.
public struct FigureSeries: Sendable, Hashable {
  /// One stated value.
  public struct Entry: Sendable, Hashable {
    /// Index into `corpus.records`.
    public var record: Int
    public var figure: Figure
    /// Who stated it, in a few words (`Record.statedBy`).
    public var statedBy: String
    public var basis: Attribution.Basis
    /// Earlier records of this series that this one revises (SCHEMA.md `revises`).
    public var revises: [Int]
    /// Whether the record is in a dispute (either side).
    public var contested: Bool
  }

  /// The label as the first record of the series writes it.
  public let label: String
  public let entries: [Entry]

  /// Labels compare folded (case, accents, repeated blanks), so "Hostages remaining" and
  /// "hostages  remaining" are one series.
  public static func key(_ label: String) -> String {
    TextSearch.fold(label).split(whereSeparator: { $0.isWhitespace }).joined(
      separator: " ")
  }

  /// The series for `label` across the corpus.
  public init(
    label: String, corpus: Corpus, links: LinkIndex, columns: FacetColumns
  ) {
    let key = FigureSeries.key(label)
    var entries: [Entry] = []
    var shownLabel: String? = nil
    let indexes = columns.figureRecords[key] ?? []
    let members = Set(indexes)
    for i in indexes {
      let r = corpus.records[i]
      let revises = r.revises.compactMap { corpus.recordIndex[$0] }.filter {
        members.contains($0)
      }.sorted()
      for f in r.figures where FigureSeries.key(f.label) == key {
        if shownLabel == nil { shownLabel = f.label }
        entries.append(
          Entry(
            record: i, figure: f, statedBy: r.statedBy(in: corpus),
            basis: r.basis, revises: revises,
            contested: links.contested.contains(i)))
      }
    }
    self.label = shownLabel ?? label
    self.entries = entries
  }

  /// One series per distinct figure label of `record`, in the order the record states them.
  public static func all(
    for record: Record, corpus: Corpus, links: LinkIndex, columns: FacetColumns
  ) -> [FigureSeries] {
    var seen = Set<String>()
    var out: [FigureSeries] = []
    for f in record.figures where seen.insert(key(f.label)).inserted {
      out.append(
        FigureSeries(
          label: f.label, corpus: corpus, links: links, columns: columns))
    }
    return out
  }

  /// Every label in the corpus, in the order of first appearance in the timeline (and, in
  /// one record, in the order it states them).
  public static func labels(corpus: Corpus, columns: FacetColumns) -> [String] {
    columns.figureRecords.compactMap {
      key, records -> (record: Int, position: Int, label: String)? in
      guard let first = records.first,
        let position = corpus.records[first].figures.firstIndex(where: {
          FigureSeries.key($0.label) == key
        })
      else { return nil }
      return (first, position, corpus.records[first].figures[position].label)
    }.sorted { ($0.record, $0.position) < ($1.record, $1.position) }.map(
      \.label)
  }

  /// The values as block glyphs, one per entry, from `▁` for the lowest to `█` for the
  /// highest; a range counts as its midpoint, "more than 100" as 100.
  public var sparkline: String {
    Sparkline.of(entries.map { $0.figure.plotValue })
  }
}

extension Figure {
  /// The single number a chart draws for this figure.
  ///
  /// Halves first: `(1e308 + 1e308) / 2` would overflow to infinity.
  public var plotValue: Double { valueMax.map { value / 2 + $0 / 2 } ?? value }
}

/// Eight levels of block elements for one-line charts: the density strip and sparklines.
public enum Sparkline {
  public static let levels: [Character] = [
    "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█",
  ]

  /// The glyph for `value` on a scale to `maximum`: a space for zero, at least `▁` for any
  /// positive amount, so a single record never disappears next to a busy day.
  public static func glyph(_ value: Int, maximum: Int) -> Character {
    guard value > 0, maximum > 0 else { return " " }
    let level = Int(
      (Double(min(value, maximum)) * 8 / Double(maximum)).rounded(.up))
    return levels[max(1, min(8, level)) - 1]
  }

  /// Glyphs for `values` scaled from the lowest (`▁`) to the highest (`█`), as sparklines
  /// do: the point is how the values move, and counts that differ by a few percent would
  /// look equal on a scale from zero. Equal values are all drawn half high.
  ///
  /// The span is taken in halves, so values as far apart as -1e308 and 1e308 (whose
  /// difference is beyond a double) still scale, and the level is clamped before it
  /// becomes an index: no value can trap.
  public static func of(_ values: [Double]) -> String {
    let finite = values.filter(\.isFinite)
    guard let hi = finite.max(), let lo = finite.min() else { return "" }
    let halfSpan = hi / 2 - lo / 2
    return String(
      values.map { v -> Character in
        guard v.isFinite else { return " " }
        guard halfSpan > 0 else { return levels[3] }
        let level = ((v / 2 - lo / 2) / halfSpan * 7).rounded()
        guard level.isFinite else { return levels[3] }
        return levels[Int(max(0, min(7, level)))]
      })
  }
}
