import DatelineCore

/// One `:` command (lnav and vim users expect a command line): its name, what its
/// arguments are (for Tab completion and the help), and what it does.
///
/// The commands mirror `dateline list`'s flags, so what a person learns in one works in
/// the other. Adding a command is one entry in `BrowserCommand.all`.
public struct BrowserCommand: Sendable {
  /// What a command's arguments are, for Tab completion.
  public enum Arguments: Sendable {
    case none, parties, record, basis, date, words, file, name
  }

  public let name: String
  public let arguments: Arguments
  /// `:name ARGS` and what it does, for the help and the error of a wrong use.
  public let usage: String
  /// Runs the command on the state with its arguments; a problem is a status message.
  public let run: @Sendable (inout BrowserState, [String]) -> Void

  public init(
    _ name: String, _ arguments: Arguments, _ usage: String,
    run: @escaping @Sendable (inout BrowserState, [String]) -> Void
  ) {
    self.name = name
    self.arguments = arguments
    self.usage = usage
    self.run = run
  }

  /// Every command, in the order Tab lists them.
  public static let all: [BrowserCommand] = [
    BrowserCommand(
      "party", .parties,
      ":party ID… — only records involving these parties (--party)"
    ) { s, args in
      s.commandParties(args)
    },
    BrowserCommand(
      "all", .none,
      ":all — every selected party must be involved (--all-parties)"
    ) { s, _ in
      var q = s.query
      q.parties.mode = .all
      s.applyQuery(q)
    },
    BrowserCommand(
      "any", .none, ":any — any selected party will do (the default)"
    ) { s, _ in
      var q = s.query
      q.parties.mode = .any
      s.applyQuery(q)
    },
    BrowserCommand(
      "since", .date, ":since DATE — records on or after (--since)"
    ) { s, args in
      s.commandRangeSide(args, since: true)
    },
    BrowserCommand(
      "until", .date, ":until DATE — records on or before (--until)"
    ) { s, args in
      s.commandRangeSide(args, since: false)
    },
    BrowserCommand(
      "search", .words,
      ":search WORDS — select the next record with every word (--search)"
    ) { s, args in
      // As `/` does: from the selection, in pieces between keys.
      s.search = args.joined(separator: " ")
      s.editing.pendingSearch = PromptEditing.PendingSearch(
        origin: s.selection, done: 0)
    },
    BrowserCommand(
      "filter-in", .words,
      ":filter-in WORDS — only records with every word, as F does (--filter-in)"
    ) {
      s, args in
      s.filterIn(args.joined(separator: " "))
    },
    BrowserCommand(
      "filter-out", .words,
      ":filter-out WORDS — leave out records with every word (--filter-out)"
    ) {
      s, args in
      s.filterOut(args.joined(separator: " "))
    },
    BrowserCommand(
      "basis", .basis,
      ":basis BASIS… — named, official, anonymous, unattributed (--basis)"
    ) { s, args in
      s.commandBasis(args)
    },
    BrowserCommand("goto", .record, ":goto ID — select the record with this id")
    { s, args in
      s.commandGoto(args)
    },
    BrowserCommand(
      "export", .file, ":export FILE — write the shown records (.csv, .md)"
    ) { s, args in
      s.requestExport(args.joined(separator: " "))
    },
    BrowserCommand(
      "clear", .none,
      ":clear — every filter (filter-in and -out too) and the search off"
    ) { s, _ in
      s.search = ""
      s.applyQuery(TimelineQuery())
    },
    BrowserCommand(
      "view", .name,
      ":view save NAME | :view NAME — save the current view, or open a saved one (--view)"
    ) { s, args in
      s.commandView(args)
    },
    BrowserCommand("quit", .none, ":quit — leave dateline") { s, _ in
      s.quit = true
    },
  ]

  /// The command named `name`, or the one it is the unique prefix of.
  public static func named(_ name: String) -> BrowserCommand? {
    if let exact = all.first(where: { $0.name == name }) { return exact }
    let prefixed = all.filter { $0.name.hasPrefix(name) }
    return prefixed.count == 1 && !name.isEmpty ? prefixed[0] : nil
  }
}
