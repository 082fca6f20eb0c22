import DatelineSynth
import Foundation
import XCTest

@testable import DatelineCore

/// Directories the loader tests write and open: one set of helpers for every test class
/// (each class's directories are named for it, so classes never share one).
extension XCTestCase {
  /// A new empty directory, removed when the test ends.
  func temporaryDirectory(_ name: String) throws -> String {
    let dir =
      NSTemporaryDirectory() + "dateline-\(type(of: self))-\(getpid())/" + name
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(
      atPath: dir, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    return dir
  }

  /// A generated corpus (dateline-synth) in a new temporary directory.
  func synth(
    records: Int, seed: UInt64, corruption: Double, recordsPerSource: Int = 20
  ) throws -> String {
    let dir = try temporaryDirectory("synth-\(seed)-\(corruption)")
    try CorpusSynth.write(
      to: dir,
      options: .init(
        records: records, seed: seed, corruption: corruption,
        recordsPerSource: recordsPerSource))
    return dir
  }

  /// The first pass's provisional opening of `dir` (the test fails when it declines).
  func firstPass(_ dir: String, _ settings: FirstPass.Settings) throws
    -> FirstPass.Outcome
  {
    guard
      case .provisional(let outcome)? = try CorpusLoader.openProvisionally(
        directory: dir, firstPass: settings)
    else {
      XCTFail("the first pass declined \(dir)")
      throw CocoaError(.fileReadUnknown)
    }
    XCTAssertTrue(outcome.corpus.isProvisional)
    return outcome
  }
}
