import Foundation

/// The record phase on columns: duplicate ids, references, quotes, links, in the
/// reference's order of checks so every issue comes out as `LoadState.finish` words it.
extension FastLoader {
  /// Where a scanned item is: chunk and index in it.
  struct ItemAt {
    var chunk: Int
    var local: Int
  }

  mutating func recordPhase(
    _ scanned: [ScannedChunk], parties: LoadState.PartyPhase, lookup: PartyLookup, sources: SourceTable
  ) -> CorpusLoader.Result {
    var chunks = scanned + referenceChunks()
    chunks.sort { $0.file < $1.file }  // stable: runs of one file stay in order
    // Line numbers: runs of a `.jsonl` file count on from the runs before them.
    var lineBase: [Int] = []
    var linesSoFar: [Int: Int] = [:]
    for c in chunks {
      lineBase.append(c.isLines ? linesSoFar[c.file, default: 0] : 0)
      if c.isLines { linesSoFar[c.file, default: 0] += c.lineCount }
    }
    var at: [ItemAt] = []
    for (ci, c) in chunks.enumerated() {
      for l in c.data.items.indices { at.append(ItemAt(chunk: ci, local: l)) }
    }
    let total = at.count
    func ordinal(_ g: Int) -> Int {
      let a = at[g]
      return Int(chunks[a.chunk].data.items[a.local].ordinal) + lineBase[a.chunk]
    }
    func rawItem(_ g: Int, id: String?) -> CorpusLoader.RawItem {
      let c = chunks[at[g].chunk]
      let n = ordinal(g)
      return .init(
        file: c.file, ordinal: n, place: c.isLines ? .line(n, id: id) : .item(index: n, id: id),
        node: JSONNode(.null, offset: 0))
    }
    func fallback(_ g: Int) -> RecordScanChunk.Fallback? { chunks[at[g].chunk].data.fallbacks[at[g].local] }
    func item(_ g: Int) -> RecordScanChunk.Item { chunks[at[g].chunk].data.items[at[g].local] }

    // MARK: - Decoding problems and duplicate ids (decodeAll)
    var kept = [Bool](repeating: false, count: total)
    var rawIDs = [ByteRef?](repeating: nil, count: total)
    var table = ByteKeyTable(capacity: total)
    for g in 0..<total {
      let it = item(g)
      let fb = it.clean ? nil : fallback(g)
      if let syntax = fb?.syntaxIssue {
        let c = chunks[at[g].chunk]
        var issue = syntax
        issue.file = fileNames[c.file]
        if case .position(_, let column) = syntax.place { issue.place = .position(line: ordinal(g), column: column) }
        state.issues.append((c.file, ordinal(g), issue))
        state.leftOut += 1
        continue
      }
      let raw = it.clean ? it.id : fb?.rawIDRef
      rawIDs[g] = raw
      var problems = fb?.problems ?? []
      if let raw, let first = table.insert(raw, value: Int32(g), key: { rawIDs[Int($0)]! }) {
        let loc = state.location(rawItem(Int(first), id: nil))
        problems.append(.init(severity: .error, path: "$.id", message: "duplicate id \(quoted(raw.string)) (first in \(loc))"))
      }
      if !problems.isEmpty { state.report(rawItem(g, id: fb?.rawID ?? raw?.string), problems) }
      let ok = it.clean || fb?.record != nil
      if ok && !problems.contains(where: { $0.severity == .error }) { kept[g] = true } else { state.leftOut += 1 }
    }

    // MARK: - References, claimants, sources, quotes (checkRecord)
    var byReference = [Bool](repeating: false, count: total)
    var checks: [QuoteJob] = []
    for g in 0..<total where kept[g] {
      let it = item(g)
      guard it.clean, !it.checkByReference, sources.find(it.source) != nil else {
        byReference[g] = true
        continue
      }
      let data = chunks[at[g].chunk].data
      for q in Int(it.quoteStart)..<(Int(it.quoteStart) + Int(it.quoteCount)) {
        guard let s = sources.find(data.quotes[q].source) else {
          byReference[g] = true
          break
        }
        if data.quotes[q].needleLength >= 0 {
          checks.append(QuoteJob(item: Int32(g), source: Int32(s), chunk: Int32(at[g].chunk), check: Int32(q)))
        }
      }
    }
    for g in QuoteCheckPhase.failures(checks, chunks: chunks, sources: sources) { byReference[g] = true }
    var sourceByID: [Source.ID: Source]?
    for g in 0..<total where kept[g] && byReference[g] {
      guard let rec = record(g, chunks: chunks, at: at) else { continue }
      if sourceByID == nil { sourceByID = sources.byID() }
      var r = ItemReader()
      state.checkRecord(
        rec, parties: parties.byID, seenParties: parties.seen, sources: sourceByID!, seenSources: sources.seen, &r)
      if !r.problems.isEmpty { state.report(rawItem(g, id: rec.id.rawValue), r.problems) }
      if r.hasError {
        kept[g] = false
        state.leftOut += 1
      }
    }

    // MARK: - Links between records (dropUnresolved, repeated until nothing drops)
    let linkArena = ByteArena()
    let links = linkTargets(kept: kept, chunks: chunks, at: at, table: table, rawIDs: rawIDs, arena: linkArena)
    var changed = true
    while changed {
      changed = false
      let present = kept
      for (g, list) in links where kept[g] {
        var problems: [ItemReader.Problem] = []
        for l in list where !(l.target >= 0 && present[Int(l.target)]) {
          let name = ["related", "disputes", "revises"][Int(l.kind)]
          let why = l.target >= 0
            ? "record \(quoted(l.id.string)) was left out (see its error)" : "unknown record id \(quoted(l.id.string))"
          problems.append(.init(severity: .error, path: "$.\(name)[\(l.index)]", message: why))
        }
        if !problems.isEmpty {
          state.report(rawItem(g, id: rawIDs[g]?.string), problems)
          state.leftOut += 1
          kept[g] = false
          changed = true
        }
      }
    }

    let store = RecordStore.build(
      kept: kept, chunks: chunks, at: at, links: links, lookup: lookup, files: files.compactMap { $0 },
      decode: { record($0, chunks: chunks, at: at) })
    withExtendedLifetime(linkArena) {}
    let corpus = Corpus(parties: parties.list, sources: sources.list, store: store)
    return CorpusLoader.Result(
      corpus: corpus, issues: state.orderedIssues(), files: fileNames.count, failedFiles: state.failedFiles,
      leftOut: state.leftOut)
  }

