import ArgumentParser
import DatelineConfig
import DatelineCore
import Foundation

/// `dateline report`: a chronology to send, in Markdown or one self-contained HTML file.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract:
      "Write a chronology of the records (Markdown or self-contained HTML).",
    discussion: """
      For each record in timeline order: its date with its precision, the headline, who says
      so and on what basis, the quote with its source and link, your tags and note, the
      figures as a table and disputes side by side. HTML is one file with no scripts and no
      external assets. Without --out the report goes to stdout.

      Examples:
        dateline report --view hamas-dec --format html --out hamas.html
        dateline report --party hamas --since 2023-12 --starred
      """)

  @OptionGroup var options: DataOptions
  @OptionGroup var annotationFilters: AnnotationFilterOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Only records involving this party id (repeatable).", valueName: "id"))
  var party: [String] = []
  @Option(
    name: .long, help: ArgumentHelp("From this date on.", valueName: "date"))
  var since: String?
  @Option(
    name: .long,
    help: ArgumentHelp("Up to this date (inclusive).", valueName: "date"))
  var until: String?
  @Option(
    name: .long,
    help: ArgumentHelp("Words that must all occur.", valueName: "text"))
  var search: String?
  @Option(name: .long, help: "md (Markdown) or html (one self-contained file).")
  var format: ChronologyReport.Format =
    .markdown
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write to this file (atomically) instead of stdout.", valueName: "file"))
  var out: String?

  func validate() throws {
    for (name, value) in [("--since", since), ("--until", until)] {
      if let v = value, RecordDate.parse(v) == nil {
        throw ValidationError(
          "\(name) expects YYYY, YYYY-MM or YYYY-MM-DD, got \"\(v)\"")
      }
    }
  }

  func run() throws {
    let corpus = try options.load().corpus
    let view = try annotationFilters.savedView(options: options)
    let query =
      view?.query
      ?? TimelineQuery(
        parties: PartyFilter(party.map { Party.ID($0) }),
        since: since.flatMap(RecordDate.parse),
        until: until.flatMap(RecordDate.parse), search: search ?? "")
    let links = LinkIndex(corpus: corpus)
    let candidates = query.candidates(on: corpus, links: links)
    let annotations = annotationFilters.annotations(
      options: options, verbose: false)
    let rows = query.excluding(
      annotationFilters.narrowed(
        query.searched(candidates, in: corpus), candidates: candidates,
        search: query.search, corpus: corpus,
        annotations: annotations, view: view), in: corpus)
    let title =
      view.map { "Chronology: " + $0.name } ?? "Chronology: "
      + (options.directory as NSString).lastPathComponent
    let text = ChronologyReport(
      rows: rows, corpus: corpus, annotations: annotations, links: links,
      title: title
    )
    .render(format)
    guard let out else { return Output.raw(text) }
    do {
      try AtomicFile.write(text, to: out)
    } catch {
      Output.error(error.description)
      throw ExitCode(1)
    }
  }
}

/// `--format md|html`, spelled as the report names them.
extension ChronologyReport.Format: ExpressibleByArgument {}
