import Foundation
import XCTest

@testable import DatelineCore

/// What the cache tests ask of the cache a corpus has under these settings: where it
/// is, and its section table once its header checks out. One place, so every attack
/// test reads the file the loader itself would pick.
extension LoadSettings {
  /// The cache file of the corpus in `directory` (the settings must name a cache).
  func cacheLocation(of directory: String) throws -> CorpusCache.Location {
    try XCTUnwrap(
      CorpusCache.locate(
        directory, files: try CorpusLoader.dataFiles(in: directory),
        settings: try XCTUnwrap(cache)))
  }

  /// The section table of `bytes`, a cache of the corpus in `directory`, after
  /// `CacheFile.checkHeader` accepted its header.
  func cacheEntries(_ bytes: [UInt8], of directory: String) throws
    -> [CacheFile.Entry]
  {
    let location = try cacheLocation(of: directory)
    return try CacheFile.checkHeader(
      bytes.withUnsafeBytes { $0 }, fileSize: bytes.count,
      magic: CacheLayout.magic, key: location.key
    ).0
  }
}
