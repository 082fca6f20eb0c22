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
  /// `lists` (the jobs of each chunk, in item order) are consumed.
  static func failures(
    _ lists: inout [[QuoteJob]], chunks: [ScannedChunk], sources: SourceTable,
    timings: LoadTimings? = nil
  ) -> [Int] {
    guard let first = lists.first(where: { !$0.isEmpty })?.first else {
      return []
    }
    var timer = LoadTimer("quotes", timings)
    // Group by source (counting sort keeps each source's quotes in item order).
    var counts = [Int](repeating: 0, count: sources.list.count + 1)
    var total = 0
    for jobs in lists {
      for j in jobs { counts[Int(j.source) + 1] += 1 }
      total += jobs.count
    }
    for i in 1..<counts.count { counts[i] += counts[i - 1] }
    var fill = counts
    var ordered = [QuoteJob](repeating: first, count: total)
    for jobs in lists {
      for j in jobs {
        ordered[fill[Int(j.source)]] = j
        fill[Int(j.source)] += 1
      }
    }
    lists = []
    timer.lap("grouped")
    let groups = (0..<sources.list.count).filter { counts[$0 + 1] > counts[$0] }
    let batches = max(1, min(256, groups.count))
    let slots = ResultSlots<[Int]>(count: batches)
    let list = sources.list
    let boxes = chunks.map(\.quoteBox)
    // Plain pointers to each chunk's quote data (not changed until the boxes are freed,
    // after this phase): taking them out of the boxes per quote cost a retain and a
    // release each.
    let views = UnsafeSendable(boxes.map(BoxView.init))
    let work = ordered
    let bounds = counts
    DispatchQueue.concurrentPerform(iterations: batches) { b in
      var failed: [Int] = []
      var scratch = RunScratch()
      var k = b * groups.count / batches
      let stop = (b + 1) * groups.count / batches
      var span = TextSpan()
      while k < stop {
        let s = groups[k]
        let text = list[s].textStorage
        span.add(text)
        check(
          work[bounds[s]..<bounds[s + 1]], text: text, views: views.value,
          &scratch, failed: &failed)
        k += 1
      }
      span.release()
      slots[b] = failed
    }
    withExtendedLifetime(boxes) {}
    return (0..<batches).flatMap { slots[$0] ?? [] }
  }

  /// Where one chunk's quote checks, their extras and their normalized bytes lie.
  struct BoxView {
    let quotes: UnsafePointer<RecordScanChunk.QuoteCheck>?
    let extras: UnsafePointer<RecordScanChunk.QuoteExtra>?
    let arena: UnsafeRawPointer

    init(_ box: QuoteBox) {
      quotes = box.quotes.withUnsafeBufferPointer { $0.baseAddress }
      extras = box.extras.withUnsafeBufferPointer { $0.baseAddress }
      arena =
        box.arena.withUnsafeBytes { $0.baseAddress } ?? UnsafeRawPointer(
          bitPattern: 8)!
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

  /// The bytes of one batch's texts in their file: a file read window by window hands
  /// them back after the batch. Texts of one file come in file order, so no other batch
  /// reads within the span; a batch with texts in two files keeps them.
  struct TextSpan {
    var file: FileBytes?
    var range: Range<Int>?
    var mixed = false

    mutating func add(_ text: SourceText) {
      switch text.origin {
      case .verbatim(let f, let r), .escaped(let f, let r),
        .literal(let f, let r):
        guard f.isDeferred, file == nil || file === f else {
          mixed = mixed || file != nil
          return
        }
        file = f
        range =
          range.map {
            min($0.lowerBound, r.lowerBound)..<max($0.upperBound, r.upperBound)
          } ?? r
      default: break
      }
    }

    func release() {
      guard !mixed, let file, let range else { return }
      file.release(range)
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
      guard f.ensure(r) else {
        failed.append(contentsOf: jobs.map { Int($0.item) })
        return
      }
    default: break
    }
    switch text.origin {
    case .verbatim(let f, let r):
      run(
        jobs, hay: UnsafeRawBufferPointer(rebasing: f.bytes[r]), escaped: false,
        views: views, &scratch, failed: &failed
      )
    case .escaped(let f, let r):
      let hay = UnsafeRawBufferPointer(rebasing: f.bytes[r])
      if plainEscapes(hay) {
        run(
          jobs, hay: hay, escaped: true, views: views, &scratch, failed: &failed
        )
      } else {
        let b = JSONEscape.unescaped(
          f.base!.assumingMemoryBound(to: UInt8.self) + r.lowerBound,
          count: r.count)
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

  /// Whether every escape in a JSON string body is `\n`, `\t`, `\"` or `\\`: then each
  /// character has exactly one spelling, and a text occurs in the decoded string exactly
  /// where its escaped form occurs in the body at a character boundary.
  static func plainEscapes(_ b: UnsafeRawBufferPointer) -> Bool {
    guard let base = b.baseAddress else { return true }
    var i = 0
    let n = b.count
    while i < n {
      guard let p = memchr(base + i, 0x5C, n - i) else { return true }
      let at = base.distance(to: UnsafeRawPointer(p))
      guard at + 1 < n else { return false }
      switch b[at + 1] {
      case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "\""),
        UInt8(ascii: "\\"):
        i = at + 2
      default: return false
      }
    }
    return true
  }

  /// Whether normalized text reads the same escaped (no newline, tab, quote, backslash).
  @inline(__always) static func needsNoEscape(_ b: UnsafeRawBufferPointer)
    -> Bool
  {
    for c in b where c == 0x0A || c == 0x09 || c == 0x22 || c == 0x5C {
      return false
    }
    return true
  }

  /// The escaped form of normalized text (the inverse of decoding a plain-escaped body).
  static func escape(_ b: UnsafeRawBufferPointer, into out: inout [UInt8]) {
    out.reserveCapacity(out.count + b.count * 2)
    for c in b {
      switch c {
      case 0x0A:
        out.append(0x5C)
        out.append(UInt8(ascii: "n"))
      case 0x09:
        out.append(0x5C)
        out.append(UInt8(ascii: "t"))
      case 0x22:
        out.append(0x5C)
        out.append(0x22)
      case 0x5C:
        out.append(0x5C)
        out.append(0x5C)
      default: out.append(c)
      }
    }
  }

  /// Whether offset `t` of an escaped body is a character boundary (not the second byte of
  /// an escape): an even number of backslashes right before it.
  @inline(__always) static func boundary(_ t: Int, _ h: UnsafeRawBufferPointer)
    -> Bool
  {
    var k = t
    while k > 0 && h[k - 1] == 0x5C { k -= 1 }
    return (t - k) & 1 == 0
  }

  /// Unicode scalars of the decoded text before offset `t` of the hay.
  static func scalarOffset(
    ofByte t: Int, in h: UnsafeRawBufferPointer, escaped: Bool
  ) -> Int {
    guard escaped else { return QuoteLocator.scalarOffset(ofByte: t, in: h) }
    var n = 0
    var i = 0
    while i < t {
      if h[i] == 0x5C {
        n += 1
        i += 2
      } else {
        if h[i] & 0xC0 != 0x80 { n += 1 }
        i += 1
      }
    }
    return n
  }

  /// Searches every job's quote in `hay` at once; a job fails unless exactly one
  /// occurrence fits its prefix, suffix and start (QuoteLocator's rule).
  static func run(
    _ jobs: ArraySlice<QuoteJob>, hay: UnsafeRawBufferPointer, escaped: Bool,
    views: [BoxView],
    _ scratch: inout RunScratch, failed: inout [Int]
  ) {
    scratch.reset()
    // (needle, prefix, suffix) per job, as byte ranges in one buffer (escaped texts) or
    // in the chunks' arenas.
    let none = RecordScanChunk.QuoteExtra()
    for j in jobs {
      let v = views[Int(j.chunk)]
      let q = v.quotes![Int(j.check)]
      scratch.quotes.append(q)
      scratch.extras.append(q.extra >= 0 ? v.extras![Int(q.extra)] : none)
      scratch.arenas.append(v.arena)
    }
    // Byte ranges in the chunk's arena (from > 0 when escaped: at -from - 1 in `buffer`).
    for k in 0..<scratch.quotes.count {
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
          range(Int(q.needle), q.needleLength)!,
          range(x.prefix, x.prefixLength), range(x.suffix, x.suffixLength)
        ))
    }
    let parts = scratch.parts
    let extras = scratch.extras
    let arenas = scratch.arenas
    var needles = scratch.needles
    scratch.needles = []
    var fits = scratch.fits
    scratch.fits = []
    defer {
      scratch.needles = needles
      scratch.fits = fits
    }
    scratch.buffer.withUnsafeBytes { buf in
      func bytes(_ k: Int, _ r: Range<Int>) -> UnsafeRawBufferPointer {
        r.lowerBound < 0
          ? UnsafeRawBufferPointer(
            rebasing: buf[(-r.upperBound - 1)..<(-r.lowerBound - 1)])
          : UnsafeRawBufferPointer(
            start: arenas[k] + r.lowerBound, count: r.count)
      }
      for k in 0..<parts.count { needles.append(bytes(k, parts[k].0)) }
      // The quotes lie scattered over the scanned chunks: touch each once in a loop of
      // independent loads, so their cache misses overlap instead of stalling the search.
      var touch: UInt8 = 0
      for nd in needles {
        touch &+=
          nd.load(fromByteOffset: nd.count - 1, as: UInt8.self)
          &+ nd.load(as: UInt8.self)
      }
      // keeps the loads
      if touch == 0xA5 { failed.reserveCapacity(failed.count + 1) }
      fits.append(contentsOf: repeatElement(0, count: parts.count))
      QuoteSearch.forEachOccurrence(of: needles, in: hay) { k, t in
        if escaped && !boundary(t, hay) { return }
        if let pr = parts[k].1 {
          let p = bytes(k, pr)
          let from = t - p.count
          guard from >= 0,
            memcmp(hay.baseAddress! + from, p.baseAddress!, p.count) == 0
          else { return }
          if escaped && !boundary(from, hay) { return }
        }
        if let sr = parts[k].2 {
          let x = bytes(k, sr)
          let e = t + needles[k].count
          guard e + x.count <= hay.count,
            memcmp(hay.baseAddress! + e, x.baseAddress!, x.count) == 0
          else { return }
        }
        let start = extras[k].startScalar
        if start >= 0
          && scalarOffset(ofByte: t, in: hay, escaped: escaped) != start
        {
          return
        }
        fits[k] += 1
      }
      for (k, j) in jobs.enumerated() where fits[k] != 1 {
        failed.append(Int(j.item))
      }
    }
  }
}
