import ArgumentParser
import DatelineCore
import Foundation

/// `dateline list`: the records a query selects, in timeline order.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List records in timeline order, filtered like the screen.",
    discussion: """
      Filters combine: parties (any of them, or all with --all-parties; a party includes its \
      descendants), a date range (inclusive; a record matches when its span overlaps; a range \
      that ends before it starts is a usage error), search words (case- and \
      diacritic-insensitive; every word must occur; --filter-out leaves out the records that \
      have all of its words), the attribution basis, the number of sources behind a record, \
      and disputes.

      --disputed lists each contested pair once (who disputes whom, both sides' basis).

      --histogram prints the density strip of the result instead of the records.

      --marked keeps the records bookmarked in the browser (m) for this data directory.

      Examples:
        dateline list --party hamas
        dateline list --party israel --party qatar --all-parties
        dateline list --since 2023-12 --until 2023-12-12 --search "hostages alive"
        dateline list --search hostages --filter-out "qatar"
        dateline list --basis anonymous
        dateline list --disputed
        dateline list --min-sources 2
        dateline list --party hamas --histogram
        dateline list --format jsonl > subset.jsonl
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, csv, md, timelinejs, ics

    /// The export table this format is (csv, md), written by `ExportText` as `e` writes it.
    var table: ExportFormat? { ExportFormat(rawValue: rawValue) }
  }

  @OptionGroup var options: DataOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Only records involving this party id (repeatable).", valueName: "id"),
    completion: .custom(IDCompletion.parties))
  var party: [String] = []

  @Flag(
    name: .long, help: "Require every --party to be involved (default: any).")
  var allParties = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "From this date on: YYYY, YYYY-MM or YYYY-MM-DD.", valueName: "date"))
  var since: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Up to this date (inclusive: 2023-12 means to the 31st).",
      valueName: "date"))
  var until: String?

  @Option(
    name: [.long, .customLong("filter-in")],
    help: ArgumentHelp(
      "Words that must all occur (--filter-in is the same, as the browser's :filter-in).",
      valueName: "text"))
  var search: String?

  @Option(
    name: .customLong("filter-out"),
    help: ArgumentHelp(
      "Leave out the records that have all these words (repeatable).",
      valueName: "text"))
  var filterOut: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Only records with this attribution basis: named, official, anonymous, unattributed (repeatable).",
      valueName: "basis"))
  var basis: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Only records backed by at least N distinct sources.", valueName: "n"))
  var minSources: Int?

  @Flag(
    name: .long,
    help: "Only records in a dispute; text output lists the contested pairs.")
  var disputed = false

  @Flag(
    name: .long,
    help: "Only records bookmarked in the browser (m) for this data directory.")
  var marked = false

  @OptionGroup var annotationFilters: AnnotationFilterOptions

  @Flag(
    name: .long,
    help:
      "Print the density strip (records per day, week, month…) instead of the records."
  )
  var histogram = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Columns for --histogram (default: the terminal's, else 80).",
      valueName: "n"))
  var width: Int?

  @Option(
    name: .long,
    help:
      "Output format: text (aligned columns), json (an envelope), jsonl, csv (every record field; `dateline import csv --schema-columns` reads it back), md (a Markdown table), timelinejs (TimelineJS3 JSON) or ics (iCalendar, all-day events)."
  )
  var format: Format = .text

  func validate() throws {
    for (name, value) in [("--since", since), ("--until", until)] {
      if let v = value, RecordDate.parse(v) == nil {
        throw ValidationError(
          "\(name) expects YYYY, YYYY-MM or YYYY-MM-DD, got \"\(v)\"")
      }
    }
    if let s = since.flatMap(RecordDate.parse),
      let u = until.flatMap(RecordDate.parse),
      DateRange(since: s, until: u).isInverted
    {
      throw ValidationError(
        "--until \(u) is before --since \(s): the range ends before it starts")
    }
    for b in basis where Attribution.Basis(rawValue: b) == nil {
      let known = Attribution.Basis.allCases.map(\.rawValue).joined(
        separator: ", ")
      throw ValidationError("--basis expects one of \(known), got \"\(b)\"")
    }
    if histogram && !HistogramText.formats.contains(format) {
      let names = HistogramText.formats.map(\.rawValue).joined(separator: ", ")
      throw ValidationError(
        "--histogram prints \(names), not --format \(format.rawValue)")
    }
    if let n = minSources, n < 1 {
      throw ValidationError(
        "--min-sources expects a number of 1 or more, got \(n)")
    }
    if let w = width, w < 1 || w > 2000 {
      throw ValidationError("--width expects 1 to 2000 columns, got \(w)")
    }
  }

  func run() throws {
    let result = try options.load()
    let corpus = result.corpus
    let unknown = party.filter { corpus.partyIndex[Party.ID($0)] == nil }
    if !unknown.isEmpty {
      Output.error(
        "unknown party id \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")); known ids: \(corpus.parties.map(\.id.rawValue).joined(separator: ", "))"
      )
      throw ExitCode(2)
    }
    if !result.errors.isEmpty {
      Output.error(
        "\(result.errors.count) error(s) in the data, \(result.leftOut) item(s) left out; run `dateline validate` for details"
      )
    }
    let facets = FacetFilter(
      basis: Set(basis.compactMap(Attribution.Basis.init(rawValue:))),
      minSources: minSources ?? 0,
      disputedOnly: disputed)
    let flagQuery = TimelineQuery(
      parties: PartyFilter(
        party.map { Party.ID($0) }, mode: allParties ? .all : .any),
      since: since.flatMap(RecordDate.parse),
      until: until.flatMap(RecordDate.parse), search: search ?? "",
      facets: facets, excluded: filterOut)
    // --view NAME: the saved view's filters instead of the flags (AnnotationFilterOptions).
    let view = try annotationFilters.savedView(options: options)
    let query = view?.query ?? flagQuery
    // The dispute links and the facet columns, built once when a facet needs them.
    let links = query.facets.disputedOnly ? LinkIndex(corpus: corpus) : nil
    let columns = query.facets.needsColumns ? FacetColumns(corpus: corpus) : nil
    // TimelineQuery.run in two steps: a search over many records builds the search
    // signatures first (once, then kept beside the re-open cache), which costs less than
    // reading every line for a word few records have (see SearchSignatures).
    var rows = query.candidates(on: corpus, links: links, columns: columns)
    if !TextSearch.words(query.search).isEmpty
      && rows.count >= TextMatcher.signatureThreshold
    {
      result.prepareSearch()
    }
    let candidates = rows
    rows = query.searched(rows, in: corpus)
    let annotations = annotationFilters.annotations(
      options: options, verbose: !annotationFilters.filter.isEmpty)
    rows = annotationFilters.narrowed(
      rows, candidates: candidates, search: query.search, corpus: corpus,
      annotations: annotations, view: view)
    rows = query.excluding(rows, in: corpus)
    if marked {
      let store = MarkStore(dataDirectory: options.directory)
      let (marks, problem) = store.load()
      if let problem { Output.error(problem) }
      rows = rows.filter { marks.contains(corpus.records[$0].id) }
    }
    if histogram {
      let columns = width ?? Output.terminalColumns ?? 80
      let strip = DensityStrip(corpus: corpus, shown: rows, columns: columns)
      let text = HistogramText(
        strip: strip, filtered: rows.count != corpus.records.count,
        columns: columns)
      Output.raw(text.render(format) ?? "")
      return
    }
    if disputed && format == .text {
      for line in DisputeTable(
        corpus: corpus, links: links ?? LinkIndex(corpus: corpus), rows: rows,
        width: Output.terminalColumns
      ).lines {
        Output.line(line)
      }
      return
    }
    switch format {
    case .jsonl:
      // Lines of `.jsonl` files as they are, the rest re-encoded (Corpus.writeJSONLines).
      AnnotatedOutput.writeJSONLines(
        rows, corpus: corpus, annotations: annotations
      ) { Output.bytes($0) }
    case .json:
      // The same complete lines as jsonl (every field, x_ ones included), as an envelope.
      let document = AnnotatedOutput.envelope(
        rows, corpus: corpus, annotations: annotations)
      try Self.stopIfDataChanged(corpus, directory: options.directory)
      document.withUnsafeBytes { Output.bytes($0) }
    case .text:
      let table = RecordTable(
        corpus: corpus, rows: rows, width: Output.terminalColumns)
      try Self.stopIfDataChanged(corpus, directory: options.directory)
      for line in table.lines { Output.line(line) }
    case .timelinejs:
      Output.raw(
        TimelineJSExport.render(
          rows: rows, of: corpus,
          title: (options.directory as NSString).lastPathComponent))
    case .ics:
      Output.raw(ICalendarExport.render(rows: rows, of: corpus))
    case .csv, .md:
      guard let table = format.table else { return }
      let text = ExportText.render(
        table, rows: rows, of: corpus, annotations: annotations)
      try Self.stopIfDataChanged(corpus, directory: options.directory)
      Output.raw(text)
    }
    try Self.stopIfDataChanged(corpus, directory: options.directory)
  }

  /// A record whose file changed in place after a re-open could not be read (a stand-in
  /// took its place): nothing more is printed, and the command fails (run it again).
  static func stopIfDataChanged(_ corpus: Corpus, directory: String) throws {
    guard let problem = corpus.readProblem else { return }
    if case .cacheMismatch = problem {
      // The cache is written again from the files, so the next run can trust it.
      _ = try? CorpusLoader.open(
        directory: directory, settings: LoadEnvironment.settings(),
        readCache: false)
      Output.error(
        problem.message
          + "; it was written again from the files: run the command again")
    } else {
      Output.error(problem.message + "; run the command again")
    }
    throw ExitCode(1)
  }
}
