/// The fields of a record, one row each: the table that decoding, search, the CSV
/// columns and the detail pane read.
///
/// Why one table: a field used to be named by hand in about nine files, and the searched
/// fields in three; a field added to some of them and not the others loaded, but was not
/// searched, exported or shown. Now the decoder's known keys, the search's fields (the
/// exact test, the raw-line quick path and its test), the CSV header and the detail
/// labels come from here, and the code that turns a field into cells or lines switches
/// over `RecordField` without a default, so a new case does not compile until each says
/// what to do with it. `RecordFieldTests` walks this table against `Record`'s properties,
/// the CSV header, the detail labels and both decoders.
///
/// The order is the CSV export's column order.
public enum RecordField: String, CaseIterable, Sendable {
  case id
  case date
  case datePrecision = "date_precision"
  case endDate = "end_date"
  case time
  case utcOffset = "utc_offset"
  case dateApprox = "date_approx"
  case dateInferred = "date_inferred"
  case dateNote = "date_note"
  case kind
  case parties
  case headline
  case summary
  case attribution
  case tags
  case related
  case disputes
  case revises
  case source
  case quote
  case figures
  case also

  /// What a field's JSON value is (SCHEMA.md "Record").
  public enum ValueType: Sendable, Hashable {
    /// A record, party or source id.
    case id
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    case date
    /// A string from a fixed list (`kind`, `date_precision`).
    case choice
    /// `HH:MM`, or `+HH:MM` for an offset.
    case clock
    case bool
    /// A string; `words` is a list of them.
    case text
    case words
    /// A list of record ids.
    case links
    /// An object or a list of objects, each with its own members.
    case object, objects
  }

  /// One row of the table.
  public struct Row: Sendable {
    /// The `Record` property that holds the field (`date_precision` is the date's).
    public var property: String
    public var type: ValueType
    public var required: Bool
    /// Where a search word found in this field is said to be; nil: not searched.
    public var search: SearchField?
    /// The CSV columns that carry the field (`RecordColumns`), in order.
    public var csv: [String]
    /// Whether its one CSV column is the field's JSON array, written only when a listed
    /// record has one (`RecordColumns.jsonNames`).
    public var jsonCell = false
    /// The label of the detail lines that show it (`RecordDetail`); nil: shown without
    /// a label (the heading, the summary's paragraph) or not shown (the id).
    public var detail: String?
  }

  /// The JSON key, as SCHEMA.md spells it.
  public var key: String { rawValue }

  /// The field's own CSV column (the first of `row.csv`; the others are shown beside it).
  public var column: String { row.csv[0] }

  /// The field's row of the table (made once: callers read it per record).
  public var row: Row { RecordField.rows[self] ?? definition }

  static let rows = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0, $0.definition) })

  /// The table.
  var definition: Row {
    switch self {
    case .id: Row("id", .id, required: true, csv: ["id"])
    case .date: Row("date", .date, required: true, csv: ["date"], "Date")
    case .datePrecision: Row("date", .choice, csv: ["precision"], "Date")
    case .endDate: Row("endDate", .date, csv: ["end_date"], "Date")
    case .time: Row("time", .clock, csv: ["time"], "Date")
    case .utcOffset: Row("utcOffset", .clock, csv: ["utc_offset"], "Date")
    case .dateApprox: Row("dateApprox", .bool, csv: ["date_approx"], "Date")
    case .dateInferred:
      Row("dateInferred", .bool, csv: ["date_inferred"], "Date")
    case .dateNote: Row("dateNote", .text, csv: ["date_note"], "Date note")
    case .kind: Row("kind", .choice, required: true, csv: ["kind"], "Kind")
    case .parties:
      Row(
        "parties", .objects, required: true, csv: ["parties", "party_names"],
        "Party")
    case .headline:
      Row(
        "headline", .text, required: true, search: .headline, csv: ["headline"])
    case .summary: Row("summary", .text, search: .summary, csv: ["summary"])
    case .attribution:
      Row(
        "attribution", .object, search: .attribution,
        csv: ["attribution", "basis", "claimants"], "Attribution")
    case .tags: Row("tags", .words, search: .tag, csv: ["tags"], "Tags")
    case .related: Row("related", .links, csv: ["related"], "Related")
    case .disputes: Row("disputes", .links, csv: ["disputes"], "Disputes")
    case .revises: Row("revises", .links, csv: ["revises"], "Revised from")
    case .source:
      Row(
        "source", .id, required: true,
        csv: ["source", "outlet", "title", "published", "url"], "Source")
    case .quote: Row("quote", .object, csv: ["quote"], "Quote")
    case .figures:
      Row("figures", .objects, csv: ["figures"], json: true, "Figure")
    case .also: Row("also", .objects, csv: ["also"], json: true, "Also in")
    }
  }

  /// The JSON keys a record may have besides `x_` fields.
  public static let keys: Set<String> = Set(allCases.map(\.key))

  /// The searched fields, in the order the exact test joins them.
  public static let searched: [RecordField] = allCases.filter {
    $0.row.search != nil
  }

  /// The texts of this field that a search reads in `r` (an attribution's text, each
  /// tag); empty for a field that is not searched.
  public func searchTexts(of r: Record) -> [String] {
    switch self {
    case .headline: [r.headline]
    case .summary: r.summary.map { [$0] } ?? []
    case .attribution: r.attribution.map { [$0.text] } ?? []
    case .tags: r.tags
    default: []
    }
  }

  /// The member of an object value that is searched (the attribution's `text`), nil
  /// when the whole value is: what the raw-line quick path reads.
  public var searchedMember: String? { self == .attribution ? "text" : nil }
}

extension RecordField.Row {
  init(
    _ property: String, _ type: RecordField.ValueType, required: Bool = false,
    search: SearchField? = nil, csv: [String], json: Bool = false,
    _ detail: String? = nil
  ) {
    self.property = property
    self.type = type
    self.required = required
    self.search = search
    self.csv = csv
    self.jsonCell = json
    self.detail = detail
  }
}
