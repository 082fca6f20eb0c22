import DatelineUI
import Foundation
import XCTest

/// Golden screens: `Golden/<name>.<W>x<H>.txt` holds a frame as `dateline screen --attrs`
/// prints it (rows with trailing spaces trimmed, `--- styles`, then the style runs).
///
/// With `DATELINE_RECORD=1` in the environment the files are written instead of compared,
/// and nothing fails; review them in the git diff. A missing file fails with a hint. Under
/// CI (`DATELINE_CI`, set by .ci/run) nothing is recorded whatever DATELINE_RECORD says.
enum Golden {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static var recording: Bool {
    recording(in: ProcessInfo.processInfo.environment)
  }

  /// Whether `environment` asks to record: DATELINE_RECORD=1, and not under CI.
  static func recording(in environment: [String: String]) -> Bool {
    environment["DATELINE_RECORD"] == "1" && environment["DATELINE_CI"] == nil
  }

  /// Where the golden for `name` at `size` lives.
  static func url(_ name: String, _ size: Size, in directory: URL = directory)
    -> URL
  {
    directory.appendingPathComponent("\(name).\(size.columns)x\(size.rows).txt")
  }

  /// The text a golden file holds for `frame`.
  static func text(of frame: Frame) -> String {
    let rows = frame.lines.map { line -> String in
      var l = line
      while l.hasSuffix(" ") { l.removeLast() }
      return l
    }
    return (rows + ["--- styles"] + frame.styleRuns).joined(separator: "\n")
      + "\n"
  }

  /// Compares (or records) `frame`; returns a failure message, or nil when it matches.
  static func check(
    _ frame: Frame, _ name: String, in directory: URL = directory,
    recording: Bool = recording
  )
    -> String?
  {
    let file = url(name, frame.size, in: directory)
    let actual = text(of: frame)
    if recording {
      do {
        try FileManager.default.createDirectory(
          at: directory, withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
        return nil
      } catch {
        return "could not record \(file.path): \(error)"
      }
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      return "no golden file \(file.lastPathComponent) in \(directory.path); "
        + "run with DATELINE_RECORD=1 to record it, then review it.\nActual screen:\n"
        + boxed(actual.components(separatedBy: "\n"))
    }
    if expected == actual { return nil }
    return
      "\(file.lastPathComponent) differs (rerun with DATELINE_RECORD=1 to accept the new screen)\n"
      + diff(expected: expected, actual: actual, rows: frame.size.rows)
  }

  /// A readable difference: changed rows side by side, then style runs gained or lost.
  static func diff(expected: String, actual: String, rows: Int) -> String {
    let e = expected.components(separatedBy: "\n")
    let a = actual.components(separatedBy: "\n")
    let eRows = Array(e.prefix(rows))
    let aRows = Array(a.prefix(rows))
    var out: [String] = []
    for r in 0..<max(eRows.count, aRows.count) {
      let x = r < eRows.count ? eRows[r] : "<missing>"
      let y = r < aRows.count ? aRows[r] : "<missing>"
      if x != y {
        out.append("row \(r):")
        out.append("  expected |\(x)|")
        out.append("  actual   |\(y)|")
      }
    }
    let eRuns = e.dropFirst(rows + 1).filter { !$0.isEmpty }
    let aRuns = a.dropFirst(rows + 1).filter { !$0.isEmpty }
    let lost = eRuns.filter { !aRuns.contains($0) }
    let gained = aRuns.filter { !eRuns.contains($0) }
    if !lost.isEmpty || !gained.isEmpty {
      out.append("style runs:")
      out += lost.map { "  - \($0)" }
      out += gained.map { "  + \($0)" }
    }
    out.append("expected screen:")
    out.append(boxed(eRows))
    out.append("actual screen:")
    out.append(boxed(aRows))
    return out.joined(separator: "\n")
  }

  /// Rows between bars, so trailing and leading blanks show.
  static func boxed(_ rows: [String]) -> String {
    rows.map { "  |\($0)|" }.joined(separator: "\n")
  }
}

/// Fails when `frame` differs from `Golden/<name>.<W>x<H>.txt` (or records it, see `Golden`).
func assertGolden(
  _ frame: Frame, _ name: String, file: StaticString = #filePath,
  line: UInt = #line
) {
  if let failure = Golden.check(frame, name) {
    XCTFail(failure, file: file, line: line)
  }
}
