import XCTest

@testable import DatelineCore

/// A column over bytes it does not own (a cache's) reads them and never writes them:
/// it has no writable address, and a copy owns its memory.
final class ColumnTests: XCTestCase {
  func testAViewReadsItsBytesAndACopyOfItIsWrittenAlone() {
    let owned = Column<Int32>([3, 1, 4, 1, 5])
    var view = Column<Int32>(
      viewing: UnsafeRawPointer(owned.values), count: owned.count,
      owner: owned.storage)
    XCTAssertEqual(Array(view), [3, 1, 4, 1, 5])
    XCTAssertFalse(view.isSoleOwner(), "a view owns none of its bytes")
    XCTAssertNil(view.storage.writable, "nor any writable address")

    var copy = view.copied()
    XCTAssertTrue(copy.isSoleOwner())
    copy.base[0] = 9
    XCTAssertEqual(Array(copy), [9, 1, 4, 1, 5])
    XCTAssertEqual(Array(view), [3, 1, 4, 1, 5], "the viewed bytes stay")
    XCTAssertEqual(Array(owned), [3, 1, 4, 1, 5])
  }

  func testCopiesOfAColumnShareItsMemoryUntilOneIsCopied() {
    var a = Column<UInt8>([1, 2, 3])
    XCTAssertTrue(a.isSoleOwner())
    let b = a
    XCTAssertFalse(a.isSoleOwner(), "b shares a's memory")
    withExtendedLifetime(b) {}
  }
}
