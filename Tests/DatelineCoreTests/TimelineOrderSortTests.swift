import XCTest

@testable import DatelineCore

/// The store's sort of a million keys (by first day into buckets, then each bucket) gives
/// the order a plain sort by the same rule gives: keys over a few years, over thousands of
/// years (buckets of several days), with equal keys and equal id prefixes decided by the
/// whole id.
final class TimelineOrderSortTests: XCTestCase {
  func testBucketedSortEqualsAPlainSort() {
    let arena = ByteArena()
    var g = SplitMix64(state: 21)
    // Ids sharing their first 8 bytes often ("r0000000" + a suffix), so ties go to the id.
    let ids: [ByteRef] = (0..<2_000).map { k in
      let (p, n) = arena.copy("r000000\(k % 3)-\(k)")
      return ByteRef(p, n)
    }
    for (label, daySpan) in [("20 years", 7_300), ("9999 years", 3_650_000)] {
      let n = 120_000
      let keys = UnsafeMutableBufferPointer<RecordStore.SortKey>.allocate(
        capacity: n)
      defer { keys.deallocate() }
      for i in 0..<n {
        let first = Int32(g.int(daySpan)) - 365
        let precision = UInt8(g.int(4))
        let last = first + Int32(g.int(40))
        let time = g.percent(50) ? Int16(g.int(1440)) : -1
        let row = Int32(g.int(ids.count))
        keys[i] = RecordStore.SortKey(
          key: RecordStore.key(
            firstDay: first, lastDay: last, precision: precision, time: time),
          prefix: RecordStore.prefix(ids[Int(row)]), row: row, chunk: Int32(i))
      }
      let id: @Sendable (Int32) -> ByteRef = { [ids] in ids[Int($0)] }
      func less(_ a: RecordStore.SortKey, _ b: RecordStore.SortKey) -> Bool {
        if a.key != b.key { return a.key < b.key }
        if a.prefix != b.prefix { return a.prefix < b.prefix }
        return ByteRef.precedes(id(a.row), id(b.row))
      }
      let expected = Array(keys).sorted(by: less)
      let sorted = RecordStore.timelineOrder(keys, id: id)
      XCTAssertEqual(sorted.count, n, label)
      // Equal keys and ids may come in either order: compare what the order is made of.
      var differences = 0
      for i in 0..<n
      where sorted[i].key != expected[i].key
        || sorted[i].prefix != expected[i].prefix
        || !(ids[Int(sorted[i].row)].count == ids[Int(expected[i].row)].count
          && !ByteRef.precedes(
            ids[Int(sorted[i].row)], ids[Int(expected[i].row)])
          && !ByteRef.precedes(
            ids[Int(expected[i].row)], ids[Int(sorted[i].row)]))
      {
        differences += 1
      }
      XCTAssertEqual(differences, 0, label)
      // And every key is there once.
      XCTAssertEqual(Set((0..<n).map { sorted[$0].chunk }).count, n, label)
    }
    withExtendedLifetime(arena) {}
  }
}

/// The reverse link lists: distinct indexes in order, whatever order and repeats came in.
final class DistinctSortedTests: XCTestCase {
  func testDistinctSortedEqualsASetSorted() {
    var g = SplitMix64(state: 5)
    for _ in 0..<2_000 {
      let list = (0..<g.int(12)).map { _ in g.int(8) }
      XCTAssertEqual(
        RecordStore.distinctSorted(list), Array(Set(list)).sorted(), "\(list)")
    }
  }
}
