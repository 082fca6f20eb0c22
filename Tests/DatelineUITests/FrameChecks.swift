import DatelineCore
import DatelineUI
import XCTest

/// What must hold for every frame, whatever the data or the size.
///
/// A backend draws cells left to right, so a row whose widths do not add up to the frame
/// width shifts everything after it; a control scalar in a cell would reach the terminal.
enum FrameChecks {
  /// Descriptions of every broken rule in `frame` (empty when it is sound).
  static func problems(_ frame: Frame) -> [String] {
    var out: [String] = []
    let w = frame.size.columns
    if frame.cells.count != w * frame.size.rows {
      return [
        "\(frame.cells.count) cells for \(frame.size), expected \(w * frame.size.rows)"
      ]
    }
    for r in 0..<frame.size.rows {
      var sum = 0
      for c in 0..<w {
        let cell = frame[c, r]
        sum += Int(cell.width)
        switch cell.width {
        case 2:
          if c + 1 >= w || frame[c + 1, r].width != 0 {
            out.append(
              "row \(r) col \(c): wide \(debug(cell.grapheme)) not followed by a continuation cell"
            )
          }
        case 0:
          if c == 0 || frame[c - 1, r].width != 2 {
            out.append(
              "row \(r) col \(c): continuation cell without a wide cell before it"
            )
          }
        case 1: break
        default: out.append("row \(r) col \(c): width \(cell.width)")
        }
        if cell.width > 0 {
          if cell.grapheme.count != 1 {
            out.append(
              "row \(r) col \(c): \(debug(cell.grapheme)) is \(cell.grapheme.count) graphemes, not 1"
            )
          } else if DisplayWidth.of(Character(cell.grapheme)) != Int(cell.width)
          {
            out.append(
              "row \(r) col \(c): \(debug(cell.grapheme)) has width \(cell.width) but DisplayWidth says "
                + "\(DisplayWidth.of(Character(cell.grapheme)))")
          }
        }
        if cell.width > 0, let first = cell.grapheme.unicodeScalars.first,
          startsCombining(first)
        {
          out.append(
            "row \(r) col \(c): \(debug(cell.grapheme)) starts with a combining mark (a terminal joins it to the cell before)"
          )
        }
        if let bad = cell.grapheme.unicodeScalars.first(where: isForbidden) {
          out.append(
            "row \(r) col \(c): \(debug(cell.grapheme)) holds U+\(hex(bad))")
        }
      }
      if sum != w {
        out.append("row \(r): cell widths add up to \(sum), not \(w)")
      }
    }
    return out
  }

  /// C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates.
  static func isForbidden(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return v < 0x20 || (0x7F...0x9F).contains(v)
      || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
  }

  /// Marks that a terminal draws on the previous cell, so a cell must not begin with one.
  static func startsCombining(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .spacingMark: return true
    default: return s.value == 0x200D
    }
  }

  static func hex(_ s: Unicode.Scalar) -> String {
    let h = String(s.value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - h.count)) + h
  }

  static func debug(_ g: String) -> String {
    "\""
      + g.unicodeScalars.map {
        $0.value < 0x20 || $0.value > 0x7E ? "\\u{\(hex($0))}" : String($0)
      }.joined() + "\""
  }
}

/// Fails with every broken rule of `frame` (see `FrameChecks`).
func assertSound(
  _ frame: Frame, _ context: @autoclosure () -> String = "",
  file: StaticString = #filePath, line: UInt = #line
) {
  let problems = FrameChecks.problems(frame)
  if !problems.isEmpty {
    XCTFail(
      "\(context()) frame \(frame.size) is broken:\n"
        + problems.prefix(20).joined(separator: "\n")
        + (problems.count > 20 ? "\n… and \(problems.count - 20) more" : "")
        + "\n" + frame.text,
      file: file, line: line)
  }
}

/// Checks many frames and reports each kind of problem once, with its first example, so a
/// sweep over hundreds of sizes fails with a short list instead of thousands of lines.
struct SoundnessSweep {
  private(set) var frames = 0
  private var firstExample: [String: String] = [:]
  private var order: [String] = []
  private var counts: [String: Int] = [:]

  mutating func check(_ frame: Frame, _ context: @autoclosure () -> String) {
    frames += 1
    for problem in FrameChecks.problems(frame) {
      let kind = problem.replacingOccurrences(
        of: "[0-9]+", with: "N", options: .regularExpression)
      counts[kind, default: 0] += 1
      if firstExample[kind] == nil {
        order.append(kind)
        firstExample[kind] = "\(context()): \(problem)\n" + frame.text
      }
    }
  }

  /// One failure per kind of problem found.
  func assertNoProblems(file: StaticString = #filePath, line: UInt = #line) {
    for kind in order {
      XCTFail(
        "\(counts[kind] ?? 0)× in \(frames) frames: \(kind)\nfirst seen at \(firstExample[kind] ?? "")",
        file: file, line: line)
    }
  }
}
