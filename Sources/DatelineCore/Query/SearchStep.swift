/// How far a bounded piece of a search got (see `TextMatcher.step`).
public enum SearchProgress: Sendable, Hashable {
  /// The position in `rows` of the first match.
  case found(Int)
  /// No match in the first `n` steps around the ring; more are left.
  case searched(Int)
  /// Every row was tested and none matches.
  case exhausted
}

extension TextMatcher {
  /// Tests at most `budget` rows of a search around the ring that starts at `start` (as
  /// `firstMatch`), going on from step `done`.
  ///
  /// Why in pieces: an incremental search runs between keys; a piece of a few thousand
  /// rows takes milliseconds whatever the corpus size, so the browser answers the next key
  /// within a frame and goes on searching only while no key is waiting. The signatures
  /// are used only when already built (building them is the background thread's job).
  public func step(
    in rows: [Int], from start: Int, forward: Bool, done: Int, budget: Int
  ) -> SearchProgress {
    let n = rows.count
    guard n > 0, done < n else { return .exhausted }
    var scratch = Scratch()
    defer { scratch.free() }
    let end = min(n, done + max(1, budget))
    for step in done..<end {
      let p = ((forward ? start + step : start - step) % n + n) % n
      if matches(
        rows[p], scratch: &scratch, signatures: corpus.searchSignatures.built)
      {
        return .found(p)
      }
    }
    return end >= n ? .exhausted : .searched(end)
  }
}

extension TextMatcher {
  /// The positions in `range` of `rows` whose record matches, ascending: one piece of a
  /// count that runs between keys (as `step` does for a search), so "match 3 of 17" can
  /// be told on a list of any length without the screen waiting for it.
  public func matchingPositions(in rows: [Int], _ range: Range<Int>) -> [Int] {
    var scratch = Scratch()
    defer { scratch.free() }
    let signatures = corpus.searchSignatures.built
    return range.clamped(to: rows.indices).filter {
      matches(rows[$0], scratch: &scratch, signatures: signatures)
    }
  }
}
