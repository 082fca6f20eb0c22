import Foundation

/// Turns an event table (one row per dated event, actors in columns: the shape of ACLED
/// and GDELT exports) into parties, sources and records of schema 1.
///
/// Why rows are rejected one by one: a public dataset of thousands of rows always has a
/// few broken ones, and the rest should still import; every rejected row is reported with
/// its line in the file and the reason, so it can be fixed and imported again. Each row
/// becomes its own source (the names and cells of the columns the import reads: not the
/// whole header each time, so 1,000 wide columns do not multiply the output) and the
/// record quotes the row's line of it. A row whose record, party or source the loader
/// would refuse (a 10 MB cell) is rejected here with the loader's reason.
public struct EventTableImport: Sendable {
  /// Which column holds what.
  public struct Options: Sendable {
    public var dateColumn: String
    public var partyColumns: [String]
    public var headlineColumn: String
    public var idColumn: String?
    public var kindColumn: String?
    public var summaryColumn: String?
    public var endDateColumn: String?
    public var tagColumns: [String] = []
    /// The role of the parties in each party column, by position (default participant):
    /// ACLED's actor1 and actor2 are `actor` and `target`.
    public var roles: [Record.Role] = []
    /// Also read the columns that `list --format csv` writes (precision, attribution,
    /// links…), by their names; id, kind, summary, end_date and tags too, unless named.
    public var schemaColumns = false
    /// The outlet of every source: the file's name.
    public var fileName: String

    public init(
      dateColumn: String, partyColumns: [String], headlineColumn: String,
      fileName: String
    ) {
      self.dateColumn = dateColumn
      self.partyColumns = partyColumns
      self.headlineColumn = headlineColumn
      self.fileName = fileName
    }
  }

  /// A row left out, or a row imported with something dropped.
  public struct Note: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
  }

  /// A header that lacks a column the options name: nothing can be imported.
  public struct HeaderError: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  public var parties: [Party] = []
  public var sources: [Source] = []
  public var records: [Record] = []
  /// Rows left out, in file order.
  public var rejected: [Note] = []
  /// Rows imported with a change (a headline cut to 100 columns, a link dropped).
  public var notes: [Note] = []

  /// Imports `rows` (the first is the header).
  public init(rows: [CSVReader.Row], options: Options) throws(HeaderError) {
    guard let header = rows.first else {
      throw HeaderError(description: "the file is empty (no header row)")
    }
    if let problem = header.problem {
      throw HeaderError(
        description: "line \(header.line) (the header): \(problem)")
    }
    var columns = ColumnMap(
      header: header.fields.map {
        CSVWriter.unguard($0).trimmingCharacters(in: .whitespaces)
      })
    try columns.resolve(options)
    var builder = Builder(columns: columns, options: options)
    for row in rows.dropFirst() {
      switch builder.record(from: row) {
      case .success(let r): records.append(r)
      case .failure(let note): rejected.append(note)
      }
    }
    builder.dropDanglingLinks(in: &records)
    // A row rejected after a note was taken (a headline cut, then a bad id) keeps only its rejection.
    let rejectedLines = Set(rejected.map(\.line))
    notes = builder.notes.filter { !rejectedLines.contains($0.line) }.sorted {
      $0.line < $1.line
    }
    parties = builder.parties
    sources = builder.sources.filter { s in
      records.contains { $0.source == s.id }
    }
  }
}

/// Header names to column indexes, with the optional columns the options ask for.
struct ColumnMap {
  let header: [String]
  var date = 0
  var parties: [Int] = []
  var headline = 0
  var optional: [String: Int] = [:]

  init(header: [String]) { self.header = header }

  /// The columns the import reads, in file order: a row's source text holds only these.
  var used: [Int] {
    Array(Set([date, headline] + parties + optional.values)).sorted()
  }

  func index(_ name: String) -> Int? { header.firstIndex(of: name) }

  mutating func resolve(_ o: EventTableImport.Options) throws(EventTableImport
    .HeaderError)
  {
    var missing: [String] = []
    func need(_ name: String) -> Int {
      if let i = index(name) { return i }
      missing.append(name)
      return 0
    }
    date = need(o.dateColumn)
    parties = o.partyColumns.map(need)
    headline = need(o.headlineColumn)
    let named: [(String, String?)] = [
      ("id", o.idColumn), ("kind", o.kindColumn), ("summary", o.summaryColumn),
      ("end_date", o.endDateColumn),
    ]
    for (field, column) in named {
      if let column {
        optional[field] = need(column)
      } else if o.schemaColumns, let i = index(field) {
        optional[field] = i
      }
    }
    for (k, t) in o.tagColumns.enumerated() { optional["tags\(k)"] = need(t) }
    if o.tagColumns.isEmpty, o.schemaColumns, let i = index("tags") {
      optional["tags0"] = i
    }
    if o.schemaColumns {
      for name in RecordColumns.names + RecordColumns.jsonNames + [
        RecordColumns.extensionsName
      ]
      where optional[name] == nil && name != "tags" {
        if let i = index(name) { optional[name] = i }
      }
    }
    if !missing.isEmpty {
      let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
      let known = header.map { "\"\($0)\"" }.joined(separator: ", ")
      throw .init(
        description: "no column \(list) in the header; the columns are \(known)"
      )
    }
  }
}
