import Dispatch
import Foundation

/// The loader for large corpora: files read into memory (FileBytes), a byte-level scan on both cores, columns.
///
/// Same output as the reference (`CorpusLoader.loadReference`): every item is scanned by
/// `RecordItemScan` / `SourceItemScan`, which either prove it clean or hand it to the
/// reference decoder; cross-item rules run on columns and fall back to the reference
/// checks for any item that has a problem, so every message is the reference's.
struct FastLoader {
  let directory: String
  let fileNames: [String]
  var state: LoadState
  var files: [FileBytes?] = []
  /// Where each file's content starts (3 after a UTF-8 BOM).
  var bodyStart: [Int] = []
  /// Counters for a progress display (see LoadProgress); nil when nobody watches.
  var progress: LoadProgress?
  /// The unit `.jsonl` files are cut by (see `lineChunks`; LoadSettings.chunkBytes).
  var chunkBytes = LoadSettings.defaultChunkBytes
  /// Where phase times go (LoadSettings.timings); nil: not timed.
  var timings: LoadTimings?
  /// `.jsonl` files read piece by piece and handed back once scanned (LoadSettings.windowedReads).
  var windowedReads = false
  /// The checksums of each piece read are kept (LoadSettings.digestedReads).
  var digestedReads = false

  init(directory: String, fileNames: [String]) {
    self.directory = directory
    self.fileNames = fileNames
    state = LoadState(directory: directory, fileNames: fileNames)
  }

  /// One unit of parallel work.
  enum Job {
    /// Lines `range` of a `.jsonl` file.
    case lines(file: Int, range: Range<Int>)
    /// Items of a records envelope.
    case recordItems(file: Int, items: [Range<Int>])
    /// Items of every sources envelope, in file order: (file, index, range).
    case sources([(Int, Int, Range<Int>)])
  }

