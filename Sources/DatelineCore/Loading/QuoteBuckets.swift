import Foundation

/// Which batch of the quote phase checks a source's quotes: the sources cut into
/// `count` runs of consecutive indexes (file order), one batch each.
///
/// Why: the quote checks are scanned in item order, but each batch reads them source by
/// source; read where they were scanned, each check and its needle was a cache miss and a
/// TLB miss of its own (~100 MB at a million records). Each chunk's checks are laid out
/// by bucket once (`QuoteBox.bucket`, a sequential pass), so a batch reads one short run
/// of each chunk.
struct QuoteBuckets: Sendable {
  /// How many sources there are (indexes into `SourceTable.list`).
  let sources: Int
  /// How many buckets (batches): up to 256, at most one per source.
  let count: Int

  init(sources: Int) {
    self.sources = sources
    count = max(1, min(256, sources))
  }

  /// The bucket of source index `s` (0..<sources).
  @inline(__always) func of(_ s: Int) -> Int { s * count / sources }

  /// The source indexes of bucket `b`: exactly those `s` with `of(s) == b`.
  func sources(_ b: Int) -> Range<Int> {
    lowest(b)..<lowest(b + 1)
  }

  /// The least `s` with `of(s) >= b`: the ceiling of b * sources / count.
  private func lowest(_ b: Int) -> Int { (b * sources + count - 1) / count }
}

extension QuoteBox {
  /// Replaces the box's checks by one per job of `jobs` (jobs of this chunk, naming its
  /// checks), laid out by bucket: each check's `item` and `source` become the job's
  /// (the item's number across chunks, the source's index in the table), its needle,
  /// prefix and suffix are copied to a new arena in the same order, and `starts` holds
  /// where each bucket's checks begin (count + 1 entries).
  ///
  /// Guarantees: bucket b's checks are `quotes[starts[b]..<starts[b + 1]]`, the checks
  /// of the jobs whose source lies in `buckets.sources(b)`, in job order, each with the
  /// same bytes, extra and flag as the check its job named; the old arrays are freed.
  func bucket(_ jobs: [QuoteJob], by buckets: QuoteBuckets) {
    var counts = [Int](repeating: 0, count: buckets.count + 1)
    var bytes = [Int](repeating: 0, count: buckets.count + 1)
    var extraCount = 0
    for j in jobs {
      let q = quotes[Int(j.check)]
      let b = buckets.of(Int(j.source)) + 1
      counts[b] += 1
      bytes[b] += Int(q.needleLength)
      if q.extra >= 0 {
        let x = extras[Int(q.extra)]
        bytes[b] += max(0, Int(x.prefixLength)) + max(0, Int(x.suffixLength))
        extraCount += 1
      }
    }
    for b in 1...buckets.count {
      counts[b] += counts[b - 1]
      bytes[b] += bytes[b - 1]
    }
    starts = counts.map { Int32($0) }
    let laid = lay(jobs, by: buckets, at: &counts, bytes: &bytes, extraCount)
    (quotes, extras, arena) = laid
  }

  /// `bucket`'s copy: each job's check to `at[its bucket]`, its bytes to `bytes[its
  /// bucket]` of the new arena (both advanced).
  private func lay(
    _ jobs: [QuoteJob], by buckets: QuoteBuckets, at: inout [Int],
    bytes: inout [Int], _ extraCount: Int
  ) -> (
    [RecordScanChunk.QuoteCheck], [RecordScanChunk.QuoteExtra], [UInt8]
  ) {
    let total = bytes[buckets.count]
    var laidExtras: [RecordScanChunk.QuoteExtra] = []
    laidExtras.reserveCapacity(extraCount)
    var laidQuotes: [RecordScanChunk.QuoteCheck] = []
    let laidArena = arena.withUnsafeBytes { from in
      [UInt8](unsafeUninitializedCapacity: total) { out, n in
        // Copies `length` bytes at `offset` of the old arena to `bytes[b]`.
        func copy(_ offset: Int, _ length: Int32, _ b: Int) -> Int {
          let to = bytes[b]
          guard length > 0, let dst = out.baseAddress else { return to }
          (dst + to).initialize(
            from: from.start.assumingMemoryBound(to: UInt8.self) + offset,
            count: Int(length))
          bytes[b] += Int(length)
          return to
        }
        laidQuotes = [RecordScanChunk.QuoteCheck](
          unsafeUninitializedCapacity: jobs.count
        ) { qs, m in
          for j in jobs {
            var q = quotes[Int(j.check)]
            let b = buckets.of(Int(j.source))
            q.needle = UInt32(copy(Int(q.needle), q.needleLength, b))
            if q.extra >= 0 {
              var x = extras[Int(q.extra)]
              x.prefix = copy(x.prefix, x.prefixLength, b)
              x.suffix = copy(x.suffix, x.suffixLength, b)
              q.extra = Int32(laidExtras.count)
              laidExtras.append(x)
            }
            q.item = j.item
            q.source = UInt32(j.source)
            qs.initializeElement(at: at[b], to: q)
            at[b] += 1
          }
          m = jobs.count
        }
        n = total
      }
    }
    return (laidQuotes, laidExtras, laidArena)
  }
}

extension QuoteCheckPhase {
  /// Bucket `b`'s checks of every chunk as jobs grouped by source (a counting sort over
  /// the bucket's sources `range`, which keeps chunk and check order within a source),
  /// and where each source's jobs begin (range.count + 1 entries).
  static func bySource(
    _ views: [BoxView], bucket b: Int, sources range: Range<Int>
  ) -> ([QuoteJob], [Int]) {
    var bounds = [Int](repeating: 0, count: range.count + 1)
    for v in views where v.bucketed {
      for k in Int(v.starts[b])..<Int(v.starts[b + 1]) {
        bounds[Int(v.quotes[k].source) - range.lowerBound + 1] += 1
      }
    }
    for i in bounds.indices.dropFirst() { bounds[i] += bounds[i - 1] }
    var fill = bounds
    let work = [QuoteJob](unsafeUninitializedCapacity: bounds[range.count]) {
      out, n in
      for (c, v) in views.enumerated() where v.bucketed {
        for k in Int(v.starts[b])..<Int(v.starts[b + 1]) {
          let q = v.quotes[k]
          let i = Int(q.source) - range.lowerBound
          out.initializeElement(
            at: fill[i],
            to: QuoteJob(
              item: q.item, source: Int32(q.source), chunk: Int32(c),
              check: Int32(k)))
          fill[i] += 1
        }
      }
      n = bounds[range.count]
    }
    return (work, bounds)
  }
}
