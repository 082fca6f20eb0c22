/// The full detail of one record as labelled lines, for `dateline show` and the detail pane.
///
/// Both front ends print these same lines, so the screen and the CLI cannot disagree.
/// Values are raw data: each front end sanitizes when it draws. A field with an empty
/// label continues the field above it (a quote under its source).
public struct RecordDetail: Sendable {
  public struct Line: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
      case heading
      case field(label: String)
      /// A link to another record (selectable in the pane).
      case link(label: String, target: Record.ID)
      /// Two texts side by side (a dispute's two attributions); `header` rows are captions.
      /// The line's `value` is empty.
      case columns(left: String, right: String, header: Bool)
      case text
      case blank
    }
    public var kind: Kind
    public var value: String
    public init(_ kind: Kind, _ value: String) {
      self.kind = kind
      self.value = value
    }
  }

  public var lines: [Line]

  /// The labels of lines that show no field of their own: the source's URL and the
  /// links back from other records.
  static let urlLabel = "URL"
  static let disputedByLabel = "Disputed by"
  static let revisedByLabel = "Revised by"

  /// Columns for a label and its colon in front of a value: the longest label (of the
  /// field table's and the three above; "Revised from:" today), a colon and a space.
  public static let labelWidth =
    (RecordField.allCases.compactMap(\.row.detail)
    + [urlLabel, disputedByLabel, revisedByLabel]).map(DisplayWidth.of).max()
    .map { $0 + 2 } ?? 14

  /// The detail of `r`; builds a `LinkIndex` for the reverse links (a pass over the corpus).
  ///
  /// For one-off use (`dateline show`); the screen keeps one `LinkIndex` for every record.
  public init(record r: Record, corpus: Corpus) {
    self.init(record: r, corpus: corpus, links: LinkIndex(corpus: corpus))
  }

  /// The lines of `r`: its headline, then the fields of `detailOrder`, each under its
  /// label in `RecordField` (the summary as a paragraph of its own).
  public init(record r: Record, corpus: Corpus, links: LinkIndex) {
    var out: [Line] = [Line(.heading, r.headline)]
    for field in RecordDetail.detailOrder {
      out += RecordDetail.lines(field, r, corpus, links)
    }
    lines = out
  }

  /// The order of the fields in the detail; the date's other members show in its line
  /// (`DateLabel.long`), the id and the headline above them.
  static let detailOrder: [RecordField] = [
    .date, .dateNote, .kind, .parties, .attribution, .figures, .tags, .source,
    .also, .disputes, .revises, .related, .summary, .quote,
  ]

  /// The lines that show `field` of `r`, under the field's label.
  ///
  /// Guarantees: a field the record does not have gives no line; only `source` and
  /// `disputes`/`revises` add lines under labels of their own (URL, the reverse links).
  static func lines(
    _ field: RecordField, _ r: Record, _ corpus: Corpus, _ links: LinkIndex
  ) -> [Line] {
    func line(_ value: String) -> Line {
      Line(.field(label: field.row.detail ?? ""), value)
    }
    switch field {
    case .id, .headline, .datePrecision, .endDate, .time, .utcOffset,
      .dateApprox, .dateInferred:
      return []
    case .date: return [line(DateLabel.long(r))]
    case .dateNote: return r.dateNote.map { [line($0)] } ?? []
    case .kind: return [line(r.kind.rawValue)]
    case .parties:
      return r.parties.map { ref in
        let name = corpus.party(ref.id)?.name ?? ref.id.rawValue
        return line("\(name) (\(ref.role.rawValue))")
      }
    case .attribution:
      return r.attribution.map { [line($0.line(in: corpus))] } ?? []
    case .figures:
      return r.figures.map { line("\($0.label): \($0.displayValue)") }
    case .tags:
      return r.tags.isEmpty ? [] : [line(r.tags.joined(separator: ", "))]
    case .source: return sourceLines(r, corpus)
    case .also: return alsoLines(r, corpus)
    case .disputes: return disputeLines(r, corpus, links)
    case .revises: return revisionLines(r, corpus, links)
    case .related:
      return r.related.map { id in
        let h =
          corpus.record(id).map { "\(DateLabel.compact($0))  \($0.headline)" }
          ?? id.rawValue
        return Line(
          .link(label: RecordField.related.row.detail ?? "", target: id), h)
      }
    case .summary:
      return r.summary.map { [Line(.blank, ""), Line(.text, $0)] } ?? []
    case .quote:
      return r.quote.map { [Line(.blank, ""), line("“\($0.exact)”")] } ?? []
    }
  }

  /// The record's source and, under its own label, the source's URL.
  static func sourceLines(_ r: Record, _ corpus: Corpus) -> [Line] {
    let source = corpus.source(r.source)
    var out = [
      Line(
        .field(label: RecordField.source.row.detail ?? ""),
        sourceLine(source, id: r.source))
    ]
    if let url = source?.url { out.append(Line(.field(label: urlLabel), url)) }
    return out
  }

  /// Every other source with its own quote (SCHEMA.md `also`: corroboration).
  static func alsoLines(_ r: Record, _ corpus: Corpus) -> [Line] {
    var out: [Line] = []
    for a in r.also {
      out.append(
        Line(
          .field(label: RecordField.also.row.detail ?? ""),
          sourceLine(corpus.source(a.source), id: a.source)))
      if let q = a.quote { out.append(Line(.field(label: ""), "“\(q.exact)”")) }
    }
    return out
  }

  /// Disputes both ways, each followed by the two attributions side by side.
  ///
  /// A dispute is one pair: when both records name each other, the other record is
  /// listed once, under "Disputes".
  static func disputeLines(_ r: Record, _ corpus: Corpus, _ links: LinkIndex)
    -> [Line]
  {
    let index = corpus.recordIndex[r.id]
    let label = RecordField.disputes.row.detail ?? ""
    var out: [Line] = []
    var listed = Set<Int>()
    for t in r.disputes.compactMap({ corpus.recordIndex[$0] })
    where t != index && listed.insert(t).inserted {
      out += dispute(r, other: t, label: label, side: "disputed record", corpus)
    }
    for t in index.flatMap({ links.disputedBy[$0] }) ?? []
    where t != index && listed.insert(t).inserted {
      out += dispute(
        r, other: t, label: disputedByLabel, side: "disputing record", corpus)
    }
    return out
  }

  /// Revisions read as "revised from … (date, who)" / "revised by …".
  static func revisionLines(_ r: Record, _ corpus: Corpus, _ links: LinkIndex)
    -> [Line]
  {
    let label = RecordField.revises.row.detail ?? ""
    let index = corpus.recordIndex[r.id]
    let from = r.revises.compactMap { corpus.recordIndex[$0] }.map {
      revision(label: label, corpus.records[$0], corpus)
    }
    let by = (index.flatMap { links.revisedBy[$0] } ?? []).map {
      revision(label: revisedByLabel, corpus.records[$0], corpus)
    }
    return from + by
  }

  /// `CNN, “Title”, 2023-12-12 (inferred)`.
  static func sourceLine(_ source: Source?, id: Source.ID) -> String {
    guard let source else { return id.rawValue }
    var s = "\(source.outlet), “\(source.title)”"
    if let p = source.published {
      s +=
        ", " + p.description + (source.publishedInferred ? " (inferred)" : "")
    }
    return s
  }

  /// A link to the other side of a dispute, then who says what on each side, side by side.
  static func dispute(
    _ r: Record, other: Int, label: String, side: String, _ corpus: Corpus
  ) -> [Line] {
    let o = corpus.records[other]
    func who(_ x: Record) -> String {
      guard let a = x.attribution else {
        return "no attribution [unattributed]"
      }
      let names = a.claimantNames(in: corpus)
      return (names.isEmpty ? "unnamed" : names) + " [\(a.basis.rawValue)]"
    }
    func says(_ x: Record) -> String {
      x.attribution.map { "“\($0.text)”" } ?? ""
    }
    return [
      Line(
        .link(label: label, target: o.id),
        "\(DateLabel.compact(o))  \(o.headline)"),
      Line(.columns(left: "this record", right: side, header: true), ""),
      Line(.columns(left: who(r), right: who(o), header: false), ""),
      Line(.columns(left: says(r), right: says(o), header: false), ""),
    ]
  }

  /// `Revised from: 240 hostages … (2023-11-01, IDF)`, a link to the other record.
  static func revision(label: String, _ o: Record, _ corpus: Corpus) -> Line {
    Line(
      .link(label: label, target: o.id),
      "\(o.headline) (\(DateLabel.compact(o)), \(o.statedBy(in: corpus)))")
  }
}
