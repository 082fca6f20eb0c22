import Foundation

/// The search signatures (SearchSignatures) of a cached corpus, in a file beside its cache
/// file (`<cache>.search`), in the same container (CacheFile: header, key, checksums).
///
/// Why a second file: the cache is written before the signatures exist (they are built
/// in the background after the first screen); written here once built, they let the next
/// open of unchanged data search at once instead of building them again (half a second
/// of both cores at a million records). A file whose key is not the cache's, or whose
/// checksum fails (a zeroed file would make every search find nothing), is ignored.
extension CorpusCache {
  static let signatureMagic: UInt64 = 0x3453_4E47_4953_4C44  // "DLSIGNS4"
  static let signatureSection: UInt32 = 1

  static func signaturePath(_ cachePath: String) -> String {
    cachePath + ".search"
  }

  /// Writes `signatures` for the cache at `location`; returns a warning when it could not.
  static func writeSignatures(
    _ signatures: SearchSignatures, at location: Location
  ) -> String? {
    let bits = signatures.bits
    let section = CacheFile.Section(
      id: signatureSection, element: .uint64, count: bits.count,
      bytes: UnsafeRawBufferPointer(start: bits.values, count: bits.count * 8))
    let failure: String? = withExtendedLifetime(bits) { () -> String? in
      do {
        try CacheFile.write(
          signaturePath(location.path), magic: signatureMagic,
          key: location.key, sections: [section],
          shift: location.settings.blockShift)
        return nil
      } catch {
        return "\(error)"
      }
    }
    return failure.map { "search signatures not written: \($0)" }
  }

  /// The signatures beside the cache at `location` for a corpus of `records` records,
  /// mapped in place; throws when there are none or they are not for this corpus.
  static func readSignatures(at location: Location, records: Int)
    throws(CacheFile.Rejection) -> SearchSignatures
  {
    let runs =
      (records + SearchSignatures.runLength - 1) / SearchSignatures.runLength
    let words = runs * SearchSignatures.wordsPerRun
    let mapping = try CacheFile.open(
      signaturePath(location.path), magic: signatureMagic, key: location.key,
      maximumBytes: 4096 + CacheFile.tableEntryBytes + location.key.count
        + words * 16)
    let bits = try mapping.column(signatureSection, UInt64.self)
    guard bits.count == words else {
      throw .init(reason: "search signatures for another corpus")
    }
    return SearchSignatures(bits: bits)
  }
}
