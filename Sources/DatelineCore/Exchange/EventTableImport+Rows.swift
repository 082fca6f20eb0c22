import Foundation

/// The row-by-row work of an import: cells to a record, parties collected on the way.
struct Builder {
  let columns: ColumnMap
  let options: EventTableImport.Options
  /// The names of the columns read, as the first line of every row's source text.
  let headerText: String
  var parties: [Party] = []
  var partyIndex: [Party.ID: Int] = [:]
  var sources: [Source] = []
  var notes: [EventTableImport.Note] = []
  /// Record id to the line it came from (duplicates are refused).
  var lineOfID: [Record.ID: Int] = [:]

  init(columns: ColumnMap, options: EventTableImport.Options) {
    self.columns = columns
    self.options = options
    self.headerText = ItemDecoding.normalizeText(
      Builder.csvLine(columns.used.map { columns.header[$0] }))
  }

  /// One row as a record, or the reason it is left out.
  ///
  /// Guarantees: a rejected row changes nothing (no party, source or id is kept from
  /// it); an accepted one passes the loader's checks (`LoadBackCheck`) with the parties
  /// and the source it adds.
  mutating func record(from row: CSVReader.Row) -> Result<
    Record, EventTableImport.Note
  > {
    do throws(EventTableImport.Note) {
      let cells = try RowCells(row: row, columns: columns)
      let dates = try cells.dates(options)
      // Parties are added only when the row is accepted: a rejected row leaves no trace.
      let (refs, listed) = try cells.partyRefs(options)
      var newParties = listed
      let (headline, summary) = try headlineAndSummary(cells)
      let id = try recordID(cells)
      let kind = try cells.kind()
      let attribution = try cells.attribution()
      for c in attribution?.claimants ?? [] {
        newParties.append((c, c.rawValue))
      }
      let (source, quote) = makeSource(row)
      var record = Record(
        id: id, date: dates.date, endDate: dates.endDate, time: dates.time,
        utcOffset: dates.utcOffset,
        dateApprox: cells.optional(.dateApprox) == "true",
        dateInferred: cells.optional(.dateInferred) == "true",
        dateNote: cells.optional(.dateNote), kind: kind, parties: refs,
        headline: headline, summary: summary,
        attribution: attribution, source: source.id, quote: quote,
        tags: cells.tags(options),
        related: cells.list(.related).map { Record.ID($0) },
        disputes: cells.list(.disputes).map { Record.ID($0) },
        revises: cells.list(.revises).map { Record.ID($0) })
      try cells.readJSONCells(into: &record)
      try accept(record, newParties: newParties, source: source, row: row)
      return .success(record)
    } catch {
      return .failure(error)
    }
  }

  /// The headline, one line cut to 100 columns (the full text then becomes the summary
  /// when the row has none, with a note), and the summary.
  mutating func headlineAndSummary(_ cells: RowCells) throws(EventTableImport
    .Note) -> (String, String?)
  {
    var headline = Builder.oneLine(cells.cell(columns.headline))
    if headline.isEmpty {
      throw cells.problem(
        "no headline in column \"\(options.headlineColumn)\"")
    }
    var summary = cells.optional(.summary)
    if DisplayWidth.of(headline) > 100 {
      if summary == nil { summary = headline }
      headline = Truncation.truncate(headline, toColumns: 100)
      notes.append(
        .init(
          line: cells.row.line,
          message: "headline cut to 100 columns (the full text is the summary)")
      )
    }
    return (headline, summary)
  }

  /// The id column's slug (`row-LINE` without one), refused when an earlier row took it.
  func recordID(_ cells: RowCells) throws(EventTableImport.Note) -> Record.ID {
    var id = Record.ID("row-\(cells.row.line)")
    if let column = columns.optional[RecordField.id.column] {
      let raw = cells.cell(column)
      if raw.isEmpty {
        throw cells.problem("no id in column \"\(columns.header[column])\"")
      }
      id = Record.ID(Slug.make(raw, fallbackPrefix: "record"))
    }
    if let first = lineOfID[id] {
      throw cells.problem("duplicate id \"\(id)\" (first on line \(first))")
    }
    return id
  }

  /// Checks `record` as the loader would, then keeps its id, new parties and source.
  mutating func accept(
    _ record: Record, newParties: [(Party.ID, String)], source: Source,
    row: CSVReader.Row
  ) throws(EventTableImport.Note) {
    let added = newParties.filter { partyIndex[$0.0] == nil }.map {
      Party(id: $0.0, name: Builder.oneLine($0.1))
    }
    if let problem = LoadBackCheck.problem(
      record: record, parties: added, source: source)
    {
      throw EventTableImport.Note(line: row.line, message: problem)
    }
    lineOfID[record.id] = row.line
    for (pid, name) in newParties { addParty(pid, name: name) }
    sources.append(source)
  }

