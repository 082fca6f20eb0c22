import ArgumentParser
import DatelineCore
import Foundation

/// `dateline review DRAFTS.jsonl --data DIR`: the browser on one drafts file alone.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract:
      "Review drafts (from `dateline draft`) in the browser: accept, reject, change.",
    discussion: """
      Opens the drafts of DRAFTS.jsonl that are not decided yet, alone, in the browser. On a
      draft: s accepts it (checked against the data directory, then appended to the records
      file), x rejects it, u undoes the last reject, E edits it in $EDITOR, and D K P B change
      its date, kind, parties and basis. Decisions are logged in DRAFTS.review.log beside the
      drafts; the drafts file is only rewritten by D K P B and E, the article never.
      `dateline --data DIR` shows the drafts of DIR/drafts/ beside the records.
      """)

  @Argument(
    help: ArgumentHelp(
      "The drafts file (JSON Lines, from `dateline draft`).",
      valueName: "drafts.jsonl"))
  var drafts: String

  @OptionGroup var options: DataOptions

  @Option(
    help: ArgumentHelp(
      "The records file accepted drafts are appended to (default: DIR/NAME.jsonl for NAME.jsonl).",
      valueName: "file"))
  var into: String?

  @Flag(help: "Do not watch the data directory for changes.")
  var noFollow = false

  @Flag(help: "Do not ask the terminal for mouse clicks and the wheel.")
  var noMouse = false

  func validate() throws {
    guard drafts.hasSuffix(".jsonl") else {
      throw ValidationError(
        "the drafts file must be JSON Lines (NAME.jsonl), got \"\(Sanitizer.clean(drafts))\""
      )
    }
    if let into, !into.hasSuffix(".jsonl") {
      throw ValidationError(
        "--into: accepted records are appended as lines to a .jsonl file, got \"\(Sanitizer.clean(into))\""
      )
    }
  }

  func run() throws {
    var isDirectory: ObjCBool = false
    guard
      FileManager.default.fileExists(atPath: drafts, isDirectory: &isDirectory)
    else {
      Output.error("no such drafts file: \(Sanitizer.clean(drafts))")
      throw ExitCode(2)
    }
    guard !isDirectory.boolValue,
      FileManager.default.isReadableFile(atPath: drafts)
    else {
      Output.error("\(Sanitizer.clean(drafts)): not a readable file")
      throw ExitCode(2)
    }
    let overlay = DraftOverlay(
      directory: options.directory, reviewFile: drafts, into: into)
    try BrowseCommand.browse(
      options: options, noFollow: noFollow, noMouse: noMouse, drafts: overlay)
  }
}
