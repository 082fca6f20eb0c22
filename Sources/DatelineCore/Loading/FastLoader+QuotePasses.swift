import Foundation

/// The quote checks of a group of scanned chunks at a time: a load that asks for more
/// than one pass (LoadSettings.quotePasses) scans its record pieces in that many groups
/// and checks each group's quotes and frees their normalized bytes before the next group
/// is scanned, so that only one group's quote data is ever resident (~90 MB at a million
/// records for all of them at once).
///
/// What it costs: each pass reads every source text that its group's quotes cite, so the
/// texts are read and swept up to `quotePasses` times; one pass (every command but the
/// browser's background check) reads each once, as before.
extension FastLoader {
  /// The scan of `jobs` (the sources job first), in `quotePasses` groups of record jobs
  /// of about equal bytes; after each group but the last, its quotes are checked
  /// (`checkQuotes`) against the source table the first group's sources job made.
  ///
  /// Guarantees: the chunks of every job, in job order, as one `run` gives them; the
  /// chunks of each group but the last have their quotes checked and freed.
  func scanInPasses(
    _ jobs: [Job], parties: PartyLookup, onSources: SourcesJob,
    phase: ResultSlots<SourcesOutcome>
  ) -> [ScannedChunk] {
    let groups = FastLoader.groups(
      jobs, count: quotePasses, shrink: quoteGroupShrink)
    var chunks: [ScannedChunk] = []
    for (k, group) in groups.enumerated() {
      let results = FastLoader.run(
        group, files: files, parties: parties, progress: progress,
        onSources: k == 0 ? onSources : nil, window: chunkBytes,
        onto: provisionalRows)
      if k < groups.count - 1, let (sources, _, _) = phase[0] {
        checkQuotes(results.chunks, sources: sources)
      }
      chunks += results.chunks
    }
    return chunks
  }

  /// `jobs` cut into at most `count` consecutive groups: the first job (the sources
  /// job) in the first, the rest by their bytes, each group about `shrink` times the
  /// bytes of the one before (1: equal shares).
  ///
  /// Why smaller and smaller: at the end of a group's scan the load holds the items of
  /// every group so far beside that group's quote data, so the last group, scanned
  /// beside all the items, is the peak; equal thirds held a third of the quote data
  /// there (~33 MB at a million records).
  static func groups(_ jobs: [Job], count: Int, shrink: Double = 1) -> [[Job]] {
    guard count > 1, jobs.count > 2 else { return [jobs] }
    let total = Double(jobs.dropFirst().reduce(0) { $0 + $1.byteCount })
    // NaN passes min/max unchanged and no share would ever be reached: equal shares.
    let r = shrink.isNaN ? 1 : min(max(shrink, 0.05), 1)
    // The share of the bytes in the first k groups: (1 - r^k) / (1 - r^count), which
    // is k / count when r is 1.
    func done(_ k: Int) -> Double {
      r == 1
        ? Double(k) / Double(count)
        : (1 - pow(r, Double(k))) / (1 - pow(r, Double(count)))
    }
    var groups: [[Job]] = [[jobs[0]]]
    var sum = 0
    for job in jobs.dropFirst() {
      let share = total * done(groups.count)
      if Double(sum) >= share, groups.count < count,
        !(groups.last?.isEmpty ?? true)
      {
        groups.append([])
      }
      groups[groups.count - 1].append(job)
      sum += job.byteCount
    }
    return groups
  }

  /// Checks the quotes of `chunks` (none checked before) against `sources`, then frees
  /// their quote data: each chunk's box keeps the items (indexes in the chunk) that
  /// need the reference's check (`QuoteBox.referenceItems`).
  ///
  /// Guarantees: those items are exactly the ones `sourceChecks` and the quote phase
  /// name for these chunks: not clean, flagged by the scan, naming a source that is not
  /// loaded, or with a quote not found exactly once.
  func checkQuotes(_ chunks: [ScannedChunk], sources: SourceTable) {
    guard !chunks.isEmpty else { return }
    var timer = LoadTimer("quotes", timings)
    let group = ChunkSet(chunks)
    let buckets = QuoteBuckets(sources: sources.list.count)
    var found = sourceChecks(group, sources: sources, buckets: buckets)
    timer.lap("refs")
    found.formUnion(
      QuoteCheckPhase.failures(
        chunks: group.chunks, sources: sources, buckets: buckets))
    timer.lap("checked")
    var local = [[Int32]](repeating: [], count: group.count)
    for g in found {
      let (c, l) = group.locate(g)
      local[c].append(Int32(l))
    }
    for (c, chunk) in group.chunks.enumerated() {
      chunk.quoteBox.free(referenceItems: local[c])
    }
    timer.lap("freed")
    // Freed blocks of the scanning threads' malloc arenas go back to the system now,
    // not at exit (glibc keeps them otherwise), before the next group is scanned.
    Platform.releaseFreeMemory()
    timer.lap("trimmed")
  }

  /// The items of `set` that need the reference's check, once every chunk's quotes
  /// were checked (`checkQuotes`), by their number in `set`.
  static func referenceItems(_ set: ChunkSet) -> Set<Int> {
    var out = Set<Int>()
    for (c, chunk) in set.chunks.enumerated() {
      for l in chunk.quoteBox.referenceItems {
        out.insert(set.starts[c] + Int(l))
      }
    }
    return out
  }
}
