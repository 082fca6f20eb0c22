import XCTest

@testable import DatelineCore

/// The declared cache layout covers the record store: a column added to
/// RecordStore.Columns without a line in CacheLayout fails here, not in a user's cache.
final class CacheLayoutTests: XCTestCase {
  func testEveryStoreColumnIsDeclaredOrDerived() {
    let stored = Set(
      Mirror(reflecting: RecordStore.Columns(count: 0)).children.compactMap(
        \.label))
    let declared = Set(CacheLayout.columns.map(\.name))
    XCTAssertEqual(
      stored.subtracting(CacheLayout.derivedStoreColumns).subtracting(declared),
      [], "not in CacheLayout")
    let extra: Set<String> = ["file", "offset", "idStart", "idHash", "idBytes"]
    XCTAssertEqual(
      declared.subtracting(stored).subtracting(extra), [],
      "declared but not a column")
  }

  func testSectionIdsAreDistinctAndLeaveRoomForMetaAndTables() {
    let ids = CacheLayout.columns.map(\.id)
    XCTAssertEqual(Set(ids).count, ids.count)
    XCTAssertFalse(ids.contains(CacheLayout.meta))
    XCTAssertTrue(ids.allSatisfy { $0 < CacheLayout.idTable })
    XCTAssertLessThanOrEqual(ids.count + 3, CacheFile.maximumSections)
  }

  /// The store's `columns` (what the writer reads) are the store's own columns, each one
  /// (a column added to the store but not to that accessor would be written empty).
  func testTheWriterSeesEveryColumn() {
    let store = RecordStore(records: [], parties: [])
    let own = Dictionary(
      Mirror(reflecting: store).children.compactMap { c in
        c.label.map { ($0, "\(c.value)") }
      },
      uniquingKeysWith: { a, _ in a })
    for c in Mirror(reflecting: store.columns).children {
      guard let label = c.label, label != "held" else { continue }
      XCTAssertEqual("\(c.value)", own[label], label)
    }
  }
}
