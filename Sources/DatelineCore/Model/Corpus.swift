/// The loaded, indexed set of parties, sources and records, in timeline order.
///
/// Built once by the loader; queries read it and never change it, so it can be shared
/// between the screen and the command line.
public struct Corpus: Sendable {
  /// Parties in file order.
  public let parties: [Party]
  /// Sources in file order.
  public let sources: [Source]
  /// Records in timeline order (SCHEMA.md "Order").
  public let records: [Record]

  public let partyIndex: [Party.ID: Int]
  public let sourceIndex: [Source.ID: Int]
  public let recordIndex: [Record.ID: Int]
  /// For each record, the parties it involves and all their ancestors, as party indexes:
  /// filtering by a party matches a record when the party is in this list.
  public let involved: [[Int32]]
  /// Filter digit (1–9) to party: keys from the data first, free digits by record count.
  public let filterKeys: [Int: Party.ID]
  /// Folded search text per record (see `TextSearch`).
  let searchTexts: [String]

  public init(parties: [Party], sources: [Source], records unsorted: [Record]) {
    self.parties = parties
    self.sources = sources
    let records = unsorted.sorted(by: RecordOrder.precedes)
    self.records = records
    var pi: [Party.ID: Int] = [:]
    for (i, p) in parties.enumerated() { pi[p.id] = i }
    partyIndex = pi
    var si: [Source.ID: Int] = [:]
    for (i, s) in sources.enumerated() { si[s.id] = i }
    sourceIndex = si
    var ri: [Record.ID: Int] = [:]
    for (i, r) in records.enumerated() { ri[r.id] = i }
    recordIndex = ri

    // Ancestors per party (the loader has rejected cycles and unknown parents).
    let ancestors: [[Int32]] = parties.map { p in
      var chain: [Int32] = []
      var cur = p.parent
      while let c = cur, let idx = pi[c], chain.count < parties.count {
        chain.append(Int32(idx))
        cur = parties[idx].parent
      }
      return chain
    }
    var involved: [[Int32]] = []
    involved.reserveCapacity(records.count)
    var counts = [Int](repeating: 0, count: parties.count)
    for r in records {
      var set: [Int32] = []
      for ref in r.parties {
        guard let idx = pi[ref.id] else { continue }
        if !set.contains(Int32(idx)) { set.append(Int32(idx)) }
        for a in ancestors[idx] where !set.contains(a) { set.append(a) }
      }
      for p in set { counts[Int(p)] += 1 }
      involved.append(set)
    }
    self.involved = involved
    filterKeys = Corpus.assignKeys(parties, counts: counts)
    searchTexts = records.map { TextSearch.haystack(for: $0, parties: parties, index: pi) }
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
