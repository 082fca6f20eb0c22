import XCTest

@testable import DatelineCore

/// The id table is a value: a copy written to leaves the original as it was, and a
/// table over memory it does not own (the cache's) is copied before any write.
final class ByteKeyTableTests: XCTestCase {
  func testACopyWrittenToLeavesTheOriginalAsItWas() {
    let keys: [[UInt8]] = [
      Array("alpha".utf8), Array("beta".utf8), Array("gamma".utf8),
    ]
    let buffers = keys.map { k -> UnsafeMutablePointer<UInt8> in
      let p = UnsafeMutablePointer<UInt8>.allocate(capacity: k.count)
      p.initialize(from: k, count: k.count)
      return p
    }
    defer { for b in buffers { b.deallocate() } }
    let refs = zip(buffers, keys).map { ByteRef(UnsafePointer($0), $1.count) }
    let key = { (v: Int32) in refs[Int(v)] }

    var original = ByteKeyTable(capacity: 4)
    XCTAssertNil(original.insert(refs[0], value: 0, key: key))
    var copy = original
    XCTAssertNil(copy.insert(refs[1], value: 1, key: key))
    copy.remap { $0 == 0 ? nil : $0 }
    XCTAssertEqual(
      original.find(refs[0], key: key), 0, "the original still finds its key")
    XCTAssertNil(original.find(refs[1], key: key), "and not the copy's")
    XCTAssertEqual(original.count, 1)
    XCTAssertNil(copy.find(refs[0], key: key))
    XCTAssertEqual(copy.find(refs[1], key: key), 1)

    // A table over slots it does not own (as read back from a cache) copies before writing.
    let bytes = original.rawSlots.copied()
    let viewed = ByteKeyTable(
      slots: Column(
        viewing: UnsafeRawPointer(bytes.values), count: bytes.count,
        owner: bytes.storage), count: 1, values: 4)
    var written = viewed
    XCTAssertNil(written.insert(refs[2], value: 2, key: key))
    XCTAssertNil(
      viewed.find(refs[2], key: key), "the viewed memory is not written")
    XCTAssertEqual(written.find(refs[2], key: key), 2)
  }
}

/// A table made for `capacity` keys holds that many, at most 70% full; given more it
/// grows instead of filling up (an insert into a full table probed forever).
final class ByteKeyTableCapacityTests: XCTestCase {
  /// `count` distinct keys in memory of their own, for `body`.
  func withKeys(_ count: Int, _ body: ([ByteRef]) -> Void) {
    let keys = (0..<count).map { Array("id-\($0)".utf8) }
    let buffers = keys.map { k -> UnsafeMutablePointer<UInt8> in
      let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(k.count, 1))
      p.initialize(from: k, count: k.count)
      return p
    }
    defer { for b in buffers { b.deallocate() } }
    body(zip(buffers, keys).map { ByteRef(UnsafePointer($0), $1.count) })
  }

  func testATableHoldsTheKeysItWasMadeFor() {
    for capacity in [0, 1, 2, 11, 12, 16, 700, 717, 5000] {
      withKeys(capacity) { refs in
        let key = { (v: Int32) in refs[Int(v)] }
        var table = ByteKeyTable(capacity: capacity)
        for (i, r) in refs.enumerated() {
          XCTAssertNil(table.insert(r, value: Int32(i), key: key))
        }
        XCTAssertEqual(table.count, capacity)
        XCTAssertLessThanOrEqual(capacity * 10, table.rawSlots.count * 7)
        for (i, r) in refs.enumerated() {
          XCTAssertEqual(
            table.find(r, key: key), Int32(i), "capacity \(capacity)")
        }
        XCTAssertEqual(
          table.rawSlots.count, ByteKeyTable(capacity: capacity).rawSlots.count,
          "not grown")
      }
    }
  }

  func testATableGivenMoreKeysThanItWasMadeForGrows() {
    withKeys(5000) { refs in
      let key = { (v: Int32) in refs[Int(v)] }
      for capacity in [0, 11, 700] {
        var table = ByteKeyTable(capacity: capacity)
        for (i, r) in refs.enumerated() {
          XCTAssertNil(table.insert(r, value: Int32(i), key: key))
        }
        XCTAssertEqual(table.count, refs.count)
        XCTAssertLessThanOrEqual(refs.count * 10, table.rawSlots.count * 7)
        for (i, r) in refs.enumerated() {
          XCTAssertEqual(table.find(r, key: key), Int32(i))
          XCTAssertEqual(
            table.insert(r, value: -1, key: key), Int32(i), "already there")
        }
        XCTAssertEqual(table.count, refs.count)
      }
    }
  }

  func testAKeyRemovedIsPassedOverAndCanBeInsertedAgain() {
    withKeys(40) { refs in
      let key = { (v: Int32) in refs[Int(v % 40)] }
      var table = ByteKeyTable(capacity: 10)
      for i in 0..<10 {
        XCTAssertNil(table.insert(refs[i], value: Int32(i), key: key))
      }
      table.remap { $0 % 2 == 0 ? nil : $0 }
      // The removed keys again (their slots keep a marker that names no value), then
      // enough new keys to grow the table over the markers.
      for i in stride(from: 0, to: 10, by: 2) {
        XCTAssertNil(table.find(refs[i], key: key))
        XCTAssertNil(table.insert(refs[i], value: Int32(40 + i), key: key))
      }
      for i in 10..<40 {
        XCTAssertNil(table.insert(refs[i], value: Int32(i), key: key))
      }
      for i in 0..<40 {
        let expected = i < 10 && i % 2 == 0 ? 40 + i : i
        XCTAssertEqual(table.find(refs[i], key: key), Int32(expected), "\(i)")
      }
    }
  }
}
