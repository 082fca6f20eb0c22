/// The loaded, indexed set of parties, sources and records, in timeline order.
///
/// Built once by the loader; queries read it and never change it, so it can be shared
/// between the screen and the command line. Records live in a column store (see
/// RecordStore): `records[i]` decodes one record on demand.
public struct Corpus: Sendable {
  /// Parties in file order.
  public let parties: [Party]
  /// Sources in file order.
  public let sources: SourceList
  /// Records in timeline order (SCHEMA.md "Order").
  public let records: RecordList

  public let partyIndex: [Party.ID: Int]
  public let recordIndex: RecordIndex
  /// For each record, the parties it involves and all their ancestors, as party indexes:
  /// filtering by a party matches a record when the party is in this list.
  public let involved: InvolvedParties
  /// Filter digit (1–9) to party: keys from the data first, free digits by record count.
  public let filterKeys: [Int: Party.ID]
  let store: RecordStore
  /// Folded names, labels and aliases per party, for search (folded when first asked).
  let partyTexts: PartyTexts
  /// Built by the first search that needs them (see SearchSignatures).
  let searchSignatures = SearchSignatureSlot()
  /// Built by `prepareFilters` (see PartySets); the filters read it when it is there.
  let partySets = PartySetSlot()
  /// Party ids as bytes, for the parties a record's line lists (TextMatcher).
  let partyLookup: PartyLookup
  /// Each party's depth in the parent tree (see `depth(of:)`).
  let partyDepths: [Int32]
  /// How many records involve each party (by party index): the live counts when every
  /// record is shown, as on the first frame.
  let recordsPerParty: [Int]

  public init(parties: [Party], sources: [Source], records unsorted: [Record]) {
    self.init(
      parties: parties, sources: SourceList(sources),
      store: RecordStore(records: unsorted, parties: parties))
  }

  /// Another corpus's sources (kept as they are: read from the cache as used).
  public init(parties: [Party], sources: SourceList, records unsorted: [Record])
  {
    self.init(
      parties: parties, sources: sources,
      store: RecordStore(records: unsorted, parties: parties))
  }

  init(parties: [Party], sources: [Source], store: RecordStore) {
    self.init(parties: parties, sources: SourceList(sources), store: store)
  }

  init(parties: [Party], sources: SourceList, store: RecordStore) {
    self.parties = parties
    self.sources = sources
    self.store = store
    records = RecordList(store: store)
    recordIndex = RecordIndex(store: store)
    involved = InvolvedParties(store: store)
    var pi: [Party.ID: Int] = [:]
    pi.reserveCapacity(parties.count)
    for (i, p) in parties.enumerated() { pi[p.id] = i }
    partyIndex = pi
    var counts = [Int](repeating: 0, count: parties.count)
    store.involved.ensureAll()
    let involved = store.involved.values
    for k in 0..<store.involved.count { counts[Int(involved[k])] += 1 }
    filterKeys = Corpus.assignKeys(parties, counts: counts)
    recordsPerParty = counts
    partyTexts = PartyTexts(parties)
    partyLookup = PartyLookup(parties: parties)
    partyDepths = Corpus.depths(parties, index: pi)
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

  public func party(_ id: Party.ID) -> Party? {
    partyIndex[id].map { parties[$0] }
  }
  public func source(_ id: Source.ID) -> Source? {
    sources.index(of: id).map { sources[$0] }
  }
  public func record(_ id: Record.ID) -> Record? {
    recordIndex[id].map { records[$0] }
  }

  /// The first day the record at timeline index `i` covers, without decoding it.
  public func firstDay(at i: Int) -> CalendarDay {
    CalendarDay(dayNumber: store.firstDay[i])
  }
  /// `DateLabel.compact` of the record at timeline index `i`, without decoding it.
  public func compactDateLabel(at i: Int) -> String { store.dateLabel(i) }
  /// The width of `compactDateLabel(at: i)` on screen, without building the label.
  public func compactDateLabelWidth(at i: Int) -> DateLabel.Width {
    store.dateLabelWidth(i)
  }
  /// The last day it covers.
  public func lastDay(at i: Int) -> CalendarDay {
    CalendarDay(dayNumber: store.lastDay[i])
  }

  /// Timeline indexes of the records whose `disputes` / `revises` name record `i`.
  public func disputed(by i: Int) -> [Int] { store.disputedBy[i] ?? [] }
  public func revised(by i: Int) -> [Int] { store.revisedBy[i] ?? [] }

  /// The digit that toggles `id`, if it has one.
  public func filterKey(for id: Party.ID) -> Int? {
    filterKeys.first { $0.value == id }?.key
  }

  /// Party indexes of `id` and its descendants (one pass over the parties' parents, then
  /// a walk of the children found: linear however deep the tree).
  public func descendants(of id: Party.ID) -> Set<Int> {
    guard let root = partyIndex[id] else { return [] }
    var children: [Int: [Int]] = [:]
    for (i, p) in parties.enumerated() {
      if let par = p.parent, let pidx = partyIndex[par], pidx != i {
        children[pidx, default: []].append(i)
      }
    }
    var out: Set<Int> = [root]
    var stack = [root]
    while let next = stack.popLast() {
      for c in children[next] ?? [] where out.insert(c).inserted {
        stack.append(c)
      }
    }
    return out
  }

  /// Depth of a party in the parent tree (0 for a root), for indented lists.
  public func depth(of id: Party.ID) -> Int {
    partyIndex[id].map { Int(partyDepths[$0]) } ?? 0
  }

  /// Every party's depth, each from its parent's (memoised: linear in the parties).
  static func depths(_ parties: [Party], index: [Party.ID: Int]) -> [Int32] {
    var depth = [Int32](repeating: -1, count: parties.count)
    var walk: [Int] = []
    for start in parties.indices where depth[start] < 0 {
      var cur = start
      // A parent id that names no party still counts one level (as it always did).
      var top: Int32 = 0
      // Up to a party whose depth is known (or a root, or a loop: parties are acyclic
      // once loaded, but a corpus built in code may not be).
      while depth[cur] < 0, walk.count <= parties.count {
        walk.append(cur)
        guard let par = parties[cur].parent else { break }
        guard let p = index[par] else {
          top = 1
          break
        }
        cur = p
      }
      var d: Int32 =
        depth[cur] >= 0 && walk.last != cur
        ? depth[cur] + 1 : max(0, depth[cur] + 1, top)
      for w in walk.reversed() {
        if depth[w] < 0 { depth[w] = d }
        d = depth[w] + 1
      }
      walk.removeAll(keepingCapacity: true)
    }
    return depth
  }
}
