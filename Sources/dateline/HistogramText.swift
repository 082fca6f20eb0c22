import DatelineCore

/// `list --histogram`: the density strip as text lines, or as JSON for scripts.
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
    guard let first = strip.buckets.first, let last = strip.buckets.last else { return ["no records"] }
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
    out.append(strip.buckets.count == 1 ? start : gap >= 1 ? start + String(repeating: " ", count: gap) + end : start + " … " + end)
    let all = strip.buckets.reduce(0) { $0 + $1.all }
    let shown = strip.buckets.reduce(0) { $0 + $1.shown }
    var legend = "one column per \(strip.unit.name), █ = \(strip.maximum) record\(strip.maximum == 1 ? "" : "s")"
    legend += filtered ? "; first line all \(all) records, second the \(shown) shown" : "; \(all) records"
    out.append(legend)
    return out
  }

  /// `{"unit": "day", "maximum": 16, "buckets": [{"first": …, "last": …, "all": 1, "shown": 1}, …]}`.
  var json: String {
    let buckets = strip.buckets.map {
      "{\"first\":\"\($0.first)\",\"last\":\"\($0.last)\",\"all\":\($0.all),\"shown\":\($0.shown)}"
    }
    return "{\"unit\":\"\(strip.unit.name)\",\"maximum\":\(strip.maximum),\"buckets\":[" + buckets.joined(separator: ",") + "]}"
  }
}
