import ArgumentParser
import DatelineCore
import Foundation

/// The `dateline` command: the timeline browser by default, headless subcommands beside it.
@main
struct Dateline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dateline",
    abstract: "Browse dated reports as a timeline in the terminal.",
    discussion: """
      With no subcommand, dateline opens the full-screen browser on the data directory.
      The subcommands answer the same queries headless, for scripts and tests.

      Examples:
        dateline                          # browse the bundled Data/
        dateline validate --data ~/corpus
        dateline list --party hamas --since 2023-12
        dateline show pmo-135-116
        dateline list --disputed
        dateline figures "hostages remaining in Gaza"
        dateline screen --size 80x24 --keys "j j Enter"
      """,
    version: DatelineVersion.text,
    subcommands: [
      BrowseCommand.self, ReviewCommand.self, ListCommand.self,
      ShowCommand.self, FiguresCommand.self,
      ValidateCommand.self,
      ScreenCommand.self, ImportCommand.self, DraftCommand.self,
      DraftEvalCommand.self, AnnotateCommand.self,
      ReportCommand.self,
    ],
    defaultSubcommand: BrowseCommand.self
  )

  /// Runs the command; usage errors exit 2 (not ArgumentParser's 64), as tools like grep do.
  static func main() {
    Platform.mapLargeBlocks()
    Output.holdClosedStandardDescriptors()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        // --help, --version, help: their text is the command's output, so it is written
        // through Output (checked) instead of print, which loses it silently on a full disk.
        let message = fullMessage(for: error)
        if !message.isEmpty { Output.line(message) }
        Foundation.exit(0)
      }
      if code == .validationFailure {
        let message = fullMessage(for: error)
        Output.note(Sanitizer.clean(message, newlines: .keep) + "\n")
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
