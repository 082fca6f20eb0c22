/// A record as named flat columns, for CSV and Markdown export.
///
/// Why these columns: a spreadsheet wants one row per record with plain cells, and the
/// importer (`EventTableImport` with `schemaColumns`) must be able to read the same
/// columns back into the same records, so every record field that is text, a date or a
/// list of ids has a column named as in SCHEMA.md. Lists are joined with "; ". A party is
/// written `id:role`. A record's `figures` and `also` are one column each (`jsonNames`),
/// its JSON array as SCHEMA.md defines it, and its `x_` fields one more (`extensionsName`),
/// a JSON object: each of these columns is written only when a listed record has one, and
/// `import csv --schema-columns` reads them back with the loader's checks.
/// Values are raw data: writers that reach a terminal sanitize them.
public enum RecordColumns {
  /// The header, in order: each field's columns (`RecordField.row.csv`) but those
  /// of `jsonNames`.
  public static let names = RecordField.allCases.filter { !$0.row.jsonCell }
    .flatMap(\.row.csv)

  /// The columns of a record's `figures` and `also`, each a JSON array as SCHEMA.md
  /// defines it (`[{"label":"hostages","value":135,"qualifier":"about"}]`), empty when the
  /// record has none; written only when a listed record has one.
  public static let jsonNames = jsonFields.map(\.column)

  static let jsonFields = RecordField.allCases.filter { $0.row.jsonCell }

  /// The cells of `jsonNames` for `r`, in that order.
  public static func jsonValues(_ r: Record) -> [String] {
    jsonFields.map { jsonCell($0, r) }
  }

  /// A JSON column's cell: the field's array, empty when the record has none.
  static func jsonCell(_ field: RecordField, _ r: Record) -> String {
    switch field {
    case .figures: r.figures.isEmpty ? "" : r.figuresJSON
    case .also: r.also.isEmpty ? "" : r.alsoJSON
    default: ""
    }
  }

  /// The column of a record's `x_` fields as one JSON object (`{"x_review":{"by":"ana"}}`),
  /// written only when a listed record has one (`Corpus.extensionMembers(at:)`).
  public static let extensionsName = "x_fields"

  /// The separator inside a list cell.
  public static let listSeparator = "; "

  /// The fields of `names`, in order.
  static let plainFields = RecordField.allCases.filter { !$0.row.jsonCell }

  /// The cells of `r`, in the order of `names`.
  public static func values(_ r: Record, in corpus: Corpus) -> [String] {
    var out: [String] = []
    out.reserveCapacity(names.count)
    for field in plainFields { appendCells(field, r, corpus, to: &out) }
    return out
  }

  /// Appends the cells of one field, one for each of its columns (`row.csv`).
  static func appendCells(
    _ field: RecordField, _ r: Record, _ corpus: Corpus,
    to out: inout [String]
  ) {
    func list(_ items: [String]) -> String {
      items.joined(separator: listSeparator)
    }
    func flag(_ b: Bool) -> String { b ? "true" : "" }
    switch field {
    case .id: out.append(r.id.rawValue)
    case .date: out.append(r.date.description)
    case .datePrecision: out.append(r.date.precision.description)
    case .endDate: out.append(r.endDate.map { $0.description } ?? "")
    case .time: out.append(r.time?.description ?? "")
    case .utcOffset: out.append(r.utcOffset ?? "")
    case .dateApprox: out.append(flag(r.dateApprox))
    case .dateInferred: out.append(flag(r.dateInferred))
    case .dateNote: out.append(r.dateNote ?? "")
    case .kind: out.append(r.kind.rawValue)
    case .parties:
      out.append(
        list(r.parties.map { "\($0.id.rawValue):\($0.role.rawValue)" }))
      out.append(
        list(r.parties.map { corpus.party($0.id)?.name ?? $0.id.rawValue }))
    case .headline: out.append(r.headline)
    case .summary: out.append(r.summary ?? "")
    case .attribution:
      out.append(r.attribution?.text ?? "")
      out.append(r.attribution?.basis.rawValue ?? "")
      out.append(list(r.attribution?.claimants.map(\.rawValue) ?? []))
    case .tags: out.append(list(r.tags))
    case .related: out.append(list(r.related.map(\.rawValue)))
    case .disputes: out.append(list(r.disputes.map(\.rawValue)))
    case .revises: out.append(list(r.revises.map(\.rawValue)))
    case .source: appendSourceCells(r.source, corpus, to: &out)
    case .quote: out.append(r.quote?.exact ?? "")
    case .figures, .also: out.append(jsonCell(field, r))
    }
  }

  /// The source's id, then its outlet, title, publication date and URL.
  static func appendSourceCells(
    _ id: Source.ID, _ corpus: Corpus, to out: inout [String]
  ) {
    let source = corpus.source(id)
    out.append(id.rawValue)
    out.append(source?.outlet ?? "")
    out.append(source?.title ?? "")
    out.append(source?.published.map { $0.description } ?? "")
    out.append(source?.url ?? "")
  }
}
