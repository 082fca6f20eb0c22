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
  /// The header, in order.
  public static let names = [
    "id", "date", "precision", "end_date", "time", "utc_offset", "date_approx",
    "date_inferred",
    "date_note", "kind", "parties", "party_names", "headline", "summary",
    "attribution", "basis",
    "claimants", "tags", "related", "disputes", "revises", "source", "outlet",
    "title",
    "published", "url", "quote",
  ]

  /// The columns of a record's `figures` and `also`, each a JSON array as SCHEMA.md
  /// defines it (`[{"label":"hostages","value":135,"qualifier":"about"}]`), empty when the
  /// record has none; written only when a listed record has one.
  public static let jsonNames = ["figures", "also"]

  /// The cells of `jsonNames` for `r`, in that order.
  public static func jsonValues(_ r: Record) -> [String] {
    [r.figures.isEmpty ? "" : r.figuresJSON, r.also.isEmpty ? "" : r.alsoJSON]
  }

  /// The column of a record's `x_` fields as one JSON object (`{"x_review":{"by":"ana"}}`),
  /// written only when a listed record has one (`Corpus.extensionMembers(at:)`).
  public static let extensionsName = "x_fields"

  /// The separator inside a list cell.
  public static let listSeparator = "; "

  /// The cells of `r`, in the order of `names`.
  public static func values(_ r: Record, in corpus: Corpus) -> [String] {
    let source = corpus.source(r.source)
    func list(_ items: [String]) -> String {
      items.joined(separator: listSeparator)
    }
    func flag(_ b: Bool) -> String { b ? "true" : "" }
    return [
      r.id.rawValue,
      r.date.description,
      r.date.precision.description,
      r.endDate.map { $0.description } ?? "",
      r.time?.description ?? "",
      r.utcOffset ?? "",
      flag(r.dateApprox),
      flag(r.dateInferred),
      r.dateNote ?? "",
      r.kind.rawValue,
      list(r.parties.map { "\($0.id.rawValue):\($0.role.rawValue)" }),
      list(r.parties.map { corpus.party($0.id)?.name ?? $0.id.rawValue }),
      r.headline,
      r.summary ?? "",
      r.attribution?.text ?? "",
      r.attribution?.basis.rawValue ?? "",
      list(r.attribution?.claimants.map(\.rawValue) ?? []),
      list(r.tags),
      list(r.related.map(\.rawValue)),
      list(r.disputes.map(\.rawValue)),
      list(r.revises.map(\.rawValue)),
      r.source.rawValue,
      source?.outlet ?? "",
      source?.title ?? "",
      source?.published.map { $0.description } ?? "",
      source?.url ?? "",
      r.quote?.exact ?? "",
    ]
  }
}
