import ArgumentParser
import DatelineCore

/// `dateline screen`: renders the browser headless and prints the frame as text.
struct ScreenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "screen", abstract: "Print a screen of the browser as text, without a terminal.")

  @OptionGroup var options: DataOptions

  func run() throws {
    throw ExitCode(2)
  }
}
