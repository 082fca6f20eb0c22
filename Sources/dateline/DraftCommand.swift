import ArgumentParser
import DatelineCore
import DatelineDraft
import Foundation

/// `dateline draft`: a first pass over a news article, for a person to review.
///
/// The rules and their reasons live in DatelineDraft; this command reads the files,
/// writes the output and reports problems as `dateline: FILE: message`.
struct DraftCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "draft",
    abstract:
      "Draft records (or list temporal expressions) from a plain-text news article.",
    discussion: """
      Dates are resolved against the publication date as news is written: "Tuesday" is the
      last Tuesday on or before it unless the clause speaks of the future, "earlier this
      month" is the month, "in recent days" is approximate. Every draft says how its date was
      found (date_note) and quotes its sentence byte for byte.

      --timexes prints only the temporal expressions, one JSON object a line:
        {"start": N, "end": N, "text": "...", "value": "YYYY-MM-DD"|"YYYY-MM"|"YYYY"|"YYYY-Www"|null, ...}
      with offsets in Unicode scalars, end exclusive; durations and "now" have value null.

      Examples:
        dateline draft --timexes article.txt --published 2023-12-13
        dateline draft article.txt --published 2023-12-13 --data Data --out -
      """)

  @Argument(
    help: ArgumentHelp("The article, UTF-8 plain text.", valueName: "file"),
    completion: .file())
  var file: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The publication date the text's dates are read from.",
      valueName: "YYYY-MM-DD"))
  var published: String

  @Flag(name: .long, help: "Print the temporal expressions only (JSON Lines).")
  var timexes = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The data directory whose parties are matched; drafts go to its drafts/ folder.",
      valueName: "dir"),
    completion: .directory)
  var data: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The outlet of the new source (default: unknown).", valueName: "name"))
  var outlet: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The title of the new source (default: the article's first line).",
      valueName: "title"))
  var title: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The source id (default: made from the file name).", valueName: "id"))
  var sourceId: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Where the drafts go: a file, or - for stdout (default: DIR/drafts/ID.jsonl with --data, else stdout).",
      valueName: "file"))
  var out: String?

  func validate() throws {
    if let sourceId, !TypedID<Party>.isValid(sourceId) {
      throw ValidationError(
        "--source-id: expected an id like cnn-talks (a-z, 0-9, ., _, -), got \"\(Sanitizer.clean(sourceId))\""
      )
    }
    guard publicationDay != nil else {
      throw ValidationError(
        "--published: expected YYYY-MM-DD, got \"\(Sanitizer.clean(published))\""
      )
    }
  }

  var publicationDay: CalendarDay? {
    guard let date = RecordDate.parse(published), date.precision == .day else {
      return nil
    }
    return date.firstDay
  }

  func run() throws {
    guard let day = publicationDay else { throw ExitCode(2) }
    let tagger = TemporalTagger()
    if timexes {
      // Offsets count the file's own scalars, so the text is not normalized here.
      let text = try readArticle(normalized: false)
      var out = ""
      for e in tagger.expressions(in: text, published: day) {
        out += e.jsonLine + "\n"
      }
      Output.raw(out)
      return
    }
    try DraftWriter(command: self, published: day).run(text: try readArticle())
  }

  /// The article as text, UTF-8 checked; `normalized`: a BOM dropped and CRLF as LF, as
  /// the loader reads a source's text (so quotes taken from it validate).
  func readArticle(normalized: Bool = true) throws -> String {
    guard let data = FileManager.default.contents(atPath: file) else {
      Output.error("\(file): cannot read the file")
      throw ExitCode(2)
    }
    guard var text = String(validating: data, as: UTF8.self) else {
      Output.error("\(file): not valid UTF-8")
      throw ExitCode(2)
    }
    guard normalized else { return text }
    if text.unicodeScalars.first == "\u{FEFF}" {
      text.unicodeScalars.removeFirst()
    }
    return text.replacingOccurrences(of: "\r\n", with: "\n")
  }
}
