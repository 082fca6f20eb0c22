import Dispatch
import Foundation
import Synchronization

/// The records of a corpus as columns in timeline order; a `Record` is decoded on demand.
///
/// Why columns: a million `Record` values with their strings and arrays take gigabytes and
/// seconds to build. Sorting, filters and counts need only days, precision, time, ids and
/// party indexes, a few dozen bytes per record; the rest stays in the file's bytes and the
/// reference decoder turns an item into a `Record` when a row is drawn (a few µs).
final class RecordStore: @unchecked Sendable {
  let count: Int
  let firstDay: Column<Int32>
  let lastDay: Column<Int32>
  let precision: Column<UInt8>
  let time: Column<Int16>
  let ids: Column<ByteRef>
  /// Parties each record involves (listed ones and their ancestors): CSR over `involved`.
  let involvedStart: Column<UInt32>
  let involved: Column<UInt16>
  /// Where each item is: its bytes, and the depth outside them; nil for a held `Record`.
  let items: Column<UnsafeRawPointer?>
  let lengths: Column<Int32>
  let depthBases: Column<Int8>
  /// Facet columns: attribution basis (`Attribution.Basis.allCases` index), distinct
  /// sources (`Record.sourceCount`, capped at 255), number of figures (capped at 255).
  let basis: Column<UInt8>
  let sourceCount: Column<UInt8>
  let figureCount: Column<UInt8>
  /// Bit 0: `date_approx`; bit 1: an `end_date`; bits 2–3: its precision. With the days,
  /// precision and time, this is all `DateLabel.compact` shows (no decoding).
  let dateFlags: Column<UInt8>
  let held: [Int: Record]
  let idIndex: IDIndex
  /// Timeline indexes of the records that dispute / revise each record (SCHEMA.md links).
  let disputedBy: LinkMap
  let revisedBy: LinkMap
  /// The records that dispute another or are disputed (LinkIndex's `⇄` marker).
  let contested: RecordSet
  /// Data files and arenas the pointers above point into.
  let owners: [AnyObject]
  /// The data files among `owners`, by address (see `file(of:)`).
  let files: [FileBytes]
  /// Whether a file is read window by window (re-opened through the cache), so that reads
  /// of items must go through `itemBytes`'s check.
  let hasDeferredFiles: Bool
  /// Some deferred file was not scanned by this process's load (the re-open cache): its
  /// rows are checked to be where they say before they are used (RecordStore+Placement).
  let hasUnprovenPlacement: Bool
  /// The rows read from the re-open cache block by block (CachedRows), whose `problem`
  /// says a block did not hold; nil for a store built by a load.
  let cachedRows: CachedRows?
  /// Built by the first pass (FirstPass), not validated: a line that does not decode is
  /// shown as not valid (it leaves when the full load ends), not as changed data.
  let provisional: Bool
  /// Recently decoded records by index, emptied when it reaches `recentLimit`: a screen
  /// redraws the same rows many times, and decoding is the one costly read.
  let recent = Mutex<[Int: Record]>([:])
  /// The first read that failed because a file changed (see `Corpus.readProblem`).
  let firstReadProblem = Mutex<DataReadProblem?>(nil)
  static let recentLimit = 4096

  /// The columns, all in timeline order, to be filled by the builder (every entry of
  /// every column; `involved` is made once its length is known). Sendable: the
  /// builder's cores fill their own rows of the same columns.
  struct Columns: Sendable {
    var firstDay: Column<Int32>
    var lastDay: Column<Int32>
    var precision: Column<UInt8>
    var time: Column<Int16>
    var ids: Column<ByteRef>
    var involvedStart: Column<UInt32>
    var involved = Column<UInt16>([])
    var items: Column<UnsafeRawPointer?>
    var lengths: Column<Int32>
    var depthBases: Column<Int8>
    var basis: Column<UInt8>
    var sourceCount: Column<UInt8>
    var figureCount: Column<UInt8>
    var dateFlags: Column<UInt8>
    var held: [Int: Record] = [:]

    init(count n: Int) {
      firstDay = .init(uninitialized: n)
      lastDay = .init(uninitialized: n)
      precision = .init(uninitialized: n)
      time = .init(uninitialized: n)
      ids = .init(uninitialized: n)
      involvedStart = .init(uninitialized: n + 1)
      items = .init(uninitialized: n)
      lengths = .init(uninitialized: n)
      depthBases = .init(uninitialized: n)
      basis = .init(uninitialized: n)
      sourceCount = .init(uninitialized: n)
      figureCount = .init(uninitialized: n)
      dateFlags = .init(uninitialized: n)
    }

    /// Row `r` at timeline index `i` (all columns but `involved`).
    func set(_ i: Int, _ r: Row) {
      firstDay.base[i] = r.firstDay
      lastDay.base[i] = r.lastDay
      precision.base[i] = r.precision
      time.base[i] = r.time
      ids.base[i] = r.id
      items.base[i] = r.item
      lengths.base[i] = r.length
      depthBases.base[i] = r.depthBase
      basis.base[i] = r.basis
      sourceCount.base[i] = r.sourceCount
      figureCount.base[i] = r.figureCount
      dateFlags.base[i] = r.dateFlags
    }

