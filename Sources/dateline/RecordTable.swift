import DatelineCore

/// Aligned text columns for `list`: date, kind, parties, headline.
///
/// Every cell is sanitized and measured in display columns, so CJK and emoji never shift
/// a column; with a terminal width the headline is cut to fit.
struct RecordTable {
  let lines: [String]

  init(corpus: Corpus, rows: [Int], width: Int?) {
    let records = rows.map { corpus.records[$0] }
    let dates = records.map { Sanitizer.clean(DateLabel.compact($0)) }
    let parties = records.map { r in
      Sanitizer.clean(
        r.parties.map { corpus.party($0.id)?.label ?? $0.id.rawValue }.joined(
          separator: ","))
    }
    let dateWidth = dates.map(DisplayWidth.of).max() ?? 0
    let partyWidth = min(28, parties.map(DisplayWidth.of).max() ?? 0)
    let kindWidth = records.map { $0.kind.rawValue.count }.max() ?? 0
    var out: [String] = []
    for (i, r) in records.enumerated() {
      var line = Truncation.fit(dates[i], toColumns: dateWidth) + "  "
      line += Truncation.fit(r.kind.rawValue, toColumns: kindWidth) + "  "
      line += Truncation.fit(parties[i], toColumns: partyWidth) + "  "
      let headline = Sanitizer.clean(r.headline)
      if let width {
        let room = width - DisplayWidth.of(line)
        line += room > 0 ? Truncation.truncate(headline, toColumns: room) : ""
      } else {
        line += headline
      }
      out.append(line)
    }
    lines = out
  }
}
