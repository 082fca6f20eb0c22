import Foundation

/// The loaded parties as the record scan needs them: id bytes to index, and ancestors.
struct PartyLookup: Sendable {
  /// Party indexes of each party's ancestors, nearest first.
  let ancestors: [[UInt16]]
  /// The same ids and ancestors as flat lists, for the scan (see `View`).
  private let storage: Storage

  init(parties: [Party]) {
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
    storage = Storage(ids: parties.map { Array($0.id.rawValue.utf8) }, ancestors: ancestors)
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
    /// Party `i`'s ancestors are `ancestorList[ancestorStart[i]..<ancestorStart[i + 1]]`.
    let ancestorList: UnsafePointer<UInt16>
    let ancestorStart: UnsafePointer<Int>

    /// The index of the party whose id is these bytes.
    func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
      for i in 0..<count where idStart[i + 1] - idStart[i] == n {
        if memcmp(idBytes + idStart[i], p, n) == 0 { return i }
      }
      return nil
    }

    /// Positions in `ancestorList` of party `i`'s ancestors.
    @inline(__always) func ancestorRange(_ i: Int) -> Range<Int> { ancestorStart[i]..<ancestorStart[i + 1] }
  }

  /// Owns the flat lists a `View` points into.
  final class Storage: @unchecked Sendable {
    let view: View
    private let buffers: (UnsafeMutableBufferPointer<UInt8>, UnsafeMutableBufferPointer<Int>,
      UnsafeMutableBufferPointer<UInt16>, UnsafeMutableBufferPointer<Int>)

    init(ids: [[UInt8]], ancestors: [[UInt16]]) {
      func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
        let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
        _ = b.initialize(from: a)
        return b
      }
      var idStarts = [0]
      for id in ids { idStarts.append(idStarts.last! + id.count) }
      var ancestorStarts = [0]
      for a in ancestors { ancestorStarts.append(ancestorStarts.last! + a.count) }
      buffers = (copy(ids.flatMap { $0 }), copy(idStarts), copy(ancestors.flatMap { $0 }), copy(ancestorStarts))
      view = View(
        idBytes: UnsafePointer(buffers.0.baseAddress!), idStart: UnsafePointer(buffers.1.baseAddress!), count: ids.count,
        ancestorList: UnsafePointer(buffers.2.baseAddress!), ancestorStart: UnsafePointer(buffers.3.baseAddress!))
    }

    deinit {
      buffers.0.deallocate()
      buffers.1.deallocate()
      buffers.2.deallocate()
      buffers.3.deallocate()
    }
  }
}
