/// What a load may be told from outside: Core reads no environment, the CLI reads it once
/// (and the config) and passes this in; tests pass their own.
public struct LoadSettings: Sendable {
  /// The re-open cache (CorpusCache), or nil for none.
  public var cache: CacheSettings?

  public init(cache: CacheSettings? = nil) {
    self.cache = cache
  }
}
