import Foundation

/// The fast load in two steps: every check (`FastLoader.check`), then the store of the
/// records kept (`storePhase`). `validate` takes the first step only
/// (`CorpusLoader.check`): it shows issues and counts, never the sorted store, its
/// columns, involved lists or link index (17% of its time at a million records).
extension FastLoader {
  /// What the record phase's checks decided, before any store is built.
  struct RecordVerdicts {
    /// The scanned items, numbered `g` in file order.
    let set: ChunkSet
    /// Each id to the first item that has it.
    var ids: IDTable
    /// Whether item `g` passed every check (its record is loaded).
    var kept: [Bool]
    /// Every link of the records kept, grouped by owner (`linkTargets`).
    let links: [LinkTarget]
    /// Holds the id bytes of links the reference decoded.
    let linkArena: ByteArena

    /// How many records are kept.
    var keptCount: Int { kept.reduce(0) { $0 + ($1 ? 1 : 0) } }
  }

  /// Everything the checks give: the parties and sources loaded, and the verdicts.
  struct Checked {
    var parties: LoadState.PartyPhase
    var lookup: PartyLookup
    var sources: SourceTable
    var verdicts: RecordVerdicts
  }

  /// The store and corpus of the records kept, from the checks' verdicts.
  ///
  /// Guarantees: the reference's corpus for the same files, with every issue the checks
  /// found (and a file changed since it was read, noted now).
  mutating func storePhase(_ checked: consuming Checked) -> CorpusLoader.Result
  {
    var timer = LoadTimer("records", timings)
    let store = store(&checked.verdicts, lookup: checked.lookup)
    withExtendedLifetime(checked.verdicts.linkArena) {}
    timer.lap("store")
    let corpus = Corpus(
      parties: checked.parties.list, sources: checked.sources.list,
      store: store)
    timer.lap("corpus")
    noteFilesChangedSinceRead()
    return CorpusLoader.Result(
      corpus: corpus, issues: state.orderedIssues(), files: fileNames.count,
      failedFiles: state.failedFiles,
      leftOut: state.leftOut)
  }

  /// The store of the kept items: built on the first pass's store when the browser gave
  /// one and every row of it is found as the check read it (`RecordStore.checked`),
  /// else from the scan.
  ///
  /// The store on the first pass's has the pass's id index: the loader's tables (16 MB
  /// at a million records) are let go of first, and made again only if it declines.
  func store(_ verdicts: inout RecordVerdicts, lookup: PartyLookup)
    -> RecordStore
  {
    var set = verdicts.set
    if provisional != nil {
      verdicts.ids.tables = []
      if let provisionalRows,
        let store = RecordStore.checked(
          onto: provisionalRows, kept: verdicts.kept, set: set,
          links: verdicts.links, lookup: lookup, files: files,
          timings: timings, decode: { [set] in record($0, set: set) })
      {
        return store
      }
      // The chunks whose rows vouched for their dates read them back from the rows.
      if let provisionalRows, set.chunks.contains(where: \.datesFromRows) {
        var timer = LoadTimer("store from the scan", timings)
        set = provisionalRows.restoring(set)
        timer.lap("dates read back from the rows")
      }
      verdicts.ids = IDTable.build(set)
    }
    return RecordStore.build(
      kept: verdicts.kept, set: set, ids: &verdicts.ids, links: verdicts.links,
      lookup: lookup, files: files.compactMap { $0 }, timings: timings,
      decode: { [set] in record($0, set: set) })
  }

  /// The checks' outcome without a store: issues and counts as `storePhase`'s result
  /// has them, and the kept records' ids looked up in the loader's id table.
  mutating func checkOutcome(_ checked: Checked) -> CorpusLoader.Check {
    noteFilesChangedSinceRead()
    let verdicts = checked.verdicts
    return CorpusLoader.Check(
      issues: state.orderedIssues(), files: fileNames.count,
      failedFiles: state.failedFiles, leftOut: state.leftOut,
      parties: checked.parties.list.count, sources: checked.sources.list.count,
      records: verdicts.keptCount,
      recordIDs: CheckedRecordIDs(
        set: verdicts.set, ids: verdicts.ids, kept: verdicts.kept))
  }
}

/// The ids of the records a check kept, asked of the loader's id table (no set of ids is
/// made: `validate` asks for the few ids annotations name).
public struct CheckedRecordIDs: Sendable {
  let set: ChunkSet
  let ids: IDTable
  let kept: [Bool]

  /// Whether a record with this id is loaded: the first item with the id (the one a full
  /// load keeps, the later ones being duplicates) passed every check.
  public func contains(_ id: Record.ID) -> Bool {
    var raw = id.rawValue
    return raw.withUTF8 { u in
      guard let start = u.baseAddress,
        let g = ids.find(ByteRef(start, u.count), set: set)
      else { return false }
      return kept[Int(g)]
    }
  }
}
