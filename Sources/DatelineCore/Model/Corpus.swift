/// The loaded, indexed set of parties, sources and records, in timeline order.
///
/// Built once by the loader; queries read it and never change it, so it can be shared
/// between the screen and the command line. Records live in a column store (see
/// RecordStore): `records[i]` decodes one record on demand.
public struct Corpus: Sendable {
  /// Parties in file order.
  public let parties: [Party]
  /// Sources in file order.
  public let sources: [Source]
  /// Records in timeline order (SCHEMA.md "Order").
  public let records: RecordList

  public let partyIndex: [Party.ID: Int]
  public let sourceIndex: [Source.ID: Int]
  public let recordIndex: RecordIndex
  /// For each record, the parties it involves and all their ancestors, as party indexes:
  /// filtering by a party matches a record when the party is in this list.
  public let involved: InvolvedParties
  /// Filter digit (1–9) to party: keys from the data first, free digits by record count.
  public let filterKeys: [Int: Party.ID]
  let store: RecordStore
  /// Folded names, labels and aliases per party, for search.
  let partyTexts: [String]
  /// Built by the first search that needs them (see SearchSignatures).
  let searchSignatures = SearchSignatureSlot()
  /// Party ids as bytes, for the parties a record's line lists (TextMatcher).
  let partyLookup: PartyLookup

  public init(parties: [Party], sources: [Source], records unsorted: [Record]) {
    self.init(parties: parties, sources: sources, store: RecordStore(records: unsorted, parties: parties))
  }

  init(parties: [Party], sources: [Source], store: RecordStore) {
    self.parties = parties
    self.sources = sources
    self.store = store
    records = RecordList(store: store)
    recordIndex = RecordIndex(store: store)
    involved = InvolvedParties(store: store)
    var pi: [Party.ID: Int] = [:]
    for (i, p) in parties.enumerated() { pi[p.id] = i }
    partyIndex = pi
    var si: [Source.ID: Int] = [:]
    for (i, s) in sources.enumerated() where si[s.id] == nil { si[s.id] = i }
    sourceIndex = si
    var counts = [Int](repeating: 0, count: parties.count)
    for p in store.involved { counts[Int(p)] += 1 }
    filterKeys = Corpus.assignKeys(parties, counts: counts)
    partyTexts = parties.map { p in TextSearch.fold(([p.name, p.label] + p.aliases).joined(separator: "\u{1F}")) }
    partyLookup = PartyLookup(parties: parties)
  }

  /// Pinned keys from the data, then free digits to the most-involved parties.
  static func assignKeys(_ parties: [Party], counts: [Int]) -> [Int: Party.ID] {
    var keys: [Int: Party.ID] = [:]
    var keyed = Set<Party.ID>()
    for p in parties {
      if let k = p.key, keys[k] == nil {
        keys[k] = p.id
        keyed.insert(p.id)
      }
    }
    let rest = parties.indices.filter { !keyed.contains(parties[$0].id) }
      .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
    var free = (1...9).filter { keys[$0] == nil }.makeIterator()
    for i in rest {
      guard let k = free.next() else { break }
      keys[k] = parties[i].id
    }
    return keys
  }

  public func party(_ id: Party.ID) -> Party? { partyIndex[id].map { parties[$0] } }
  public func source(_ id: Source.ID) -> Source? { sourceIndex[id].map { sources[$0] } }
  public func record(_ id: Record.ID) -> Record? { recordIndex[id].map { records[$0] } }

  /// The first day the record at timeline index `i` covers, without decoding it.
  public func firstDay(at i: Int) -> CalendarDay { CalendarDay(dayNumber: store.firstDay[i]) }
  /// `DateLabel.compact` of the record at timeline index `i`, without decoding it.
  public func compactDateLabel(at i: Int) -> String { store.dateLabel(i) }
  /// The last day it covers.
  public func lastDay(at i: Int) -> CalendarDay { CalendarDay(dayNumber: store.lastDay[i]) }

  /// Timeline indexes of the records whose `disputes` / `revises` name record `i`.
  public func disputed(by i: Int) -> [Int] { store.disputedBy[i] ?? [] }
  public func revised(by i: Int) -> [Int] { store.revisedBy[i] ?? [] }

  /// The digit that toggles `id`, if it has one.
  public func filterKey(for id: Party.ID) -> Int? { filterKeys.first { $0.value == id }?.key }

  /// Party indexes of `id` and its descendants.
  public func descendants(of id: Party.ID) -> Set<Int> {
    guard let root = partyIndex[id] else { return [] }
    var out: Set<Int> = [root]
    var changed = true
    while changed {
      changed = false
      for (i, p) in parties.enumerated() where !out.contains(i) {
        if let par = p.parent, let pidx = partyIndex[par], out.contains(pidx) {
          out.insert(i)
          changed = true
        }
      }
    }
    return out
  }

  /// Depth of a party in the parent tree (0 for a root), for indented lists.
  public func depth(of id: Party.ID) -> Int {
    var d = 0
    var cur = party(id)?.parent
    while let c = cur, d < parties.count {
      d += 1
      cur = party(c)?.parent
    }
    return d
  }
}
