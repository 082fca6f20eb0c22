/// The cross-item phase: ids, references, parent cycles, texts and quotes.
extension LoadState {
  typealias RawItem = CorpusLoader.RawItem

  mutating func report(_ item: RawItem, _ problems: [ItemReader.Problem]) {
    guard
      let fileName = fileNames.indices.contains(item.file)
        ? fileNames[item.file] : nil
    else { return }
    for p in problems {
      issues.append(
        (
          item.file, item.ordinal,
          LoadIssue(
            p.severity, file: fileName, place: item.place, path: p.path,
            message: p.message)
        ))
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
          r.error(
            "$.id",
            "duplicate id \(quoted(rawID)) (first in \(location(first)))")
        } else {
          firstAt[rawID] = item
        }
      }
      report(item, r.problems)
      if let value, !r.hasError {
        loaded.append((item, value))
      } else {
        leftOut += 1
      }
    }
    return (loaded, Set(firstAt.keys))
  }

  /// Drops items whose references do not resolve, until nothing more drops: an item that
  /// refers to a left-out item is left out too (SCHEMA.md "Errors").
  ///
  /// In rounds, as the rule reads (an item's problems are the references missing when its
  /// round starts), but each round looks only at the items that refer to one left out in
  /// the round before: a chain of 10,000 parents whose root is missing costs 10,000 steps,
  /// not 10,000 passes over every item.
  /// `outside`: ids present beyond `items` (the records loaded before lines appended).
  mutating func dropUnresolved<T>(
    _ items: inout [(RawItem, T)], seen: Set<String>, what: String,
    refs: (T) -> [(path: String, id: String)], id: (T) -> String,
    outside: (String) -> Bool = { _ in false }
  ) {
    var present: [String: Int] = [:]
    var referrers: [String: [Int]] = [:]
    for (k, (_, value)) in items.enumerated() {
      present[id(value), default: 0] += 1
      for ref in refs(value) { referrers[ref.id, default: []].append(k) }
    }
    var alive = [Bool](repeating: true, count: items.count)
    var candidates = Array(items.indices)
    while !candidates.isEmpty {
      var dropped: [Int] = []
      for k in candidates where alive[k] {
        var problems: [ItemReader.Problem] = []
        for ref in refs(items[k].1)
        where (present[ref.id] ?? 0) == 0 && !outside(ref.id) {
          let why =
            seen.contains(ref.id)
            ? "\(what) \(quoted(ref.id)) was left out (see its error)"
            : "unknown \(what) id \(quoted(ref.id))"
          problems.append(.init(severity: .error, path: ref.path, message: why))
        }
        guard !problems.isEmpty else { continue }
        report(items[k].0, problems)
        leftOut += 1
        dropped.append(k)
      }
      for k in dropped {
        alive[k] = false
        present[id(items[k].1), default: 1] -= 1
      }
      var next = Set<Int>()
      for k in dropped {
        for r in referrers[id(items[k].1)] ?? [] where alive[r] {
          next.insert(r)
        }
      }
      candidates = next.sorted()
    }
    if alive.contains(false) {
      items = items.indices.filter { alive[$0] }.map { items[$0] }
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
    var (parties, seenParties) = decodeAll(
      .parties, id: { (p: Party) in p.id.rawValue }, decode: ItemDecoding.party)
    dropUnresolved(
      &parties, seen: seenParties, what: "party",
      refs: { p in p.parent.map { [("$.parent", $0.rawValue)] } ?? [] },
      id: { $0.id.rawValue })
    dropCycles(&parties)
    dropPartiesPastTheLimit(&parties)
    var takenKeys: [Int: Party.ID] = [:]
    for i in parties.indices {
      guard let k = parties[i].1.key else { continue }
      if let holder = takenKeys[k] {
        report(
          parties[i].0,
          [
            .init(
              severity: .warning, path: "$.key",
              message:
                "key \"\(k)\" is already taken by party \(quoted(holder.rawValue)); a free digit is used"
            )
          ])
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

  /// The reference load: parties, sources, records, each item by the rules of
  /// SCHEMA.md, in that order.
  ///
  /// Guarantees: the corpus holds exactly the items that pass every rule, and the issues
  /// come in file and item order, each worded once by the reference's checks.
  mutating func finish() -> CorpusLoader.Result {
    let partyPhase = partyPhase()
    let (sourceList, seenSources) = finishSources()
    var sourceByID: [Source.ID: Source] = [:]
    for s in sourceList { sourceByID[s.id] = s }
    let records = finishRecords(
      parties: partyPhase, sources: sourceByID, seenSources: seenSources)
    let corpus = Corpus(
      parties: partyPhase.list, sources: sourceList, records: records)
    let ordered = orderedIssues()
    return CorpusLoader.Result(
      corpus: corpus, issues: ordered, files: fileNames.count,
      failedFiles: failedFiles, leftOut: leftOut)
  }

  /// Sources as the reference loads them: decoded, first of each id wins, each
  /// `text_path` file read into the source's text.
  ///
  /// Guarantees: a source whose text file cannot be read is left out with its error and
  /// its id still counts as seen (so records naming it say "was left out").
  mutating func finishSources() -> (list: [Source], seen: Set<String>) {
    let (sources, decodedIDs) = decodeAll(
      .sources,
      id: { (s: (source: Source, textPath: String?)) in s.source.id.rawValue },
      decode: ItemDecoding.source)
    var seenSources = decodedIDs
    var sourceList: [Source] = []
    for (item, s) in sources {
      var source = s.source
      if let path = s.textPath {
        switch TextPathReader.read(path, in: directory) {
        case .success(let text): source.text = text
        case .failure(let problem):
          report(
            item,
            [
              .init(
                severity: .error, path: "$.text_path", message: problem.message)
            ])
          leftOut += 1
          seenSources.insert(source.id.rawValue)
          continue
        }
      }
      sourceList.append(source)
    }
    return (sourceList, seenSources)
  }

  /// Records as the reference loads them: decoded, first of each id wins, checked
  /// against parties and sources (`checkRecord`), then links resolved in rounds.
  ///
  /// Guarantees: the records kept, in file order; every other one counted as left out
  /// with its issues reported.
  mutating func finishRecords(
    parties: PartyPhase, sources: [Source.ID: Source], seenSources: Set<String>
  ) -> [Record] {
    var (records, seenRecords) = decodeAll(
      .records, id: { (r: Record) in r.id.rawValue },
      decode: ItemDecoding.record)
    var checked: [(RawItem, Record)] = []
    for (item, rec) in records {
      var r = ItemReader()
      checkRecord(
        rec, parties: parties.byID, seenParties: parties.seen,
        sources: sources, seenSources: seenSources, &r)
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
    return records.map(\.1)
  }

  /// Parties whose parent chain loops are errors, each naming the loop.
  /// Leaves out every party on a parent cycle, each with the cycle as its error.
  ///
  /// Linear in the number of parties, however deep the chains: each party is walked once
  /// (colours: not seen, on the current walk, done), so a 10,000-level chain costs
  /// 10,000 steps, not 10,000² (issue 13).
  mutating func dropCycles(_ parties: inout [(RawItem, Party)]) {
    var index: [Party.ID: Int] = [:]
    for (i, (_, p)) in parties.enumerated() where index[p.id] == nil {
      index[p.id] = i
    }
    let parent = parties.map { $0.1.parent.flatMap { index[$0] } ?? -1 }
    // 0: not seen; 1: on the walk in progress; 2: done.
    var colour = [UInt8](repeating: 0, count: parties.count)
    var inCycle = [Bool](repeating: false, count: parties.count)
    var cycles: [[Int]] = []
    var walk: [Int] = []
    for start in parties.indices where colour[start] == 0 {
      walk.removeAll(keepingCapacity: true)
      var cur = start
      while cur >= 0 && colour[cur] == 0 {
        colour[cur] = 1
        walk.append(cur)
        cur = parent[cur]
      }
      if cur >= 0 && colour[cur] == 1, let from = walk.lastIndex(of: cur) {
        let cycle = Array(walk[from...])
        for c in cycle { inCycle[c] = true }
        cycles.append(cycle)
      }
      for w in walk { colour[w] = 2 }
    }
    guard !cycles.isEmpty else { return }
    for cycle in cycles {
      for (k, member) in cycle.enumerated() {
        // From this party around the cycle and back to it; a long cycle is shortened.
        func id(_ step: Int) -> String {
          parties[cycle[(k + step) % cycle.count]].1.id.rawValue
        }
        let ids =
          cycle.count < 12
          ? (0...cycle.count).map(id)
          : (0..<5).map(id) + ["… (\(cycle.count) parties)", id(cycle.count)]
        report(
          parties[member].0,
          [
            .init(
              severity: .error, path: "$.parent",
              message: "parent cycle: \(ids.joined(separator: " → "))")
          ])
      }
    }
    let seen = Set(parties.map(\.1.id.rawValue))
    let before = parties.count
    parties = parties.indices.filter { !inCycle[$0] }.map { parties[$0] }
    leftOut += before - parties.count
    // Children of a party in a cycle now point at a left-out parent.
    dropUnresolved(
      &parties, seen: seen, what: "party",
      refs: { p in p.parent.map { [("$.parent", $0.rawValue)] } ?? [] },
      id: { $0.id.rawValue })
  }

  /// Party indexes are 16 bits in the record store: past 65,535 parties, the rest are left
  /// out, each with an error that says so (and records naming them get theirs).
  mutating func dropPartiesPastTheLimit(_ parties: inout [(RawItem, Party)]) {
    let limit = Int(UInt16.max)
    guard parties.count > limit else { return }
    let seen = Set(parties.map(\.1.id.rawValue))
    for (item, _) in parties[limit...] {
      report(
        item,
        [
          .init(
            severity: .error, path: "$",
            message:
              "more than 65,535 parties: dateline keeps the first 65,535 and leaves this one out"
          )
        ])
    }
    leftOut += parties.count - limit
    parties.removeSubrange(limit...)
    dropUnresolved(
      &parties, seen: seen, what: "party",
      refs: { p in p.parent.map { [("$.parent", $0.rawValue)] } ?? [] },
      id: { $0.id.rawValue })
  }
}
