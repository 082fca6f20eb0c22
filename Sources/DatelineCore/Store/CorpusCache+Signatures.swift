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
    let temporary = path + ".\(getpid()).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return }
    var out = CacheOut(fd: fd)
    out.buffer.u64(signatureMagic)
    out.buffer.i64(key.count)
    out.buffer.bytes.append(contentsOf: key)
    out.column(signatures.bits)
    out.buffer.u64(signatureMagic)
    out.flush()
    close(fd)
    if out.failed { unlink(temporary) } else { rename(temporary, path) }
  }

  /// The signatures beside the cache at `cachePath` for a corpus of `records` records made
  /// from `key`, mapped in place; nil when there are none or they are not for this corpus.
  static func readSignatures(cachePath: String, key: [UInt8], records: Int) -> SearchSignatures? {
    guard let file = MappedFile(path: signaturePath(cachePath)), let base = file.base else { return nil }
    var r = CacheIn(base: base, end: file.count)
    guard r.u64() == signatureMagic else { return nil }
    let keyCount = r.i64()
    guard r.ok, keyCount == key.count, r.pos + keyCount <= r.end,
      key.withUnsafeBytes({ memcmp($0.baseAddress!, base + r.pos, keyCount) }) == 0
    else { return nil }
    r.pos += keyCount
    let bits = r.column(UInt64.self, owner: file)
    let runs = (records + SearchSignatures.runLength - 1) / SearchSignatures.runLength
    guard r.ok, bits.count == runs * SearchSignatures.wordsPerRun, r.u64() == signatureMagic else { return nil }
    return SearchSignatures(bits: bits)
  }
}
