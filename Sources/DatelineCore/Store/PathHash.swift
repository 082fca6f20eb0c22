/// A stable short name for a path: 16 hex digits of its 64-bit FNV-1a hash (Swift's
/// `Hasher` changes from run to run). Names the cache file of a data directory and, in the
/// CLI, its marks file.
public enum PathHash {
  public static func fnv1a(_ path: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in path.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// The hash as 16 hex digits, zero-padded.
  public static func hex(_ path: String) -> String {
    let hex = String(fnv1a(path), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