  /// A link of a kept record: kind (0 related, 1 disputes, 2 revises), index, target item.
  struct LinkTarget {
    var kind: UInt8
    var index: Int
    var id: ByteRef
    /// The first item with that id, or -1 when no item has it.
    var target: Int32
  }

  func linkTargets(
    kept: [Bool], chunks: [ScannedChunk], at: [ItemAt], table: ByteKeyTable, rawIDs: [ByteRef?], arena: ByteArena
  ) -> [(Int, [LinkTarget])] {
    var out: [(Int, [LinkTarget])] = []
    for g in 0..<at.count where kept[g] {
      let data = chunks[at[g].chunk].data
      let it = data.items[at[g].local]
      var list: [LinkTarget] = []
      if it.clean {
        for k in Int(it.linkStart)..<(Int(it.linkStart) + Int(it.linkCount)) {
          let l = data.links[k]
          list.append(LinkTarget(kind: l.kind, index: Int(l.index), id: l.id, target: -1))
        }
        list.sort { ($0.kind, $0.index) < ($1.kind, $1.index) }
      } else if let rec = data.fallbacks[at[g].local]?.record {
        for (kind, ids) in [rec.related, rec.disputes, rec.revises].enumerated() {
          for (i, id) in ids.enumerated() {
            let (p, n) = arena.copy(id.rawValue)
            list.append(LinkTarget(kind: UInt8(kind), index: i, id: ByteRef(p, n), target: -1))
          }
        }
      }
      guard !list.isEmpty else { continue }
      for i in list.indices {
        list[i].target = table.find(list[i].id) { rawIDs[Int($0)]! } ?? -1
      }
      out.append((g, list))
    }
    return out
  }

  /// The record of item `g`, decoded by the reference (clean items from their bytes).
  func record(_ g: Int, chunks: [ScannedChunk], at: [ItemAt]) -> Record? {
    let c = chunks[at[g].chunk]
    if let fb = c.data.fallbacks[at[g].local] { return fb.record }
    let it = c.data.items[at[g].local]
    guard let f = files[c.file] else { return nil }
    return RecordStore.decode(f.base! + it.start, Int(it.length), depthBase: c.depthBase)
  }

  /// Records of envelopes the reference reader parsed (odd roots), as decoded items.
  mutating func referenceChunks() -> [ScannedChunk] {
    var byFile: [Int: RecordScanChunk] = [:]
    for raw in state.raw[.records] ?? [] {
      var chunk = byFile[raw.file] ?? RecordScanChunk()
      let index = chunk.items.count
      ChunkScan.fallback(UnsafeRawBufferPointer(start: nil, count: 0), offset: -1, ordinal: Int32(raw.ordinal), depthLimit: 62, into: &chunk)
      var r = ItemReader()
      let rec = ItemDecoding.record(raw.node, &r)
      var fb = RecordScanChunk.Fallback(problems: r.problems, record: rec, rawID: LoadState.idOf(raw.node), syntaxIssue: nil)
      if let id = fb.rawID {
        let (p, n) = chunk.ids.copy(id)
        fb.rawIDRef = ByteRef(p, n)
      }
      chunk.fallbacks[index] = fb
      byFile[raw.file] = chunk
    }
    return byFile.keys.sorted().map { ScannedChunk(file: $0, data: byFile[$0]!, lineCount: 0, isLines: false, depthBase: -1) }
  }
}

/// One quote to check: which item, which source, where the quote is.
struct QuoteJob {
  var item: Int32
  var source: Int32
  var chunk: Int32
  var check: Int32
}
