import Synchronization

/// Each party's name, label and aliases, folded for search (`TextSearch.fold`), made by
/// the first search that asks and kept.
///
/// Why not at load: Foundation's folding is ~40k instructions a string, ~0.7 ms for the
/// generated corpus's parties on every first screen (twice on a first open), and only a
/// search reads them. Shared by the copies of a corpus, whose parties do not change.
final class PartyTexts: Sendable {
  private let parties: [Party]
  private let folded = Mutex<[String]?>(nil)

  init(_ parties: [Party]) { self.parties = parties }

  /// The folded texts, one per party in file order.
  var values: [String] {
    folded.withLock { texts in
      if let texts { return texts }
      let made = parties.map { p in
        TextSearch.fold(
          ([p.name, p.label] + p.aliases).joined(separator: "\u{1F}"))
      }
      texts = made
      return made
    }
  }
}
