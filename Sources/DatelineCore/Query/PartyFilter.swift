/// Which parties the timeline is narrowed to, and whether any or all must be involved.
///
/// SCHEMA.md "Queries": filtering by a party includes its descendants; several parties
/// match *any* by default, *all* on request.
public struct PartyFilter: Sendable, Hashable {
  public enum Mode: String, Sendable, Hashable { case any, all }

  /// Selected parties, in the order they were selected (for chips).
  public var selected: [Party.ID]
  public var mode: Mode

  public init(_ selected: [Party.ID] = [], mode: Mode = .any) {
    self.selected = selected
    self.mode = mode
  }

  public var isEmpty: Bool { selected.isEmpty }

  /// Adds `id` when absent, removes it when present.
  public mutating func toggle(_ id: Party.ID) {
    if let i = selected.firstIndex(of: id) {
      selected.remove(at: i)
    } else {
      selected.append(id)
    }
  }

  public func contains(_ id: Party.ID) -> Bool { selected.contains(id) }

  /// Whether a record involving `involved` (party indexes with ancestors) passes.
  func matches(_ involved: [Int32], selectedIndexes: [Int32]) -> Bool {
    if selectedIndexes.isEmpty { return selected.isEmpty }
    switch mode {
    case .any: return selectedIndexes.contains { involved.contains($0) }
    case .all: return selectedIndexes.allSatisfy { involved.contains($0) }
    }
  }
}
