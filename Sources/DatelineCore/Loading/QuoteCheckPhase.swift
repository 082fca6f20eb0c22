import CDatelineScan
import Dispatch
import Foundation

/// Checks the quotes of clean records against their sources' texts, on every core.
///
/// Returns the items with a quote that is not found exactly once (not found, ambiguous,
/// or not picked out by prefix/suffix/start): those go to the reference check, which
/// words the message. Texts are searched where they are mapped: as they are when their
/// bytes are already the normalized text, and still escaped (with escaped quotes) when
/// their only escapes are `\n`, `\t`, `\"` and `\\`, so no text is copied.
enum QuoteCheckPhase {
  /// The failures among the quote checks of `chunks`' boxes, laid out by `buckets`
  /// (`FastLoader.sourceChecks`): one batch per bucket, on every core, each reading
  /// its bucket's run of every chunk and checking them source by source.
  static func failures(
    chunks: [ScannedChunk], sources: SourceTable, buckets: QuoteBuckets
  ) -> [Int] {
    let boxes = chunks.map(\.quoteBox)
    guard boxes.contains(where: { !$0.quotes.isEmpty }) else { return [] }
    let slots = ResultSlots<[Int]>(count: buckets.count)
    let list = sources.list
    // Plain pointers to each chunk's quote data (not changed until the boxes are freed,
    // after this phase): taking them out of the boxes per quote cost a retain and a
    // release each.
    let views = boxes.map(BoxView.init)
    DispatchQueue.concurrentPerform(iterations: buckets.count) { b in
      var failed: [Int] = []
      var scratch = RunScratch()
      var span = TextSpan()
      let range = buckets.sources(b)
      let lo = range.lowerBound
      let (work, bounds) = bySource(views, bucket: b, sources: range)
      for s in range where bounds[s - lo + 1] > bounds[s - lo] {
        let text = list[s].textStorage
        span.add(text)
        check(
          work[bounds[s - lo]..<bounds[s - lo + 1]], text: text, views: views,
          &scratch, failed: &failed)
      }
      span.release()
      // A file read for this batch that is no longer the one opened: none of the
      // batch's answers stand (the reference check says what it finds).
      if !scratch.reads.unchanged() { failed = work.map { Int($0.item) } }
      slots[b] = failed
    }
    withExtendedLifetime(boxes) {}
    return (0..<buckets.count).flatMap { slots[$0] ?? [] }
  }

  /// Where one chunk's quote checks, their extras and their normalized bytes lie.
  ///
  /// `@unchecked Sendable`: plain pointers into a `QuoteBox`'s arrays, which `run` keeps
  /// alive and nothing changes until the phase ends; every thread only reads them.
  struct BoxView: @unchecked Sendable {
    let quotes: UnsafePointer<RecordScanChunk.QuoteCheck>
    let extras: UnsafePointer<RecordScanChunk.QuoteExtra>
    let arena: UnsafeRawPointer
    /// Where each bucket's checks begin (`QuoteBox.starts`), when `bucketed`.
    let starts: UnsafePointer<Int32>
    let bucketed: Bool

    init(_ box: QuoteBox) {
      quotes = box.quotes.withUnsafeBufferPointer { $0.start }
      extras = box.extras.withUnsafeBufferPointer { $0.start }
      arena = box.arena.withUnsafeBytes { $0.start }
      starts = box.starts.withUnsafeBufferPointer { $0.start }
      bucketed = !box.starts.isEmpty
    }
  }

  /// Lists `run` fills for each text, kept by one thread from text to text (a dozen
  /// small allocations per text otherwise: 50 000 texts at a million records).
  struct RunScratch {
    var quotes: [RecordScanChunk.QuoteCheck] = []
    var extras: [RecordScanChunk.QuoteExtra] = []
    var buffer: [UInt8] = []
    var parts: [(Range<Int>, Range<Int>?, Range<Int>?)] = []
    var arenas: [UnsafeRawPointer] = []
    var needles: [UnsafeRawBufferPointer] = []
    var fits: [Int32] = []
    /// Where the batch's texts are read (`textBytes`).
    let text = TextBuffer()
    /// The files they were read from.
    var reads = TextReads()

