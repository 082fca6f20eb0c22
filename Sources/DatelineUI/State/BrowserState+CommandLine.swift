import DatelineCore

/// The `:` command line: running a command (see `BrowserCommand`) and Tab completion of
/// command names, party ids, record ids and bases.
extension BrowserState {
  var isCommandPrompt: Bool {
    if case .command = prompt { return true }
    return false
  }

  /// Enter on the `:` prompt.
  mutating func runCommand(_ text: String) {
    let words = text.split(separator: " ").map(String.init)
    guard let name = words.first else { return }
    guard let command = BrowserCommand.named(name) else {
      message = "unknown command :\(name) (Tab lists the commands)"
      return
    }
    let args = Array(words.dropFirst())
    if command.arguments != .none && args.isEmpty {
      message = "usage: " + command.usage
      return
    }
    command.run(&self, args)
  }

  mutating func commandParties(_ ids: [String]) {
    let unknown = ids.filter { corpus.party(Party.ID($0)) == nil }
    guard unknown.isEmpty else {
      message =
        "no party \(unknown.joined(separator: ", ")) (Tab completes party ids)"
      return
    }
    var q = query
    q.parties = PartyFilter(ids.map { Party.ID($0) }, mode: q.parties.mode)
    applyQuery(q)
  }

  mutating func commandRangeSide(_ args: [String], since: Bool) {
    guard args.count == 1, let date = RecordDate.parse(args[0]) else {
      message =
        "not a date: \(args.joined(separator: " ")) (use YYYY, YYYY-MM or YYYY-MM-DD)"
      return
    }
    var range = query.dateRange
    if since { range.since = date } else { range.until = date }
    applyRange(range)
  }

  mutating func commandBasis(_ names: [String]) {
    let bases = names.compactMap { Attribution.Basis(rawValue: $0) }
    guard bases.count == names.count else {
      let known = Attribution.Basis.allCases.map(\.rawValue).joined(
        separator: ", ")
      message = "a basis is one of \(known)"
      return
    }
    var q = query
    q.facets.basis = Set(bases)
    applyQuery(q)
  }

  mutating func commandGoto(_ args: [String]) {
    let id = args.joined(separator: " ")
    guard corpus.recordIndex[Record.ID(id)] != nil else {
      let near = NearestIDs.suggest(id, in: corpus.recordIndex, limit: 3)
      message =
        "no record \(id)"
        + (near.isEmpty
          ? "" : "; did you mean " + near.joined(separator: ", ") + "?")
      return
    }
    jump(to: Record.ID(id))
  }

  /// Tab on the `:` prompt: the longest common completion; several candidates are listed
  /// in the status line.
  mutating func completeCommand() {
    guard case .command(let text) = prompt else { return }
    let endsWithSpace = text.hasSuffix(" ")
    var words = text.split(separator: " ").map(String.init)
    if endsWithSpace || words.isEmpty { words.append("") }
    let typed = words.removeLast()
    let candidates: [String]
    if words.isEmpty {
      candidates = BrowserCommand.all.map(\.name).filter { $0.hasPrefix(typed) }
    } else if let command = BrowserCommand.named(words[0]) {
      candidates = completions(for: command.arguments, prefix: typed)
    } else {
      message = "unknown command :\(words[0])"
      return
    }
    guard let first = candidates.first else {
      message = "nothing starts with \(typed)"
      return
    }
    var common = first
    for c in candidates.dropFirst() {
      while !c.hasPrefix(common) { common.removeLast() }
    }
    let head = words.isEmpty ? "" : words.joined(separator: " ") + " "
    prompt = .command(text: head + common + (candidates.count == 1 ? " " : ""))
    if candidates.count > 1 {
      message =
        candidates.prefix(16).joined(separator: " ")
        + (candidates.count > 16 ? " …" : "")
    }
  }

  func completions(for arguments: BrowserCommand.Arguments, prefix: String)
    -> [String]
  {
    switch arguments {
    case .parties:
      return corpus.parties.map(\.id.rawValue).filter { $0.hasPrefix(prefix) }
        .sorted()
    case .basis:
      return Attribution.Basis.allCases.map(\.rawValue).filter {
        $0.hasPrefix(prefix)
      }
    case .record:
      // A prefix scan of the id column: no record is decoded.
      var out: [String] = []
      let index = corpus.recordIndex
      for i in 0..<index.count {
        let id = index.id(at: i)
        if id.hasPrefix(prefix) { out.append(id) }
        if out.count > 200 { break }
      }
      return out.sorted()
    case .none, .date, .words, .file, .name: return []
    }
  }
}
