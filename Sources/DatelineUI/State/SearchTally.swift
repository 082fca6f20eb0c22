import DatelineCore

/// The search's matches among the shown rows, counted in pieces between keys.
///
/// Why kept: with every matching position known, "match 3 of 17" and `n`/`N` are a
/// binary search, whatever the list's length; the count itself reads every line once, in
/// pieces of `stepRows` while no key waits (as the incremental search does), so a list
/// of a million records never makes a key wait for it.
public struct SearchTally: Sendable, Hashable {
  /// Rows tested in one piece between keys: milliseconds, like a search step.
  static let stepRows = 16_384
  /// Rows counted at once when a count starts: a list this short is told at once.
  static let firstRows = TextMatcher.signatureThreshold

  /// The search text counted.
  public let search: String
  /// The list counted (the state's `rows` when the count began; shares its storage).
  let rows: ResultRows
  /// The rows that match, ascending (those counted so far), as offsets.
  public private(set) var positions: [Int] = []
  /// Rows tested so far, from the top.
  public private(set) var done = 0

  init(search: String, rows: ResultRows) {
    self.search = search
    self.rows = rows
  }

  public var isComplete: Bool { done >= rows.count }

  /// Whether this count is of `search` over `rows` (an equal list shares storage, so the
  /// test is usually one comparison).
  func counts(_ search: String, _ rows: ResultRows) -> Bool {
    self.search == search && self.rows == rows
  }

  /// Counts up to `budget` more rows; at the end the records whose stars, tags or notes
  /// hold the words (`extra`, rows) join in, as `/` finds them.
  mutating func step(
    _ matcher: TextMatcher, budget: Int, extra: () -> [ResultRow]
  ) {
    guard !isComplete else { return }
    let end = min(rows.count, done + max(1, budget))
    positions += matcher.matchingPositions(in: rows.positions, done..<end)
    done = end
    if isComplete {
      let more = extra().map(\.offset).filter {
        !BinarySearch.contains(positions, $0)
      }
      if !more.isEmpty { positions = (positions + more).sorted() }
    }
  }

  /// "match 3 of 17" for position `row`: "of ≥17" while counting; nil when `row` is not
  /// a match (or not yet counted).
  func label(at row: ResultRow) -> String? {
    guard BinarySearch.contains(positions, row.offset) else { return nil }
    let rank = BinarySearch.lowerBound(positions, row.offset) + 1
    return "match \(rank) of " + (isComplete ? "" : "≥") + "\(positions.count)"
  }

  /// The next match after `row` (or before it), wrapping; only once the count is complete.
  func next(from row: ResultRow, forward: Bool) -> ResultRow? {
    guard isComplete, !positions.isEmpty else { return nil }
    if forward {
      let i = BinarySearch.lowerBound(positions, row.offset + 1)
      return ResultRow(i < positions.count ? positions[i] : positions[0])
    }
    let i = BinarySearch.lowerBound(positions, row.offset)
    return ResultRow(i > 0 ? positions[i - 1] : positions[positions.count - 1])
  }
}
