/// The cross-item phase: ids, references, parent cycles, texts and quotes.
extension LoadState {
  typealias RawItem = CorpusLoader.RawItem

  mutating func report(_ item: RawItem, _ problems: [ItemReader.Problem]) {
    guard let fileName = fileNames.indices.contains(item.file) ? fileNames[item.file] : nil else { return }
    for p in problems {
      issues.append(
        (item.file, item.ordinal, LoadIssue(p.severity, file: fileName, place: item.place, path: p.path, message: p.message)))
    }
  }

  func location(_ item: RawItem) -> String {
    switch item.place {
    case .line(let l, _): return "\(fileNames[item.file]):\(l)"
    case .item(let i, _): return "\(fileNames[item.file]) items[\(i)]"
    default: return fileNames[item.file]
    }
  }

  /// Decodes each item of a type; the first of each id in file order wins.
  mutating func decodeAll<T>(
    _ type: CorpusLoader.ItemType, id: (T) -> String,
    decode: (JSONNode, inout ItemReader) -> T?
  ) -> (loaded: [(RawItem, T)], seen: Set<String>) {
    var firstAt: [String: RawItem] = [:]
    var loaded: [(RawItem, T)] = []
    for item in raw[type] ?? [] {
      var r = ItemReader()
      let value = decode(item.node, &r)
      if let rawID = LoadState.idOf(item.node) {
        if let first = firstAt[rawID] {
          r.error("$.id", "duplicate id \(quoted(rawID)) (first in \(location(first)))")
        } else {
          firstAt[rawID] = item
        }
      }
      report(item, r.problems)
      if let value, !r.hasError { loaded.append((item, value)) } else { leftOut += 1 }
    }
    return (loaded, Set(firstAt.keys))
  }

  /// Drops items whose references do not resolve, until nothing more drops: an item that
  /// refers to a left-out item is left out too (SCHEMA.md "Errors").
  mutating func dropUnresolved<T>(
    _ items: inout [(RawItem, T)], seen: Set<String>, what: String,
    refs: (T) -> [(path: String, id: String)], id: (T) -> String
  ) {
    var changed = true
    while changed {
      changed = false
      let present = Set(items.map { id($0.1) })
      var kept: [(RawItem, T)] = []
      for (item, value) in items {
        var problems: [ItemReader.Problem] = []
        for ref in refs(value) where !present.contains(ref.id) {
          let why = seen.contains(ref.id)
            ? "\(what) \(quoted(ref.id)) was left out (see its error)" : "unknown \(what) id \(quoted(ref.id))"
          problems.append(.init(severity: .error, path: ref.path, message: why))
        }
        if problems.isEmpty { kept.append((item, value)) } else {
          report(item, problems)
          leftOut += 1
          changed = true
        }
      }
      items = kept
    }
  }

  /// The loaded parties, by id, and every party id seen (for "was left out" messages).
  struct PartyPhase {
    var list: [Party]
    var byID: [Party.ID: Party]
    var seen: Set<String>
  }

  /// Parties: decode, parents that resolve, no cycles, keys (the same in both loaders).
  mutating func partyPhase() -> PartyPhase {
    var (parties, seenParties) = decodeAll(.parties, id: { (p: Party) in p.id.rawValue }, decode: ItemDecoding.party)
    dropUnresolved(
      &parties, seen: seenParties, what: "party",
      refs: { p in p.parent.map { [("$.parent", $0.rawValue)] } ?? [] }, id: { $0.id.rawValue })
    dropCycles(&parties)
    var takenKeys: [Int: Party.ID] = [:]
    for i in parties.indices {
      guard let k = parties[i].1.key else { continue }
      if let holder = takenKeys[k] {
        report(parties[i].0, [.init(severity: .warning, path: "$.key", message: "key \"\(k)\" is already taken by party \(quoted(holder.rawValue)); a free digit is used")])
        parties[i].1.key = nil
      } else {
        takenKeys[k] = parties[i].1.id
      }
    }
    let partyList = parties.map(\.1)
    var partyByID: [Party.ID: Party] = [:]
    for p in partyList { partyByID[p.id] = p }
    return PartyPhase(list: partyList, byID: partyByID, seen: seenParties)
  }

  /// The issues in file and item order (a stable sort on where they were found).
  func orderedIssues() -> [LoadIssue] {
    issues.enumerated().sorted { a, b in
      let (x, y) = (a.element, b.element)
      if x.0 != y.0 { return x.0 < y.0 }
      if x.1 != y.1 { return x.1 < y.1 }
      return a.offset < b.offset
    }.map { $0.element.2 }
  }

