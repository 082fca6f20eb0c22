extension Corpus {
  /// This corpus with `added` records merged into timeline order and `extraParties` after
  /// its parties: drafts under review beside the directory's data.
  ///
  /// Why not `Corpus(parties:sources:records:)` with every record: that decodes each loaded
  /// record to build the store again (80 s for 100,000 in a debug build). Here the loaded
  /// rows are copied column by column, as an append read does, and only the added records
  /// are new rows; they keep their decoded values, since no data file holds them. The added
  /// parties go last, so the loaded rows' party indexes stay right.
  public func adding(_ added: [Record], parties extraParties: [Party]) -> Corpus
  {
    guard !added.isEmpty || !extraParties.isEmpty else { return self }
    let all = parties + extraParties
    let items = added.map {
      RecordStore.AppendedItem(record: $0, item: nil, length: 0)
    }
    let store = RecordStore(
      store, appending: items, lookup: PartyLookup(parties: all),
      arena: ByteArena())
    return Corpus(parties: all, sources: sources, store: store)
  }
}
