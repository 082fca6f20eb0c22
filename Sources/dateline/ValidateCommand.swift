import ArgumentParser
import DatelineCore

/// `dateline validate`: every error and warning, and a one-line summary.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a data directory against the format and report every problem.",
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
    let result = try options.load(cached: false)
    for issue in result.issues { Output.issue(issue) }
    Output.line(Sanitizer.clean(options.directory) + ": " + result.summary)
    if !result.errors.isEmpty { throw ExitCode(1) }
  }
}
