import DatelineCore

/// `list --disputed`: each contested pair as a line of ids and the two records under it.
///
/// Each record's line gives its date, kind, who says so and on what basis, and its
/// headline, aligned across all pairs, so the two sides read one above the other.
struct DisputeTable {
  let lines: [String]

  init(corpus: Corpus, links: LinkIndex, rows: [Int], width: Int?) {
    let pairs = links.disputePairs(among: rows)
    let involved = Array(Set(pairs.flatMap { [$0.disputing, $0.disputed] }))
      .sorted()
    func who(_ r: Record) -> String {
      Sanitizer.clean(r.statedBy(in: corpus)) + " [\(r.basis.rawValue)]"
    }
    let dateWidth =
      involved.map {
        DisplayWidth.of(Sanitizer.clean(DateLabel.compact(corpus.records[$0])))
      }.max() ?? 0
    let kindWidth =
      involved.map { corpus.records[$0].kind.rawValue.count }.max() ?? 0
    let whoWidth = min(
      32, involved.map { DisplayWidth.of(who(corpus.records[$0])) }.max() ?? 0)
    func line(_ i: Int) -> String {
      let r = corpus.records[i]
      var l =
        "  "
        + Truncation.fit(
          Sanitizer.clean(DateLabel.compact(r)), toColumns: dateWidth) + "  "
      l +=
        Truncation.fit(r.kind.rawValue, toColumns: kindWidth) + "  "
        + Truncation.fit(who(r), toColumns: whoWidth)
        + "  "
      let headline = Sanitizer.clean(r.headline)
      if let width {
        let room = width - DisplayWidth.of(l)
        return l
          + (room > 0 ? Truncation.truncate(headline, toColumns: room) : "")
      }
      return l + headline
    }
    var out: [String] = []
    for (n, pair) in pairs.enumerated() {
      if n > 0 { out.append("") }
      let a = corpus.records[pair.disputing]
      let b = corpus.records[pair.disputed]
      out.append(
        Sanitizer.clean("\(a.id) ⇄ \(b.id)")
          + "  (\(a.kind.rawValue) disputes \(b.kind.rawValue))")
      out.append(line(pair.disputing))
      out.append(line(pair.disputed))
    }
    lines = out
  }
}