  mutating func load() -> CorpusLoader.Result {
    var timer = LoadTimer("load", timings)
    state.noteEmptyDirectory()
    var jobs: [Job] = []
    var sourceItems: [(Int, Int, Range<Int>)] = []
    // Large envelopes that declare themselves sources: scanned inside the sources job.
    var deferred: [Int] = []
    // Raw source items from envelopes read by the reference (odd roots), by file.
    for (fi, name) in fileNames.enumerated() {
      let f: FileBytes
      // A `.jsonl` file is read piece by piece as its jobs scan it, and each piece handed
      // back once scanned (see `perform`): its pages are never all resident at once.
      switch open(name) {
      case .success(let read): f = read
      case .failure(let problem):
        files.append(nil)
        bodyStart.append(0)
        state.fileIssue(fi, .error, problem.message)
        state.failedFiles += 1
        continue
      }
      files.append(f)
      if f.changedWhileRead {
        state.fileIssue(
          fi, .warning,
          "the file changed while it was read; what loaded may mix two versions (load again)"
        )
      }
      let b = f.bytes
      let head = f.ensure(0..<min(3, b.count))
      let bom =
        head && b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
        ? 3 : 0
      bodyStart.append(bom)
      let body = UnsafeRawBufferPointer(rebasing: b[bom...])
      if name.hasSuffix(".jsonl") {
        for r in FastLoader.lineChunks(
          body, offset: bom, unit: chunkBytes, readable: { f.ensure($0) })
        {
          jobs.append(.lines(file: fi, range: r))
        }
        progress?.fileScanned()
        continue
      }
      // A sources envelope (schema and type before items, as written by most tools) is
      // scanned for its items inside the sources job, on one core while the other scans
      // records, instead of here before any job starts (160 MB at 1M records).
      if EnvelopeScan.declaredType(body) == .sources {
        deferred.append(fi)
        continue
      }
      guard let env = EnvelopeScan.scan(body) else {
        state.readEnvelope(fi, body)
        continue
      }
      let items = env.items.map {
        ($0.lowerBound + bom)..<($0.upperBound + bom)
      }
      progress?.fileScanned()
      switch env.type {
      case .parties:
        for (i, r) in items.enumerated() {
          guard
            let node = try? JSONParser.parse(
              UnsafeRawBufferPointer(rebasing: b[r]), depthLimit: 62)
          else {
            continue
          }
          state.raw[.parties, default: []].append(
            .init(
              file: fi, ordinal: i,
              place: .item(index: i, id: LoadState.idOf(node)), node: node))
        }
      case .sources:
        for (i, r) in items.enumerated() { sourceItems.append((fi, i, r)) }
      case .records:
        jobs.append(.recordItems(file: fi, items: items))
      }
    }
    let parties = state.partyPhase()
    let lookup = PartyLookup(parties: parties.list)
    timer.lap("envelopes, parties")
    // Sources first: the longest single job starts while the other core takes records.
    jobs.insert(.sources(sourceItems), at: 0)
    // The source phase (first id wins, text_path files read) on a copy of this loader,
    // inside the sources job; its issues are added after.
    let before = (
      issues: state.issues.count, leftOut: state.leftOut,
      failedFiles: state.failedFiles
    )
    let copy = UnsafeSendable(self)
    let phase = ResultSlots<(SourceTable, LoadState)>(count: 1)
    let watcher = progress
    let onSources = UnsafeSendable<([SourceScanResult]) -> Void> { scanned in
      var loader = copy.value
      var all = scanned
      for fi in deferred {
        guard let f = loader.files[fi] else { continue }
        let bom = loader.bodyStart[fi]
        let body = UnsafeRawBufferPointer(rebasing: f.bytes[bom...])
        watcher?.fileScanned()
        watcher?.scanned(bytes: body.count, records: 0)
        // Not what it declared, or not valid: the reference reader words the problem (on
        // this copy of the state; its issues are added after, as the source phase's).
        guard let env = EnvelopeScan.scan(body), env.type == .sources else {
          loader.state.readEnvelope(fi, body)
          continue
        }
        for (i, r) in env.items.enumerated() {
          all.append(
            SourceScanResult.scan(
              f, file: fi, index: i,
              range: (r.lowerBound + bom)..<(r.upperBound + bom)))
        }
      }
      let table = loader.sourcePhase(all)
      phase[0] = (table, loader.state)
      // Scanned and phased: the sources' pages go back now, while the other core still
      // scans records (the quote checks read each text again).
      for fi in Set(deferred + sourceItems.map(\.0)) {
        loader.files[fi]?.release(0..<(loader.files[fi]?.count ?? 0))
      }
    }
    let results = FastLoader.run(
      jobs, files: files, parties: lookup, progress: progress,
      onSources: onSources)
    // Envelopes are scanned (and the sources' phase done): their pages go back too; the
    // quote checks read each text again (`QuoteCheckPhase`), and so does a pane.
    for case let f? in files where f.isDeferred { f.release(0..<f.count) }
    progress?.checkingStarted()
    timer.lap("scan")
    guard let (sources, after) = phase[0] else {
      fatalError("the sources job always runs")
    }
    state.issues.append(contentsOf: after.issues[before.issues...])
    state.leftOut += after.leftOut - before.leftOut
    state.failedFiles += after.failedFiles - before.failedFiles
    timer.lap("sources")
    return recordPhase(
      results.chunks, parties: parties, lookup: lookup, sources: sources)
  }

  /// Opens data file `name`: read whole now, or (`windowedReads`) read window by window —
  /// a `.jsonl` file piece by piece as its jobs scan it (`perform`), any other file whole
  /// now but with its pages handed back after the scan. A file that came short is read
  /// whole (which says it changed while read).
  func open(_ name: String) -> Result<FileBytes, FileReadProblem> {
    let path = directory + "/" + name
    guard windowedReads else { return FileBytes.read(path) }
    let opened = FileBytes.deferred(path, digested: digestedReads)
    guard case .success(let f) = opened, !name.hasSuffix(".jsonl") else {
      return opened
    }
    return f.fill(0..<f.count) == f.count ? opened : FileBytes.read(path)
  }

  /// Splits a `.jsonl` body into line-aligned pieces: about 16 MB each, but at least 16
  /// of 1 MB or more for a mid-sized file (one piece below 4 MB). With two cores, a few
  /// large pieces beside the sources job left one core idle at the end. The unit (1 MB)
  /// can be made smaller (LoadSettings.chunkBytes, at least 64), so that tests cut small corpora into
  /// many pieces.
  /// `readable` makes the bytes of a range of the file (offsets count from the file's
  /// start) readable through `body`, or says they cannot be (the file changed).
  static func lineChunks(
    _ body: UnsafeRawBufferPointer, offset: Int, unit: Int,
    readable: (Range<Int>) -> Bool = { _ in true }
  ) -> [Range<Int>] {
    let n = body.count
    guard n > 0 else { return [] }
    let unit = max(64, unit)
    let pieces = n < 4 * unit ? 1 : max(2, n / (16 * unit), min(16, n / unit))
    var out: [Range<Int>] = []
    var start = 0
    for k in 1...pieces {
      var cut = k == pieces ? n : n * k / pieces
      if cut < n, cut > start {
        cut = lineStart(body, after: cut, offset: offset, readable: readable)
      }
      if cut > start {
        out.append((start + offset)..<(cut + offset))
        start = cut
      }
    }
    return out
  }

