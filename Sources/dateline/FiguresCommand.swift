import ArgumentParser
import DatelineCore
import DatelineUI

/// `dateline figures [LABEL]`: the values stated for a figure over time, as the `f` pane.
struct FiguresCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "figures",
    abstract: "Show each figure's values over time, with who stated them.",
    discussion: """
      Figures with the same label (compared without case or accents) form one series, in
      timeline order: date, value as stated (qualifier, range, unit), who stated it and on
      what basis, ↻ when it revises an earlier value, ⇄ when it is disputed, and the record
      id. A sparkline after the label draws the values from the lowest (▁) to the highest
      (█), and those two values follow it, so 240 against 251 is not read as a tenfold jump.

      Examples:
        dateline figures
        dateline figures "hostages remaining in Gaza"
      """)

  @OptionGroup var options: DataOptions

  @Argument(
    help: ArgumentHelp(
      "Only the series with this label (default: every label).",
      valueName: "label"))
  var label: String?

  func run() throws {
    let result = try options.load()
    let corpus = result.corpus
    let links = LinkIndex(corpus: corpus)
    let columns = FacetColumns(corpus: corpus)
    let labels = FigureSeries.labels(corpus: corpus, columns: columns)
    var chosen = labels
    if let label {
      chosen = labels.filter { FigureSeries.key($0) == FigureSeries.key(label) }
      if chosen.isEmpty {
        Output.error(
          "no figure labelled \"\(label)\"; labels: \(labels.map { "\"\($0)\"" }.joined(separator: ", "))"
        )
        throw ExitCode(2)
      }
    }
    for (n, l) in chosen.enumerated() {
      if n > 0 { Output.line("") }
      for line in FiguresCommand.lines(
        FigureSeries(label: l, corpus: corpus, links: links, columns: columns),
        corpus)
      {
        Output.line(line)
      }
    }
  }

  /// The label with its sparkline, then one aligned line per value.
  static func lines(_ series: FigureSeries, _ corpus: Corpus) -> [String] {
    let dates = series.entries.map {
      Sanitizer.clean(DateLabel.compact(corpus.records[$0.record]))
    }
    let values = series.entries.map { Sanitizer.clean($0.figure.displayValue) }
    let whos = series.entries.map {
      Sanitizer.clean($0.statedBy) + " [\($0.basis.rawValue)]"
    }
    let dw = dates.map(DisplayWidth.of).max() ?? 0
    let vw = values.map(DisplayWidth.of).max() ?? 0
    let ww = min(48, whos.map(DisplayWidth.of).max() ?? 0)
    var out = [
      Sanitizer.clean(series.label) + "  " + series.sparkline
        + FigureScale.legend(series)
    ]
    for (i, e) in series.entries.enumerated() {
      var flags = ""
      if let first = e.revises.first {
        flags += "↻ revises \(corpus.records[first].id)  "
      }
      if e.contested { flags += "⇄ disputed  " }
      out.append(
        "  " + Truncation.fit(dates[i], toColumns: dw) + "  "
          + Truncation.fit(values[i], toColumns: vw) + "  "
          + Truncation.fit(whos[i], toColumns: ww) + "  " + flags
          + corpus.records[e.record].id.rawValue)
    }
    return out
  }
}