  /// The `x_fields` cell that `list --format csv` writes (a JSON object of a record's
  /// `x_` fields) as the record's extension members; every key must start with `x_`.
  static func extensions(_ cell: String?) -> Result<String, CellProblem> {
    guard let cell else { return .success("") }
    let bytes = Array(cell.utf8)
    let node = bytes.withUnsafeBytes { try? JSONParser.parse($0) }
    guard let node, case .object(let members) = node.value else {
      return .failure(
        CellProblem(message: "column \"x_fields\" is not a JSON object"))
    }
    if let other = members.first(where: { !$0.key.hasPrefix("x_") }) {
      return .failure(
        CellProblem(
          message: "column \"x_fields\" holds \"\(other.key)\", not an x_ field"
        ))
    }
    return .success(node.extensionMembersText)
  }

  /// A `figures` or `also` cell that `list --format csv` writes (the field's JSON array),
  /// read with the loader's own decoding of that field, so a cell the loader would refuse
  /// names the element and the reason: `column "figures": figures[1].value: expected a number`.
  /// Whether an `also` source exists is the loader's question: the directory an import
  /// writes holds only the rows' own sources.
  static func jsonArray<T>(
    _ cell: String?, column: String,
    _ decode: (ItemReader.Fields, inout ItemReader) -> [T]
  ) -> Result<[T], CellProblem> {
    guard let cell else { return .success([]) }
    let bytes = Array(cell.utf8)
    let node = bytes.withUnsafeBytes { try? JSONParser.parse($0) }
    guard let node, case .array = node.value else {
      return .failure(
        CellProblem(message: "column \"\(column)\" is not a JSON array"))
    }
    var reader = ItemReader()
    reader.scan(node, path: "$." + column)
    let values = decode(
      ItemReader.Fields(path: "$", values: [column: node]), &reader)
    if let first = reader.problems.first(where: { $0.severity == .error }) {
      let path =
        first.path.hasPrefix("$.")
        ? String(first.path.dropFirst(2)) : first.path
      return .failure(
        CellProblem(message: "column \"\(column)\": \(path): \(first.message)"))
    }
    return .success(values)
  }

  struct CellProblem: Error {
    var message: String
  }

  /// Line breaks and tabs as spaces: a headline or a name is one line (SCHEMA.md). Other
  /// control characters stay, exact, for `validate` to warn about.
  static func oneLine(_ s: String) -> String {
    String(
      String.UnicodeScalarView(
        s.unicodeScalars.map {
          $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0
        }))
  }

  /// `hamas:target` is the party `hamas` as a target; a colon before anything that is not
  /// a role is part of the name.
  static func splitRole(_ entry: String) -> (String, Record.Role?) {
    guard let colon = entry.lastIndex(of: ":"),
      let role = Record.Role(
        rawValue: String(entry[entry.index(after: colon)...]))
    else { return (entry, nil) }
    return (entry[..<colon].trimmingCharacters(in: .whitespaces), role)
  }

  mutating func addParty(_ id: Party.ID, name: String) {
    guard partyIndex[id] == nil else { return }
    partyIndex[id] = parties.count
    parties.append(Party(id: id, name: Builder.oneLine(name)))
  }

  /// The row's own source: the names of the columns read, then the row's cells in them
  /// (as CSV); the quote is that second line.
  func makeSource(_ row: CSVReader.Row) -> (Source, Quote) {
    let id = Source.ID("line-\(row.line)")
    let rowText = ItemDecoding.normalizeText(
      Builder.csvLine(columns.used.map { row.fields[$0] }))
    let text = headerText + "\n" + rowText
    let source = Source(
      id: id, outlet: options.fileName,
      title: "\(options.fileName), line \(row.line)", text: text)
    return (
      source, Quote(exact: rowText, start: headerText.unicodeScalars.count + 1)
    )
  }

  /// Cells as one CSV line, quoted only where they must be (no formula guard: this is the
  /// evidence text, shown as it was).
  static func csvLine(_ cells: [String]) -> String {
    cells.map { c in
      c.contains(where: {
        $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n"
      })
        ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
    }.joined(separator: ",")
  }

  /// Links to records that are not in the import are dropped, with a note.
  mutating func dropDanglingLinks(in records: inout [Record]) {
    let ids = Set(records.map(\.id))
    for i in records.indices {
      let line = lineOfID[records[i].id] ?? 0
      for path in [\Record.related, \Record.disputes, \Record.revises] {
        let links = records[i][keyPath: path]
        let kept = links.filter { ids.contains($0) && $0 != records[i].id }
        for gone in links where !kept.contains(gone) {
          notes.append(
            .init(
              line: line,
              message:
                "link to \"\(gone)\" left out: no such record in the file"))
        }
        records[i][keyPath: path] = kept
      }
    }
  }
}
