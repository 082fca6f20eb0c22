import ArgumentParser
import DatelineCore
import DatelineDraft
import Foundation

/// `dateline draft-eval DIR` (hidden): scores `dateline draft` on an annotated set.
///
/// DIR holds NAME.txt articles, NAME.json annotations ({"published", "timexes": [[text,
/// value]…], "records": [{quote, date, precision?, basis, parties}…]}) and parties.json.
/// scripts/eval-draft.sh runs it; docs/drafting.md explains the measures.
struct DraftEvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "draft-eval", abstract: "Score drafting on an annotated set (for scripts/eval-draft.sh).",
    shouldDisplay: false)

  @Argument(help: ArgumentHelp("The annotated set.", valueName: "dir"))
  var directory: String

  @Flag(name: .long, help: "Also print every miss.")
  var verbose = false

  func run() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") && $0 != "parties.json" }.sorted()
    var timex = TimexEvaluation()
    for name in names {
      let base = String(name.dropLast(5))
      let textPath = directory + "/" + base + ".txt"
      guard let data = FileManager.default.contents(atPath: directory + "/" + name),
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
        let published = (object["published"] as? String).flatMap(RecordDate.parse)?.firstDay,
        let textData = FileManager.default.contents(atPath: textPath),
        let text = String(validating: textData, as: UTF8.self)
      else {
        Output.error("\(name): unreadable annotation or article")
        throw ExitCode(2)
      }
      let expected = (object["timexes"] as? [[Any]] ?? []).compactMap { pair -> TimexEvaluation.Expected? in
        guard let t = pair.first as? String else { return nil }
        return TimexEvaluation.Expected(text: t, value: pair.count > 1 ? pair[1] as? String : nil)
      }
      timex.add(file: base, text: text, expected: expected, found: TemporalTagger().expressions(in: text, published: published))
    }
    Output.line("texts: \(names.count)")
    Output.line("timex spans:  \(timex.spans)")
    Output.line("timex values: \(timex.values)")
    if verbose { timex.misses.forEach { Output.line("  " + $0.description) } }
  }
}