    /// Row `j` of `other` at timeline index `i` (all columns but `involved`), for a
    /// store made of some rows of another (RecordStore.checked(onto:)).
    func set(_ i: Int, from other: Columns, row j: Int) {
      firstDay.base[i] = other.firstDay[j]
      lastDay.base[i] = other.lastDay[j]
      precision.base[i] = other.precision[j]
      time.base[i] = other.time[j]
      ids.base[i] = other.ids[j]
      items.base[i] = other.items[j]
      lengths.base[i] = other.lengths[j]
      depthBases.base[i] = other.depthBases[j]
      basis.base[i] = other.basis[j]
      sourceCount.base[i] = other.sourceCount[j]
      figureCount.base[i] = other.figureCount[j]
      dateFlags.base[i] = other.dateFlags[j]
    }
  }

  /// One record's column values.
  ///
  /// `@unchecked Sendable` for its `item` pointer alone: it points into file bytes that
  /// the store's owners keep alive and nothing writes, as a `ByteRef` does.
  struct Row: @unchecked Sendable {
    var firstDay: Int32
    var lastDay: Int32
    var precision: UInt8
    var time: Int16
    var id: ByteRef
    var involved: [UInt16]
    var item: UnsafeRawPointer?
    var length: Int32
    var depthBase: Int8
    var basis: UInt8
    var sourceCount: UInt8
    var figureCount: UInt8
    var dateFlags: UInt8
    var record: Record?
  }

  convenience init(
    columns c: Columns, idIndex: IDIndex, disputedBy: [Int: [Int]],
    revisedBy: [Int: [Int]], owners: [AnyObject],
    provisional: Bool = false
  ) {
    let disputed = LinkMap(disputedBy)
    self.init(
      columns: c, idIndex: idIndex, disputedBy: disputed,
      revisedBy: LinkMap(revisedBy),
      contested: RecordSet.contested(disputed), owners: owners,
      provisional: provisional)
  }

  init(
    columns c: Columns, idIndex: IDIndex, disputedBy: LinkMap,
    revisedBy: LinkMap, contested: RecordSet, owners: [AnyObject],
    provisional: Bool = false
  ) {
    self.provisional = provisional
    count = c.firstDay.count
    firstDay = c.firstDay
    lastDay = c.lastDay
    precision = c.precision
    time = c.time
    ids = c.ids
    involvedStart = c.involvedStart
    involved = c.involved
    items = c.items
    lengths = c.lengths
    depthBases = c.depthBases
    basis = c.basis
    sourceCount = c.sourceCount
    figureCount = c.figureCount
    dateFlags = c.dateFlags
    held = c.held
    self.idIndex = idIndex
    self.disputedBy = disputedBy
    self.revisedBy = revisedBy
    self.contested = contested
    self.owners = owners
    files = RecordStore.dataFiles(owners)
    hasDeferredFiles = files.contains { $0.isDeferred }
    hasUnprovenPlacement = files.contains(where: \.placementUnproven)
    cachedRows = owners.lazy.compactMap { $0 as? CachedRows }.first
  }

  static func dateFlags(approx: Bool, end: RecordDate?) -> UInt8 {
    (approx ? 1 : 0) | (end.map { 2 | UInt8($0.precision.rawValue) << 2 } ?? 0)
  }

  /// The compact date label of record `i` (`DateLabel.compact`) from the columns.
  func dateLabel(_ i: Int) -> String {
    let p = dateParts(i)
    return DateLabel.compact(
      date: p.date, end: p.end, minutes: p.minutes, approx: p.approx)
  }

  /// The width of `dateLabel(i)` on screen, without building it.
  func dateLabelWidth(_ i: Int) -> DateLabel.Width {
    let p = dateParts(i)
    return DateLabel.compactWidth(
      date: p.date, end: p.end, minutes: p.minutes, approx: p.approx)
  }

  /// What record `i`'s compact date label is made of, from the columns.
  private func dateParts(_ i: Int) -> (
    date: RecordDate, end: RecordDate?, minutes: Int16?, approx: Bool
  ) {
    let flags = dateFlags[i]
    let date = RecordDate(
      firstDay: CalendarDay(dayNumber: firstDay[i]),
      precision: DatePrecision(rawValue: Int(precision[i])) ?? .day)
    var end: RecordDate?
    if flags & 2 != 0, let p = DatePrecision(rawValue: Int(flags >> 2 & 3)) {
      end = RecordDate.ending(
        on: CalendarDay(dayNumber: lastDay[i]), precision: p)
    }
    return (date, end, time[i] < 0 ? nil : time[i], flags & 1 != 0)
  }

  /// The record at timeline index `i`; a stand-in saying the data changed when its file
  /// changed before it could be read (see `decoded`, which says so as a value).
  func record(_ i: Int) -> Record {
    switch decoded(i) {
    case .success(let r): return r
    case .failure: return standIn(i)
    }
  }

  /// The timeline index of the record with this id.
  func index(of id: String) -> Int? {
    var s = id
    return s.withUTF8 { u -> Int? in
      guard let b = u.baseAddress else { return nil }
      return idIndex.find(ByteRef(b, u.count)) { ids[Int($0)] }.map(Int.init)
    }
  }

  /// Decodes one item with the reference decoder (it loaded, so it decodes).
  static func decode(_ p: UnsafeRawPointer, _ length: Int, depthBase: Int)
    -> Record?
  {
    guard
      let node = try? JSONParser.parse(
        UnsafeRawBufferPointer(start: p, count: length),
        depthLimit: 64 - depthBase)
    else { return nil }
    var r = ItemReader()
    return ItemDecoding.record(node, &r)
  }
}
