import ArgumentParser
import DatelineCore

/// `dateline show ID`: one record in full, and its quote in context.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract:
      "Show one record in full, with its quote in the source's context.",
    discussion: """
      Example:
        dateline show pmo-135-116
      """)

  @OptionGroup var options: DataOptions

  @Argument(
    help: ArgumentHelp("The record id.", valueName: "id"),
    completion: .custom(IDCompletion.records))
  var id: String

  @Flag(
    name: .long,
    help: "Print the record as a citation (what `y` copies in the browser).")
  var cite = false

  func run() throws {
    let corpus = try options.load().corpus
    guard let record = corpus.record(Record.ID(id)) else {
      let near = NearestIDs.suggest(id, in: corpus.recordIndex)
      var message = "no record with id \"\(Sanitizer.clean(id))\""
      if near.count == 1 {
        message += "; the most similar id is " + near[0]
      } else if !near.isEmpty {
        message += "; the most similar ids are " + near.joined(separator: ", ")
      } else {
        message +=
          " (`dateline list --format jsonl` lists every record with its id)"
      }
      Output.error(message)
      throw ExitCode(2)
    }
    // A record (or a linked one) that could not be read as loaded is never printed.
    let citation = cite ? Citation(record: record, corpus: corpus).text : nil
    let detail = cite ? [] : RecordDetail(record: record, corpus: corpus).lines
    try ListCommand.stopIfDataChanged(corpus, directory: options.directory)
    if let citation { return Output.line(citation) }
    let width = min(100, Output.terminalColumns ?? 80)
    for line in detail {
      for l in ShowCommand.format(line, width: width) { Output.line(l) }
    }
    if let q = record.quote, let source = corpus.source(record.source),
      case .success(let match) = QuoteLocator.locate(q, in: source.text)
    {
      Output.line("")
      Output.line("In context:")
      for l in QuoteContext(text: source.text, match: match).lines(
        width: width - 2)
      {
        Output.line("  " + l)
      }
    }
  }

  static func format(_ line: RecordDetail.Line, width: Int) -> [String] {
    let value = Sanitizer.clean(line.value, newlines: .keep)
    switch line.kind {
    case .heading: return [value]
    case .blank: return [""]
    case .text: return Truncation.wrap(value, toColumns: width)
    case .columns(let left, let right, _):
      let label = RecordDetail.labelWidth
      return SideBySide.rows(
        left: left, right: right, width: max(10, width - label)
      ).map {
        String(repeating: " ", count: label) + $0
      }
    case .field(let label), .link(let label, _):
      // An empty label continues the field above (a quote under its source).
      let labelWidth = RecordDetail.labelWidth
      let head = Truncation.fit(
        label.isEmpty ? "" : label + ":", toColumns: labelWidth)
      let body = Truncation.wrap(value, toColumns: max(10, width - labelWidth))
      return body.enumerated().map {
        ($0 == 0 ? head : String(repeating: " ", count: labelWidth)) + $1
      }
    }
  }
}

/// The paragraph around a quote, with the quote marked »like this«.
struct QuoteContext {
  let text: String
  let match: QuoteLocator.Match

  func lines(width: Int) -> [String] {
    let bytes = Array(text.utf8)
    var start = match.utf8Range.lowerBound
    while start > 0
      && !(bytes[start - 1] == 0x0A && start >= 2 && bytes[start - 2] == 0x0A)
    { start -= 1 }
    var end = match.utf8Range.upperBound
    while end < bytes.count
      && !(bytes[end] == 0x0A && end + 1 < bytes.count
        && bytes[end + 1] == 0x0A)
    {
      end += 1
    }
    // Cap the context so a 50 MB single paragraph stays readable.
    start = max(start, match.utf8Range.lowerBound - 600)
    end = min(end, match.utf8Range.upperBound + 600)
    func str(_ r: Range<Int>) -> String {
      String(decoding: bytes[r], as: UTF8.self)
    }
    let marked =
      str(start..<match.utf8Range.lowerBound) + "»" + str(match.utf8Range) + "«"
      + str(match.utf8Range.upperBound..<end)
    return Truncation.wrap(
      Sanitizer.clean(marked, newlines: .keep), toColumns: max(10, width))
  }
}
