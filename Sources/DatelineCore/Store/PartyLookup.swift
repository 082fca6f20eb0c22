import Foundation

/// The loaded parties as the record scan needs them: id bytes to index, and ancestors.
struct PartyLookup: Sendable {
  /// Each party's parent index (-1 for a root). Ancestors are walked, not listed per
  /// party: lists would take depth² entries for one deep chain (issue 13).
  let parents: [Int32]
  /// The same ids and parents as flat lists, for the scan (see `View`).
  private let storage: Storage

  init(parties: [Party]) {
    var index: [Party.ID: Int] = [:]
    for (i, p) in parties.enumerated() where index[p.id] == nil {
      index[p.id] = i
    }
    parents = parties.map { p in
      p.parent.flatMap { index[$0] }.map(Int32.init) ?? -1
    }
    storage = Storage(
      ids: parties.map { Array($0.id.rawValue.utf8) }, parents: parents)
  }

  /// Party `i`'s ancestors, nearest first (at most one per party: a cycle cannot loop).
  func ancestors(of i: Int) -> [UInt16] {
    var out: [UInt16] = []
    var a = Int(parents[i])
    while a >= 0 && out.count < parents.count {
      out.append(UInt16(a))
      a = Int(parents[a])
    }
    return out
  }

  /// Plain pointers into the flat lists, valid while this lookup lives.
  var view: View { storage.view }

  /// The index of the party whose id is these bytes.
  func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? { view.find(p, n) }

  /// The lookup without reference-counted parts. Why: the record scan's closures capture
  /// it for every object and array they scan; capturing arrays cost a retain and a release
  /// each, a sixth of the scan's time at a million records.
  struct View: @unchecked Sendable {
    /// Party `i`'s id is `idBytes[idStart[i]..<idStart[i + 1]]`.
    let idBytes: UnsafePointer<UInt8>
    let idStart: UnsafePointer<Int>
    let count: Int
    /// Party `i`'s parent index, -1 for a root.
    let parentOf: UnsafePointer<Int32>
    /// Open addressing over the ids (`hash`, then the next slot): a party index, or -1
    /// for an empty slot; each id once, the first party that has it.
    let slots: UnsafePointer<Int32>
    let slotMask: Int

    /// The index of the first party whose id is these bytes.
    ///
    /// Why a table: the scan asks this for every party of every record, and walking
    /// the list cost a memcmp for each party of the same length (2.6% of a 1M
    /// validate's CPU with 30 parties; linear in the parties).
    func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
      var s = Self.hash(p, n) & slotMask
      while true {
        let i = Int(slots[s])
        if i < 0 { return nil }
        if idStart[i + 1] - idStart[i] == n
          && memcmp(idBytes + idStart[i], p, n) == 0
        {
          return i
        }
        s = (s + 1) & slotMask
      }
    }

    /// A slot number from an id's length and five of its bytes (ids differ mostly at
    /// their ends); ids that share it are told apart by their bytes.
    @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ n: Int)
      -> Int
    {
      var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
      if n > 0 {
        let q = n >> 2
        h ^=
          UInt64(p[0]) | UInt64(p[q]) << 8 | UInt64(p[n >> 1]) << 16
          | UInt64(p[n - 1 - q]) << 24 | UInt64(p[n - 1]) << 32
        h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
      }
      return Int(truncatingIfNeeded: h)
    }
  }

  /// Owns the flat lists and the table a `View` points into.
  final class Storage: @unchecked Sendable {
    let view: View
    private let buffers:
      (
        UnsafeMutableBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int>,
        UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<Int32>
      )

    init(ids: [[UInt8]], parents: [Int32]) {
      func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
        let b = UnsafeMutableBufferPointer<T>.allocate(
          capacity: max(a.count, 1))
        _ = b.initialize(from: a)
        return b
      }
      var idStarts = [0]
      var total = 0
      for id in ids {
        total += id.count
        idStarts.append(total)
      }
      var size = 16
      while size < 2 * ids.count { size *= 2 }
      let slots = UnsafeMutableBufferPointer<Int32>.allocate(capacity: size)
      slots.initialize(repeating: -1)
      buffers = (
        copy(ids.flatMap { $0 }), copy(idStarts), copy(parents), slots
      )
      view = View(
        idBytes: UnsafePointer(buffers.0.start),
        idStart: UnsafePointer(buffers.1.start),
        count: ids.count,
        parentOf: UnsafePointer(buffers.2.start),
        slots: UnsafePointer(slots.start), slotMask: size - 1)
      // Each id once, for its first party (as the walk over the list found it).
      for i in ids.indices {
        let p = view.idBytes + idStarts[i]
        let n = ids[i].count
        guard view.find(p, n) == nil else { continue }
        var s = View.hash(p, n) & (size - 1)
        while slots[s] >= 0 { s = (s + 1) & (size - 1) }
        slots[s] = Int32(i)
      }
    }

    deinit {
      buffers.0.deallocate()
      buffers.1.deallocate()
      buffers.2.deallocate()
      buffers.3.deallocate()
    }
  }
}
