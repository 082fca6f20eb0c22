import Dispatch
import Foundation

/// The record phase on columns: duplicate ids, references, quotes, links, in the
/// reference's order of checks so every issue comes out as `LoadState.finish` words it.
///
/// Items are numbered `g` in file order across chunks (`ChunkSet`). Every pass over all
/// items runs per chunk on both cores; only items with a problem (rare) are handled one by
/// one, through the reference checks.
extension FastLoader {
  /// The record phase's checks, step by step (each step's guarantees are in its
  /// comment); no store (`storePhase` builds it).
  ///
  /// Guarantees: the issues and left-out count are the reference's (`LoadState.finish`)
  /// for the same files, issues in its order and words; the verdicts keep exactly the
  /// items whose records the reference keeps.
  mutating func recordChecks(
    _ scanned: [ScannedChunk], parties: LoadState.PartyPhase,
    sources: SourceTable
  ) -> RecordVerdicts {
    var timer = LoadTimer("records", timings)
    // Stable: runs of one file stay in order.
    let ordered = (scanned + referenceChunks()).enumerated().sorted {
      ($0.element.file, $0.offset) < ($1.element.file, $1.offset)
    }
    let set = ChunkSet(ordered.map(\.element))
    // The quotes first (those of pieces not checked while the scan went on): their
    // checks and normalized bytes, the largest part of what the scan holds, are freed
    // before the id table is made, so the two are never resident at once. An item left
    // out below had its quotes checked for nothing (a rare item).
    checkQuotes(set.chunks.filter { !$0.quoteBox.checked }, sources: sources)
    let referenceChecks = FastLoader.referenceItems(set)
    timer.lap("quotes")
    let ids = IDTable.build(set)
    timer.lap("ids")
    var kept = decodingProblems(set, ids: ids)
    timer.lap("special")
    referenceCheck(
      referenceChecks, set: set, parties: parties, sources: sources, kept: &kept
    )
    timer.lap("reference checks")
    let linkArena = ByteArena()
    let links = linkTargets(kept: kept, set: set, ids: ids, arena: linkArena)
    dropUnresolvedLinks(links, set: set, kept: &kept)
    timer.lap("links")
    return RecordVerdicts(
      set: set, ids: ids, kept: kept, links: links, linkArena: linkArena)
  }

  /// Item `g` as the reference's issue locations name it (file, line or item index, id).
  func rawItem(_ g: Int, id: String?, set: ChunkSet) -> CorpusLoader.RawItem {
    let (c, l) = set.locate(g)
    let n = set.ordinal(c, l)
    return .init(
      file: set.chunks[c].file, ordinal: n,
      place: set.chunks[c].isLines ? .line(n, id: id) : .item(index: n, id: id),
      node: JSONNode(.null, offset: 0))
  }