  /// Where the line after the one holding `at` starts (the body's end when none does),
  /// looked for a window at a time, each made readable first.
  static func lineStart(
    _ body: UnsafeRawBufferPointer, after at: Int, offset: Int,
    readable: (Range<Int>) -> Bool
  ) -> Int {
    let n = body.count
    var from = at
    while from < n {
      let upto = min(n, from + FileBytes.window)
      guard readable((from + offset)..<(upto + offset)) else { return n }
      if let p = memchr(body.baseAddress! + from, 0x0A, upto - from) {
        return body.baseAddress!.distance(to: UnsafeRawPointer(p)) + 1
      }
      from = upto
    }
    return n
  }

  struct JobResults {
    var sources: [SourceScanResult]
    var chunks: [ScannedChunk]
  }

  /// Runs the jobs on every core; results keep the jobs' order.
  static func run(
    _ jobs: [Job], files: [FileBytes?], parties: PartyLookup,
    progress: LoadProgress? = nil,
    onSources: UnsafeSendable<([SourceScanResult]) -> Void>? = nil
  ) -> JobResults {
    let slots = ResultSlots<JobOutput>(count: jobs.count)
    let list = jobs
    DispatchQueue.concurrentPerform(iterations: list.count) { i in
      let output = FastLoader.perform(list[i], files: files, parties: parties)
      slots[i] = output
      // The sources' own phase runs on this core while the others scan records.
      if let onSources, case .sources(let s) = output { onSources.value(s) }
      if let progress, case .chunk(let c) = output {
        // Items the reference decoder rejected: the errors a first open shows as found.
        let errors = c.data.fallbacks.values.count {
          $0.syntaxIssue != nil || $0.record == nil
        }
        progress.scanned(
          bytes: list[i].byteCount, records: c.data.items.count, errors: errors)
      }
      if let progress, case .sources = output {
        progress.scanned(bytes: list[i].byteCount, records: 0)
      }
    }
    var sources: [SourceScanResult] = []
    var chunks: [ScannedChunk] = []
    for i in 0..<jobs.count {
      switch slots[i] {
      case .sources(let s)?: sources = s
      case .chunk(let c)?: chunks.append(c)
      case nil: break
      }
    }
    return JobResults(sources: sources, chunks: chunks)
  }

  enum JobOutput: @unchecked Sendable {
    case sources([SourceScanResult])
    case chunk(ScannedChunk)
  }

  static func perform(_ job: Job, files: [FileBytes?], parties: PartyLookup)
    -> JobOutput
  {
    switch job {
    case .sources(let items):
      return .sources(
        items.map { fi, i, r in
          SourceScanResult.scan(files[fi]!, file: fi, index: i, range: r)
        })
    case .lines(let fi, let range):
      // Read now, scanned, handed back: a file read window by window keeps only what a
      // job is scanning. Bytes past a shrunk file's end are not scanned (the record phase
      // then warns that the file changed).
      let f = files[fi]!
      let n = max(0, f.fill(range))
      let chunk = ChunkScan.lines(
        f, file: fi, range: range.lowerBound..<(range.lowerBound + n),
        parties: parties)
      f.release(range)
      return .chunk(chunk)
    case .recordItems(let fi, let items):
      return .chunk(
        ChunkScan.items(files[fi]!, file: fi, items: items, parties: parties))
    }
  }
}

/// One slot per job, each written by exactly one iteration of `concurrentPerform`.
final class ResultSlots<T>: @unchecked Sendable {
  private let storage: UnsafeMutableBufferPointer<T?>

  init(count: Int) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil)
  }

  deinit {
    storage.deinitialize()
    storage.deallocate()
  }

  subscript(i: Int) -> T? {
    get { storage[i] }
    set { storage[i] = newValue }
  }
}
