/// A set of records (timeline indexes) as one sorted column: `contains` is a binary
/// search, and the column is what the re-open cache stores (the contested records).
///
/// Why not `Set<Int>`: the contested records of ten million are about a million, and
/// building the set took a tenth of a second of every re-open before its first frame.
public struct RecordSet: Sequence, Sendable, Equatable,
  ExpressibleByArrayLiteral
{
  let sorted: Column<Int32>

  /// A column already checked to go strictly up.
  init(sorted: Column<Int32>) { self.sorted = sorted }

  public init<S: Sequence<Int>>(_ members: S) {
    self.init(unsorted: members.compactMap { Int32(exactly: $0) })
  }

  /// The distinct values of `all`, sorted.
  init(unsorted all: [Int32]) {
    var all = all
    all.sort()
    var n = 0
    for v in all where n == 0 || all[n - 1] != v {
      all[n] = v
      n += 1
    }
    sorted = Column(Array(all[..<n]))
  }

  public init(arrayLiteral members: Int...) { self.init(members) }

  public var count: Int { sorted.count }
  public var isEmpty: Bool { sorted.count == 0 }

  public func contains(_ i: Int) -> Bool { sorted.sortedPlace(of: i) != nil }

  public func makeIterator() -> AnyIterator<Int> {
    var k = 0
    return AnyIterator {
      guard k < sorted.count else { return nil }
      defer { k += 1 }
      return Int(sorted[k])
    }
  }

  public static func == (a: RecordSet, b: RecordSet) -> Bool {
    a.elementsEqual(b)
  }

  /// The records that dispute another or are disputed, from the disputed-by map.
  static func contested(_ disputedBy: LinkMap) -> RecordSet {
    RecordSet(unsorted: Array(disputedBy.keys) + Array(disputedBy.from))
  }
}

extension Column where T == Int32 {
  /// Where record number `i` is in this ascending column (a binary search), nil when
  /// it is not there: the one search behind `RecordSet.contains` and `LinkMap.place`.
  func sortedPlace(of i: Int) -> Int? {
    guard let key = Int32(exactly: i) else { return nil }
    var lo = 0
    var hi = count
    while lo < hi {
      let mid = (lo + hi) / 2
      if self[mid] < key { lo = mid + 1 } else { hi = mid }
    }
    return lo < count && self[lo] == key ? lo : nil
  }
}
