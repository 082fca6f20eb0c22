/// A first pass's provisional store (FirstPass), handed to the full load that checks it
/// (`LoadSettings.provisional`) so that the checked store is built on it
/// (`RecordStore.checked(onto:)`) instead of beside it.
public struct ProvisionalStore: Sendable {
  let store: RecordStore

  /// Nil unless `corpus` is a first pass's (`Corpus.isProvisional`).
  public init?(_ corpus: Corpus) {
    guard corpus.store.provisional else { return nil }
    store = corpus.store
  }
}
