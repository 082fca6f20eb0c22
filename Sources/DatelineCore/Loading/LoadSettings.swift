/// What a load may be told from outside: Core reads no environment, the CLI reads it once
/// (and the config) and passes this in; tests pass their own.
public struct LoadSettings: Sendable {
  /// The re-open cache (CorpusCache), or nil for none.
  public var cache: CacheSettings?
  /// The unit `.jsonl` files are cut into for the cores (at least 64 bytes; tests cut
  /// small corpora into many pieces with a small one).
  public var chunkBytes: Int
  /// Where the phase times of the load (and of the cache write and search build after it)
  /// go, for the CLI to print; nil: not timed.
  public var timings: LoadTimings?
  /// `.jsonl` files are read piece by piece as the cores scan them and each piece handed
  /// back once scanned; what is read later (a record shown, a line listed) is read again
  /// from the file, after a check that it is still the file that was opened. Peak memory
  /// then holds the columns, not the files. Off: each file is read whole and kept.
  public var windowedReads: Bool
  /// With `windowedReads`: the checksums of every piece read are kept (FileDigest, 40
  /// bytes a megabyte), so that lines appended later can be read alone after the loaded
  /// bytes were compared with the file by checksum (`AppendBase`; the browser).
  public var digestedReads: Bool
  /// A re-open from the cache reads and checks the rows' columns and the id tables a
  /// block at a time as they are used, and the search signatures when the search is
  /// prepared (the browser: its first screen needs a few rows). Off: everything is read
  /// and checked before the load returns, so that a bad block is refused before any
  /// output (the headless commands).
  public var lazyCacheReads: Bool
  /// The record pieces are scanned in this many groups, each group's quotes checked and
  /// their normalized bytes freed before the next is scanned: peak memory holds one
  /// group's quote data, not all of it, and every cited text is read and searched once
  /// per group (the browser's background check, beside its first screen's store).
  public var quotePasses = 1
  /// With `quotePasses` > 1: each group's record bytes over the group's before. The load
  /// holds the items of every group so far beside the current group's quote data, so
  /// later groups, scanned beside more items, are given fewer quotes (1: equal groups).
  public var quoteGroupShrink = defaultQuoteGroupShrink
  /// 0.7: the browser's 1M first open through its check peaked lowest there among 0.5,
  /// 0.65, 0.7, 0.8 and 1 (228-230 MB against 240 at 0.5 and 233 at 1).
  public static let defaultQuoteGroupShrink = 0.7
  /// The browser's first pass shown while this load checks the files: the checked store
  /// is built on it (its rows, order, ids and parties kept, the failed rows dropped)
  /// rather than beside it, when every row is found as the check read it.
  public var provisional: ProvisionalStore?

  public static let defaultChunkBytes = 1 << 20

  public init(
    cache: CacheSettings? = nil, chunkBytes: Int = defaultChunkBytes,
    timings: LoadTimings? = nil,
    windowedReads: Bool = false, digestedReads: Bool = false,
    lazyCacheReads: Bool = false
  ) {
    self.cache = cache
    self.chunkBytes = chunkBytes
    self.timings = timings
    self.windowedReads = windowedReads
    self.digestedReads = digestedReads
    self.lazyCacheReads = lazyCacheReads
  }
}
