import XCTest

@testable import DatelineCore

/// PartyLookup.View.find (an open-addressing table) against a walk over the ids: the
/// first party with the bytes, or nil, for thousands of ids of one length, ids that
/// differ only inside, duplicates, the empty id and ids that are not there.
final class PartyLookupTests: XCTestCase {
  func walk(_ ids: [[UInt8]], _ key: [UInt8]) -> Int? {
    ids.firstIndex(of: key)
  }

  func testFindAgreesWithAWalkOverTheIDs() {
    var ids: [[UInt8]] = (0..<3000).map { Array("p-\(1000 + $0)".utf8) }
    ids += (0..<40).map {
      Array(("party-" + String(repeating: "x", count: $0)).utf8)
    }
    // Same length, same ends, different middles; duplicates of earlier ids; empty.
    ids += (0..<50).map { Array("a\(String(format: "%03d", $0))z".utf8) }
    ids += [Array("p-1000".utf8), Array("p-2999".utf8), [], []]
    let storage = PartyLookup.Storage(
      ids: ids, parents: [Int32](repeating: -1, count: ids.count))
    let view = storage.view
    var keys = ids
    keys += [Array("p-999".utf8), Array("p-4000".utf8), Array("q-1000".utf8)]
    keys += (0..<200).map { _ in
      (0..<Int.random(in: 0...12)).map { _ in UInt8.random(in: 0x2D...0x7A) }
    }
    for key in keys {
      let got = (key + [0]).withUnsafeBufferPointer { b in
        view.find(b.start, key.count)
      }
      XCTAssertEqual(got, walk(ids, key), String(decoding: key, as: UTF8.self))
    }
    withExtendedLifetime(storage) {}
  }
}
