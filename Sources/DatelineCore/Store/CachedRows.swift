import Synchronization

/// The columns of a store re-opened from the cache that a screen reads row by row (dates'
/// precision and time, where each record is, its id), read from the cache file a block
/// of rows at a time when a row of the block is first used, and checked then.
///
/// Why: a first screen shows forty rows; reading and checking every row of ten million
/// before it (as the cache reader did) took seconds. A block of rows is
/// `1 << CacheReader.shift` rows: block `b` of each per-record section, block `b + 1`
/// too for a start column (its last entry), and the blocks of a listed section between
/// the start column's entries. Every block read is checked against its checksum, then
/// the rows' values by `check` (CorpusCache+Rows), before `derive` makes what the store
/// reads from them (pointers into the data files, id references). A block that fails
/// is filled by `poison` with values no read can misuse, and `problem` says the cache
/// does not match: the store then refuses those rows (`DataReadProblem.cacheMismatch`).
final class CachedRows: @unchecked Sendable {
  /// One section read block by block into memory of its own.
  struct Section {
    var entry: CacheFile.Entry
    var base: UnsafeMutableRawPointer
    var count: CacheLayout.Count
    var read: [Bool]
  }

  let reader: CacheReader
  let records: Int
  private(set) var gate: BlockGate?
  /// Registered before the first read (`column`), then only read under the gate's lock.
  private var sections: [UInt32: Section] = [:]
  private var owned: [AnyObject] = []
  /// What checks, derives and poisons a block of rows: set once, before the first read.
  var check: (Range<Int>) -> Bool = { _ in false }
  var derive: (Range<Int>) -> Void = { _ in }
  var poison: (Range<Int>) -> Void = { _ in }
  private let failure = Mutex<DataReadProblem?>(nil)

  init(reader: CacheReader, records: Int) {
    self.reader = reader
    self.records = records
    gate = BlockGate(elements: records, shift: reader.shift) {
      [unowned self] b in self.load(b)
    }
  }

  /// Section `id`, as a column read block by block through the gate.
  func column<T: CacheElementType>(
    _ id: UInt32, _: T.Type, count rule: CacheLayout.Count
  ) throws(CacheFile.Rejection) -> Column<T> {
    let e = try reader.entry(id, T.cacheElement)
    let storage = Column<T>(uninitialized: e.count)
    owned.append(storage.storage)
    sections[id] = Section(
      entry: e, base: UnsafeMutableRawPointer(storage.base), count: rule,
      read: [Bool](repeating: false, count: e.blocks))
    return Column(
      viewing: storage.values, count: e.count, owner: self, gate: gate)
  }

  /// A column of `count` values the store reads (made by `derive`), gated by the rows.
  func derived<T>(_: T.Type) -> (view: Column<T>, base: UnsafeMutablePointer<T>)
  {
    let storage = Column<T>(uninitialized: records)
    owned.append(storage.storage)
    return (
      Column(viewing: storage.values, count: records, owner: self, gate: gate),
      storage.base
    )
  }

  /// Section `id` whole (not a record column), as a column read block by block when
  /// used, each block checked against its checksum, then its values by `check` (given
  /// the section's first value and the block's range of them); a block that fails is
  /// zeroed and the rows report the cache as not matching.
  func section<T: CacheElementType>(
    _ id: UInt32, _: T.Type,
    check: @escaping (UnsafePointer<T>, Range<Int>) -> Bool = { _, _ in true }
  ) throws(CacheFile.Rejection) -> Column<T> {
    let e = try reader.entry(id, T.cacheElement)
    let storage = Column<T>(uninitialized: e.count)
    let base = UnsafeMutableRawPointer(storage.base)
    let values = storage.values
    let gate = BlockGate(elements: e.count, shift: e.shift) {
      [reader, unowned self] b in
      let elements = (b << e.shift)..<min(e.count, (b + 1) << e.shift)
      if reader.read(e, blocks: b..<(b + 1), into: base),
        check(values, elements)
      {
        return true
      }
      let block = e.block(b)
      (base + (block.offset - e.offset)).initializeMemory(
        as: UInt8.self, repeating: 0, count: block.length)
      self.fail()
      return false
    }
    return Column(
      viewing: storage.values, count: e.count, owner: storage.storage,
      gate: gate)
  }

  /// Keeps `object` (memory the checks read) alive as long as the rows.
  func keep(_ object: AnyObject) { owned.append(object) }

  /// The problem a block that failed its checks left (nil while every block read held).
  var problem: DataReadProblem? { failure.withLock { $0 } }

  /// A block of rows that did not hold: refused from now on.
  func fail() {
    failure.withLock {
      if $0 == nil { $0 = .cacheMismatch(file: reader.path) }
    }
  }

  /// Reads and checks row block `b` (under the gate's lock).
  private func load(_ b: Int) -> Bool {
    let rows = (b << reader.shift)..<min(records, (b + 1) << reader.shift)
    var ok = true
    for id in sections.keys.sorted() where ok {
      guard let s = sections[id] else { continue }
      switch s.count {
      case .records: ok = readBlocks(id, b..<(b + 1))
      case .recordsPlusOne:
        ok = readBlocks(id, b..<min(s.entry.blocks, b + 2))
      case .listed: break
      }
    }
    for id in sections.keys.sorted() where ok {
      guard let s = sections[id], case .listed(let start) = s.count else {
        continue
      }
      ok = readListed(id, by: start, rows: rows)
    }
    if ok, check(rows) {
      derive(rows)
      return true
    }
    poison(rows)
    fail()
    return false
  }

  /// Reads blocks `blocks` of section `id` that are not read yet; false when one failed.
  private func readBlocks(_ id: UInt32, _ blocks: Range<Int>) -> Bool {
    guard var s = sections[id] else { return false }
    defer { sections[id] = s }
    for k in blocks where !s.read[k] {
      guard reader.read(s.entry, blocks: k..<(k + 1), into: s.base) else {
        return false
      }
      s.read[k] = true
    }
    return true
  }

  /// Reads the part of listed section `id` that rows `rows` take (between their entries
  /// of start section `start`, after checking that those go up and stay inside it).
  private func readListed(_ id: UInt32, by start: UInt32, rows: Range<Int>)
    -> Bool
  {
    guard let s = sections[id], let starts = sections[start],
      starts.entry.element == .uint32
    else { return false }
    let p = starts.base.assumingMemoryBound(to: UInt32.self)
    for i in rows where p[i] > p[i + 1] { return false }
    let lo = Int(p[rows.lowerBound])
    let hi = Int(p[rows.upperBound])
    guard hi <= s.entry.count else { return false }
    guard hi > lo else { return true }
    return readBlocks(
      id, (lo >> reader.shift)..<(((hi - 1) >> reader.shift) + 1))
  }
}
