import Foundation
import XCTest

@testable import DatelineCore

/// QuoteSearch (several quotes in one pass over a text) finds exactly the occurrences a
/// plain search finds: random texts over a small alphabet (so grams repeat and candidate
/// matches fail often), quotes cut from the text and made up, overlapping occurrences,
/// quotes at the very start and end.
final class QuoteSearchTests: XCTestCase {
  func naive(_ needle: [UInt8], _ hay: [UInt8]) -> [Int] {
    guard needle.count <= hay.count, !needle.isEmpty else { return [] }
    return (0...(hay.count - needle.count)).filter { t in
      hay[t..<(t + needle.count)].elementsEqual(needle)
    }
  }

  /// Each needle in a buffer of its own (so a read past its end is caught by tools).
  func withBuffers<R>(
    _ needles: [[UInt8]], _ body: ([UnsafeRawBufferPointer]) -> R
  ) -> R {
    let buffers = needles.map { n -> UnsafeRawBufferPointer in
      let b = UnsafeMutableRawBufferPointer.allocate(
        byteCount: n.count, alignment: 1)
      b.copyMemory(from: UnsafeRawBufferPointer(start: n, count: n.count))
      return UnsafeRawBufferPointer(b)
    }
    defer { for b in buffers { b.deallocate() } }
    return body(buffers)
  }

  func testAgreesWithAPlainSearch() {
    var rng = SplitMix64(state: 7)
    for round in 0..<150 {
      let alphabet =
        Array("ab c".utf8) + (round % 3 == 0 ? Array("defghij".utf8) : [])
      let hay = (0..<Int.random(in: 0...3_000, using: &rng)).map { _ in
        alphabet.randomElement(using: &rng)!
      }
      var needles: [[UInt8]] = []
      for _ in 0..<Int.random(in: 1...40, using: &rng) {
        let length = Int.random(in: 1...60, using: &rng)
        if hay.count > length && Bool.random(using: &rng) {
          let at = [
            0, hay.count - length,
            Int.random(in: 0...(hay.count - length), using: &rng),
          ].randomElement(
            using: &rng)!
          needles.append(Array(hay[at..<(at + length)]))
        } else {
          needles.append(
            (0..<length).map { _ in alphabet.randomElement(using: &rng)! })
        }
      }
      let found = hay.withUnsafeBytes { h in
        withBuffers(needles) { QuoteSearch.occurrences(of: $0, in: h) }
      }
      for (k, n) in needles.enumerated() {
        XCTAssertEqual(
          found[k], naive(n, hay),
          "round \(round), needle \(k) (\(n.count) bytes) in \(hay.count) bytes"
        )
      }
    }
  }

  /// Texts long enough for many blocks of 256 samples (the sweep filters a block of
  /// samples, then probes the ones that pass), cut whole into quotes as a source is into
  /// the records that cite it, so nearly every sample is an occurrence: each quote's
  /// occurrences agree with a `memcmp` at every offset, made-up quotes too.
  func testAgreesOnLongTextsAcrossBlocksOfSamples() {
    var rng = SplitMix64(state: 11)
    for round in 0..<3 {
      // Words of random letters: few grams repeat, so the sweep runs within its budget.
      var hay: [UInt8] = []
      while hay.count < 6_000 + 500 * round {
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
          hay.append(UInt8.random(in: 0x61...0x7A, using: &rng))
        }
        hay.append(0x20)
      }
      var needles: [[UInt8]] = []
      var at = 0
      while at + 24 <= hay.count {
        let length = Int.random(in: 16...24, using: &rng)
        needles.append(Array(hay[at..<(at + length)]))
        at += length
      }
      for k in 0..<10 { needles.append(Array("no such quote \(k) here".utf8)) }
      hay.withUnsafeBytes { h in
        let found = withBuffers(needles) {
          QuoteSearch.occurrences(of: $0, in: h)
        }
        for (k, n) in needles.enumerated() {
          var want: [Int] = []
          for t in stride(from: 0, through: h.count - n.count, by: 1)
          where memcmp(h.start + t, n, n.count) == 0 {
            want.append(t)
          }
          XCTAssertEqual(found[k], want, "round \(round), needle \(k)")
        }
      }
    }
  }
}

/// The property tests' generator, for the standard library's random APIs.
extension SplitMix64: RandomNumberGenerator {}
