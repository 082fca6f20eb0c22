/// The passage of a source text that backs a record.
///
/// `prefix`, `suffix` and `start` (an offset in Unicode scalars) pick one of several
/// occurrences of `exact`; see `QuoteLocator`.
public struct Quote: Sendable, Hashable {
  public var exact: String
  public var prefix: String?
  public var suffix: String?
  public var start: Int?
  /// `start` as written in the data (`1e2`, `100.0`), for JSON output that writes it back;
  /// equality is by value.
  public var startLiteral: String?

  public init(
    exact: String, prefix: String? = nil, suffix: String? = nil,
    start: Int? = nil
  ) {
    self.exact = exact
    self.prefix = prefix
    self.suffix = suffix
    self.start = start
  }

  public static func == (a: Quote, b: Quote) -> Bool {
    (a.exact, a.prefix, a.suffix, a.start) == (
      b.exact, b.prefix, b.suffix, b.start
    )
  }

  public func hash(into h: inout Hasher) {
    h.combine(exact)
    h.combine(prefix)
    h.combine(suffix)
    h.combine(start)
  }
}
