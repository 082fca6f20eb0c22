/// The full detail of one record as labelled lines, for `dateline show` and the detail pane.
///
/// Both front ends print these same lines, so the screen and the CLI cannot disagree.
/// Values are raw data: each front end sanitizes when it draws.
public struct RecordDetail: Sendable {
  public struct Line: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
      case heading
      case field(label: String)
      /// A link to another record (selectable in the pane).
      case link(label: String, target: Record.ID)
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

  public init(record r: Record, corpus: Corpus) {
    var out: [Line] = [Line(.heading, r.headline)]
    out.append(Line(.field(label: "Date"), DateLabel.long(r)))
    if let n = r.dateNote { out.append(Line(.field(label: "Date note"), n)) }
    out.append(Line(.field(label: "Kind"), r.kind.rawValue))
    for ref in r.parties {
      let name = corpus.party(ref.id)?.name ?? ref.id.rawValue
      out.append(Line(.field(label: "Party"), "\(name) (\(ref.role.rawValue))"))
    }
    if let a = r.attribution {
      var s = "\(a.text) [\(a.basis.rawValue)]"
      if !a.claimants.isEmpty {
        s += " — " + a.claimants.map { corpus.party($0)?.name ?? $0.rawValue }.joined(separator: ", ")
      }
      out.append(Line(.field(label: "Attribution"), s))
    }
    for f in r.figures { out.append(Line(.field(label: "Figure"), "\(f.label): \(f.displayValue)")) }
    if !r.tags.isEmpty { out.append(Line(.field(label: "Tags"), r.tags.joined(separator: ", "))) }
    let source = corpus.source(r.source)
    var src = source.map { "\($0.outlet), “\($0.title)”" } ?? r.source.rawValue
    if let p = source?.published { src += ", " + p.description + ((source?.publishedInferred ?? false) ? " (inferred)" : "") }
    out.append(Line(.field(label: "Source"), src))
    if let url = source?.url { out.append(Line(.field(label: "URL"), url)) }
    for a in r.also {
      let s = corpus.source(a.source)
      out.append(Line(.field(label: "Also in"), s.map { "\($0.outlet), “\($0.title)”" } ?? a.source.rawValue))
    }
    func links(_ label: String, _ ids: [Record.ID]) {
      for id in ids {
        let h = corpus.record(id).map { "\(DateLabel.compact($0))  \($0.headline)" } ?? id.rawValue
        out.append(Line(.link(label: label, target: id), h))
      }
    }
    links("Disputes", r.disputes)
    let disputedBy = corpus.records.filter { $0.disputes.contains(r.id) }.map(\.id)
    links("Disputed by", disputedBy)
    links("Revises", r.revises)
    links("Revised by", corpus.records.filter { $0.revises.contains(r.id) }.map(\.id))
    links("Related", r.related)
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
}
