import Foundation

/// The sources job: the sources envelopes read and scanned on one core while the other
/// scans records, then the source phase.
extension FastLoader {
  /// What the sources job does once its items are scanned: the deferred sources
  /// envelopes scanned, the source phase run on a copy of this loader, and the sources'
  /// pages handed back while the other core still scans records.
  ///
  /// Guarantees: `phase[0]` holds the source table, the copy's state (whose issues
  /// past the copy's start are the source phase's) and its files once the job ends.
  func sourcesJob(_ plan: Plan, into phase: ResultSlots<SourcesOutcome>)
    -> SourcesJob
  {
    let copy = self
    let watcher = progress
    return SourcesJob { scanned in
      var loader = copy
      var all = scanned
      for fi in plan.deferred {
        if let streamed = loader.streamedSources(fi) {
          watcher?.fileScanned()
          watcher?.scanned(bytes: loader.files[fi]?.count ?? 0, records: 0)
          all += streamed
          continue
        }
        guard let f = loader.fillSources(fi) else { continue }
        let bom = loader.bodyStart[fi]
        let body = UnsafeRawBufferPointer(rebasing: f.bytes[bom...])
        watcher?.fileScanned()
        watcher?.scanned(bytes: body.count, records: 0)
        // Not what it declared, or not valid: the reference reader words the problem (on
        // this copy of the state; its issues are added after, as the source phase's).
        // The texts are checked by the item scans; the envelope is scanned again with
        // its strings checked only when an item is not valid JSON to the parser.
        guard let env = EnvelopeScan.scan(body, checkStrings: false),
          env.type == .sources
        else {
          loader.state.readEnvelope(fi, body)
          continue
        }
        let results = env.items.enumerated().map { (i, r) in
          SourceScanResult.scan(
            f, file: fi, index: i,
            range: (r.lowerBound + bom)..<(r.upperBound + bom))
        }
        guard
          !results.contains(where: \.unreadable)
            || EnvelopeScan.scan(body) != nil
        else {
          loader.state.readEnvelope(fi, body)
          continue
        }
        all += results
      }
      // Handed over, not copied: the phase lets the scanned items go once it has them
      // as entries (~15 MB at 50,000 sources, beside the first quote group's scan).
      let table = loader.sourcePhase(consume all)
      phase[0] = (table, loader.state, loader.files)
      // Scanned and phased: the sources' pages go back now, while the other core still
      // scans records (the quote checks read each text again).
      for fi in Set(plan.deferred + plan.sourceItems.map(\.0)) {
        loader.files[fi]?.release(0..<(loader.files[fi]?.count ?? 0))
      }
    }
  }

  /// A deferred sources envelope's bytes, read whole in the sources job (while the
  /// other core scans records) rather than before any job starts: 160 MB at 1M records.
  ///
  /// Guarantees: the file as `open` would have read it: whole, or, when it came short,
  /// read again whole (`FileBytes.read`, which says it changed while read, and that
  /// warning is added to `state`).
  mutating func fillSources(_ fi: Int) -> FileBytes? {
    guard let f = files[fi] else { return nil }
    guard f.isDeferred, f.fill(0..<f.count) != f.count else { return f }
    switch FileBytes.read(directory + "/" + fileNames[fi]) {
    case .success(let read):
      files[fi] = read
      if read.changedWhileRead {
        state.fileIssue(
          fi, .warning,
          LoadState.changedWhileRead
        )
      }
      return read
    case .failure(let problem):
      files[fi] = nil
      state.fileIssue(fi, .error, problem.message)
      state.failedFiles += 1
      return nil
    }
  }

  /// A deferred sources envelope scanned as it is read, a chunk unit (1 MB) at a time
  /// and 16 MB ahead of the scan (the longest item it takes), each unit's pages handed
  /// back once its items are scanned: about a piece of it is resident where the whole
  /// file was (160 MB at a million records). Nil when it cannot
  /// be read that way (the file came short, an item or the envelope's end lies more than
  /// a piece past what was read, anything the envelope scan refuses): the caller then
  /// reads it whole and scans it as before, which words any problem.
  ///
  /// Guarantees: when not nil, the same results `SourceScanResult.scan` gives for the
  /// items of the envelope read whole.
  func streamedSources(_ fi: Int) -> [SourceScanResult]? {
    // The pieces of `.jsonl` files' size (16 MB unless a test cuts smaller).
    let piece = 16 * max(64, chunkBytes)
    guard let f = files[fi], f.isDeferred, f.count > piece else { return nil }
    var stream = SourceStream(file: f, piece: piece, step: max(64, chunkBytes))
    guard stream.readAhead(to: piece) else { return nil }
    let bom = bodyStart[fi]
    var out: [SourceScanResult] = []
    let env = EnvelopeScan.scan(
      UnsafeRawBufferPointer(rebasing: f.bytes[bom...]), checkStrings: false
    ) { r in
      guard stream.readable else { return }
      let range = (r.lowerBound + bom)..<(r.upperBound + bom)
      out.append(
        SourceScanResult.scan(f, file: fi, index: out.count, range: range))
      stream.handBack(before: range.upperBound)
      _ = stream.readAhead(to: range.upperBound + piece)
    }
    // An item neither scan nor parser could read: the envelope is read whole and its
    // strings checked (the texts were only delimited here).
    guard stream.readable, let env, env.type == .sources,
      env.items.count == out.count, !out.contains(where: \.unreadable)
    else { return nil }
    return out
  }
}

/// A file read ahead of a scan and handed back behind it, `step` bytes at a time, so that
/// about `piece` bytes of it are resident (two to three pieces were, read and handed back
/// a whole piece at a time: ~40 MB of the browser check's first quote group at 1M).
struct SourceStream {
  let file: FileBytes
  /// How far ahead of the scan it is read: the longest item it can take.
  let piece: Int
  /// The bytes read, and handed back, at a time.
  let step: Int
  /// Bytes from the file's start read so far.
  var filled = 0
  /// Bytes from the file's start handed back so far.
  var released = 0
  /// False once a read came short: the bytes past `filled` are not the file's.
  var readable = true

  /// Reads steps until `end` (or the file's end) is read.
  mutating func readAhead(to end: Int) -> Bool {
    while readable && filled < min(file.count, end) {
      let next = min(file.count, filled + step)
      readable = file.fill(filled..<next) == next - filled
      filled = next
    }
    return readable
  }

  /// Hands back the pages before `offset` once a step's worth is behind the scan.
  mutating func handBack(before offset: Int) {
    guard offset - released >= step else { return }
    file.release(released..<offset)
    released = offset / FileBytes.window * FileBytes.window
  }
}
