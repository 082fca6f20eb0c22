import Dispatch
import Foundation

/// The record phase on columns: duplicate ids, references, quotes, links, in the
/// reference's order of checks so every issue comes out as `LoadState.finish` words it.
///
/// Items are numbered `g` in file order across chunks (`ChunkSet`). Every pass over all
/// items runs per chunk on both cores; only items with a problem (rare) are handled one by
/// one, through the reference checks.
extension FastLoader {
  mutating func recordPhase(
    _ scanned: [ScannedChunk], parties: LoadState.PartyPhase, lookup: PartyLookup, sources: SourceTable
  ) -> CorpusLoader.Result {
    var timer = LoadTimer("records", timings)
    // Stable: runs of one file stay in order.
    let ordered = (scanned + referenceChunks()).enumerated().sorted { ($0.element.file, $0.offset) < ($1.element.file, $1.offset) }
    let set = ChunkSet(ordered.map(\.element))
    let total = set.total
    func rawItem(_ g: Int, id: String?) -> CorpusLoader.RawItem {
      let (c, l) = set.locate(g)
      let n = set.ordinal(c, l)
      return .init(
        file: set.chunks[c].file, ordinal: n, place: set.chunks[c].isLines ? .line(n, id: id) : .item(index: n, id: id),
        node: JSONNode(.null, offset: 0))
    }

    // MARK: - Duplicate ids (decodeAll): one table per hash half, one half per core.
    var ids = IDTable.build(set)
    timer.lap("ids")

    // MARK: - Decoding problems and duplicates, item by item for the few that have one.
    var kept = [Bool](repeating: true, count: total)
    var special = Set(ids.duplicates.keys.map(Int.init))
    for c in 0..<set.count {
      for l in set.chunks[c].data.fallbacks.keys { special.insert(set.starts[c] + l) }
    }
    for g in special.sorted() {
      let (c, l) = set.locate(g)
      let chunk = set.chunks[c]
      let it = chunk.data.items[l]
      let fb = it.clean ? nil : chunk.data.fallbacks[l]
      if let syntax = fb?.syntaxIssue {
        var issue = syntax
        issue.file = fileNames[chunk.file]
        let n = set.ordinal(c, l)
        if case .position(_, let column) = syntax.place { issue.place = .position(line: n, column: column) }
        state.issues.append((chunk.file, n, issue))
        state.leftOut += 1
        kept[g] = false
        continue
      }
      let raw = it.clean ? it.id : fb?.rawIDRef
      var problems = fb?.problems ?? []
      if let first = ids.duplicates[Int32(g)], let raw {
        let loc = state.location(rawItem(Int(first), id: nil))
        problems.append(.init(severity: .error, path: "$.id", message: "duplicate id \(quoted(raw.string)) (first in \(loc))"))
      }
      if !problems.isEmpty { state.report(rawItem(g, id: fb?.rawID ?? raw?.string), problems) }
      let ok = it.clean || fb?.record != nil
      if !(ok && !problems.contains(where: { $0.severity == .error })) {
        kept[g] = false
        state.leftOut += 1
      }
    }
    timer.lap("special")

    // MARK: - References, claimants, sources, quotes (checkRecord), per chunk.
    let perChunk = ResultSlots<([Int], [QuoteJob])>(count: set.count)
    kept.withUnsafeBufferPointer { keptBuffer in
      let keptFlags = UnsafeSendable(keptBuffer)
      DispatchQueue.concurrentPerform(iterations: set.count) { c in
        let chunk = set.chunks[c]
        let base = set.starts[c]
        var byReference: [Int] = []
        var jobs: [QuoteJob] = []
        chunk.data.items.withUnsafeBufferPointer { items in
          chunk.quoteBox.quotes.withUnsafeBufferPointer { quotes in
            for l in 0..<items.count where keptFlags.value[base + l] {
              let it = items[l]
              guard it.clean, !it.checkByReference, sources.find(it.source) != nil else {
                byReference.append(base + l)
                continue
              }
              let before = jobs.count
              for q in Int(it.quoteStart)..<(Int(it.quoteStart) + Int(it.quoteCount)) {
                guard let s = sources.find(quotes[q].source) else {
                  byReference.append(base + l)
                  jobs.removeSubrange(before...)
                  break
                }
                if quotes[q].needleLength >= 0 {
                  jobs.append(QuoteJob(item: Int32(base + l), source: Int32(s), chunk: Int32(c), check: Int32(q)))
                }
              }
            }
          }
        }
        perChunk[c] = (byReference, jobs)
      }
    }
    var referenceChecks = Set<Int>()
    var checks: [[QuoteJob]] = []
    for c in 0..<set.count {
      referenceChecks.formUnion(perChunk[c]!.0)
      checks.append(perChunk[c]!.1)
      perChunk[c] = nil
    }
    timer.lap("refs")
    referenceChecks.formUnion(QuoteCheckPhase.failures(&checks, chunks: set.chunks, sources: sources, timings: timings))
    timer.lap("quotes checked")
    for c in set.chunks { c.quoteBox.free() }
    timer.lap("quotes freed")
    // Freed blocks of the scanning threads' malloc arenas go back to the system now,
    // not at exit (glibc keeps them otherwise): the peak of anonymous memory is this phase.
    Platform.releaseFreeMemory()
    timer.lap("trimmed")
    var sourceByID: [Source.ID: Source]?
    for g in referenceChecks.sorted() where kept[g] {
      guard let rec = record(g, set: set) else { continue }
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
    timer.lap("reference checks")

    // MARK: - Links between records (dropUnresolved, repeated until nothing drops)
    let linkArena = ByteArena()
    let links = linkTargets(kept: kept, set: set, ids: ids, arena: linkArena)
    var changed = true
    while changed {
      changed = false
      let present = kept
      var k = 0
      while k < links.count {
        let g = Int(links[k].owner)
        var end = k
        while end < links.count && links[end].owner == links[k].owner { end += 1 }
        defer { k = end }
        guard kept[g] else { continue }
        var problems: [ItemReader.Problem] = []
        for l in links[k..<end] where !(l.target >= 0 && present[Int(l.target)]) {
          let name = ["related", "disputes", "revises"][Int(l.kind)]
          let why = l.target >= 0
            ? "record \(quoted(l.id.string)) was left out (see its error)" : "unknown record id \(quoted(l.id.string))"
          problems.append(.init(severity: .error, path: "$.\(name)[\(l.index)]", message: why))
        }
        if !problems.isEmpty {
          state.report(rawItem(g, id: set.id(of: g)?.string), problems)
          state.leftOut += 1
          kept[g] = false
          changed = true
        }
      }
    }
    timer.lap("links")

    let store = RecordStore.build(
      kept: kept, set: set, ids: &ids, links: links, lookup: lookup, files: files.compactMap { $0 },
      timings: timings, decode: { record($0, set: set) })
    withExtendedLifetime(linkArena) {}
    timer.lap("store")
    let corpus = Corpus(parties: parties.list, sources: sources.list, store: store)
    timer.lap("corpus")
    return CorpusLoader.Result(
      corpus: corpus, issues: state.orderedIssues(), files: fileNames.count, failedFiles: state.failedFiles,
      leftOut: state.leftOut)
  }

  /// A link of a kept record: owner item, kind (0 related, 1 disputes, 2 revises), index
  /// in its list, target id.
  struct LinkTarget {
    var owner: Int32
    var kind: UInt8
    var index: Int
    var id: ByteRef
    /// The first item with that id, or -1 when no item has it.
    var target: Int32
  }

  /// Every link of the kept records, grouped by owner in item order, each owner's links in
  /// the reference's order (related, disputes, revises; by index).
  func linkTargets(kept: [Bool], set: ChunkSet, ids: IDTable, arena: ByteArena) -> [LinkTarget] {
    let perChunk = ResultSlots<[LinkTarget]>(count: set.count)
    kept.withUnsafeBufferPointer { keptBuffer in
      let keptFlags = UnsafeSendable(keptBuffer)
      DispatchQueue.concurrentPerform(iterations: set.count) { c in
        let data = set.chunks[c].data
        let base = set.starts[c]
        var out: [LinkTarget] = []
        for l in data.items.indices where keptFlags.value[base + l] && data.items[l].clean {
          let it = data.items[l]
          guard it.linkCount > 0 else { continue }
          let from = out.count
          for k in Int(it.linkStart)..<(Int(it.linkStart) + Int(it.linkCount)) {
            let link = data.links[k]
            out.append(
              LinkTarget(
                owner: Int32(base + l), kind: link.kind, index: Int(link.index), id: link.id,
                target: ids.find(link.id, set: set) ?? -1))
          }
          out[from...].sort { ($0.kind, $0.index) < ($1.kind, $1.index) }
        }
        perChunk[c] = out
      }
    }
    var all: [LinkTarget] = []
    var fallbackLinks = false
    for c in 0..<set.count {
      all.append(contentsOf: perChunk[c]!)
      let base = set.starts[c]
      for (l, fb) in set.chunks[c].data.fallbacks where kept[base + l] {
        guard let rec = fb.record else { continue }
        for (kind, list) in [rec.related, rec.disputes, rec.revises].enumerated() {
          for (i, id) in list.enumerated() {
            let (p, n) = arena.copy(id.rawValue)
            let ref = ByteRef(p, n)
            all.append(LinkTarget(owner: Int32(base + l), kind: UInt8(kind), index: i, id: ref, target: ids.find(ref, set: set) ?? -1))
            fallbackLinks = true
          }
        }
      }
    }
    if fallbackLinks {
      // Owners in item order; each owner's links keep their order (stable on position).
      all = all.enumerated().sorted { ($0.element.owner, $0.offset) < ($1.element.owner, $1.offset) }.map(\.element)
    }
    return all
  }

  /// The record of item `g`, decoded by the reference (clean items from their bytes).
  func record(_ g: Int, set: ChunkSet) -> Record? {
    let (ci, l) = set.locate(g)
    let c = set.chunks[ci]
    if let fb = c.data.fallbacks[l] { return fb.record }
    let it = c.data.items[l]
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

/// The scanned chunks of one load in file order; item `g` counts on across chunks.
final class ChunkSet: @unchecked Sendable {
  let chunks: [ScannedChunk]
  /// `starts[c]` is the number of the first item of chunk `c`; the last entry is the total.
  let starts: [Int]
  /// Line numbers: runs of a `.jsonl` file count on from the runs before them.
  let lineBase: [Int]

  init(_ chunks: [ScannedChunk]) {
    self.chunks = chunks
    var starts = [0]
    var lineBase: [Int] = []
    var linesSoFar: [Int: Int] = [:]
    for c in chunks {
      starts.append(starts.last! + c.data.items.count)
      lineBase.append(c.isLines ? linesSoFar[c.file, default: 0] : 0)
      if c.isLines { linesSoFar[c.file, default: 0] += c.lineCount }
    }
    self.starts = starts
    self.lineBase = lineBase
  }

  var count: Int { chunks.count }
  var total: Int { starts[chunks.count] }

  /// Chunk and index in it of item `g`.
  @inline(__always) func locate(_ g: Int) -> (Int, Int) {
    var lo = 0
    var hi = chunks.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if starts[mid] <= g { lo = mid } else { hi = mid - 1 }
    }
    return (lo, g - starts[lo])
  }

  /// The line number (`.jsonl`) or item index of an item.
  func ordinal(_ c: Int, _ l: Int) -> Int { Int(chunks[c].data.items[l].ordinal) + lineBase[c] }

  /// The id bytes of item `g` as written (clean items), or as the reference read them.
  func id(of g: Int) -> ByteRef? {
    let (c, l) = locate(g)
    let it = chunks[c].data.items[l]
    return it.clean ? it.id : chunks[c].data.fallbacks[l]?.rawIDRef
  }
}

/// Item ids to the first item with that id, split in two tables by one hash bit so each
/// core fills one; the later items with an id already there are the duplicates.
struct IDTable: @unchecked Sendable {
  var tables: [ByteKeyTable]
  /// Duplicate item → the first item with its id.
  var duplicates: [Int32: Int32]

  static func half(_ r: ByteRef) -> Int { Int(r.hash >> 31) }

  static func build(_ set: ChunkSet) -> IDTable {
    let slots = ResultSlots<(ByteKeyTable, [(Int32, Int32)])>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      var table = ByteKeyTable(capacity: set.total / 2 + 16)
      var dups: [(Int32, Int32)] = []
      for c in 0..<set.count {
        let data = set.chunks[c].data
        let base = set.starts[c]
        data.items.withUnsafeBufferPointer { items in
          for l in 0..<items.count {
            let raw: ByteRef
            if items[l].clean {
              raw = items[l].id
            } else {
              guard let fb = data.fallbacks[l], fb.syntaxIssue == nil, let r = fb.rawIDRef else { continue }
              raw = r
            }
            guard half(raw) == part else { continue }
            let g = Int32(base + l)
            if let first = table.insert(raw, value: g, key: { set.id(of: Int($0))! }) { dups.append((g, first)) }
          }
        }
      }
      slots[part] = (table, dups)
    }
    var duplicates: [Int32: Int32] = [:]
    for part in 0..<2 { for (g, f) in slots[part]!.1 { duplicates[g] = f } }
    return IDTable(tables: [slots[0]!.0, slots[1]!.0], duplicates: duplicates)
  }

  /// The first item with this id.
  func find(_ r: ByteRef, set: ChunkSet) -> Int32? {
    tables[IDTable.half(r)].find(r) { set.id(of: Int($0))! }
  }
}

/// A value handed to concurrent work that only reads it.
struct UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
