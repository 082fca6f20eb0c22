import ArgumentParser
import DatelineCore

/// `dateline list`: the records a query selects, in timeline order.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List records in timeline order, filtered like the screen.",
    discussion: """
      Filters combine: parties (any of them, or all with --all-parties; a party includes its
      descendants), a date range (inclusive; a record matches when its span overlaps), and
      search words (case- and diacritic-insensitive; every word must occur).

      Examples:
        dateline list --party hamas
        dateline list --party israel --party qatar --all-parties
        dateline list --since 2023-12 --until 2023-12-12 --search "hostages alive"
        dateline list --format jsonl > subset.jsonl
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }

  @OptionGroup var options: DataOptions

  @Option(name: .long, help: ArgumentHelp("Only records involving this party id (repeatable).", valueName: "id"))
  var party: [String] = []

  @Flag(name: .long, help: "Require every --party to be involved (default: any).")
  var allParties = false

  @Option(name: .long, help: ArgumentHelp("From this date on: YYYY, YYYY-MM or YYYY-MM-DD.", valueName: "date"))
  var since: String?

  @Option(name: .long, help: ArgumentHelp("Up to this date (inclusive: 2023-12 means to the 31st).", valueName: "date"))
  var until: String?

  @Option(name: .long, help: ArgumentHelp("Words that must all occur.", valueName: "text"))
  var search: String?

  @Option(name: .long, help: "Output format: text (aligned columns), json (an envelope) or jsonl.")
  var format: Format = .text

  func validate() throws {
    for (name, value) in [("--since", since), ("--until", until)] {
      if let v = value, RecordDate.parse(v) == nil {
        throw ValidationError("\(name) expects YYYY, YYYY-MM or YYYY-MM-DD, got \"\(v)\"")
      }
    }
  }

  func run() throws {
    let result = try options.load()
    let corpus = result.corpus
    let unknown = party.filter { corpus.partyIndex[Party.ID($0)] == nil }
    if !unknown.isEmpty {
      Output.error("unknown party id \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")); known ids: \(corpus.parties.map(\.id.rawValue).joined(separator: ", "))")
      throw ExitCode(2)
    }
    if !result.errors.isEmpty {
      Output.error("\(result.errors.count) error(s) in the data, \(result.leftOut) item(s) left out; run `dateline validate` for details")
    }
    let query = TimelineQuery(
      parties: PartyFilter(party.map { Party.ID($0) }, mode: allParties ? .all : .any),
      since: since.flatMap(RecordDate.parse), until: until.flatMap(RecordDate.parse), search: search ?? "")
    let rows = query.run(on: corpus)
    switch format {
    case .jsonl:
      var out = ""
      for i in rows { out += corpus.records[i].jsonObject + "\n" }
      Output.raw(out)
    case .json:
      let items = rows.map { "  " + corpus.records[$0].jsonObject }.joined(separator: ",\n")
      Output.raw("{\"schema\": 1, \"type\": \"records\", \"items\": [\n" + items + (rows.isEmpty ? "" : "\n") + "]}\n")
    case .text:
      let table = RecordTable(corpus: corpus, rows: rows, width: Output.terminalColumns)
      for line in table.lines { Output.line(line) }
    }
  }
}
