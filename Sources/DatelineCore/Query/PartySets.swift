import Dispatch
import Synchronization

/// The distinct lists of involved parties in a store, and which one each record has, so
/// that a party filter and the live counts read one number per record instead of walking
/// its party list.
///
/// Why: at ten million records each filter key walked every record's party list twice
/// (the filter, then the counts over the result): about half a second. Records share few
/// lists (30 parties with one to three listed make a few thousand), so a filter decides
/// once per list (`passing`) and the counts add up a histogram of lists over the result,
/// then spread it over each list's parties (`partyCounts`). Built once per store, in the
/// background (`Corpus.prepareFilters`); until it is there the queries walk the party
/// lists as before, with the same results (TimelineQueryFastPathTests).
struct PartySets: Sendable {
  /// Per record (timeline index): the number of its list.
  let setOfRecord: Column<UInt32>
  /// List `s`'s party indexes, as the store holds them:
  /// `members[memberStart[s]..<memberStart[s + 1]]`.
  let memberStart: [Int]
  let members: [UInt16]
  /// How many records have each list.
  let recordsPerSet: [Int]
  /// The most days a record covers after its first (`lastDay - firstDay`): records
  /// starting more than this before a range's first day cannot overlap it.
  let longestSpan: Int64

  /// How many distinct lists.
  var count: Int { memberStart.count - 1 }

  /// The party indexes of list `s`.
  func members(of s: Int) -> ArraySlice<UInt16> {
    members[memberStart[s]..<memberStart[s + 1]]
  }

  /// One pass over the store's party lists (CSR `involvedStart`/`involved`) and days.
  init(store: RecordStore) {
    let n = store.count
    let setOf = Column<UInt32>(uninitialized: n)
    var table = PartySetTable()
    var longest: Int64 = 0
    let out = setOf.base
    // Read through their addresses below (a re-open's gated columns).
    store.firstDay.ensureAll()
    store.lastDay.ensureAll()
    store.involvedStart.ensureAll()
    store.involved.ensureAll()
    let (starts, involved) = (store.involvedStart.values, store.involved.values)
    let (firstDay, lastDay) = (store.firstDay.values, store.lastDay.values)
    for i in 0..<n {
      let lo = Int(starts[i])
      out[i] = table.number(of: involved + lo, count: Int(starts[i + 1]) - lo)
      let span = Int64(lastDay[i]) - Int64(firstDay[i])
      if span > longest { longest = span }
    }
    var perSet = [Int](repeating: 0, count: table.memberStart.count - 1)
    for i in 0..<n { perSet[Int(out[i])] += 1 }
    setOfRecord = setOf
    memberStart = table.memberStart
    members = table.members
    recordsPerSet = perSet
    longestSpan = longest
  }

  /// Per list, whether a record with it passes `wanted` (party indexes; `any` or all of
  /// them), decided as `TimelineQuery.CandidateCheck` decides a record.
  func passing(_ wanted: [UInt16], any: Bool) -> [Bool] {
    (0..<count).map { s in
      let m = members(of: s)
      if wanted.isEmpty { return false }
      return any
        ? wanted.contains(where: m.contains) : wanted.allSatisfy(m.contains)
    }
  }

  /// For each party index, how many records of `result` (distinct timeline indexes)
  /// involve it: a histogram of the lists over the result (each half on its own core
  /// when long; every record's when the result is all of them), spread over the lists'
  /// parties.
  func partyCounts(_ result: [Int], parties: Int) -> [Int] {
    let histogram =
      result.count == setOfRecord.count ? recordsPerSet : histogram(of: result)
    var counts = [Int](repeating: 0, count: parties)
    for (s, records) in histogram.enumerated() where records > 0 {
      for p in members(of: s) { counts[Int(p)] += records }
    }
    return counts
  }

