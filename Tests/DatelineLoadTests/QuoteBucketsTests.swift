import XCTest

@testable import DatelineCore

/// The quote phase's buckets: every source in exactly one, and a chunk's checks laid out
/// by bucket with the bytes, extras and flags of the checks they came from.
final class QuoteBucketsTests: XCTestCase {
  func testBucketsCutTheSourcesIntoRunsThatMatchEachSourcesBucket() {
    for n in [1, 2, 3, 255, 256, 257, 1_000, 50_000, 10_000_001] {
      let buckets = QuoteBuckets(sources: n)
      XCTAssertEqual(buckets.count, min(256, n))
      var next = 0
      for b in 0..<buckets.count {
        let run = buckets.sources(b)
        XCTAssertEqual(run.lowerBound, next, "sources \(n), bucket \(b)")
        XCTAssertFalse(run.isEmpty, "sources \(n), bucket \(b)")
        for s in [run.lowerBound, run.upperBound - 1] {
          XCTAssertEqual(buckets.of(s), b, "sources \(n), source \(s)")
        }
        next = run.upperBound
      }
      XCTAssertEqual(next, n)
    }
  }

  /// Jobs naming checks in item order, sources all over the table (some twice, one check
  /// left without a job): each bucket's run holds its jobs' checks in job order, with the
  /// item and source of the job and the needle, prefix and suffix bytes of the check.
  func testABoxLaidOutByBucketKeepsEachChecksBytesAndExtras() {
    var arena: [UInt8] = []
    var quotes: [RecordScanChunk.QuoteCheck] = []
    var extras: [RecordScanChunk.QuoteExtra] = []
    func add(_ text: String) -> (Int, Int32) {
      let at = arena.count
      arena += Array(text.utf8)
      return (at, Int32(text.utf8.count))
    }
    for k in 0..<40 {
      let (at, n) = add("needle \(k) " + String(repeating: "x", count: k % 7))
      var q = RecordScanChunk.QuoteCheck(
        item: Int32(k), source: 0, needle: UInt32(at), needleLength: n)
      q.unescaped = k % 3 == 0
      if k % 5 == 0 {
        var x = RecordScanChunk.QuoteExtra()
        (x.prefix, x.prefixLength) = add("before \(k)")
        if k % 10 == 0 { (x.suffix, x.suffixLength) = add("after \(k)") }
        x.startScalar = k
        q.extra = Int32(extras.count)
        extras.append(x)
      }
      quotes.append(q)
    }
    let box = QuoteBox(quotes: quotes, extras: extras, arena: arena)
    let buckets = QuoteBuckets(sources: 600)
    var jobs: [QuoteJob] = []
    for k in 0..<40 where k != 17 {
      let source = (k * 7919) % 600
      jobs.append(
        QuoteJob(
          item: Int32(1000 + k), source: Int32(source), chunk: 0,
          check: Int32(k)))
    }
    box.bucket(jobs, by: buckets)
    XCTAssertEqual(box.starts.count, buckets.count + 1)
    XCTAssertEqual(box.quotes.count, jobs.count)
    func bytes(_ a: [UInt8], _ at: Int, _ n: Int32) -> [UInt8] {
      n < 0 ? [] : Array(a[at..<(at + Int(n))])
    }
    var seen = 0
    for b in 0..<buckets.count {
      let want = jobs.filter { buckets.of(Int($0.source)) == b }
      let run = Int(box.starts[b])..<Int(box.starts[b + 1])
      XCTAssertEqual(run.count, want.count, "bucket \(b)")
      for (k, j) in zip(run, want) {
        let laid = box.quotes[k]
        let old = quotes[Int(j.check)]
        XCTAssertEqual(laid.item, j.item)
        XCTAssertEqual(Int(laid.source), Int(j.source))
        XCTAssertEqual(laid.unescaped, old.unescaped)
        XCTAssertEqual(
          bytes(box.arena, Int(laid.needle), laid.needleLength),
          bytes(arena, Int(old.needle), old.needleLength))
        XCTAssertEqual(laid.extra >= 0, old.extra >= 0)
        if laid.extra >= 0 {
          let x = box.extras[Int(laid.extra)]
          let y = extras[Int(old.extra)]
          XCTAssertEqual(
            bytes(box.arena, x.prefix, x.prefixLength),
            bytes(arena, y.prefix, y.prefixLength))
          XCTAssertEqual(
            bytes(box.arena, x.suffix, x.suffixLength),
            bytes(arena, y.suffix, y.suffixLength))
          XCTAssertEqual(x.startScalar, y.startScalar)
        }
        seen += 1
      }
    }
    XCTAssertEqual(seen, jobs.count)
  }
}
