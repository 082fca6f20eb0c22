/// Reverse links of a store: for each record that others dispute (or revise), those
/// records' timeline indexes, in timeline order. Three flat columns sorted by record:
/// the records that have a list (`keys`), where each list starts in `from` (`starts`,
/// one more entry than `keys`), and the lists.
///
/// Why not `[Int: [Int]]`: ten million records have about 1.5 million such lists; a
/// dictionary of arrays took a quarter of a second to build from the re-open cache
/// (and as long to free at exit). These columns are the cache's sections as they are
/// (read whole at open and checked: CorpusCache+Links), and a lookup is a binary search.
public struct LinkMap: Sequence, Sendable {
  let keys: Column<Int32>
  let starts: Column<UInt32>
  let from: Column<Int32>

  /// Columns already checked (CorpusCache+Links): keys going up, starts going up from
  /// 0 to `from.count`, one more than the keys.
  init(keys: Column<Int32>, starts: Column<UInt32>, from: Column<Int32>) {
    self.keys = keys
    self.starts = starts
    self.from = from
  }

  /// The map's lists, each kept as it is (the loader sorts them), its keys sorted.
  init(_ map: [Int: [Int]]) {
    let sorted = map.keys.sorted()
    let total = map.values.reduce(0) { $0 + $1.count }
    keys = Column(uninitialized: sorted.count)
    starts = Column(uninitialized: sorted.count + 1)
    from = Column(uninitialized: total)
    starts.base[0] = 0
    var at = 0
    for (k, key) in sorted.enumerated() {
      keys.base[k] = Int32(truncatingIfNeeded: key)
      for v in map[key] ?? [] {
        from.base[at] = Int32(truncatingIfNeeded: v)
        at += 1
      }
      starts.base[k + 1] = UInt32(truncatingIfNeeded: at)
    }
  }

  /// How many records have a list.
  public var count: Int { keys.count }
  public var isEmpty: Bool { keys.count == 0 }

  /// The list of record `i`, nil when it has none.
  public subscript(i: Int) -> [Int]? {
    guard let k = place(of: i) else { return nil }
    return list(k)
  }

  /// Whether record `i` has a list.
  public func contains(_ i: Int) -> Bool { place(of: i) != nil }

  /// Where record `i` is in `keys` (a binary search), nil when it is not there.
  func place(of i: Int) -> Int? { keys.sortedPlace(of: i) }

  func list(_ k: Int) -> [Int] {
    (Int(starts[k])..<Int(starts[k + 1])).map { Int(from[$0]) }
  }

  /// Each record with a list, and its list, records in timeline order.
  public func makeIterator() -> AnyIterator<(key: Int, value: [Int])> {
    var k = 0
    return AnyIterator {
      guard k < keys.count else { return nil }
      defer { k += 1 }
      return (Int(keys[k]), list(k))
    }
  }
}
