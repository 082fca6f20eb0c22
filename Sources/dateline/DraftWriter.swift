import ArgumentParser
import DatelineCore
import DatelineDraft
import Foundation

/// Where `dateline draft` puts what it drafted: the records, the parties it proposes and,
/// in a data directory, the article as a source (text under sources/, an envelope beside
/// the other data files). Every file is written atomically; an existing file that the
/// program would have to change is never overwritten with different content.
struct DraftWriter {
  var command: DraftCommand
  var published: CalendarDay

  var sourceID: String {
    if let id = command.sourceId { return id }
    let base = URL(fileURLWithPath: command.file).deletingPathExtension()
      .lastPathComponent
    return Slug.make(base, fallbackPrefix: "article")
  }

  func run(text: String) throws {
    var parties: [Party] = []
    var existingSource: Source?
    if let dir = command.data {
      let loaded: CorpusLoader.Result
      do {
        loaded = try CorpusLoader.load(directory: dir)
      } catch {
        Output.error("\(error)")
        throw ExitCode(2)
      }
      parties = loaded.corpus.parties
      existingSource = loaded.corpus.sources.first {
        $0.id.rawValue == sourceID
      }
      if let existingSource, existingSource.text != text {
        Output.error(
          "\(dir): source \"\(sourceID)\" exists with a different text; pick another --source-id"
        )
        throw ExitCode(2)
      }
    }
    let result = Drafter(parties: parties, sourceID: sourceID).draft(
      text, published: published)
    let lines = result.records.map { $0.jsonLine + "\n" }.joined()
    if let out = command.out ?? (command.data == nil ? "-" : nil) {
      if out == "-" { Output.raw(lines) } else { try write(lines, to: out) }
      for p in result.proposedParties {
        Output.note(
          "proposed party: \(p.id.rawValue) “\(Sanitizer.clean(p.name))”\n")
      }
      return
    }
    guard let dir = command.data else { return }
    try writeIntoDirectory(
      dir, text: text, result: result, haveSource: existingSource != nil)
  }

  private func writeIntoDirectory(
    _ dir: String, text: String, result: Drafter.Result, haveSource: Bool
  ) throws {
    let drafts = dir + "/drafts"
    try makeDirectory(drafts)
    if !haveSource {
      try makeDirectory(dir + "/sources")
      let textPath = "sources/\(sourceID).txt"
      try writeNew(text, to: dir + "/" + textPath)
      try writeNew(
        sourceEnvelope(text: text, textPath: textPath),
        to: dir + "/source-\(sourceID).json")
    }
    try write(
      result.records.map { $0.jsonLine + "\n" }.joined(),
      to: "\(drafts)/\(sourceID).jsonl")
    if !result.proposedParties.isEmpty {
      try write(
        partiesEnvelope(result.proposedParties),
        to: "\(drafts)/\(sourceID).parties-proposed.json")
    }
    Output.line(
      "\(result.records.count) drafts in \(Sanitizer.clean(drafts))/\(sourceID).jsonl"
        + (result.proposedParties.isEmpty
          ? ""
          : ", \(result.proposedParties.count) proposed parties in \(sourceID).parties-proposed.json")
    )
  }

  private func sourceEnvelope(text: String, textPath: String) -> String {
    let firstLine =
      text.split(separator: "\n").first.map {
        String($0).trimmingCharacters(in: .whitespaces)
      } ?? sourceID
    let fields = [
      "\"id\": \(json(sourceID))",
      "\"outlet\": \(json(command.outlet ?? "unknown"))",
      "\"title\": \(json(command.title ?? (firstLine.isEmpty ? sourceID : firstLine)))",
      "\"published\": \(json(published.description))",
      "\"text_path\": \(json(textPath))",
    ]
    return "{\"schema\": 1, \"type\": \"sources\", \"items\": [\n  {"
      + fields.joined(separator: ", ") + "}\n]}\n"
  }

  private func partiesEnvelope(_ parties: [Party]) -> String {
    let items = parties.map { p in
      "  {\"id\": \(json(p.id.rawValue)), \"name\": \(json(p.name)), \"kind\": \(json(p.kind.rawValue)), \"x_proposed\": true}"
    }
    return "{\"schema\": 1, \"type\": \"parties\", \"items\": [\n"
      + items.joined(separator: ",\n") + "\n]}\n"
  }

  private func json(_ s: String) -> String { JSONWriter.string(s) }

  private func makeDirectory(_ path: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return
    }
    do {
      try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: false)
    } catch {
      Output.error(
        "\(path): cannot create the folder (\(error.localizedDescription))")
      throw ExitCode(2)
    }
  }

  private func write(_ text: String, to path: String) throws {
    do {
      try AtomicFile.write(text, to: path)
    } catch {
      Output.error(error.description)
      throw ExitCode(2)
    }
  }

  /// Writes a file that must not change once there: the same content again is fine,
  /// different content is an error.
  private func writeNew(_ text: String, to path: String) throws {
    if let existing = FileManager.default.contents(atPath: path) {
      guard existing == Data(text.utf8) else {
        Output.error(
          "\(path): exists with different content; pick another --source-id")
        throw ExitCode(2)
      }
      return
    }
    do {
      try AtomicFile.write(text, to: path, existing: .keep)
    } catch {
      Output.error(error.description)
      throw ExitCode(2)
    }
  }
}
