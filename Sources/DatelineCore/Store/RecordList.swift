/// The records of a corpus in timeline order; each is decoded when it is read.
public struct RecordList: RandomAccessCollection, Sendable {
  let store: RecordStore
  public var startIndex: Int { 0 }
  public var endIndex: Int { store.count }
  public subscript(i: Int) -> Record { store.record(i) }
}

/// Record id to timeline index, over the store's id table (no Swift string per id).
public struct RecordIndex: Sendable {
  let store: RecordStore
  public subscript(id: Record.ID) -> Int? { store.index(of: id.rawValue) }
  public var count: Int { store.count }
  /// The id of the record at timeline index `i`, read from the id column (not decoded).
  public func id(at i: Int) -> String {
    let r = store.ids[i]
    return String(
      decoding: UnsafeBufferPointer(start: r.pointer, count: r.count),
      as: UTF8.self)
  }
}

/// Per record, the party indexes it involves (listed parties and their ancestors).
public struct InvolvedParties: RandomAccessCollection, Sendable {
  let store: RecordStore
  public var startIndex: Int { 0 }
  public var endIndex: Int { store.count }
  public subscript(i: Int) -> [Int32] {
    (Int(store.involvedStart[i])..<Int(store.involvedStart[i + 1])).map {
      Int32(store.involved[$0])
    }
  }

  /// Whether record `i` involves party index `p`, without building an array.
  @inline(__always) func contains(_ i: Int, _ p: UInt16) -> Bool {
    var k = Int(store.involvedStart[i])
    let end = Int(store.involvedStart[i + 1])
    while k < end {
      if store.involved[k] == p { return true }
      k += 1
    }
    return false
  }
}

extension RecordList: Equatable {
  /// The same records in the same order (decodes both; for tests and small corpora).
  public static func == (a: RecordList, b: RecordList) -> Bool {
    a.elementsEqual(b)
  }
}
