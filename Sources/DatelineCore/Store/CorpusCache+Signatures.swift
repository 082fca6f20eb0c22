import Foundation

/// The search signatures (SearchSignatures) of a cached corpus, in a file beside its cache
/// file (`<cache>.search`) with the same key.
///
/// Why a second file: the cache is written before the signatures exist (they are built
/// in the background after the first screen); written here once built, they let the next
/// open of unchanged data search at once instead of building them again (half a second
/// of both cores at a million records). A file whose key is not the cache's is ignored.
extension CorpusCache {
  static let signatureMagic: UInt64 = 0x3147_4953_4C44_4C44  // "DLDLSIG1"

  static func signaturePath(_ cachePath: String) -> String { cachePath + ".search" }

  /// Writes `signatures` for the cache at `cachePath`, made from exactly `key`.
  static func writeSignatures(_ signatures: SearchSignatures, cachePath: String, key: [UInt8]) {
    let path = signaturePath(cachePath)
    guard case (var out, let temporary)? = begin(path, magic: signatureMagic, key: key) else { return }
    out.column(signatures.bits)
    end(&out, magic: signatureMagic, temporary: temporary, path: path)
  }

  /// The signatures beside the cache at `cachePath` for a corpus of `records` records made
  /// from `key`, mapped in place; nil when there are none or they are not for this corpus.
  static func readSignatures(cachePath: String, key: [UInt8], records: Int) -> SearchSignatures? {
    guard case (let file, var r)? = mapFile(signaturePath(cachePath), magic: signatureMagic, key: key) else { return nil }
    let bits = r.column(UInt64.self, owner: file)
    let runs = (records + SearchSignatures.runLength - 1) / SearchSignatures.runLength
    guard r.ok, bits.count == runs * SearchSignatures.wordsPerRun, r.u64() == signatureMagic else { return nil }
    return SearchSignatures(bits: bits)
  }
}
