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

  /// Columns for a label and its colon in front of a value: the longest label,
  /// "Revised from:", and a space.
  public static let labelWidth = 14

  /// The detail of `r`; builds a `LinkIndex` for the reverse links (a pass over the corpus).
  ///
  /// For one-off use (`dateline show`); the screen keeps one `LinkIndex` for every record.
  public init(record r: Record, corpus: Corpus) {
    self.init(record: r, corpus: corpus, links: LinkIndex(corpus: corpus))
  }

  public init(record r: Record, corpus: Corpus, links: LinkIndex) {
    var out: [Line] = [Line(.heading, r.headline)]
    out.append(Line(.field(label: "Date"), DateLabel.long(r)))
    if let n = r.dateNote { out.append(Line(.field(label: "Date note"), n)) }
    out.append(Line(.field(label: "Kind"), r.kind.rawValue))
    for ref in r.parties {
      let name = corpus.party(ref.id)?.name ?? ref.id.rawValue
      out.append(Line(.field(label: "Party"), "\(name) (\(ref.role.rawValue))"))
    }
    if let a = r.attribution {
      out.append(Line(.field(label: "Attribution"), a.line(in: corpus)))
    }
    for f in r.figures {
      out.append(Line(.field(label: "Figure"), "\(f.label): \(f.displayValue)"))
    }
    if !r.tags.isEmpty {
      out.append(Line(.field(label: "Tags"), r.tags.joined(separator: ", ")))
    }
    let source = corpus.source(r.source)
    out.append(
      Line(
        .field(label: "Source"), RecordDetail.sourceLine(source, id: r.source)))
    if let url = source?.url { out.append(Line(.field(label: "URL"), url)) }
    // Every other source with its own quote (SCHEMA.md `also`: corroboration).
    for a in r.also {
      out.append(
        Line(
          .field(label: "Also in"),
          RecordDetail.sourceLine(corpus.source(a.source), id: a.source)))
      if let q = a.quote { out.append(Line(.field(label: ""), "“\(q.exact)”")) }
    }
    let index = corpus.recordIndex[r.id]
    // Disputes both ways, each followed by the two attributions side by side.
    // A dispute is one pair: when both records name each other, the other record is
    // listed once, under "Disputes".
    var listed = Set<Int>()
    for t in r.disputes.compactMap({ corpus.recordIndex[$0] })
    where t != index && listed.insert(t).inserted {
      out.append(
        contentsOf: RecordDetail.dispute(
          r, other: t, label: "Disputes", side: "disputed record", corpus))
    }
    for t in index.flatMap({ links.disputedBy[$0] }) ?? []
    where t != index && listed.insert(t).inserted {
      out.append(
        contentsOf: RecordDetail.dispute(
          r, other: t, label: "Disputed by", side: "disputing record", corpus))
    }
    // Revisions read as "revised from … (date, who)" / "revised by …".
    for t in r.revises.compactMap({ corpus.recordIndex[$0] }) {
      out.append(
        RecordDetail.revision(label: "Revised from", corpus.records[t], corpus))
    }
    for t in index.flatMap({ links.revisedBy[$0] }) ?? [] {
      out.append(
        RecordDetail.revision(label: "Revised by", corpus.records[t], corpus))
    }
    for id in r.related {
      let h =
        corpus.record(id).map { "\(DateLabel.compact($0))  \($0.headline)" }
        ?? id.rawValue
      out.append(Line(.link(label: "Related", target: id), h))
    }
    if let s = r.summary {
      out.append(Line(.blank, ""))
      out.append(Line(.text, s))
    }
    if let q = r.quote {
      out.append(Line(.blank, ""))
      out.append(Line(.field(label: "Quote"), "“\(q.exact)”"))
    }
    lines = out
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
