/// How attributions read in a line of text: the detail pane, `show`, the figures pane.
///
/// One wording everywhere, so "who said so" reads the same on the screen and in scripts.
/// Values are raw data; front ends sanitize when they draw.
extension Attribution {
  /// `the Israeli prime minister’s office believes [official] — Israeli Prime Minister's Office`.
  public func line(in corpus: Corpus) -> String {
    var s = "\(text) [\(basis.rawValue)]"
    if !claimants.isEmpty { s += " — " + claimantNames(in: corpus) }
    return s
  }

  /// The claimants' full names, comma-separated (ids when the corpus lacks them).
  public func claimantNames(in corpus: Corpus) -> String {
    claimants.map { corpus.party($0)?.name ?? $0.rawValue }.joined(
      separator: ", ")
  }
}

extension Record {
  /// Who the record rests on, in a few words: its claimants' short labels, else its
  /// attribution text, else the outlet of its source.
  ///
  /// For lists where a whole attribution line does not fit ("revised from … (date, who)",
  /// the figures pane's "who stated each").
  public func statedBy(in corpus: Corpus) -> String {
    if let a = attribution {
      if !a.claimants.isEmpty {
        return a.claimants.map { corpus.party($0)?.label ?? $0.rawValue }
          .joined(separator: ", ")
      }
      return a.text
    }
    return corpus.source(source)?.outlet ?? source.rawValue
  }
}
