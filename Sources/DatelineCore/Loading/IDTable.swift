import Dispatch
import Foundation

/// Item ids to the first item with that id, split in two tables by one hash bit so each
/// core fills one; the later items with an id already there are the duplicates.
struct IDTable: @unchecked Sendable {
  var tables: [ByteKeyTable]
  /// Duplicate item → the first item with its id.
  var duplicates: [Int32: Int32]

  static func half(_ r: ByteRef) -> Int { Int(r.hash >> 31) }

  static func build(_ set: ChunkSet) -> IDTable {
    let slots = ResultSlots<(ByteKeyTable, [(Int32, Int32)])>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      var table = ByteKeyTable(capacity: set.total / 2 + 16)
      var dups: [(Int32, Int32)] = []
      for c in 0..<set.count {
        let data = set.chunks[c].data
        let base = set.starts[c]
        data.items.withUnsafeBufferPointer { items in
          for l in 0..<items.count {
            let raw: ByteRef
            if items[l].clean {
              raw = items[l].id
            } else {
              guard let fb = data.fallbacks[l], fb.syntaxIssue == nil,
                let r = fb.rawIDRef
              else { continue }
              raw = r
            }
            guard half(raw) == part else { continue }
            let g = Int32(base + l)
            if let first = table.insert(
              raw, value: g, key: { set.requiredID(of: $0) })
            {
              dups.append((g, first))
            }
          }
        }
      }
      slots[part] = (table, dups)
    }
    var duplicates: [Int32: Int32] = [:]
    let parts = [slots.filled(0), slots.filled(1)]
    for part in parts { for (g, f) in part.1 { duplicates[g] = f } }
    return IDTable(tables: parts.map(\.0), duplicates: duplicates)
  }

  /// The first item with this id.
  func find(_ r: ByteRef, set: ChunkSet) -> Int32? {
    tables[IDTable.half(r)].find(r) { set.requiredID(of: $0) }
  }
}
