import ArgumentParser
import DatelineConfig
import DatelineCore

/// `dateline validate`: every error and warning, and a one-line summary.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract:
      "Check a data directory against the format and report every problem.",
    discussion: """
      Prints each error and warning to stderr (file, item, JSON path, what was expected and
      what was found), then a one-line summary to stdout.
      Exit status: 0 without errors, 1 with errors, 2 for a missing or unreadable directory.

      Example:
        dateline validate --data Data/
      """)

  @OptionGroup var options: DataOptions

  func run() throws {
    // Always parsed and checked in full: validating is this command's job (no cache).
    // Checked only: the issues and counts of a full load, without its corpus (no sorted
    // store, columns or link index: nothing here shows a record).
    var result = try options.check()
    // The annotations files (annotations/*.jsonl): cut or bad lines, unknown record ids.
    let config = (try? options.settingsQuietly()) ?? Config()
    let loaded = AnnotationPlace.store(
      dataDirectory: options.directory, config: config
    ).load()
    let ids = result.recordIDs
    result.issues +=
      loaded.issues
      + AnnotationStore.unknownRecordIssues(loaded.annotations) {
        ids.contains($0)
      }
    for issue in result.issues { Output.issue(issue) }
    Output.line(Sanitizer.clean(options.directory) + ": " + result.summary)
    if !result.errors.isEmpty { throw ExitCode(1) }
  }
}
