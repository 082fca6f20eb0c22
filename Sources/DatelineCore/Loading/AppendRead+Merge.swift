import Foundation

/// The appended lines validated as a full load validates them, then merged.
extension AppendBase {
  func merge(_ grown: [(index: Int, bytes: [UInt8])], files next: [DataFile])
    -> AppendOutcome
  {
    var state = LoadState(directory: directory, fileNames: files.map(\.name))
    let arena = ByteArena()
    var newFiles = next
    let itemAt = readAppended(grown, into: &newFiles, &state, arena: arena)
    var (records, seen) = state.decodeAll(
      .records, id: { (r: Record) in r.id.rawValue },
      decode: ItemDecoding.record)
    // An id taken by a loaded record: which of the two a full load keeps depends on the
    // order of the files, and the message names the first.
    if seen.contains(where: { corpus.recordIndex[Record.ID($0)] != nil }) {
      return .fullLoadNeeded("an appended line reuses a loaded record's id")
    }
    records = checkReferences(records, &state)
    state.dropUnresolved(
      &records, seen: seen, what: "record",
      refs: { r in
        r.related.enumerated().map { ("$.related[\($0)]", $1.rawValue) }
          + r.disputes.enumerated().map { ("$.disputes[\($0)]", $1.rawValue) }
          + r.revises.enumerated().map { ("$.revises[\($0)]", $1.rawValue) }
      }, id: { $0.id.rawValue },
      outside: { corpus.recordIndex[Record.ID($0)] != nil })
    var added: [RecordStore.AppendedItem] = []
    for (item, record) in records {
      guard case .line(let line, _) = item.place,
        let (p, n) = itemAt[item.file]?[line]
      else { continue }
      added.append(.init(record: record, item: p, length: n))
    }
    let store = RecordStore(
      corpus.store, appending: added, lookup: corpus.partyLookup, arena: arena)
    let merged = Corpus(
      parties: corpus.parties, sources: corpus.sources, store: store)
    let newIssues = state.orderedIssues()
    return .appended(
      AppendBase(
        self, files: newFiles, corpus: merged, issues: merging(newIssues),
        owner: arena),
      added: added.compactMap { merged.recordIndex[$0.record.id] }.sorted(),
      errors: newIssues.count(where: \.isError))
  }

  /// Copies the appended bytes of each grown file into `arena`, has `state` read their
  /// lines (numbered on from the file's loaded lines) and adds them to `newFiles`.
  ///
  /// Guarantees: the result gives each new line's item bytes (as ChunkScan.lines takes
  /// them: without a CR before the newline), by file and line number, in `arena`.
  func readAppended(
    _ grown: [(index: Int, bytes: [UInt8])], into newFiles: inout [DataFile],
    _ state: inout LoadState, arena: ByteArena
  ) -> [Int: [Int: (UnsafeRawPointer, Int32)]] {
    var itemAt: [Int: [Int: (UnsafeRawPointer, Int32)]] = [:]
    for (k, bytes) in grown {
      let copy = bytes.withUnsafeBufferPointer {
        arena.copy($0.start, $0.count)
      }
      let buffer = UnsafeRawBufferPointer(start: copy, count: bytes.count)
      state.readLines(k, buffer, firstLine: files[k].lines)
      var line = files[k].lines
      var start = 0
      while start < buffer.count,
        let end = buffer[start...].firstIndex(of: 0x0A)
      {
        line += 1
        let lineEnd = end > start && buffer[end - 1] == 0x0D ? end - 1 : end
        itemAt[k, default: [:]][line] = (
          UnsafeRawPointer(copy) + start, Int32(lineEnd - start)
        )
        start = end + 1
      }
      newFiles[k].digests += FileDigest.of(buffer, at: files[k].consumed)
      newFiles[k].consumed += bytes.count
      newFiles[k].lines = line
    }
    return itemAt
  }

  /// Parties, sources and quotes of each record, as `LoadState.finish` checks them
  /// against the loaded parties and sources (none was left out: the data had no errors).
  func checkReferences(
    _ records: [(LoadState.RawItem, Record)], _ state: inout LoadState
  ) -> [(
    LoadState.RawItem, Record
  )] {
    var parties: [Party.ID: Party] = [:]
    for p in corpus.parties { parties[p.id] = p }
    var sources: [Source.ID: Source] = [:]
    for s in corpus.sources where sources[s.id] == nil { sources[s.id] = s }
    let seenParties = Set(corpus.parties.map(\.id.rawValue))
    let seenSources = Set(corpus.sources.map(\.id.rawValue))
    var checked: [(LoadState.RawItem, Record)] = []
    for (item, record) in records {
      var r = ItemReader()
      state.checkRecord(
        record, parties: parties, seenParties: seenParties, sources: sources,
        seenSources: seenSources, &r)
      state.report(item, r.problems)
      if !r.hasError { checked.append((item, record)) }
    }
    return checked
  }

  /// The loaded issues and the new lines' in file order: a new line comes after every
  /// issue of its file (its number is higher) and before those of later files.
  func merging(_ new: [LoadIssue]) -> [LoadIssue] {
    guard !new.isEmpty else { return issues }
    var index: [String: Int] = [:]
    for (k, f) in files.enumerated() { index[f.name] = k }
    let all =
      issues.map { (index[$0.file] ?? -1, 0, $0) }
      + new.map { (index[$0.file] ?? -1, 1, $0) }
    return all.enumerated().sorted { a, b in
      let (x, y) = (a.element, b.element)
      if x.0 != y.0 { return x.0 < y.0 }
      if x.1 != y.1 { return x.1 < y.1 }
      return a.offset < b.offset
    }.map { $0.element.2 }
  }
}
