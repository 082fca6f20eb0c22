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
  /// The groups the record pieces are scanned and their quotes checked in
  /// (LoadSettings.quotePasses).
  var quotePasses = 1
  /// Each quote group's bytes over the group's before (LoadSettings.quoteGroupShrink).
  var quoteGroupShrink = LoadSettings.defaultQuoteGroupShrink
  /// The first pass's store to build on (LoadSettings.provisional).
  var provisional: RecordStore?
  /// Its rows by the piece of lines that holds them, compared as each piece is scanned
  /// (nil without a first pass's store, or when a row is in no piece).
  var provisionalRows: ProvisionalRows?

  init(directory: String, fileNames: [String]) {
    self.directory = directory
    self.fileNames = fileNames
    state = LoadState(directory: directory, fileNames: fileNames)
  }

  /// A loader that reads as `settings` say, advancing `progress` when given.
  init(
    directory: String, fileNames: [String], progress: LoadProgress?,
    settings: LoadSettings
  ) {
    self.init(directory: directory, fileNames: fileNames)
    self.progress = progress
    chunkBytes = settings.chunkBytes
    timings = settings.timings
    windowedReads = settings.windowedReads
    digestedReads = settings.digestedReads
    quotePasses = settings.quotePasses
    quoteGroupShrink = settings.quoteGroupShrink
    provisional = settings.provisional?.store
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

  /// What the sources job gives back: the source table, the state of its copy of the
  /// loader and that copy's files.
  typealias SourcesOutcome = (SourceTable, LoadState, [FileBytes?])

  /// What the files hold, before any job runs: the scan jobs, the sources envelopes'
  /// items, and the sources envelopes scanned later inside the sources job.
  struct Plan {
    var jobs: [Job] = []
    /// Items of sources envelopes scanned here: (file, index, range).
    var sourceItems: [(Int, Int, Range<Int>)] = []
    /// Large envelopes that declare themselves sources: scanned inside the sources job.
    var deferred: [Int] = []
  }

  /// The fast load: every check (`check`), then the store and the corpus of the
  /// records kept (`storePhase`).
  ///
  /// Guarantees: the reference's result for the same files (`recordChecks`).
  mutating func load() -> CorpusLoader.Result {
    storePhase(check())
  }

  /// Every check of the fast load, no store: files opened and planned, parties, the scan
  /// on every core with the source phase inside the sources job, then the record phase's
  /// checks (`recordChecks`).
  ///
  /// Guarantees: the state holds every issue and count of the reference's result for
  /// the same files, and the verdicts say which items it keeps.
  mutating func check() -> Checked {
    var timer = LoadTimer("load", timings)
    state.noteEmptyDirectory()
    var plan = Plan()
    for (fi, name) in fileNames.enumerated() { planFile(fi, name, &plan) }
    let parties = state.partyPhase()
    let lookup = PartyLookup(parties: parties.list)
    timer.lap("envelopes, parties")
    if let provisional {
      provisionalRows = ProvisionalRows(
        provisional, jobs: plan.jobs, files: files)
      timer.lap("rows placed")
    }
    // Sources first: the longest single job starts while the other core takes records.
    plan.jobs.insert(.sources(plan.sourceItems), at: 0)
    // The source phase (first id wins, text_path files read) on a copy of this loader,
    // inside the sources job; its issues are added after.
    let before = (
      issues: state.issues.count, leftOut: state.leftOut,
      failedFiles: state.failedFiles
    )
    let phase = ResultSlots<SourcesOutcome>(count: 1)
    let chunks = scanInPasses(
      plan.jobs, parties: lookup, onSources: sourcesJob(plan, into: phase),
      phase: phase)
    // Envelopes are scanned (and the sources' phase done): their pages go back too; the
    // quote checks read each text again (`QuoteCheckPhase`), and so does a pane.
    for case let f? in files where f.isDeferred { f.release(0..<f.count) }
    progress?.checkingStarted()
    timer.lap("scan")
    guard let (sources, after, read) = phase[0] else {
      fatalError("the sources job always runs")
    }
    // A sources envelope that came short was read again whole in the job.
    for fi in plan.deferred { files[fi] = read[fi] }
    state.issues.append(contentsOf: after.issues[before.issues...])
    state.leftOut += after.leftOut - before.leftOut
    state.failedFiles += after.failedFiles - before.failedFiles
    timer.lap("sources")
    let verdicts = recordChecks(
      chunks, parties: parties, sources: sources)
    return Checked(
      parties: parties, lookup: lookup, sources: sources, verdicts: verdicts)
  }

  /// Opens file `fi` and adds what it holds to `plan`: a `.jsonl` file's line pieces, a
  /// declared sources envelope to scan later, an envelope's items (parties read now).
  ///
  /// Guarantees: `files` and `bodyStart` get one entry for the file (nil and 0 when it
  /// cannot be read, with its error); an envelope the fast scan cannot read goes to the
  /// reference reader (`readEnvelope`), which words its problems.
  mutating func planFile(_ fi: Int, _ name: String, _ plan: inout Plan) {
    // A `.jsonl` file is read piece by piece as its jobs scan it, and each piece handed
    // back once scanned (see `perform`): its pages are never all resident at once.
    let f: FileBytes
    switch open(name) {
    case .success(let read): f = read
    case .failure(let problem):
      files.append(nil)
      bodyStart.append(0)
      state.fileIssue(fi, .error, problem.message)
      state.failedFiles += 1
      return
    }
    files.append(f)
    if f.changedWhileRead {
      state.fileIssue(
        fi, .warning,
        LoadState.changedWhileRead
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
        plan.jobs.append(.lines(file: fi, range: r))
      }
      progress?.fileScanned()
      return
    }
    // A sources envelope (schema and type before items, as written by most tools) is
    // scanned for its items inside the sources job, on one core while the other scans
    // records, instead of here before any job starts (160 MB at 1M records).
    if EnvelopeScan.declaredType(body) == .sources {
      plan.deferred.append(fi)
      return
    }
    planEnvelope(fi, f, body: body, bom: bom, &plan)
  }

  /// An envelope file scanned now: its parties parsed into the state, its sources'
  /// items added to the sources job, its records a job of their own.
  ///
  /// Guarantees: an envelope the fast scan cannot read goes to the reference reader.
  mutating func planEnvelope(
    _ fi: Int, _ f: FileBytes, body: UnsafeRawBufferPointer, bom: Int,
    _ plan: inout Plan
  ) {
    guard let env = EnvelopeScan.scan(body) else {
      state.readEnvelope(fi, body)
      return
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
            UnsafeRawBufferPointer(rebasing: f.bytes[r]), depthLimit: 62)
        else {
          continue
        }
        state.raw[.parties, default: []].append(
          .init(
            file: fi, ordinal: i,
            place: .item(index: i, id: LoadState.idOf(node)), node: node))
      }
    case .sources:
      for (i, r) in items.enumerated() { plan.sourceItems.append((fi, i, r)) }
    case .records:
      plan.jobs.append(.recordItems(file: fi, items: items))
    }
  }

  /// Opens data file `name`: read whole now, or (`windowedReads`) read window by window —
  /// a `.jsonl` file piece by piece as its jobs scan it (`perform`), a sources envelope
  /// whole inside the sources job (`fillSources`: its first window now, to see its
  /// type), any other file whole now but with its pages handed back after the scan. A
  /// file that came short is read whole (which says it changed while read).
  func open(_ name: String) -> Result<FileBytes, FileReadProblem> {
    let path = directory + "/" + name
    guard windowedReads else { return FileBytes.read(path) }
    // A `.jsonl` file's pieces are read into the scan's own blocks (`scanLines`): its
    // region only gets the windows its pieces are cut at, and a record shown later, each
    // of which must not make a whole 2 MB page resident (60 MB at 1M records).
    let opened = FileBytes.deferred(
      path, hugePages: !name.hasSuffix(".jsonl"), digested: digestedReads)
    guard case .success(let f) = opened, !name.hasSuffix(".jsonl") else {
      return opened
    }
    if FastLoader.declaresSources(f) { return opened }
    return f.fill(0..<f.count) == f.count ? opened : FileBytes.read(path)
  }

  /// Whether a file read window by window is an envelope that declares itself sources
  /// in its first window (schema and type before items), under 4 GB.
  static func declaresSources(_ f: FileBytes) -> Bool {
    let head = min(f.count, FileBytes.window)
    guard f.count < Int(UInt32.max), head > 0, f.ensure(0..<head) else {
      return false
    }
    let b = UnsafeRawBufferPointer(rebasing: f.bytes[0..<head])
    let bom = head >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    return EnvelopeScan.declaredType(
      UnsafeRawBufferPointer(rebasing: b[bom...]))
      == .sources
  }

  struct JobResults {
    var sources: [SourceScanResult]
    var chunks: [ScannedChunk]
  }

  /// Runs the jobs on every core; results keep the jobs' order. `window`: the bytes a
  /// job reads of a `.jsonl` piece at a time (`PieceBlocks.window`).
  static func run(
    _ jobs: [Job], files: [FileBytes?], parties: PartyLookup,
    progress: LoadProgress? = nil,
    onSources: SourcesJob? = nil, window: Int = LoadSettings.defaultChunkBytes,
    onto: ProvisionalRows? = nil
  ) -> JobResults {
    let slots = ResultSlots<JobOutput>(count: jobs.count)
    let list = jobs
    let blocks = PieceBlocks(window: window)
    DispatchQueue.concurrentPerform(iterations: list.count) { i in
      let output = FastLoader.perform(
        list[i], files: files, parties: parties, blocks: blocks, onto: onto)
      slots[i] = output
      // The sources' own phase runs on this core while the others scan records.
      if let onSources, case .sources(let s) = output { onSources.run(s) }
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

  /// The sources' own phase, run by the iteration that scanned the sources.
  ///
  /// `@unchecked Sendable`: the closure (and the copy of the loader it holds) is called
  /// once, on that one thread; no other iteration touches what it captures.
  struct SourcesJob: @unchecked Sendable {
    let run: ([SourceScanResult]) -> Void
  }

  enum JobOutput: @unchecked Sendable {
    case sources([SourceScanResult])
    case chunk(ScannedChunk)
  }

  static func perform(
    _ job: Job, files: [FileBytes?], parties: PartyLookup, blocks: PieceBlocks,
    onto: ProvisionalRows? = nil
  ) -> JobOutput {
    switch job {
    case .sources(let items):
      return .sources(
        items.map { fi, i, r in
          SourceScanResult.scan(
            read(files, fi), file: fi, index: i, range: r)
        })
    case .lines(let fi, let range):
      var chunk = scanLines(read(files, fi), file: fi, range, parties, blocks)
      onto?.compare(&chunk, file: fi, start: range.lowerBound)
      return .chunk(chunk)
    case .recordItems(let fi, let items):
      return .chunk(
        ChunkScan.items(
          read(files, fi), file: fi, items: items, parties: parties))
    }
  }

  /// The file a job names: one that was read (a job is made only for those).
  @inline(__always) static func read(_ files: [FileBytes?], _ fi: Int)
    -> FileBytes
  {
    guard let f = files[fi] else {
      preconditionFailure("a job names file \(fi), which was not read")
    }
    return f
  }
}
