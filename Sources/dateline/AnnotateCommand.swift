import ArgumentParser
import DatelineCore
import Foundation

/// `dateline annotate`: star, tag or note a record from a script.
struct AnnotateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "annotate",
    abstract:
      "Star, tag or write a note on a record (appended to the annotations file).",
    discussion: """
      Each change is one line appended to annotations/NAME.jsonl in the data directory
      (NAME: the config's [annotations] author, else $USER), or under
      $XDG_DATA_HOME/dateline/ when the data directory is not writable or the config says
      location = "user". Record files are never rewritten. Several changes in one call are
      applied in the order star, unstar, tag, untag, note.

      Examples:
        dateline annotate pmo-135-116 --star --tag key --note "check against Reuters"
        dateline annotate pmo-135-116 --untag key --unstar
        dateline list --starred
      """)

  @OptionGroup var options: DataOptions

  @Argument(
    help: ArgumentHelp("The record id.", valueName: "id"),
    completion: .custom(IDCompletion.records))
  var id: String

  @Flag(name: .long, help: "Star the record.") var star = false
  @Flag(name: .long, help: "Remove the record's star.") var unstar = false
  @Option(
    name: .long, help: ArgumentHelp("Add a tag (repeatable).", valueName: "tag")
  ) var tag: [String] = []
  @Option(
    name: .long,
    help: ArgumentHelp("Remove a tag (repeatable).", valueName: "tag"))
  var untag: [String] = []
  @Option(
    name: .long,
    help: ArgumentHelp("Set the note (\"\" removes it).", valueName: "text"))
  var note: String?

  func validate() throws {
    if star && unstar {
      throw ValidationError("--star and --unstar cannot be given together")
    }
    if !star && !unstar && tag.isEmpty && untag.isEmpty && note == nil {
      throw ValidationError(
        "nothing to do: give --star, --unstar, --tag, --untag or --note")
    }
  }

  func run() throws {
    let (config, _) = try options.settings()
    let result = try options.loadDirectory()
    guard result.corpus.record(Record.ID(id)) != nil else {
      Output.error("unknown record id \"\(id)\" in \(options.directory)")
      throw ExitCode(2)
    }
    let store = AnnotationPlace.store(
      dataDirectory: options.directory, config: config)
    for change in changes(
      author: store.author, time: AnnotationLog.timestamp(Date()))
    {
      if let problem = change.problem {
        Output.error(problem)
        throw ExitCode(2)
      }
      do {
        try store.record(change)
      } catch {
        Output.error("cannot save the annotation: \(error.description)")
        throw ExitCode(1)
      }
    }
  }

  func changes(author: String, time: String) -> [AnnotationChange] {
    let record = Record.ID(id)
    func change(_ op: AnnotationChange.Operation, _ value: String? = nil)
      -> AnnotationChange
    {
      AnnotationChange(
        record: record, time: time, author: author, operation: op, value: value)
    }
    var out: [AnnotationChange] = []
    if star { out.append(change(.star)) }
    if unstar { out.append(change(.unstar)) }
    out += tag.map { change(.tag, AnnotationChange.normalizedTag($0)) }
    out += untag.map { change(.untag, AnnotationChange.normalizedTag($0)) }
    if let note { out.append(change(.note, note)) }
    return out
  }
}
