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
  mutating func record(from row: CSVReader.Row) -> Result<
    Record, EventTableImport.Note
  > {
    func reject(_ m: String) -> Result<Record, EventTableImport.Note> {
      .failure(.init(line: row.line, message: m))
    }
    if let p = row.problem { return reject(p) }
    guard row.fields.count == columns.header.count else {
      return reject(
        "\(row.fields.count) fields, but the header has \(columns.header.count)"
      )
    }
    // Every cell read lands in a string the loader limits to 1 MiB: refuse early, before
    // the work of widths and escaping on megabytes (LoadBackCheck would find it too).
    for i in columns.used
    where row.fields[i].utf8.count > ItemReader.maxStringBytes {
      return reject(
        "column \"\(columns.header[i])\" holds \(row.fields[i].utf8.count) bytes, over the loader's 1 MiB limit for a string"
      )
    }
    func cell(_ i: Int) -> String {
      CSVWriter.unguard(row.fields[i]).trimmingCharacters(
        in: .whitespacesAndNewlines)
    }
    func optional(_ key: String) -> String? {
      guard let i = columns.optional[key] else { return nil }
      let v = cell(i)
      return v.isEmpty ? nil : v
    }
    func list(_ key: String) -> [String] {
      (optional(key) ?? "").split(separator: ";").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
    }

    // MARK: - Date
    let dateText = cell(columns.date)
    if dateText.isEmpty {
      return reject("no date in column \"\(options.dateColumn)\"")
    }
    guard var date = EventDate.parse(dateText) else {
      return reject("date \"\(dateText)\" is not one of \(EventDate.forms)")
    }
    if optional("precision") == "week" {
      guard date.precision == .day else {
        return reject(
          "precision \"week\" needs a day date, got \"\(dateText)\"")
      }
      date = RecordDate(firstDay: date.firstDay, precision: .week)
    }
    var endDate: RecordDate?
    if let e = optional("end_date") {
      guard let d = EventDate.parse(e) else {
        return reject("end date \"\(e)\" is not one of \(EventDate.forms)")
      }
      guard d.firstDay >= date.firstDay else {
        return reject("end date \(e) is before the date \(dateText)")
      }
      endDate = d
    }
    var time: TimeOfDay?
    if let t = optional("time") {
      guard let v = TimeOfDay(t), date.precision == .day else {
        return reject("time \"\(t)\" is not HH:MM on a day date")
      }
      time = v
    }
    let offset = optional("utc_offset")
    if let o = offset, time == nil || !TimeOfDay.isValidOffset(o) {
      return reject("utc_offset \"\(o)\" is not ±HH:MM beside a time")
    }

    // MARK: - Parties
    var refs: [Record.PartyRef] = []
    // Parties are added only when the row is accepted: a rejected row leaves no trace.
    var newParties: [(Party.ID, String)] = []
    let names = list("party_names")
    for (k, column) in columns.parties.enumerated() {
      let role = k < options.roles.count ? options.roles[k] : .participant
      for entry in cell(column).split(separator: ";") {
        let (name, explicitRole) = Builder.splitRole(
          entry.trimmingCharacters(in: .whitespaces))
        if name.isEmpty { continue }
        let id = Party.ID(Slug.make(name))
        let display = refs.count < names.count ? names[refs.count] : name
        newParties.append((id, display))
        if !refs.contains(where: { $0.id == id }) {
          refs.append(.init(id: id, role: explicitRole ?? role))
        }
      }
    }
    if refs.isEmpty {
      let cols = options.partyColumns.map { "\"\($0)\"" }.joined(
        separator: ", ")
      return reject(
        "no party in column\(options.partyColumns.count == 1 ? "" : "s") \(cols)"
      )
    }

    // MARK: - Headline, id, kind
    var headline = Builder.oneLine(cell(columns.headline))
    if headline.isEmpty {
      return reject("no headline in column \"\(options.headlineColumn)\"")
    }
    var summary = optional("summary")
    if DisplayWidth.of(headline) > 100 {
      if summary == nil { summary = headline }
      headline = Truncation.truncate(headline, toColumns: 100)
      notes.append(
        .init(
          line: row.line,
          message: "headline cut to 100 columns (the full text is the summary)")
      )
    }
    var id = Record.ID("row-\(row.line)")
    if let column = columns.optional["id"] {
      let raw = cell(column)
      if raw.isEmpty {
        return reject("no id in column \"\(columns.header[column])\"")
      }
      id = Record.ID(Slug.make(raw, fallbackPrefix: "record"))
    }
    if let first = lineOfID[id] {
      return reject("duplicate id \"\(id)\" (first on line \(first))")
    }
    var kind = Record.Kind.event
    if let k = optional("kind") {
      guard let v = Record.Kind(rawValue: k.lowercased()) else {
        let known = Record.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        return reject("kind \"\(k)\" is not one of \(known)")
      }
      kind = v
    }

    // MARK: - Attribution
    var attribution: Attribution?
    let claimants = list("claimants").map { Party.ID(Slug.make($0)) }
    if optional("attribution") != nil || optional("basis") != nil
      || !claimants.isEmpty
    {
      guard let b = optional("basis"),
        let basis = Attribution.Basis(rawValue: b)
      else {
        let known = Attribution.Basis.allCases.map(\.rawValue).joined(
          separator: ", ")
        return reject("an attribution needs a basis: one of \(known)")
      }
      for c in claimants { newParties.append((c, c.rawValue)) }
      attribution = Attribution(
        claimants: claimants, claimantIsList: claimants.count > 1,
        text: optional("attribution") ?? "", basis: basis)
    }

    var tags: [String] = []
    for k in options.tagColumns.indices.isEmpty
      ? [0] : Array(options.tagColumns.indices)
    {
      for t in list("tags\(k)") where !tags.contains(t) { tags.append(t) }
    }
    let (source, quote) = makeSource(row)
    var record = Record(
      id: id, date: date, endDate: endDate, time: time, utcOffset: offset,
      dateApprox: optional("date_approx") == "true",
      dateInferred: optional("date_inferred") == "true",
      dateNote: optional("date_note"), kind: kind, parties: refs,
      headline: headline, summary: summary,
      attribution: attribution, source: source.id, quote: quote, tags: tags,
      related: list("related").map { Record.ID($0) },
      disputes: list("disputes").map { Record.ID($0) },
      revises: list("revises").map { Record.ID($0) })
    switch Builder.extensions(optional("x_fields")) {
    case .success(let members): record.extensions = members
    case .failure(let problem): return reject(problem.message)
    }
    switch Builder.jsonArray(
      optional("figures"), column: "figures", ItemDecoding.figuresValue)
    {
    case .success(let figures): record.figures = figures
    case .failure(let problem): return reject(problem.message)
    }
    switch Builder.jsonArray(
      optional("also"), column: "also", ItemDecoding.alsoValue)
    {
    case .success(let also): record.also = also
    case .failure(let problem): return reject(problem.message)
    }
    let added = newParties.filter { partyIndex[$0.0] == nil }.map {
      Party(id: $0.0, name: Builder.oneLine($0.1))
    }
    if let problem = LoadBackCheck.problem(
      record: record, parties: added, source: source)
    {
      return reject(problem)
    }
    lineOfID[id] = row.line
    for (pid, name) in newParties { addParty(pid, name: name) }
    sources.append(source)
    return .success(record)
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
