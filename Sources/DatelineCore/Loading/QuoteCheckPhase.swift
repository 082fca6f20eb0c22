import Dispatch
import Foundation

/// Checks the quotes of clean records against their sources' texts, on every core.
///
/// Returns the items with a quote that is not found exactly once (not found, ambiguous,
/// or not picked out by prefix/suffix/start): those go to the reference check, which
/// words the message. Texts are searched where they are mapped when their bytes are
/// already the normalized text.
enum QuoteCheckPhase {
  static func failures(_ jobs: [QuoteJob], chunks: [ScannedChunk], sources: SourceTable) -> [Int] {
    guard !jobs.isEmpty else { return [] }
    // Group by source (counting sort keeps each source's quotes in item order).
    var counts = [Int](repeating: 0, count: sources.list.count + 1)
    for j in jobs { counts[Int(j.source) + 1] += 1 }
    for i in 1..<counts.count { counts[i] += counts[i - 1] }
    var fill = counts
    var ordered = [QuoteJob](repeating: jobs[0], count: jobs.count)
    for j in jobs {
      ordered[fill[Int(j.source)]] = j
      fill[Int(j.source)] += 1
    }
    let groups = (0..<sources.list.count).filter { counts[$0 + 1] > counts[$0] }
    let batches = max(1, min(256, groups.count))
    let slots = ResultSlots<[Int]>(count: batches)
    let list = sources.list
    let work = ordered
    let bounds = counts
    DispatchQueue.concurrentPerform(iterations: batches) { b in
      var failed: [Int] = []
      var k = b * groups.count / batches
      let stop = (b + 1) * groups.count / batches
      while k < stop {
        let s = groups[k]
        check(work[bounds[s]..<bounds[s + 1]], text: list[s].textStorage, chunks: chunks, failed: &failed)
        k += 1
      }
      slots[b] = failed
    }
    return (0..<batches).flatMap { slots[$0] ?? [] }
  }

  static func check(_ jobs: ArraySlice<QuoteJob>, text: SourceText, chunks: [ScannedChunk], failed: inout [Int]) {
    func run(_ hay: UnsafeRawBufferPointer) {
      withNeedles(jobs, chunks: chunks) { ns in
        let found = QuoteSearch.occurrences(of: ns, in: hay)
        for (k, j) in jobs.enumerated() {
          let c = chunks[Int(j.chunk)].data
          let q = c.quotes[Int(j.check)]
          if !fitsOnce(q, starts: found[k], needleCount: ns[k].count, arena: c.arena, hay: hay) {
            failed.append(Int(j.item))
          }
        }
      }
    }
    switch text.origin {
    case .verbatim(let f, let r): run(UnsafeRawBufferPointer(rebasing: f.bytes[r]))
    case .escaped(let f, let r):
      let b = JSONUnescape.bytes(f.base!.assumingMemoryBound(to: UInt8.self) + r.lowerBound, count: r.count)
      b.withUnsafeBytes { run($0) }
    default:
      var t = text.text
      t.withUTF8 { run(UnsafeRawBufferPointer($0)) }
    }
  }

  /// Pointers to each job's needle in its chunk's arena (arenas are not mutated now).
  static func withNeedles(
    _ jobs: ArraySlice<QuoteJob>, chunks: [ScannedChunk], _ body: ([UnsafeRawBufferPointer]) -> Void
  ) {
    var out: [UnsafeRawBufferPointer] = []
    out.reserveCapacity(jobs.count)
    for j in jobs {
      let c = chunks[Int(j.chunk)].data
      let q = c.quotes[Int(j.check)]
      c.arena.withUnsafeBytes { a in
        out.append(UnsafeRawBufferPointer(start: a.baseAddress! + q.needle, count: Int(q.needleLength)))
      }
    }
    body(out)
  }

  /// QuoteLocator's rule: exactly one occurrence fits prefix, suffix and start.
  static func fitsOnce(
    _ q: RecordScanChunk.QuoteCheck, starts: [Int], needleCount: Int, arena: [UInt8], hay: UnsafeRawBufferPointer
  ) -> Bool {
    if q.prefixLength < 0 && q.suffixLength < 0 && q.startScalar < 0 { return starts.count == 1 }
    var fits = 0
    for s in starts {
      if q.prefixLength >= 0 {
        let p = arena[q.prefix..<(q.prefix + Int(q.prefixLength))]
        if !(s >= p.count && hay[(s - p.count)..<s].elementsEqual(p)) { continue }
      }
      if q.suffixLength >= 0 {
        let x = arena[q.suffix..<(q.suffix + Int(q.suffixLength))]
        let e = s + needleCount
        if !(e + x.count <= hay.count && hay[e..<(e + x.count)].elementsEqual(x)) { continue }
      }
      if q.startScalar >= 0 && QuoteLocator.scalarOffset(ofByte: s, in: hay) != q.startScalar { continue }
      fits += 1
    }
    return fits == 1
  }
}