    mutating func reset() {
      quotes.removeAll(keepingCapacity: true)
      extras.removeAll(keepingCapacity: true)
      buffer.removeAll(keepingCapacity: true)
      parts.removeAll(keepingCapacity: true)
      arenas.removeAll(keepingCapacity: true)
      needles.removeAll(keepingCapacity: true)
      fits.removeAll(keepingCapacity: true)
    }
  }

  /// Checks the quotes of one text. A text whose file changed before it could be read
  /// again fails every quote (the reference check then says what it finds).
  static func check(
    _ jobs: ArraySlice<QuoteJob>, text: SourceText, views: [BoxView],
    _ scratch: inout RunScratch, failed: inout [Int]
  ) {
    switch text.origin {
    case .verbatim(let f, let r), .escaped(let f, let r):
      guard let hay = textBytes(f, r, into: scratch.text, &scratch.reads)
      else {
        failed.append(contentsOf: jobs.map { Int($0.item) })
        return
      }
      if case .verbatim = text.origin {
        run(
          jobs, hay: hay, escaped: false, views: views, &scratch,
          failed: &failed)
      } else if plainEscapes(hay) {
        run(
          jobs, hay: hay, escaped: true, views: views, &scratch, failed: &failed
        )
      } else {
        let b = JSONEscape.unescaped(
          hay.start.assumingMemoryBound(to: UInt8.self),
          count: hay.count)
        b.withUnsafeBytes {
          run(
            jobs, hay: $0, escaped: false, views: views, &scratch,
            failed: &failed)
        }
      }
    default:
      var t = text.text
      t.withUTF8 {
        run(
          jobs, hay: UnsafeRawBufferPointer($0), escaped: false, views: views,
          &scratch, failed: &failed)
      }
    }
  }

  /// Searches every job's quote in `hay` at once; a job fails unless exactly one
  /// occurrence fits its prefix, suffix and start (QuoteLocator's rule).
  ///
  /// Guarantees: `failed` gets each job's item whose quote does not occur exactly once
  /// as the reference's `QuoteLocator` counts, in job order.
  static func run(
    _ jobs: ArraySlice<QuoteJob>, hay: UnsafeRawBufferPointer, escaped: Bool,
    views: [BoxView],
    _ scratch: inout RunScratch, failed: inout [Int]
  ) {
    gather(jobs, escaped: escaped, views: views, &scratch)
    var needles = scratch.needles
    scratch.needles = []
    var fits = scratch.fits
    scratch.fits = []
    defer {
      scratch.needles = needles
      scratch.fits = fits
    }
    let pieces = Pieces(
      parts: scratch.parts, extras: scratch.extras, arenas: scratch.arenas)
    scratch.buffer.withUnsafeBytes { buf in
      for k in 0..<pieces.parts.count {
        needles.append(pieces.bytes(k, pieces.parts[k].0, buf))
      }
      touch(needles, &failed)
      fits.append(contentsOf: repeatElement(0, count: pieces.parts.count))
      QuoteSearch.forEachOccurrence(of: needles, in: hay) { k, t in
        if pieces.fits(
          k, at: t, length: needles[k].count, hay: hay, escaped: escaped, buf)
        {
          fits[k] += 1
        }
      }
      for (k, j) in jobs.enumerated() where fits[k] != 1 {
        failed.append(Int(j.item))
      }
    }
  }

