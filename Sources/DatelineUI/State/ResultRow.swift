import DatelineCore

/// A position in the current result (`BrowserState.rows`): 0 is the first record the
/// query shows, in timeline order.
///
/// Not a record's position in the store (`RecordPosition`) and not a line on the screen
/// (`Position.row`, which a record with a month rule above it does not match): the
/// selection, the first drawn record and a search's origin are all `ResultRow`s, and
/// converting to store positions goes through `ResultRows`.
public struct ResultRow: Strideable, Hashable, Sendable,
  ExpressibleByIntegerLiteral, CustomStringConvertible
{
  public var offset: Int

  public init(_ offset: Int) { self.offset = offset }
  public init(integerLiteral value: Int) { self.offset = value }

  public func distance(to other: ResultRow) -> Int { other.offset - offset }
  public func advanced(by n: Int) -> ResultRow { ResultRow(offset + n) }
  public var description: String { String(offset) }

  public static func + (a: ResultRow, n: Int) -> ResultRow {
    ResultRow(a.offset + n)
  }
  public static func - (a: ResultRow, n: Int) -> ResultRow {
    ResultRow(a.offset - n)
  }
  public static func += (a: inout ResultRow, n: Int) { a.offset += n }
  public static func -= (a: inout ResultRow, n: Int) { a.offset -= n }
}

/// The records the query shows, in timeline order: `ResultRow` in, `RecordPosition` out.
///
/// The positions are kept as one `[Int]` (`positions`), which is what Core's queries
/// make and take, so wrapping them costs nothing.
public struct ResultRows: RandomAccessCollection, Hashable, Sendable {
  /// The store positions of the shown records, ascending; for Core's functions.
  public private(set) var positions: [Int]

  public init(_ positions: [Int]) { self.positions = positions }

  public var startIndex: ResultRow { 0 }
  public var endIndex: ResultRow { ResultRow(positions.count) }
  public subscript(row: ResultRow) -> RecordPosition {
    RecordPosition(positions[row.offset])
  }

  /// The first row whose record is at or after store position `p` (`endIndex` if none).
  public func lowerBound(_ p: RecordPosition) -> ResultRow {
    ResultRow(BinarySearch.lowerBound(positions, p.offset))
  }

  /// The row that shows the record at store position `p`, if it is shown.
  public func row(of p: RecordPosition) -> ResultRow? {
    let i = lowerBound(p)
    return i < endIndex && self[i] == p ? i : nil
  }
}

extension TextMatcher {
  /// `firstMatch(in:from:forward:)` over the shown rows, in rows.
  public func firstMatch(
    in rows: ResultRows, from start: ResultRow, forward: Bool
  ) -> ResultRow? {
    firstMatch(in: rows.positions, from: start.offset, forward: forward).map {
      ResultRow($0)
    }
  }

  /// Whether the record at store position `p` matches.
  public func matches(_ p: RecordPosition) -> Bool { matches(p.offset) }
}
