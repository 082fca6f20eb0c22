import Foundation

/// One CSV row's cells as the import reads them: trimmed, formula guards taken off, and
/// each record field's column found by its name in `RecordField`.
struct RowCells {
  let row: CSVReader.Row
  let columns: ColumnMap

  /// The dates of a row, each checked against the others.
  struct Dates {
    var date: RecordDate
    var endDate: RecordDate?
    var time: TimeOfDay?
    var utcOffset: String?
  }

  /// Guarantees: the row is well formed, has the header's number of fields, and no cell
  /// the import reads is over the loader's 1 MiB limit for a string.
  init(row: CSVReader.Row, columns: ColumnMap) throws(EventTableImport.Note) {
    self.row = row
    self.columns = columns
    if let p = row.problem { throw problem(p) }
    guard row.fields.count == columns.header.count else {
      throw problem(
        "\(row.fields.count) fields, but the header has \(columns.header.count)"
      )
    }
    // Every cell read lands in a string the loader limits to 1 MiB: refuse early, before
    // the work of widths and escaping on megabytes (LoadBackCheck would find it too).
    for i in columns.used
    where row.fields[i].utf8.count > ItemReader.maxStringBytes {
      throw problem(
        "column \"\(columns.header[i])\" holds \(row.fields[i].utf8.count) bytes, over the loader's 1 MiB limit for a string"
      )
    }
  }

  /// The row left out for `message`.
  func problem(_ message: String) -> EventTableImport.Note {
    .init(line: row.line, message: message)
  }

  func cell(_ i: Int) -> String {
    CSVWriter.unguard(row.fields[i]).trimmingCharacters(
      in: .whitespacesAndNewlines)
  }

  /// The cell of an optional column, nil when the table has none or it is empty.
  func optional(_ key: String) -> String? {
    guard let i = columns.optional[key] else { return nil }
    let v = cell(i)
    return v.isEmpty ? nil : v
  }

  func optional(_ field: RecordField) -> String? { optional(field.column) }

  /// A list cell's entries (`a; b`), blanks dropped.
  func list(_ key: String) -> [String] {
    (optional(key) ?? "").split(separator: ";").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
  }

  func list(_ field: RecordField) -> [String] { list(field.column) }

  /// The date, made a week by the precision column, the end date, time and offset.
  ///
  /// Guarantees: what the loader requires of them (a week on a day date, an end not
  /// before the start, a time on a day date, an offset only beside a time).
  func dates(_ options: EventTableImport.Options) throws(EventTableImport.Note)
    -> Dates
  {
    let dateText = cell(columns.date)
    if dateText.isEmpty {
      throw problem("no date in column \"\(options.dateColumn)\"")
    }
    guard var date = EventDate.parse(dateText) else {
      throw problem("date \"\(dateText)\" is not one of \(EventDate.forms)")
    }
    if optional(.datePrecision) == "week" {
      guard date.precision == .day else {
        throw problem(
          "precision \"week\" needs a day date, got \"\(dateText)\"")
      }
      date = RecordDate(firstDay: date.firstDay, precision: .week)
    }
    var dates = Dates(date: date)
    if let e = optional(.endDate) {
      guard let d = EventDate.parse(e) else {
        throw problem("end date \"\(e)\" is not one of \(EventDate.forms)")
      }
      guard d.firstDay >= date.firstDay else {
        throw problem("end date \(e) is before the date \(dateText)")
      }
      dates.endDate = d
    }
    if let t = optional(.time) {
      guard let v = TimeOfDay(t), date.precision == .day else {
        throw problem("time \"\(t)\" is not HH:MM on a day date")
      }
      dates.time = v
    }
    dates.utcOffset = optional(.utcOffset)
    if let o = dates.utcOffset, dates.time == nil || !TimeOfDay.isValidOffset(o)
    {
      throw problem("utc_offset \"\(o)\" is not ±HH:MM beside a time")
    }
    return dates
  }

  /// The parties of the party columns (each with its column's role unless the entry
  /// names one) and every name met, the `party_names` column's first; at least one.
  func partyRefs(_ options: EventTableImport.Options) throws(EventTableImport
    .Note) -> ([Record.PartyRef], [(Party.ID, String)])
  {
    var refs: [Record.PartyRef] = []
    var newParties: [(Party.ID, String)] = []
    let names = list(RecordField.parties.row.csv[1])
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
      throw problem(
        "no party in column\(options.partyColumns.count == 1 ? "" : "s") \(cols)"
      )
    }
    return (refs, newParties)
  }

  /// The kind column's kind (lowercased), `event` without one.
  func kind() throws(EventTableImport.Note) -> Record.Kind {
    guard let k = optional(.kind) else { return .event }
    guard let v = Record.Kind(rawValue: k.lowercased()) else {
      let known = Record.Kind.allCases.map(\.rawValue).joined(separator: ", ")
      throw problem("kind \"\(k)\" is not one of \(known)")
    }
    return v
  }

  /// The attribution's text, basis and claimants (`attribution`, `basis`,
  /// `claimants`), nil when all three are empty; a basis is required otherwise.
  func attribution() throws(EventTableImport.Note) -> Attribution? {
    let names = RecordField.attribution.row.csv
    let claimants = list(names[2]).map { Party.ID(Slug.make($0)) }
    guard
      optional(names[0]) != nil || optional(names[1]) != nil
        || !claimants.isEmpty
    else { return nil }
    guard let b = optional(names[1]), let basis = Attribution.Basis(rawValue: b)
    else {
      let known = Attribution.Basis.allCases.map(\.rawValue).joined(
        separator: ", ")
      throw problem("an attribution needs a basis: one of \(known)")
    }
    return Attribution(
      claimants: claimants, claimantIsList: claimants.count > 1,
      text: optional(names[0]) ?? "", basis: basis)
  }

  /// The tags of every tag column (or the `tags` column), each once.
  func tags(_ options: EventTableImport.Options) -> [String] {
    var tags: [String] = []
    for k in options.tagColumns.indices.isEmpty
      ? [0] : Array(options.tagColumns.indices)
    {
      for t in list("tags\(k)") where !tags.contains(t) { tags.append(t) }
    }
    return tags
  }

  /// The `x_fields`, `figures` and `also` cells, read with the loader's own decoding.
  func readJSONCells(into record: inout Record) throws(EventTableImport.Note) {
    switch Builder.extensions(optional(RecordColumns.extensionsName)) {
    case .success(let members): record.extensions = members
    case .failure(let p): throw problem(p.message)
    }
    let figures = RecordField.figures.column
    switch Builder.jsonArray(
      optional(figures), column: figures, ItemDecoding.figuresValue)
    {
    case .success(let values): record.figures = values
    case .failure(let p): throw problem(p.message)
    }
    let also = RecordField.also.column
    switch Builder.jsonArray(
      optional(also), column: also, ItemDecoding.alsoValue)
    {
    case .success(let values): record.also = values
    case .failure(let p): throw problem(p.message)
    }
  }
}
