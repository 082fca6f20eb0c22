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

    /// The index of the party whose id is these bytes.
    func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
      for i in 0..<count where idStart[i + 1] - idStart[i] == n {
        if memcmp(idBytes + idStart[i], p, n) == 0 { return i }
      }
      return nil
    }
  }

  /// Owns the flat lists a `View` points into.
  final class Storage: @unchecked Sendable {
    let view: View
    private let buffers:
      (
        UnsafeMutableBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int>,
        UnsafeMutableBufferPointer<Int32>
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
      buffers = (copy(ids.flatMap { $0 }), copy(idStarts), copy(parents))
      view = View(
        idBytes: UnsafePointer(buffers.0.start),
        idStart: UnsafePointer(buffers.1.start),
        count: ids.count,
        parentOf: UnsafePointer(buffers.2.start))
    }

    deinit {
      buffers.0.deallocate()
      buffers.1.deallocate()
      buffers.2.deallocate()
    }
  }
}
