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

/// A table made for `capacity` keys holds that many (insert never meets a full table,
/// which it would probe forever), at most 70% full.
final class ByteKeyTableCapacityTests: XCTestCase {
  func testATableHoldsTheKeysItWasMadeFor() {
    for capacity in [0, 1, 2, 11, 12, 16, 700, 717, 5000] {
      let keys = (0..<capacity).map { Array("id-\($0)".utf8) }
      let buffers = keys.map { k -> UnsafeMutablePointer<UInt8> in
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(k.count, 1))
        p.initialize(from: k, count: k.count)
        return p
      }
      defer { for b in buffers { b.deallocate() } }
      let refs = zip(buffers, keys).map {
        ByteRef(UnsafePointer($0), $1.count)
      }
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
    }
  }
}
