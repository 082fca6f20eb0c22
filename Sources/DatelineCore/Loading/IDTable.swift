import Dispatch
import Foundation

/// Item ids to the first item with that id, split in two tables by one hash bit so each
/// core fills one; the later items with an id already there are the duplicates.
struct IDTable: @unchecked Sendable {
  var tables: [ByteKeyTable]
  /// Duplicate item → the first item with its id.
  var duplicates: [Int32: Int32]

  static func half(_ r: ByteRef) -> Int { Int(r.hash >> 31) }

  /// Each core fills the table of its half, sized to the ids a half holds when the hash
  /// splits them evenly (half the items, and a margin of 1/64 beyond the spread a hash
  /// gives). Ids made to fall in one half grow its table (`ByteKeyTable.insert`) instead of
  /// filling it. Why not count each half first: that was a second walk over every item on
  /// each core, for the same table in all but such corpora.
  static func build(_ set: ChunkSet) -> IDTable {
    let slots = ResultSlots<(ByteKeyTable, [(Int32, Int32)])>(count: 2)
    let items = set.starts.last ?? 0
    let expected = items / 2 + items / 64 + 64
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      var table = ByteKeyTable(capacity: expected)
      var dups: [(Int32, Int32)] = []
      eachID(set) { g, raw in
        guard half(raw) == part else { return }
        if let first = table.insert(
          raw, value: g, key: { set.requiredID(of: $0) })
        {
          dups.append((g, first))
        }
      }
      slots[part] = (table, dups)
    }
    var duplicates: [Int32: Int32] = [:]
    let parts = [slots.filled(0), slots.filled(1)]
    for part in parts { for (g, f) in part.1 { duplicates[g] = f } }
    return IDTable(tables: parts.map(\.0), duplicates: duplicates)
  }

  /// Calls `body` with each item's number and id, in item order (clean items' ids as
  /// written, the others' as the reference read them; items without one are passed
  /// over).
  @inline(__always)
  static func eachID(_ set: ChunkSet, _ body: (Int32, ByteRef) -> Void) {
    for c in 0..<set.count {
      let data = set.chunks[c].data
      let base = set.starts[c]
      data.items.withUnsafeBufferPointer { items in
        for l in 0..<items.count {
          if items[l].clean {
            body(Int32(base + l), items[l].id)
          } else if let fb = data.fallbacks[l], fb.syntaxIssue == nil,
            let raw = fb.rawIDRef
          {
            body(Int32(base + l), raw)
          }
        }
      }
    }
  }

  /// The first item with this id.
  func find(_ r: ByteRef, set: ChunkSet) -> Int32? {
    tables[IDTable.half(r)].find(r) { set.requiredID(of: $0) }
  }
}
