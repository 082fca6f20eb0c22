import DatelineCore
import DatelineUI
import XCTest

/// The party sets (`Corpus.prepareFilters`, built in the background after the first
/// frame) change no screen: random key sequences (party digits, any/all, ranges, search
/// and its filter, the basis facet, clearing, a reload onto new data) give the same rows,
/// counts and frames on a prepared corpus as on one whose filters walk the party lists.
final class PreparedFilterUpdateTests: XCTestCase {
  static let keys = [
    "1", "2", "3", "4", "5", "6", "a", "0", "A", "j", "G", "g",
    "r 2023-11..2024-01 Enter", "r 2023-10-20..2023-12 Enter", "r Escape",
    "/ hostage Enter", "F", "/ qatar Enter", "n",
  ]

  /// The seed corpus read from its files, prepared or not (each read is its own store).
  static func corpus(prepared: Bool, remove: Set<String> = []) throws -> Corpus
  {
    let read = try Seed.corpus()
    let corpus =
      remove.isEmpty
      ? read
      : Corpus(
        parties: read.parties, sources: read.sources,
        records: read.records.filter { !remove.contains($0.id.rawValue) })
    if prepared { corpus.prepareFilters(minimumRecords: 0) }
    XCTAssertEqual(corpus.filtersPrepared, prepared)
    return corpus
  }

  /// Both states after `event`, compared on what a reader sees.
  private func step(
    _ pair: inout (BrowserState, BrowserState), _ keys: String,
    _ context: String
  ) {
    pair = (press(keys, from: pair.0), press(keys, from: pair.1))
    XCTAssertEqual(pair.0.rows, pair.1.rows, context)
    XCTAssertEqual(pair.0.counts, pair.1.counts, context)
    XCTAssertEqual(render(pair.0), render(pair.1), context)
  }

  func testRandomKeysShowTheSameOnPreparedAndWalkedCorpora() throws {
    let size = Size(columns: 100, rows: 30)
    var g = SplitMix64(seed: 17)
    for run in 0..<6 {
      var pair = (
        BrowserState(
          corpus: try Self.corpus(prepared: false), dataLabel: "Data",
          size: size),
        BrowserState(
          corpus: try Self.corpus(prepared: true), dataLabel: "Data",
          size: size)
      )
      var typed: [String] = []
      for n in 0..<14 {
        if n == 7 {
          // A reload onto other data: the new corpus is prepared on one side only.
          let remove: Set<String> = [pair.0.corpus.records[2].id.rawValue]
          let news = (
            try Self.corpus(prepared: false, remove: remove),
            try Self.corpus(prepared: true, remove: remove)
          )
          pair = (reload(pair.0, to: news.0), reload(pair.1, to: news.1))
          typed.append("(reload)")
        }
        let key = Self.keys[Int.random(in: 0..<Self.keys.count, using: &g)]
        typed.append(key)
        step(&pair, key, "run \(run): \(typed.joined(separator: " | "))")
      }
    }
  }

  private func reload(_ s: BrowserState, to corpus: Corpus) -> BrowserState {
    update(
      update(s, .reloadStarted),
      .reloadFinished(
        ReloadOutcome(
          generation: 1,
          content: .loaded(corpus, issues: [], summary: ReloadSummary()))))
  }
}
