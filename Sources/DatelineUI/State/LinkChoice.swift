import DatelineCore

/// The records `d` or `v` could go to when there are several: a list to pick from.
public struct LinkChoice: Sendable, Hashable {
  /// What the records are to the selected one.
  public enum Kind: String, Sendable, Hashable {
    case disputes = "Disputes"
    case revisions = "Revisions"
  }

  public var kind: Kind
  /// Indexes into `corpus.records`, in the order `LinkIndex` gives them.
  public var targets: [Int]
  /// Index into `targets` of the highlighted entry.
  public var cursor: Int

  public init(kind: Kind, targets: [Int], cursor: Int = 0) {
    self.kind = kind
    self.targets = targets
    self.cursor = cursor
  }
}
