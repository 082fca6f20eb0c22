import CDatelineScan
import XCTest

/// The scan's SSE2 byte classification (dl_plain_ascii_prefix) against the rule written
/// out byte by byte, for every length up to 70 and every kind of byte at every place,
/// so a special byte in any lane of a 16-byte block, or in the tail, is found.
final class PlainASCIIPrefixTests: XCTestCase {
  /// The rule: plain is 0x20…0x7E except `"` and `\`; visible when one is not a space.
  func reference(_ b: [UInt8]) -> (count: Int, visible: Bool) {
    var visible = false
    for (i, c) in b.enumerated() {
      if c < 0x20 || c >= 0x7F || c == 0x22 || c == 0x5C { return (i, visible) }
      if c != 0x20 { visible = true }
    }
    return (b.count, visible)
  }

  func scan(_ b: [UInt8]) -> (count: Int, visible: Bool) {
    var visible: Int32 = 0
    let n = b.withUnsafeBufferPointer {
      dl_plain_ascii_prefix($0.baseAddress, $0.count, &visible)
    }
    return (n, visible != 0)
  }

  func testEverySpecialByteInEveryPlace() {
    let specials: [UInt8] = [
      0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0xC3, 0xE2, 0xFF,
    ]
    for length in 0...70 {
      for filler: UInt8 in [0x20, 0x61] {
        let plain = [UInt8](repeating: filler, count: length)
        XCTAssertTrue(
          scan(plain) == reference(plain), "all \(filler), length \(length)")
        for at in 0..<length {
          for s in specials {
            var b = plain
            b[at] = s
            let got = scan(b)
            let want = reference(b)
            XCTAssertTrue(
              got == want, "length \(length), \(s) at \(at): \(got) != \(want)")
          }
        }
      }
    }
  }

  func testSpacesThenOneLetter() {
    // Visible is about the bytes before the stop only: a letter after it does not count.
    for length in 1...40 {
      for at in 0..<length {
        var b = [UInt8](repeating: 0x20, count: length)
        b[at] = 0x41
        XCTAssertTrue(scan(b) == reference(b), "letter at \(at) of \(length)")
        if at + 1 < length {
          var stopped = b
          stopped[at] = 0x22
          stopped[at + 1] = 0x41
          XCTAssertTrue(
            scan(stopped) == reference(stopped), "quote at \(at), letter after")
        }
      }
    }
  }

  func testRandomBuffers() {
    var rng = SystemRandomNumberGenerator()
    let alphabet: [UInt8] = [
      0x20, 0x20, 0x61, 0x7E, 0x41, 0x22, 0x5C, 0x1F, 0x7F, 0x80,
    ]
    for _ in 0..<5_000 {
      let n = Int.random(in: 0...100, using: &rng)
      // Mostly plain runs, so that stops land deep inside blocks.
      let b = (0..<n).map { _ in
        Int.random(in: 0..<20, using: &rng) == 0
          ? alphabet.randomElement(using: &rng)!
          : UInt8.random(in: 0x20...0x7E, using: &rng)
      }
      XCTAssertTrue(scan(b) == reference(b), "\(b)")
    }
  }
}
