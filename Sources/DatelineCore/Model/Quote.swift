/// The passage of a source text that backs a record.
///
/// `prefix`, `suffix` and `start` (an offset in Unicode scalars) pick one of several
/// occurrences of `exact`; see `QuoteLocator`.
public struct Quote: Sendable, Hashable {
  public var exact: String
  public var prefix: String?
  public var suffix: String?
  public var start: Int?

  public init(exact: String, prefix: String? = nil, suffix: String? = nil, start: Int? = nil) {
    self.exact = exact
    self.prefix = prefix
    self.suffix = suffix
    self.start = start
  }
}
