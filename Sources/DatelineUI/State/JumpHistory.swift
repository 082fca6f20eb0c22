import DatelineCore

/// Where the browser was before each jump, for Backspace/`-` (a browser's back button).
///
/// A jump (following a dispute, a revision, a link, a mark, a date) may clear the filters
/// to show its target; going back restores both the record and the query that was in
/// force, so a reader can chase a chain of disputes and come back to where they were.
public struct JumpHistory: Sendable, Hashable {
  /// A place to come back to: the selected record and the query that showed it.
  public struct Place: Sendable, Hashable {
    public var record: Record.ID
    public var query: TimelineQuery
  }

  /// Oldest first; the last is where Backspace goes.
  public private(set) var places: [Place] = []

  /// Enough for any reading session; the oldest places drop off first.
  public static let limit = 100

  public init() {}

  public var isEmpty: Bool { places.isEmpty }

  mutating func push(_ place: Place) {
    if places.last == place { return }
    places.append(place)
    if places.count > JumpHistory.limit {
      places.removeFirst(places.count - JumpHistory.limit)
    }
  }

  mutating func pop() -> Place? { places.popLast() }
}