  /// Decoding problems and duplicate ids (`decodeAll`), item by item for the few items
  /// that have one (syntax errors, items the scan gave to the reference, later items
  /// with an id already seen).
  ///
  /// Guarantees: every such item's issues are reported as the reference words them, in
  /// item order; the result is false for exactly the items the reference leaves out at
  /// this stage (and `state.leftOut` counts them), true for every other.
  mutating func decodingProblems(_ set: ChunkSet, ids: IDTable) -> [Bool] {
    var kept = [Bool](repeating: true, count: set.total)
    var special = Set(ids.duplicates.keys.map(Int.init))
    for c in 0..<set.count {
      for l in set.chunks[c].data.fallbacks.keys {
        special.insert(set.starts[c] + l)
      }
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
        if case .position(_, let column) = syntax.place {
          issue.place = .position(line: n, column: column)
        }
        state.issues.append((chunk.file, n, issue))
        state.leftOut += 1
        kept[g] = false
        continue
      }
      let raw = it.clean ? it.id : fb?.rawIDRef
      var problems = fb?.problems ?? []
      if let first = ids.duplicates[Int32(g)], let raw {
        let loc = state.location(rawItem(Int(first), id: nil, set: set))
        problems.append(
          .init(
            severity: .error, path: "$.id",
            message: "duplicate id \(quoted(raw.string)) (first in \(loc))"))
      }
      if !problems.isEmpty {
        state.report(
          rawItem(g, id: fb?.rawID ?? raw?.string, set: set), problems)
      }
      let ok = it.clean || fb?.record != nil
      if !(ok && !problems.contains(where: { $0.severity == .error })) {
        kept[g] = false
        state.leftOut += 1
      }
    }
    return kept
  }

  /// References, claimants and sources of every item, per chunk on every core, before
  /// any is known to be left out (`referenceCheck` passes over those).
  ///
  /// Guarantees: the result holds every item the columns cannot vouch for (not clean,
  /// flagged by the scan, or naming a source that is not loaded), for the reference's
  /// `checkRecord`; each chunk's quote box holds one check for every quote of every
  /// other item, laid out by `buckets` (`QuoteBox.bucket`).
  func sourceChecks(
    _ set: ChunkSet, sources: SourceTable, buckets: QuoteBuckets
  ) -> Set<Int> {
    let perChunk = ResultSlots<[Int]>(count: set.count)
    DispatchQueue.concurrentPerform(iterations: set.count) { c in
      let chunk = set.chunks[c]
      let base = set.starts[c]
      var byReference: [Int] = []
      var jobs: [QuoteJob] = []
      // Each source id the chunk names, looked up once (-1: not loaded).
      let loaded = chunk.quoteBox.sources.map { sources.find($0) ?? -1 }
      chunk.data.items.withUnsafeBufferPointer { items in
        chunk.quoteBox.quotes.withUnsafeBufferPointer { quotes in
          // An item's checks follow those of the items before it.
          var quoteEnd = 0
          let itemSources = chunk.quoteBox.itemSources
          for l in 0..<items.count {
            let it = items[l]
            let quoteStart = quoteEnd
            quoteEnd += Int(it.quoteCount)
            guard it.clean, !it.checkByReference,
              loaded[Int(itemSources[l])] >= 0
            else {
              byReference.append(base + l)
              continue
            }
            let before = jobs.count
            for q in quoteStart..<quoteEnd {
              let s = loaded[Int(quotes[q].source)]
              guard s >= 0 else {
                byReference.append(base + l)
                jobs.removeSubrange(before...)
                break
              }
              if quotes[q].needleLength >= 0 {
                jobs.append(
                  QuoteJob(
                    item: Int32(base + l), source: Int32(s), chunk: Int32(c),
                    check: Int32(q)))
              }
            }
          }
        }
      }
      chunk.quoteBox.bucket(jobs, by: buckets)
      perChunk[c] = byReference
    }
    var referenceChecks = Set<Int>()
    for c in 0..<set.count {
      referenceChecks.formUnion(perChunk.filled(c))
      perChunk[c] = nil
    }
    return referenceChecks
  }

  /// The reference's `checkRecord` for each kept item in `items`, in item order.
  ///
  /// Guarantees: its problems reported as the reference words them; an item with an error
  /// is no longer kept (and counted as left out).
  mutating func referenceCheck(
    _ items: Set<Int>, set: ChunkSet, parties: LoadState.PartyPhase,
    sources: SourceTable, kept: inout [Bool]
  ) {
    var sourceByID: [Source.ID: Source]?
    for g in items.sorted() where kept[g] {
      guard let rec = record(g, set: set) else {
        // Its bytes could not be read again (the file changed since the scan; see
        // `noteFilesChangedSinceRead`): not kept unchecked.
        kept[g] = false
        state.leftOut += 1
        continue
      }
      let byID = sourceByID ?? sources.byID()
      sourceByID = byID
      var r = ItemReader()
      state.checkRecord(
        rec, parties: parties.byID, seenParties: parties.seen,
        sources: byID, seenSources: sources.seen, &r)
      if !r.problems.isEmpty {
        state.report(rawItem(g, id: rec.id.rawValue, set: set), r.problems)
      }
      if r.hasError {
        kept[g] = false
        state.leftOut += 1
      }
    }
  }

  /// The record of item `g`, decoded by the reference (clean items from their bytes,
  /// read again for a file read window by window); nil when those bytes cannot be read.
  func record(_ g: Int, set: ChunkSet) -> Record? {
    let (ci, l) = set.locate(g)
    let c = set.chunks[ci]
    if let fb = c.data.fallbacks[l] { return fb.record }
    let it = c.data.items[l]
    guard let f = files[c.file],
      f.ensure(it.start..<(it.start + Int(it.length)))
    else { return nil }
    return RecordStore.decode(
      f.bytes.start + it.start, Int(it.length), depthBase: c.depthBase)
  }

  /// Warns about each file read window by window that is no longer the file that was
  /// opened (it shrank, or was written or replaced while it was read).
  mutating func noteFilesChangedSinceRead() {
    for (fi, f) in files.enumerated()
    where f?.isDeferred == true && f?.unchangedSinceOpen() == false {
      state.fileIssue(
        fi, .warning,
        LoadState.changedWhileRead
      )
    }
  }

  /// Records of envelopes the reference reader parsed (odd roots), as decoded items.
  mutating func referenceChunks() -> [ScannedChunk] {
    var byFile: [Int: RecordScanChunk] = [:]
    for raw in state.raw[.records] ?? [] {
      var chunk = byFile[raw.file] ?? RecordScanChunk()
      let index = chunk.items.count
      ChunkScan.fallback(
        UnsafeRawBufferPointer(start: nil, count: 0), offset: -1,
        ordinal: Int32(raw.ordinal), depthLimit: 62,
        into: &chunk)
      var r = ItemReader()
      let rec = ItemDecoding.record(raw.node, &r)
      var fb = RecordScanChunk.Fallback(
        problems: r.problems, record: rec, rawID: LoadState.idOf(raw.node),
        syntaxIssue: nil)
      if let id = fb.rawID {
        let (p, n) = chunk.ids.copy(id)
        fb.rawIDRef = ByteRef(p, n)
      }
      chunk.fallbacks[index] = fb
      byFile[raw.file] = chunk
    }
    return byFile.sorted { $0.key < $1.key }.map { file, data in
      ScannedChunk(
        file: file, data: data, lineCount: 0, isLines: false, depthBase: -1
      )
      .boxingQuotes()
    }
  }
}

/// One quote to check: which item, which source, where the quote is.
struct QuoteJob {
  var item: Int32
  var source: Int32
  var chunk: Int32
  var check: Int32
}
