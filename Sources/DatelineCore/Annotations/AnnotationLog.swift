import Foundation

/// Reading annotations files, and appending one change to one.
///
/// An annotations file is JSON Lines, one `AnnotationChange` per line (docs/data-format.md,
/// "Annotations"). Reading never fails: a line that is not a change is a warning and is
/// skipped, a last line cut short (a write interrupted by a crash or a full disk) is a
/// warning too, and every other line still counts.
public enum AnnotationLog {
  /// The changes of one file's bytes, in line order, and warnings for the lines left out.
  /// `name` is how issues name the file (relative to the data directory when inside it).
  public static func parse(_ data: [UInt8], name: String) -> (
    changes: [AnnotationChange], issues: [LoadIssue]
  ) {
    var changes: [AnnotationChange] = []
    var issues: [LoadIssue] = []
    var start = 0
    var line = 1
    while start < data.count {
      let end = data[start...].firstIndex(of: 0x0A) ?? data.count
      let complete = end < data.count
      let bytes = data[start..<end]
      if !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
        switch decodeLine(bytes) {
        case .success(let c): changes.append(c)
        case .failure(let e):
          // A cut last line is what an interrupted append leaves: say so, not "bad JSON".
          let message =
            complete
            ? e.message
            : "the last line is cut short (an interrupted write?), ignored"
          issues.append(
            LoadIssue(
              .warning, file: name, place: .line(line, id: nil),
              path: complete ? e.path : nil, message: message))
        }
      }
      start = end + 1
      line += 1
    }
    return (changes, issues)
  }

  static func decodeLine(_ bytes: ArraySlice<UInt8>) -> Result<
    AnnotationChange, AnnotationChange.DecodeError
  > {
    let parsed: Result<JSONNode, JSONSyntaxError> = bytes.withUnsafeBytes {
      buffer in
      do throws(JSONSyntaxError) {
        return .success(try JSONParser.parse(buffer, depthLimit: 4))
      } catch {
        return .failure(error)
      }
    }
    switch parsed {
    case .success(let node): return AnnotationChange.decode(node)
    case .failure(let e):
      return .failure(
        AnnotationChange.DecodeError(
          path: "$", message: "invalid JSON: \(e.message)"))
    }
  }

  /// Every `*.jsonl` file in `directory`, in byte order of their names, with the name
  /// issues should show (`prefix` + file name). A missing directory is no annotations.
  public static func read(directory: String, prefix: String) -> (
    changes: [AnnotationChange], issues: [LoadIssue]
  ) {
    guard
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: directory)
    else { return ([], []) }
    var changes: [AnnotationChange] = []
    var issues: [LoadIssue] = []
    for name in names.filter({ $0.hasSuffix(".jsonl") }).sorted(by: {
      $0.utf8.lexicographicallyPrecedes($1.utf8)
    }) {
      let path = directory + "/" + name
      guard let data = FileManager.default.contents(atPath: path) else {
        issues.append(
          LoadIssue(
            .warning, file: prefix + name,
            message: "cannot read the annotations file, ignored"))
        continue
      }
      let parsed = parse([UInt8](data), name: prefix + name)
      changes += parsed.changes
      issues += parsed.issues
    }
    return (changes, issues)
  }

  /// The changes of several files in the order they were made: by time, and in file
  /// order for equal times, so a concatenation of two people's files folds the same.
  public static func ordered(_ changes: [AnnotationChange])
    -> [AnnotationChange]
  {
    changes.enumerated().sorted { a, b in
      a.element.time != b.element.time
        ? a.element.time < b.element.time : a.offset < b.offset
    }.map(\.element)
  }

  /// `2026-12-04T22:18:47.123Z` for `date`: always milliseconds, so times sort as text.
  public static func timestamp(_ date: Date) -> String {
    let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    let day = CalendarDay(
      dayNumber: Int32(
        ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000))
    let inDay = ((ms % 86_400_000) + 86_400_000) % 86_400_000
    func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
    let millis = inDay % 1000
    let fraction =
      millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
    return
      "\(day)T\(two(inDay / 3_600_000)):\(two(inDay / 60_000 % 60)):\(two(inDay / 1000 % 60)).\(fraction)Z"
  }
}