  /// Fills `scratch` for `jobs`: each quote's check, extra and arena, and its needle,
  /// prefix and suffix as byte ranges (in the chunk's arena; negative ranges lie in
  /// `scratch.buffer`, escaped for an escaped text).
  ///
  /// Guarantees: `scratch.parts[k]` is job k's (needle, prefix, suffix) in the hay's
  /// spelling (escaped as the text is when `escaped`).
  static func gather(
    _ jobs: ArraySlice<QuoteJob>, escaped: Bool, views: [BoxView],
    _ scratch: inout RunScratch
  ) {
    scratch.reset()
    let none = RecordScanChunk.QuoteExtra()
    // A text's checks lie in its bucket's run of each chunk (`QuoteBox.bucket`), one
    // run per chunk: each is asked for `ahead` jobs before it is read, so the cache
    // misses of moving from chunk to chunk overlap.
    let ahead = 8
    let n = jobs.count
    let first = jobs.startIndex
    @inline(__always) func check(_ k: Int) -> UnsafeRawPointer {
      let j = jobs[first + k]
      return UnsafeRawPointer(views[Int(j.chunk)].quotes + Int(j.check))
    }
    for k in 0..<min(ahead, n) { dl_prefetch(check(k)) }
    for k in 0..<n {
      if k + ahead < n { dl_prefetch(check(k + ahead)) }
      let j = jobs[first + k]
      let v = views[Int(j.chunk)]
      let q = v.quotes[Int(j.check)]
      scratch.quotes.append(q)
      scratch.extras.append(q.extra >= 0 ? v.extras[Int(q.extra)] : none)
      scratch.arenas.append(v.arena)
    }
    // The needles' first bytes likewise (the search reads each from its start).
    for k in 0..<min(ahead, n) {
      dl_prefetch(scratch.arenas[k] + Int(scratch.quotes[k].needle))
    }
    // Byte ranges in the chunk's arena (from > 0 when escaped: at -from - 1 in `buffer`).
    for k in 0..<scratch.quotes.count {
      if k + ahead < n {
        dl_prefetch(
          scratch.arenas[k + ahead] + Int(scratch.quotes[k + ahead].needle))
      }
      let q = scratch.quotes[k]
      let a = scratch.arenas[k]
      func range(_ at: Int, _ n: Int32) -> Range<Int>? {
        guard n >= 0 else { return nil }
        let plain = UnsafeRawBufferPointer(start: a + at, count: Int(n))
        if !escaped || q.unescaped || needsNoEscape(plain) {
          return at..<(at + Int(n))
        }
        let from = scratch.buffer.count
        escape(plain, into: &scratch.buffer)
        return (-scratch.buffer.count - 1)..<(-from - 1)
      }
      let x = scratch.extras[k]
      scratch.parts.append(
        (
          range(Int(q.needle), q.needleLength) ?? 0..<0,
          range(x.prefix, x.prefixLength), range(x.suffix, x.suffixLength)
        ))
    }
  }

  /// The quotes lie scattered over the scanned chunks: touch each once in a loop of
  /// independent loads, so their cache misses overlap instead of stalling the search.
  @inline(__always) static func touch(
    _ needles: [UnsafeRawBufferPointer], _ failed: inout [Int]
  ) {
    var touch: UInt8 = 0
    for nd in needles {
      touch &+=
        nd.load(fromByteOffset: nd.count - 1, as: UInt8.self)
        &+ nd.load(as: UInt8.self)
    }
    // keeps the loads
    if touch == 0xA5 { failed.reserveCapacity(failed.count + 1) }
  }

  /// The needles' prefixes, suffixes and starts (`gather`'s ranges) and the test of one
  /// occurrence against them.
  struct Pieces {
    let parts: [(Range<Int>, Range<Int>?, Range<Int>?)]
    let extras: [RecordScanChunk.QuoteExtra]
    let arenas: [UnsafeRawPointer]

    /// The bytes of range `r` of job k (in its arena, or in `buf` when negative).
    @inline(__always) func bytes(
      _ k: Int, _ r: Range<Int>, _ buf: UnsafeRawBufferPointer
    ) -> UnsafeRawBufferPointer {
      r.lowerBound < 0
        ? UnsafeRawBufferPointer(
          rebasing: buf[(-r.upperBound - 1)..<(-r.lowerBound - 1)])
        : UnsafeRawBufferPointer(
          start: arenas[k] + r.lowerBound, count: r.count)
    }

    /// Whether the occurrence of job k's needle at `t` fits: at a character boundary,
    /// after its prefix, before its suffix, at its start scalar (QuoteLocator's rule).
    func fits(
      _ k: Int, at t: Int, length: Int, hay: UnsafeRawBufferPointer,
      escaped: Bool, _ buf: UnsafeRawBufferPointer
    ) -> Bool {
      if escaped && !boundary(t, hay) { return false }
      if let pr = parts[k].1 {
        let p = bytes(k, pr, buf)
        let from = t - p.count
        guard from >= 0,
          memcmp(hay.start + from, p.start, p.count) == 0
        else { return false }
        if escaped && !boundary(from, hay) { return false }
      }
      if let sr = parts[k].2 {
        let x = bytes(k, sr, buf)
        let e = t + length
        guard e + x.count <= hay.count,
          memcmp(hay.start + e, x.start, x.count) == 0
        else { return false }
      }
      let start = extras[k].startScalar
      return start < 0
        || scalarOffset(ofByte: t, in: hay, escaped: escaped) == start
    }
  }
}