  mutating func finish() -> CorpusLoader.Result {
    // MARK: - Parties
    let partyPhase = partyPhase()
    let partyList = partyPhase.list
    let partyByID = partyPhase.byID
    let seenParties = partyPhase.seen
    // MARK: - Sources
    var (sources, seenSources) = decodeAll(.sources, id: { (s: (source: Source, textPath: String?)) in s.source.id.rawValue }, decode: ItemDecoding.source)
    var sourceList: [Source] = []
    for (item, s) in sources {
      var source = s.source
      if let path = s.textPath {
        switch TextPathReader.read(path, in: directory) {
        case .success(let text): source.text = text
        case .failure(let problem):
          report(item, [.init(severity: .error, path: "$.text_path", message: problem.message)])
          leftOut += 1
          seenSources.insert(source.id.rawValue)
          continue
        }
      }
      sourceList.append(source)
    }
    sources = []
    var sourceByID: [Source.ID: Source] = [:]
    for s in sourceList { sourceByID[s.id] = s }

    // MARK: - Records
    var (records, seenRecords) = decodeAll(.records, id: { (r: Record) in r.id.rawValue }, decode: ItemDecoding.record)
    var checked: [(RawItem, Record)] = []
    for (item, rec) in records {
      var r = ItemReader()
      checkRecord(rec, parties: partyByID, seenParties: seenParties, sources: sourceByID, seenSources: seenSources, &r)
      report(item, r.problems)
      if r.hasError { leftOut += 1 } else { checked.append((item, rec)) }
    }
    records = checked
    dropUnresolved(
      &records, seen: seenRecords, what: "record",
      refs: { r in
        r.related.enumerated().map { ("$.related[\($0)]", $1.rawValue) }
          + r.disputes.enumerated().map { ("$.disputes[\($0)]", $1.rawValue) }
          + r.revises.enumerated().map { ("$.revises[\($0)]", $1.rawValue) }
      }, id: { $0.id.rawValue })
    seenRecords = []

    let corpus = Corpus(parties: partyList, sources: sourceList, records: records.map(\.1))
    let ordered = orderedIssues()
    return CorpusLoader.Result(
      corpus: corpus, issues: ordered, files: fileNames.count, failedFiles: failedFiles, leftOut: leftOut)
  }

  /// Parties whose parent chain loops are errors, each naming the loop.
  mutating func dropCycles(_ parties: inout [(RawItem, Party)]) {
    var byID: [Party.ID: Party] = [:]
    for (_, p) in parties { byID[p.id] = p }
    var inCycle = Set<Party.ID>()
    for (_, p) in parties {
      var chain: [Party.ID] = [p.id]
      var cur = p.parent
      while let c = cur, let next = byID[c] {
        if c == p.id {
          inCycle.insert(p.id)
          chain.append(c)
          break
        }
        if chain.contains(c) || chain.count > byID.count { break }
        chain.append(c)
        cur = next.parent
      }
      if inCycle.contains(p.id) {
        let loop = chain.map(\.rawValue).joined(separator: " → ")
        report(parties.first { $0.1.id == p.id }!.0, [.init(severity: .error, path: "$.parent", message: "parent cycle: \(loop)")])
      }
    }
    let before = parties.count
    parties.removeAll { inCycle.contains($0.1.id) }
    leftOut += before - parties.count
    if !inCycle.isEmpty {
      // Children of a party in a cycle now point at a left-out parent.
      let seen = Set(byID.keys.map(\.rawValue))
      dropUnresolved(&parties, seen: seen, what: "party",
        refs: { p in p.parent.map { [("$.parent", $0.rawValue)] } ?? [] }, id: { $0.id.rawValue })
    }
  }

  func checkRecord(
    _ rec: Record, parties: [Party.ID: Party], seenParties: Set<String>, sources: [Source.ID: Source],
    seenSources: Set<String>, _ r: inout ItemReader
  ) {
    func missing(_ what: String, _ id: String, seen: Set<String>) -> String {
      seen.contains(id) ? "\(what) \(quoted(id)) was left out (see its error)" : "unknown \(what) id \(quoted(id))"
    }
    for (i, ref) in rec.parties.enumerated() where parties[ref.id] == nil {
      r.error("$.parties[\(i)]", missing("party", ref.id.rawValue, seen: seenParties))
    }
    if let a = rec.attribution {
      let involved = Set(rec.parties.map(\.id))
      for (i, c) in a.claimants.enumerated() {
        let path = a.claimantIsList ? "$.attribution.claimant[\(i)]" : "$.attribution.claimant"
        guard parties[c] != nil else {
          r.error(path, missing("party", c.rawValue, seen: seenParties))
          continue
        }
        // The claimant counts as involved through itself or one of its descendants.
        let covered = involved.contains { id in
          var cur: Party.ID? = id
          var steps = 0
          while let x = cur, steps <= parties.count {
            if x == c { return true }
            cur = parties[x]?.parent
            steps += 1
          }
          return false
        }
        if !covered {
          r.warning(path, "claimant \(quoted(c.rawValue)) is not among the record's parties (it will not count as involved)")
        }
      }
    }
    if let source = sources[rec.source] {
      if let q = rec.quote { checkQuote(q, in: source, path: "$.quote", &r) }
    } else {
      r.error("$.source", missing("source", rec.source.rawValue, seen: seenSources))
    }
    for (i, a) in rec.also.enumerated() {
      guard let s = sources[a.source] else {
        r.error("$.also[\(i)].source", missing("source", a.source.rawValue, seen: seenSources))
        continue
      }
      if let q = a.quote { checkQuote(q, in: s, path: "$.also[\(i)].quote", &r) }
    }
  }

  func checkQuote(_ q: Quote, in source: Source, path: String, _ r: inout ItemReader) {
    switch QuoteLocator.locate(q, in: source.text) {
    case .success(let m):
      if m.ambiguous {
        r.warning("\(path).exact", "occurs more than once in source \(quoted(source.id.rawValue)) and prefix/suffix/start do not pick one; the first is used")
      }
    case .failure(.notFound):
      r.error("\(path).exact", "not found in the text of source \(quoted(source.id.rawValue)): \(quoted(q.exact))")
    case .failure(.noOccurrenceFits(let n)):
      r.error(path, "prefix/suffix/start match none of the \(n) occurrence\(n == 1 ? "" : "s") of the quote in source \(quoted(source.id.rawValue))")
    }
  }
}
