import CDatelineScan
import XCTest

/// The string scan's block pass (dl_string_run) against its rule written out scalar by
/// scalar, through each of its paths (byte by byte, SSE2, AVX2 where the processor has
/// it): every kind of byte at every place of two 32-byte blocks, scalars across block
/// edges, cut scalars at the end, and random mixes.
final class StringRunTests: XCTestCase {
  struct Run: Equatable {
    var count: Int
    var width: UInt32
    var visible: Bool
  }

  /// The rule: printable ASCII but `"` and `\`; a lead C3-CB with one continuation byte
  /// (width 1); a lead E5-E9, or E4 before B8-BF, with two (width 2). Anything else ends
  /// the run before it.
  func reference(_ b: [UInt8]) -> Run {
    var r = Run(count: 0, width: 0, visible: false)
    func cont(_ k: Int) -> Bool { k < b.count && b[k] & 0xC0 == 0x80 }
    while r.count < b.count {
      let c = b[r.count]
      if c >= 0x20 && c < 0x7F && c != 0x22 && c != 0x5C {
        if c != 0x20 { r.visible = true }
        r.width += 1
        r.count += 1
      } else if (0xC3...0xCB).contains(c) && cont(r.count + 1) {
        r.visible = true
        r.width += 1
        r.count += 2
      } else if (0xE5...0xE9).contains(c)
        || (c == 0xE4 && r.count + 1 < b.count
          && (0xB8...0xBF).contains(b[r.count + 1])),
        cont(r.count + 1) && cont(r.count + 2)
      {
        r.visible = true
        r.width += 2
        r.count += 3
      } else {
        break
      }
    }
    return r
  }

  func run(_ b: [UInt8], path: Int32) -> Run {
    var width: UInt32 = 0
    var visible: Int32 = 0
    let n = b.withUnsafeBufferPointer {
      dl_string_run_path(path, $0.baseAddress, $0.count, &width, &visible)
    }
    return Run(count: n, width: width, visible: visible != 0)
  }

  /// Every path this machine has, plus the dispatching entry point, agrees with the rule.
  func check(
    _ b: [UInt8], _ what: @autoclosure () -> String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let want = reference(b)
    for path: Int32 in 0...2 where dl_string_run_path_available(path) != 0 {
      let got = run(b, path: path)
      if got != want {
        XCTFail(
          "path \(path), \(what()): \(got) != \(want)", file: file, line: line)
        return
      }
    }
    var width: UInt32 = 0
    var visible: Int32 = 0
    let n = b.withUnsafeBufferPointer {
      dl_string_run($0.baseAddress, $0.count, &width, &visible)
    }
    XCTAssertEqual(
      Run(count: n, width: width, visible: visible != 0), want, what(),
      file: file, line: line)
  }

  func testTheSIMDPathsAreHere() {
    #if arch(x86_64)
    XCTAssertEqual(dl_string_run_path_available(1), 1, "SSE2")
    #endif
  }

  func testEverySpecialByteInEveryPlace() {
    let specials: [UInt8] = [
      0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0xA0, 0xBF, 0xC0, 0xC1,
      0xC2, 0xC3, 0xCB, 0xCC, 0xDF, 0xE0, 0xE4, 0xE5, 0xE9, 0xEA, 0xED, 0xEF,
      0xF0, 0xF4, 0xF5, 0xFF,
    ]
    for length in 0...70 {
      for filler: UInt8 in [0x20, 0x61] {
        let plain = [UInt8](repeating: filler, count: length)
        check(plain, "all \(filler), length \(length)")
        for at in 0..<length {
          for s in specials {
            var b = plain
            b[at] = s
            check(b, "length \(length), \(s) at \(at)")
          }
        }
      }
    }
  }

  /// Two- and three-byte scalars (easy and not) starting at every offset around the
  /// block edges, whole, cut short by the end, or with a byte that is not a continuation.
  func testScalarsAcrossBlockEdges() {
    let scalars: [[UInt8]] = [
      [0xC3, 0xA9], [0xCB, 0xBF], [0xC2, 0xA0], [0xC2, 0x85], [0xCC, 0x81],
      [0xE5, 0x8C, 0x97], [0xE9, 0xBF, 0xBF], [0xE4, 0xBA, 0xAC],
      [0xE4, 0xB8, 0x80],
      [0xE4, 0xB7, 0xBF],
      [0xE2, 0x80, 0x94], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98, 0x80],
    ]
    for s in scalars {
      for at in 0..<70 {
        for tail in [0, 1, 5, 40] {
          let b =
            [UInt8](repeating: 0x62, count: at) + s
            + [UInt8](repeating: 0x63, count: tail)
          check(b, "\(s) at \(at), \(tail) after")
          for cut in 1..<s.count {
            check(Array(b.prefix(at + cut)), "\(s) at \(at) cut to \(cut)")
            var broken = b
            broken[at + cut] = 0x41
            check(broken, "\(s) at \(at), byte \(cut) ASCII")
          }
        }
      }
    }
  }

  func testRandomMixes() {
    var rng = SystemRandomNumberGenerator()
    let odd: [UInt8] = [
      0x20, 0x22, 0x5C, 0x1F, 0x7F, 0x80, 0xB8, 0xBF, 0xC2, 0xC3, 0xCC, 0xE4,
      0xE5, 0xEA, 0xF0, 0xFF,
    ]
    for _ in 0..<4_000 {
      let n = Int.random(in: 0...140, using: &rng)
      var b: [UInt8] = []
      while b.count < n {
        switch Int.random(in: 0..<40, using: &rng) {
        case 0..<22: b.append(UInt8.random(in: 0x61...0x7A, using: &rng))
        case 22..<30:
          b += [
            UInt8.random(in: 0xC3...0xCB, using: &rng),
            UInt8.random(in: 0x80...0xBF, using: &rng),
          ]
        case 30..<36:
          b += [
            UInt8.random(in: 0xE5...0xE9, using: &rng),
            UInt8.random(in: 0x80...0xBF, using: &rng),
            UInt8.random(in: 0x80...0xBF, using: &rng),
          ]
        default: b.append(odd.randomElement(using: &rng) ?? 0)
        }
      }
      check(b, "\(b)")
    }
  }
}
