import Dispatch

/// Record id to timeline index: one table, or two split by the hash's top bit (as the
/// loader built them on two cores), or a table still being built on another core.
///
/// Why one being built: the first pass's store (FirstPass) is drawn before anything looks
/// a record up by its id, and filling a table of a million ids at random places took a
/// tenth of the first open's CPU; it is built on the spare core while the first frame is
/// drawn, and a lookup that comes first waits for it.
struct IDIndex: @unchecked Sendable {
  private let built: [ByteKeyTable]
  private let pending: PendingIDTables?

  init(tables: [ByteKeyTable]) {
    built = tables
    pending = nil
  }

  /// An index whose tables `build` makes on a background queue.
  init(building build: @escaping @Sendable () -> [ByteKeyTable]) {
    built = []
    pending = PendingIDTables(build)
  }

  /// The tables (waiting for them while they are being built).
  var tables: [ByteKeyTable] { pending?.wait() ?? built }

  func find(_ r: ByteRef, key: (Int32) -> ByteRef) -> Int32? {
    let tables = self.tables
    return tables[tables.count == 1 ? 0 : Int(r.hash >> 31)].find(r, key: key)
  }
}

/// Tables built once on a background queue.
///
/// `@unchecked Sendable`: `result` is written once, by the build, before `done` is left,
/// and read only after `done` is waited for (the group orders the two).
private final class PendingIDTables: @unchecked Sendable {
  private let done = DispatchGroup()
  private var result: [ByteKeyTable] = []

  init(_ build: @escaping @Sendable () -> [ByteKeyTable]) {
    done.enter()
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      result = build()
      done.leave()
    }
  }

  func wait() -> [ByteKeyTable] {
    done.wait()
    return result
  }
}
