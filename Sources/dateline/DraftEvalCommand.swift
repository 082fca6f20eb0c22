import ArgumentParser
import DatelineCore
import DatelineDraft
import Foundation

/// `dateline draft-eval DIR…` (hidden): scores `dateline draft` on annotated sets.
///
/// DIR holds NAME.txt articles, NAME.json annotations ({"published", "timexes": [[text,
/// value]…], "records": [{quote, date, precision?, basis, parties}…]}) and parties.json.
/// scripts/eval-draft.sh runs it; docs/drafting.md explains the measures.
struct DraftEvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "draft-eval",
    abstract: "Score drafting on an annotated set (for scripts/eval-draft.sh).",
    shouldDisplay: false)

  @Argument(
    help: ArgumentHelp(
      "The annotated sets (scored together).", valueName: "dir"))
  var directories: [String]

  @Flag(name: .long, help: "Also print every miss.")
  var verbose = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A data directory whose records the draft of its first source should recover.",
      valueName: "dir")
  )
  var seed: String?

  func run() throws {
    var timex = TimexEvaluation()
    var records = RecordEvaluation()
    var texts = 0
    for directory in directories {
      let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        .filter {
          $0.hasSuffix(".json") && $0 != "parties.json"
        }.sorted()
      texts += names.count
      let parties = try readParties(directory + "/parties.json")
      for name in names {
        try evaluate(name, in: directory, parties: parties, &timex, &records)
      }
    }
    Output.line(
      "texts: \(texts), \(timex.spans.expected) expressions, \(records.expectedCount) records"
    )
    try report(timex, records)
  }

  private func evaluate(
    _ name: String, in directory: String, parties: [Party],
    _ timex: inout TimexEvaluation,
    _ records: inout RecordEvaluation
  ) throws {
    let base = String(name.dropLast(5))
    let textPath = directory + "/" + base + ".txt"
    guard
      let data = FileManager.default.contents(atPath: directory + "/" + name),
      let object = try JSONSerialization.jsonObject(with: data)
        as? [String: Any],
      let published = (object["published"] as? String).flatMap(
        RecordDate.parse)?.firstDay,
      let textData = FileManager.default.contents(atPath: textPath),
      let text = String(validating: textData, as: UTF8.self)
    else {
      Output.error("\(name): unreadable annotation or article")
      throw ExitCode(2)
    }
    let expected = (object["timexes"] as? [[Any]] ?? []).compactMap {
      pair -> TimexEvaluation.Expected? in
      guard let t = pair.first as? String else { return nil }
      return TimexEvaluation.Expected(
        text: t, value: pair.count > 1 ? pair[1] as? String : nil)
    }
    let result = Drafter(parties: parties, sourceID: base).draft(
      text, published: published)
    timex.add(
      file: base, text: text, expected: expected, found: result.expressions)
    records.add(
      file: base, text: text,
      expected: expectedRecords(object["records"], prefix: base),
      drafts: result.records)
  }

  private func report(_ timex: TimexEvaluation, _ records: RecordEvaluation)
    throws
  {
    Output.line("timex spans:   \(timex.spans)")
    Output.line("timex values:  \(timex.values)")
    if records.expectedCount > 0 {
      Output.line("draft dates:   \(records.dates)")
      Output.line("draft parties: \(records.parties)")
      Output.line("draft basis:   \(records.basis)")
    }
    if verbose {
      for miss in timex.misses + records.misses {
        Output.line("  " + miss.description)
      }
    }
    if let seed { try evaluateSeed(seed) }
  }

  private func expectedRecords(_ any: Any?, prefix: String) -> [RecordEvaluation
    .Expected]
  {
    (any as? [[String: Any]] ?? []).enumerated().compactMap { n, r in
      guard let quote = r["quote"] as? String, let date = r["date"] as? String,
        let basis = r["basis"] as? String
      else {
        return nil
      }
      return RecordEvaluation.Expected(
        id: "\(prefix)#\(n + 1)", quote: quote, date: date,
        week: r["precision"] as? String == "week", basis: basis,
        parties: r["parties"] as? [String])
    }
  }

  private func readParties(_ path: String) throws -> [Party] {
    guard let data = FileManager.default.contents(atPath: path),
      let items =
        (try JSONSerialization.jsonObject(with: data) as? [String: Any])?[
          "items"] as? [[String: Any]]
    else { return [] }
    return items.compactMap { p in
      guard let id = p["id"] as? String, let name = p["name"] as? String else {
        return nil
      }
      return Party(
        id: Party.ID(id), name: name, label: p["label"] as? String,
        kind: Party.Kind(rawValue: p["kind"] as? String ?? "") ?? .other,
        aliases: p["aliases"] as? [String] ?? [])
    }
  }

  /// The seed: the directory's first source drafted with its own publication date and
  /// parties, against the directory's records.
  private func evaluateSeed(_ dir: String) throws {
    let loaded = try CorpusLoader.load(directory: dir)
    guard let source = loaded.corpus.sources.first,
      let published = source.published?.firstDay,
      let data = FileManager.default.contents(atPath: dir + "/records.json"),
      let items =
        (try JSONSerialization.jsonObject(with: data) as? [String: Any])?[
          "items"] as? [[String: Any]]
    else {
      Output.error(
        "\(dir): no source with a publication date, or no records.json")
      throw ExitCode(2)
    }
    let expected = items.compactMap { r -> RecordEvaluation.Expected? in
      guard let id = r["id"] as? String,
        let quote = (r["quote"] as? [String: Any])?["exact"] as? String,
        let date = r["date"] as? String,
        let basis = (r["attribution"] as? [String: Any])?["basis"] as? String
      else { return nil }
      return RecordEvaluation.Expected(
        id: id, quote: quote, date: date,
        week: r["date_precision"] as? String == "week", basis: basis,
        parties: nil)
    }
    let drafts = Drafter(
      parties: loaded.corpus.parties, sourceID: source.id.rawValue
    ).draft(
      source.text, published: published)
    var seed = RecordEvaluation()
    seed.add(
      file: "seed", text: source.text, expected: expected,
      drafts: drafts.records)
    Output.line(
      "seed: \(seed.recovered) of \(expected.count) records recovered (same quote span overlapping, same date, precision and basis); \(drafts.records.count) drafts"
    )
    if verbose {
      for miss in seed.misses { Output.line("  " + miss.description) }
    }
  }
}