  /// How many records of `result` have each list; from `splitAbove` rows on, each
  /// half of them counted on its own core.
  func histogram(
    of result: [Int], splitAbove: Int = TimelineQuery.splitAbove
  ) -> [Int] {
    let parts = result.count >= splitAbove ? 2 : 1
    let slots = ResultSlots<[Int]>(count: parts)
    let setOf = setOfRecord
    let lists = count
    result.withUnsafeBufferPointer { buffer in
      let rows = ReadOnlyBuffer(buffer)
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        var histogram = [Int](repeating: 0, count: lists)
        histogram.withUnsafeMutableBufferPointer { h in
          let n = rows.count
          for k in (n * part / parts)..<(n * (part + 1) / parts) {
            h[Int(setOf[rows[k]])] += 1
          }
        }
        slots[part] = histogram
      }
    }
    return TimelineQuery.added(slots, parts: parts)
  }

  /// The timeline indexes that can overlap days `lo...hi`: records are in order of
  /// their first day, so those starting after `hi`, or more than `longestSpan` days
  /// before `lo`, are left out by two binary searches.
  func rowRange(lo: Int32, hi: Int32, firstDay: Column<Int32>) -> Range<Int> {
    let n = firstDay.count
    let start =
      lo == Int32.min
      ? 0
      : PartySets.firstRow(
        n, firstDay, atLeast: Int64(lo) - longestSpan)
    let end =
      hi == Int32.max
      ? n : PartySets.firstRow(n, firstDay, atLeast: Int64(hi) + 1)
    return start..<max(start, end)
  }

  /// The first row whose first day is at least `day` (`n` when none).
  static func firstRow(_ n: Int, _ firstDay: Column<Int32>, atLeast day: Int64)
    -> Int
  {
    var lo = 0
    var hi = n
    while lo < hi {
      let mid = (lo + hi) / 2
      if Int64(firstDay[mid]) < day { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}

/// The distinct party lists met so far, found by their contents (open addressing).
struct PartySetTable {
  /// Per slot: 0 when empty, else the list's number + 1.
  private var slots = [UInt32](repeating: 0, count: 1024)
  private(set) var memberStart: [Int] = [0]
  private(set) var members: [UInt16] = []

  /// The number of the list `p[0..<count]`, added when new.
  mutating func number(of p: UnsafePointer<UInt16>, count: Int) -> UInt32 {
    let list = UnsafeBufferPointer(start: p, count: count)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: PartySetTable.hash(list)) & mask
    while slots[slot] != 0 {
      let s = Int(slots[slot] - 1)
      if holds(s, p, count) { return UInt32(s) }
      slot = (slot + 1) & mask
    }
    let s = memberStart.count - 1
    members.append(contentsOf: list)
    memberStart.append(members.count)
    slots[slot] = UInt32(s + 1)
    if (s + 1) * 2 > slots.count { grow() }
    return UInt32(s)
  }

  /// FNV-1a over the party indexes, its high bits folded in (the mask takes low ones).
  @inline(__always) static func hash<C: Collection>(_ list: C) -> UInt64
  where C.Element == UInt16 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(list.count)
    for p in list { h = (h ^ UInt64(p)) &* 0x100_0000_01b3 }
    return h ^ (h >> 29)
  }

  /// Whether list `s` is `p[0..<count]`.
  private func holds(_ s: Int, _ p: UnsafePointer<UInt16>, _ count: Int) -> Bool
  {
    let start = memberStart[s]
    guard memberStart[s + 1] - start == count else { return false }
    for j in 0..<count where members[start + j] != p[j] { return false }
    return true
  }

  /// Twice the slots, every list placed again.
  private mutating func grow() {
    let old = memberStart.count - 1
    slots = [UInt32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for s in 0..<old {
      let list = members[memberStart[s]..<memberStart[s + 1]]
      var slot = Int(truncatingIfNeeded: PartySetTable.hash(list)) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = UInt32(s + 1)
    }
  }
}

/// Where a corpus keeps its party sets once built; copies of the corpus share it.
final class PartySetSlot: Sendable {
  private let published = Mutex<PartySets?>(nil)
  /// Held by the one caller that builds, so that a second one waits rather than builds.
  private let building = Mutex<Void>(())

  /// The sets if they are built; never waits.
  var built: PartySets? { published.withLock { $0 } }

  /// Builds the sets unless they are built; waits for a build under way.
  func build(_ store: RecordStore) {
    guard built == nil else { return }
    building.withLock { _ in
      guard built == nil else { return }
      let made = PartySets(store: store)
      published.withLock { $0 = made }
    }
  }
}

extension Corpus {
  /// Builds the party sets now (see PartySets), so that party filters and their counts
  /// read one number per record; the browser calls this in the background once the
  /// first screen is up, and the filters never wait for it. Below `minimumRecords` the
  /// lists are walked as they are (a filter takes milliseconds there anyway).
  public func prepareFilters(minimumRecords: Int = 1 << 16) {
    guard store.count >= minimumRecords else { return }
    partySets.build(store)
  }

  /// Whether `prepareFilters` has built the party sets (the filters then use them).
  public var filtersPrepared: Bool { partySets.built != nil }
}
