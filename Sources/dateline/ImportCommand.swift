import ArgumentParser
import DatelineCore
import Foundation

/// `dateline import`: other formats into a data directory (a group, so more can follow).
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Turn other formats into a schema-1 data directory.",
    subcommands: [ImportCSVCommand.self])
}

/// `dateline import csv FILE`: an event table into parties, sources and records.
///
/// The mapping and every rule live in `EventTableImport` (DatelineCore); this command
/// reads the file, writes the directory, reports each rejected row by its line and checks
/// the result with the loader, so what it writes is known to load.
struct ImportCSVCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "csv",
    abstract:
      "Import a CSV event table (one dated event per row, actors in columns).",
    discussion: """
      Each row becomes a record, its own source (the names and cells of the columns read)
      and a quote of the row. Rows the loader would refuse (a cell over 1 MiB, invalid
      UTF-8) are rejected. The files are written to temporaries and renamed into place only
      when all three are complete; --force replaces only those three files, nothing else. Party cells may hold several parties separated by ";"; an entry
      "name:role" sets the role. Party ids are made from the names (lower case, accents
      folded, "-" between words). Rows that cannot be imported are reported on stderr as
      FILE:LINE: reason; the rest are written.
      Exit status: 0 when every row was imported, 1 when some were rejected, 2 when nothing
      could be done (unreadable file, missing columns, output in the way).

      Examples:
        dateline import csv acled.csv --date-column event_date \\
            --party-columns actor1,actor2 --roles actor,target \\
            --headline-column notes --id-column event_id_cnty --tag-columns event_type --out acled/
        dateline import csv gdelt.tsv --delimiter tab --date-column SQLDATE \\
            --party-columns Actor1Name,Actor2Name --headline-column SOURCEURL
        dateline list --format csv > all.csv
        dateline import csv all.csv --date-column date --party-columns parties \\
            --headline-column headline --schema-columns --out copy/
      """)

  @Argument(
    help: ArgumentHelp("The CSV file.", valueName: "file"),
    completion: .file(extensions: ["csv", "tsv", "txt"]))
  var file: String

  @Option(
    name: .long,
    help: ArgumentHelp("The column with the event's date.", valueName: "name"))
  var dateColumn: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Columns naming the parties, comma-separated.", valueName: "names"))
  var partyColumns: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The column with a one-line description.", valueName: "name"))
  var headlineColumn: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The column with record ids (default: row-LINE).", valueName: "name"))
  var idColumn: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The column with the record kind (default: event).", valueName: "name"))
  var kindColumn: String?

  @Option(
    name: .long,
    help: ArgumentHelp("The column with a longer summary.", valueName: "name"))
  var summaryColumn: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The column with the date a span ends.", valueName: "name"))
  var endDateColumn: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Columns whose values become tags, comma-separated.", valueName: "names"))
  var tagColumns: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The role of each party column, comma-separated: actor, target, mediator, participant (default), subject.",
      valueName: "roles"))
  var roles: String?

  @Flag(
    name: .long,
    help:
      "Also read the columns `dateline list --format csv` writes, by their names."
  )
  var schemaColumns = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The field separator: a character, or `tab`.", valueName: "char"))
  var delimiter: String = ","

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The directory to write (default: FILE without its extension).",
      valueName: "dir"),
    completion: .directory)
  var out: String?

  @Flag(
    name: .long,
    help:
      "Write into an output directory that already holds data files, replacing the three the import writes."
  )
  var force = false

  func validate() throws {
    if delimiterByte == nil {
      throw ValidationError(
        "--delimiter expects one ASCII character or `tab`, got \"\(delimiter)\""
      )
    }
    for r in split(roles) where Record.Role(rawValue: r) == nil {
      let known = Record.Role.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("--roles expects \(known), got \"\(r)\"")
    }
    if split(partyColumns).isEmpty {
      throw ValidationError("--party-columns names no column")
    }
  }

  var delimiterByte: UInt8? {
    if delimiter == "tab" || delimiter == "\\t" || delimiter == "\t" {
      return 0x09
    }
    let u = Array(delimiter.utf8)
    return u.count == 1 && u[0] < 0x80 && u[0] != 0x22 && u[0] != 0x0A
      && u[0] != 0x0D ? u[0] : nil
  }

  func split(_ list: String?) -> [String] {
    (list ?? "").split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
  }

  func run() throws {
    let name = (file as NSString).lastPathComponent
    guard let data = FileManager.default.contents(atPath: file) else {
      Output.error("\(file): cannot read the file")
      throw ExitCode(2)
    }
    var options = EventTableImport.Options(
      dateColumn: dateColumn, partyColumns: split(partyColumns),
      headlineColumn: headlineColumn, fileName: name)
    options.idColumn = idColumn
    options.kindColumn = kindColumn
    options.summaryColumn = summaryColumn
    options.endDateColumn = endDateColumn
    options.tagColumns = split(tagColumns)
    options.roles = split(roles).compactMap(Record.Role.init(rawValue:))
    options.schemaColumns = schemaColumns
    let stem = (file as NSString).deletingPathExtension
    let directory = out ?? (stem == file ? file + "-data" : stem)
    try checkOutput(directory)
    let rows = CSVReader.rows(
      bytes: Array(data), delimiter: delimiterByte ?? 0x2C)
    let result: EventTableImport
    do {
      result = try EventTableImport(rows: rows, options: options)
    } catch {
      Output.error("\(file): \(error.description)")
      throw ExitCode(2)
    }
    for note in result.rejected { report(name, note, "rejected") }
    for note in result.notes { report(name, note, "note") }
    let rowCount = max(0, rows.count - 1)
    guard !result.records.isEmpty else {
      Output.error(
        "\(file): no row could be imported (\(rowCount) rows, \(result.rejected.count) rejected); nothing written"
      )
      throw ExitCode(1)
    }
    try write(result, to: directory)
    let check = try loadBack(directory)
    Output.line(
      Sanitizer.clean(
        "\(directory): \(result.records.count) records, \(result.parties.count) parties from \(rowCount) rows"
          + " of \(name); \(result.rejected.count) rejected; \(check)"))
    if !result.rejected.isEmpty { throw ExitCode(1) }
  }

  /// `events.csv:7: rejected: date "2023-13-01" is not …`, on stderr.
  func report(_ name: String, _ note: EventTableImport.Note, _ what: String) {
    Output.note(
      Sanitizer.clean("\(name):\(note.line): \(what): \(note.message)") + "\n")
  }

  /// Data files already in `directory` (they would mix with the import).
  func existingDataFiles(_ directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
      .filter {
        $0.hasSuffix(".json") || $0.hasSuffix(".jsonl")
      }.sorted()
  }

  /// Refuses, before any work, to write over data files unless `--force`.
  func checkOutput(_ directory: String) throws {
    let existing = existingDataFiles(directory)
    if !existing.isEmpty && !force {
      Output.error(
        "\(directory) already holds data files (\(existing.joined(separator: ", "))); use --force to replace them or choose another --out"
      )
      throw ExitCode(2)
    }
  }

  /// Writes the three files: each to a temporary beside it first, and only when all
  /// three are complete and synced, each renamed over its old copy.
  ///
  /// Nothing else is touched: no other file is deleted, no directory entered; a failure
  /// (a full disk) leaves every old file as it was. Other data files already there stay,
  /// and the summary's validate line shows how they mix with the import.
  func write(_ result: EventTableImport, to directory: String) throws {
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    } catch {
      Output.error("\(directory): cannot create the directory")
      throw ExitCode(2)
    }
    let others = existingDataFiles(directory).filter { name in
      !result.files.contains { $0.name == name }
    }
    var ready: [AtomicFile] = []
    do {
      for (name, contents) in result.files {
        let file = try AtomicFile(
          directory + "/" + name, existing: force ? .replace : .keep)
        try file.append(Array(contents.utf8))
        try file.finish()
        ready.append(file)
      }
    } catch {
      Output.error(error.description + "; nothing was replaced")
      throw ExitCode(2)
    }
    // Only renames are left: they need no space.
    for file in ready {
      do { try file.commit() } catch {
        Output.error(error.description)
        throw ExitCode(2)
      }
    }
    if !others.isEmpty {
      Output.error(
        "note: \(directory) also holds \(others.joined(separator: ", ")), left as they were"
      )
    }
  }

  /// Loads what was written: the summary says whether it is clean.
  func loadBack(_ directory: String) throws -> String {
    let loaded: CorpusLoader.Result
    do {
      loaded = try CorpusLoader.load(directory: directory)
    } catch {
      Output.error(error.description)
      throw ExitCode(2)
    }
    for issue in loaded.issues { Output.issue(issue) }
    let e = loaded.errors.count
    let w = loaded.warnings.count
    return
      "validate: \(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
  }
}
