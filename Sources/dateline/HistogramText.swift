import DatelineCore

/// `list --histogram`: the density strip as text lines, or its buckets as data (json,
/// jsonl, csv, md) for scripts.
///
/// The screen draws the whole data dim with the filtered records over it; text has no
/// dim, so a filtered strip prints two bars (all records, then the shown ones) on the
/// same scale, then the first and last bucket under them and a line saying what a column
/// and a full block are.
struct HistogramText {
  let strip: DensityStrip
  let filtered: Bool
  let columns: Int

  var lines: [String] {
    guard let first = strip.buckets.first, let last = strip.buckets.last else {
      return ["no records"]
    }
    var out = [strip.allGlyphs]
    if filtered { out.append(strip.shownGlyphs) }
    out = out.map { line in
      var l = line
      while l.hasSuffix(" ") { l.removeLast() }
      return l
    }
    let start = strip.label(of: first)
    let end = strip.label(of: last)
    let gap = strip.buckets.count - start.count - end.count
    out.append(
      strip.buckets.count == 1
        ? start
        : gap >= 1
          ? start + String(repeating: " ", count: gap) + end
          : start + " … " + end)
    let all = strip.buckets.reduce(0) { $0 + $1.all }
    let shown = strip.buckets.reduce(0) { $0 + $1.shown }
    var legend =
      "one column per \(strip.unit.name), █ = \(strip.maximum) record\(strip.maximum == 1 ? "" : "s")"
    legend +=
      filtered
      ? "; first line all \(all) records, second the \(shown) shown"
      : "; \(all) records"
    out.append(legend)
    return out
  }

  /// The formats a histogram is printed in (`list --histogram --format`).
  static let formats: [ListCommand.Format] = [.text, .json, .jsonl, .csv, .md]

  /// The whole output in `format`, or nil for a format that holds records only.
  func render(_ format: ListCommand.Format) -> String? {
    switch format {
    case .text: return lines.map { $0 + "\n" }.joined()
    case .json: return json + "\n"
    case .jsonl: return bucketObjects.map { $0 + "\n" }.joined()
    case .csv:
      return ([HistogramText.columnNames] + cells).map(CSVWriter.row).joined()
    case .md: return MarkdownTable.table(HistogramText.columnNames, cells)
    case .timelinejs, .ics: return nil
    }
  }

  /// `{"unit": "day", "maximum": 16, "buckets": [{"first": …, "last": …, "all": 1, "shown": 1}, …]}`.
  var json: String {
    "{\"unit\":\"\(strip.unit.name)\",\"maximum\":\(strip.maximum),\"buckets\":["
      + bucketObjects.joined(separator: ",")
      + "]}"
  }

  /// One JSON object per bucket (jsonl prints one a line).
  var bucketObjects: [String] {
    strip.buckets.map {
      "{\"first\":\"\($0.first)\",\"last\":\"\($0.last)\",\"all\":\($0.all),\"shown\":\($0.shown)}"
    }
  }

  /// The columns of csv and md: a bucket's first and last day, its records, those shown.
  static let columnNames = ["first", "last", "all", "shown"]
  var cells: [[String]] {
    strip.buckets.map {
      ["\($0.first)", "\($0.last)", "\($0.all)", "\($0.shown)"]
    }
  }
}
