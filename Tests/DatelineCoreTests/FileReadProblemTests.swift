import Foundation
import XCTest

@testable import DatelineCore

/// The messages of a data file that cannot be read. A permission error cannot be made for
/// root (CI), so its wording is pinned here, from the errno the loader would see.
final class FileReadProblemTests: XCTestCase {
  func testEachProblemSaysWhatToDo() {
    let table: [(FileReadProblem, String)] = [
      (.cannotOpen(EACCES), "cannot read the file (permission denied)"),
      (.cannotOpen(EPERM), "cannot read the file (permission denied)"),
      (
        .cannotOpen(ELOOP),
        "cannot open the file (Too many levels of symbolic links)"
      ),
      (.readFailed(EIO), "cannot read the file (Input/output error)"),
      (.notRegular("a FIFO"), "not a regular file (a FIFO); skipped"),
    ]
    for (problem, message) in table {
      XCTAssertEqual(problem.message, message)
    }
    XCTAssertEqual(FileReadProblem.type(S_IFIFO | 0o644), .notRegular("a FIFO"))
    XCTAssertNil(FileReadProblem.type(S_IFREG | 0o644))
  }
}
