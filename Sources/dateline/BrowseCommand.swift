import ArgumentParser
import DatelineCore

/// `dateline` / `dateline browse`: the full-screen timeline browser.
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse",
    abstract: "Open the full-screen timeline browser (the default).")

  @OptionGroup var options: DataOptions

  func run() throws {
    Output.error("the browser is not built yet; try `dateline list`")
    throw ExitCode(2)
  }
}
