import Foundation

/// A record or text that cannot be read as it was loaded: its file changed since.
///
/// The store never decodes bytes it did not validate; when a file it still has to read
/// from changed in place, the read gives this value, and the browser says "data changed —
/// reloading" and loads again (no SIGBUS, no trap).
public enum DataReadProblem: Error, Equatable, Sendable {
  case dataChanged(file: String)
  /// The re-open cache pointed a record at bytes of the file that are not that record
  /// (see RecordStore+Placement): the cache is not to be trusted; load without it.
  case cacheMismatch(file: String)

  /// What a screen shows instead of the record or text.
  public static let notice = "data changed — reloading"

  public var file: String {
    switch self {
    case .dataChanged(let f), .cacheMismatch(let f): return f
    }
  }

  /// A sentence for the command line.
  public var message: String {
    switch self {
    case .dataChanged(let f): return "\(f) changed while it was read"
    case .cacheMismatch(let f): return "the re-open cache does not match \(f)"
    }
  }
}

extension RecordStore {
  /// The data files the store's items and texts lie in, ordered by address.
  static func dataFiles(_ owners: [AnyObject]) -> [FileBytes] {
    owners.compactMap { $0 as? FileBytes }.filter {
      $0.holdsData && $0.base != nil
    }.sorted { $0.bytes.start < $1.bytes.start }
  }

  /// The file record `i`'s bytes are in (nil for a held record).
  func file(of i: Int) -> FileBytes? { fileIndex(of: i).map { files[$0] } }

  /// The index in `files` of the file record `i`'s bytes are in (nil for a held record).
  func fileIndex(of i: Int) -> Int? {
    guard let p = items[i] else { return nil }
    var lo = 0
    var hi = files.count
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if files[mid].bytes.start <= p { lo = mid } else { hi = mid }
    }
    guard lo < files.count, let b = files[lo].base, p >= b,
      p < b + files[lo].count
    else { return nil }
    return lo
  }

  /// The JSON bytes of record `i` as loaded (nil for a record held in memory), or the
  /// file that changed before they could be read.
  func itemBytes(_ i: Int) -> Result<UnsafeRawBufferPointer, DataReadProblem>? {
    guard let p = items[i] else { return nil }
    let length = Int(lengths[i])
    if hasDeferredFiles, let f = file(of: i) {
      let at = f.bytes.start.distance(to: p)
      guard f.ensure(at..<(at + length)) else {
        return .failure(.dataChanged(file: f.path))
      }
    }
    return .success(UnsafeRawBufferPointer(start: p, count: length))
  }

  /// The record at timeline index `i`, or why it cannot be read.
  func decoded(_ i: Int) -> Result<Record, DataReadProblem> {
    guard items[i] != nil else {
      guard let r = held[i] else {
        return noted(cachedRows?.problem ?? .dataChanged(file: ""))
      }
      return .success(r)
    }
    if let r = recent.withLock({ $0[i] }) { return .success(r) }
    let bytes: UnsafeRawBufferPointer
    switch itemBytes(i) {
    case .success(let b)?: bytes = b
    case .failure(let problem)?: return noted(problem)
    case nil: return noted(.dataChanged(file: ""))
    }
    // Through the cache, the bytes are checked to be the row's item (RecordStore+Placement).
    if hasUnprovenPlacement, let f = file(of: i), f.placementUnproven {
      guard let r = verifiedRecord(i, bytes, in: f) else {
        // The first pass's lines are whole lines by construction: one that does not pass is
        // not valid, and the full load that follows reports it.
        if provisional {
          return .success(standIn(i, headline: RecordStore.notValidNotice))
        }
        return noted(.cacheMismatch(file: f.path))
      }
      remember(r, at: i)
      return .success(r)
    }
    guard
      let r = RecordStore.decode(
        bytes.start, bytes.count, depthBase: Int(depthBases[i]))
    else {
      if provisional {
        return .success(standIn(i, headline: RecordStore.notValidNotice))
      }
      return noted(.dataChanged(file: file(of: i)?.path ?? ""))
    }
    remember(r, at: i)
    return .success(r)
  }

  private func remember(_ r: Record, at i: Int) {
    recent.withLock { cache in
      if cache.count >= RecordStore.recentLimit {
        cache.removeAll(keepingCapacity: true)
      }
      cache[i] = r
    }
  }

  /// Keeps the first problem (see `readProblem`) and returns it.
  private func noted<T>(_ problem: DataReadProblem) -> Result<
    T, DataReadProblem
  > {
    firstReadProblem.withLock { if $0 == nil { $0 = problem } }
    return .failure(problem)
  }

  /// Reads the bytes of every record in `rows` now (for files read window by window),
  /// so that a sweep over them can use `items` directly; the problem if a file changed.
  func readAll(_ rows: ArraySlice<Int>) -> DataReadProblem? {
    guard hasDeferredFiles else { return nil }
    for i in rows {
      if case .failure(let problem)? = itemBytes(i) {
        firstReadProblem.withLock { if $0 == nil { $0 = problem } }
        return problem
      }
    }
    return nil
  }

  /// What a provisional store shows for a line that does not decode.
  static let notValidNotice =
    "(not a valid record: see the errors when the check ends)"

  /// A row that stands for record `i` when it cannot be read: its id and date from the
  /// columns, the notice as its headline (the screen stays up until the reload).
  func standIn(_ i: Int, headline: String = DataReadProblem.notice) -> Record {
    let id = String(
      decoding: UnsafeBufferPointer(start: ids[i].pointer, count: ids[i].count),
      as: UTF8.self)
    let date = RecordDate(
      firstDay: CalendarDay(dayNumber: firstDay[i]),
      precision: DatePrecision(rawValue: Int(precision[i])) ?? .day)
    return Record(
      id: Record.ID(id), date: date, kind: .event, parties: [],
      headline: headline, source: Source.ID(""))
  }

  /// The data files that changed, were replaced or removed since they were read (an
  /// `fstat` each; empty when the store still matches its files).
  public func changedFiles() -> [String] {
    owners.compactMap { $0 as? FileBytes }.filter {
      $0.holdsData && !$0.stillMatches()
    }.map(\.path)
  }
}

extension Corpus {
  /// Whether this is the first pass's corpus (FirstPass): shown while the full load runs,
  /// then replaced by its result.
  public var isProvisional: Bool { store.provisional }

  /// The first record that could not be read because its file changed (a stand-in was
  /// shown or listed in its place), if any: a command that printed records then fails,
  /// and the browser reloads.
  public var readProblem: DataReadProblem? {
    store.firstReadProblem.withLock { $0 } ?? store.cachedRows?.problem
  }

  /// The record at timeline index `i`, or why it cannot be read now.
  public func decodedRecord(at i: Int) -> Result<Record, DataReadProblem> {
    store.decoded(i)
  }

  /// The data files that changed since they were read (empty while all still match).
  public func changedFiles() -> [String] { store.changedFiles() }

  /// The JSON bytes of the record at timeline index `i` as loaded, or nil for a record
  /// held in memory (built in code rather than read from a file) or one whose file
  /// changed before it could be read (the caller then decodes, which says so).
  func itemBytes(at i: Int) -> UnsafeRawBufferPointer? {
    guard case .success(let bytes)? = store.itemBytes(i) else { return nil }
    return bytes
  }
}
