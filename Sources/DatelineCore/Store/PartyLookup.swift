import Foundation

/// The loaded parties as the record scan needs them: id bytes to index, and ancestors.
struct PartyLookup: Sendable {
  let ids: [[UInt8]]
  /// Party indexes of each party's ancestors, nearest first.
  let ancestors: [[UInt16]]

  init(parties: [Party]) {
    ids = parties.map { Array($0.id.rawValue.utf8) }
    var index: [Party.ID: Int] = [:]
    for (i, p) in parties.enumerated() { index[p.id] = i }
    ancestors = parties.map { p in
      var chain: [UInt16] = []
      var cur = p.parent
      while let c = cur, let i = index[c], chain.count < parties.count {
        chain.append(UInt16(i))
        cur = parties[i].parent
      }
      return chain
    }
  }

  /// The index of the party whose id is these bytes.
  func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
    for (i, id) in ids.enumerated() where id.count == n {
      if id.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, n) }) == 0 { return i }
    }
    return nil
  }
}
