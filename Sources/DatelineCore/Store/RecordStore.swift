import Dispatch
import Foundation
import Synchronization

/// The records of a corpus as columns in timeline order; a `Record` is decoded on demand.
///
/// Why columns: a million `Record` values with their strings and arrays take gigabytes and
/// seconds to build. Sorting, filters and counts need only days, precision, time, ids and
/// party indexes, a few dozen bytes per record; the rest stays in the mapped file and the
/// reference decoder turns an item into a `Record` when a row is drawn (a few µs).
final class RecordStore: @unchecked Sendable {
  let count: Int
  let firstDay: [Int32]
  let lastDay: [Int32]
  let precision: [UInt8]
  let time: [Int16]
  let ids: [ByteRef]
  /// Parties each record involves (listed ones and their ancestors): CSR over `involved`.
  let involvedStart: [UInt32]
  let involved: [UInt16]
  /// Where each item is: its bytes, and the depth outside them; nil for a held `Record`.
  let items: [UnsafeRawPointer?]
  let lengths: [Int32]
  let depthBases: [Int8]
  let held: [Int: Record]
  let idTable: ByteKeyTable
  /// Timeline indexes of the records that dispute / revise each record (SCHEMA.md links).
  let disputedBy: [Int: [Int]]
  let revisedBy: [Int: [Int]]
  /// Mappings and arenas the pointers above point into.
  let owners: [AnyObject]
  /// Recently decoded records, direct-mapped by index: a screen redraws the same rows
  /// many times, and decoding is the one costly read.
  private let recent = Mutex<[Int: Record]>([:])
  static let recentLimit = 4096

  struct Row {
    var firstDay: Int32
    var lastDay: Int32
    var precision: UInt8
    var time: Int16
    var id: ByteRef
    var involved: [UInt16]
    var item: UnsafeRawPointer?
    var length: Int32
    var depthBase: Int8
    var record: Record?
  }

  /// Sorts `rows` in timeline order and builds the columns; `links` give (row, kind, row).
  init(rows: [Row], links: [(Int, UInt8, Int)], owners: [AnyObject]) {
    let order = RecordStore.timelineOrder(rows)
    count = rows.count
    var position = [Int](repeating: 0, count: rows.count)
    for (i, r) in order.enumerated() { position[r] = i }
    firstDay = order.map { rows[$0].firstDay }
    lastDay = order.map { rows[$0].lastDay }
    precision = order.map { rows[$0].precision }
    time = order.map { rows[$0].time }
    ids = order.map { rows[$0].id }
    var starts: [UInt32] = [0]
    var flat: [UInt16] = []
    starts.reserveCapacity(rows.count + 1)
    for r in order {
      flat.append(contentsOf: rows[r].involved)
      starts.append(UInt32(flat.count))
    }
    involvedStart = starts
    involved = flat
    items = order.map { rows[$0].item }
    lengths = order.map { rows[$0].length }
    depthBases = order.map { rows[$0].depthBase }
    var held: [Int: Record] = [:]
    for (i, r) in order.enumerated() where rows[r].item == nil { held[i] = rows[r].record }
    self.held = held
    let idList = ids
    var table = ByteKeyTable(capacity: rows.count)
    for i in 0..<idList.count { _ = table.insert(idList[i], value: Int32(i)) { idList[Int($0)] } }
    idTable = table
    var disputed: [Int: [Int]] = [:]
    var revised: [Int: [Int]] = [:]
    for (from, kind, to) in links {
      if kind == 1 { disputed[position[to], default: []].append(position[from]) }
      if kind == 2 { revised[position[to], default: []].append(position[from]) }
    }
    disputedBy = disputed.mapValues { Array(Set($0)).sorted() }
    revisedBy = revised.mapValues { Array(Set($0)).sorted() }
    self.owners = owners
  }

  /// The record at timeline index `i`.
  func record(_ i: Int) -> Record {
    guard let p = items[i] else { return held[i]! }
    if let r = recent.withLock({ $0[i] }) { return r }
    let r = RecordStore.decode(p, Int(lengths[i]), depthBase: Int(depthBases[i]))!
    recent.withLock { cache in
      if cache.count >= RecordStore.recentLimit { cache.removeAll(keepingCapacity: true) }
      cache[i] = r
    }
    return r
  }

  /// The timeline index of the record with this id.
  func index(of id: String) -> Int? {
    var s = id
    return s.withUTF8 { u -> Int? in
      guard let b = u.baseAddress else { return nil }
      return idTable.find(ByteRef(b, u.count)) { ids[Int($0)] }.map(Int.init)
    }
  }

  /// Decodes one item with the reference decoder (it loaded, so it decodes).
  static func decode(_ p: UnsafeRawPointer, _ length: Int, depthBase: Int) -> Record? {
    guard let node = try? JSONParser.parse(UnsafeRawBufferPointer(start: p, count: length), depthLimit: 64 - depthBase)
    else { return nil }
    var r = ItemReader()
    return ItemDecoding.record(node, &r)
  }
}
