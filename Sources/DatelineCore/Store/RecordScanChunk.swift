import Foundation

/// What one thread's scan of a run of record items found, in item order.
///
/// Struct-of-arrays so a million records cost a few flat allocations. Clean items carry
/// their columns; the others carry the reference decoder's verdict (`fallbacks`).
struct RecordScanChunk {
  /// One non-blank line (or envelope item): what every step after the scan asks of it.
  /// What a first pass also reads (dates, parties) is apart, in `dates`, so that the
  /// browser's check can let it go once compared (`ProvisionalRows`).
  struct Item {
    /// Absolute byte range of the item in its file.
    var start: Int
    /// The id, copied to the chunk's arena.
    var id: ByteRef
    var length: Int32
    /// Line number (`.jsonl`) or index in `items` (envelope).
    var ordinal: Int32
    /// Links in `links` (they follow the items' order: an item's links start where the
    /// items before it end) and quote checks in `quotes` (the same).
    var linkCount: UInt16
    var quoteCount: UInt8
    var clean: Bool
    /// Needs the reference cross-item check (unknown party, claimant not involved).
    var checkByReference: Bool
    /// Facet columns: attribution basis (`Attribution.Basis.allCases` index, 3 without an
    /// attribution), distinct sources (`source` plus `also`, capped at 255), figures.
    var basis: UInt8 = 3
    var sourceCount: UInt8 = 1
    var figureCount: UInt8 = 0
  }

  /// An item's dates and its range in `involved` (zero for an item not clean).
  struct ItemDates {
    var firstDay: Int32
    var lastDay: Int32
    var involvedStart: UInt32
    var time: Int16
    var involvedCount: UInt16
    var precision: UInt8
    /// What the compact date label needs beyond the days (see `RecordStore.dateFlags`).
    var dateFlags: UInt8 = 0

    static let none = ItemDates(
      firstDay: 0, lastDay: 0, involvedStart: 0, time: -1, involvedCount: 0,
      precision: 0)
  }

  /// A quote (or an `also` source without one) to check against its source's text.
  struct QuoteCheck {
    /// The item's index in this chunk.
    var item: Int32
    /// The source id's index in the chunk's `sources`.
    var source: UInt32
    /// Normalized bytes in `arena`; length -1 when there is no quote (source check only).
    var needle: UInt32
    var needleLength: Int32
    /// Index in the chunk's `extras` of the quote's prefix, suffix and start, or -1.
    var extra: Int32 = -1
    /// No string of the quote had an escape in the JSON, so none holds a newline, tab,
    /// quote or backslash (they cannot be written raw there).
    var unescaped = false
  }

  /// What picks one occurrence of a quote (rare): prefix and suffix bytes in `arena`
  /// (length -1 when absent) and `start` (-1 when absent).
  struct QuoteExtra {
    var prefix: Int = 0
    var prefixLength: Int32 = -1
    var suffix: Int = 0
    var suffixLength: Int32 = -1
    var startScalar: Int = -1
  }

  /// A `related` / `disputes` / `revises` entry.
  struct Link {
    var item: Int32
    var kind: UInt8
    var index: UInt16
    var id: ByteRef
  }

  /// The reference decoder's result for an item the scan gave up on.
  struct Fallback {
    var problems: [ItemReader.Problem]
    var record: Record?
    var rawID: String?
    /// `rawID` in the arena, for the duplicate check.
    var rawIDRef: ByteRef?
    /// The line is not valid JSON: the issue to report (not an item).
    var syntaxIssue: LoadIssue?
  }

  var items: [Item] = []
  /// Item `l`'s dates and parties (empty once a first pass's rows vouch for them:
  /// `ProvisionalRows.compare`; `ProvisionalRows.restoring` fills them again).
  var dates: [ItemDates] = []
  var involved: [UInt16] = []
  var quotes: [QuoteCheck] = []
  var extras: [QuoteExtra] = []
  var links: [Link] = []
  var arena: [UInt8] = []
  /// Ids copied out of the mapping (see ByteArena).
  let ids = ByteArena()
  /// Item `l`'s source id: its index in `sources` (0 for an item not clean). Only the
  /// quote checks ask for it: it moves into the quote box and goes with them.
  var itemSources: [UInt32] = []
  /// The source ids the items and quote checks name, each copied once while it recurs
  /// (`sourceIndex`): a million records name fifty thousand sources. Their bytes are in
  /// `sourceBytes`, which goes with the quote checks too (16 bytes a record here).
  var sources: [ByteRef] = []
  /// A `var`, so that boxing the quotes (`ScannedChunk.boxingQuotes`) can hand this
  /// arena to the box and leave the chunk none of it: a `let` kept every chunk's source
  /// id bytes alive until the store was built, after the quote checks had freed theirs.
  var sourceBytes = ByteArena()
  /// Where each recently named source id is in `sources`, by its hash (-1: none).
  var recentSources = [Int32](repeating: -1, count: 1024)
  var fallbacks: [Int: Fallback] = [:]
  /// The C record walk's struct, filled again for each item.
  let walk = RecordWalkSpace()

  /// Lists the item scan fills and empties for each item, kept to reuse their storage.
  struct Scratch {
    var also: [(ScannedString, RecordItemScan.QuoteText?)] = []
    var parties: [Int] = []
    var claimants: [Int?] = []
    var links: [(UInt8, UInt16, ScannedString)] = []

    /// Empties every list, keeping its storage (an empty one is left alone: most records
    /// have no `also` or links, and each removal asks whether the storage is shared).
    mutating func clear() {
      if !also.isEmpty { also.removeAll(keepingCapacity: true) }
      if !parties.isEmpty { parties.removeAll(keepingCapacity: true) }
      if !claimants.isEmpty { claimants.removeAll(keepingCapacity: true) }
      if !links.isEmpty { links.removeAll(keepingCapacity: true) }
    }
  }
  var scratch = Scratch()

  /// Room for the items of `bytes` of lines (a record line is a few hundred bytes), so the
  /// columns do not grow by copying.
  mutating func reserve(bytes: Int) {
    let n = bytes / 256 + 16
    items.reserveCapacity(n)
    dates.reserveCapacity(n)
    itemSources.reserveCapacity(n)
    quotes.reserveCapacity(n)
    involved.reserveCapacity(n * 3)
    arena.reserveCapacity(bytes / 4)
  }

  /// Items, dates and involved copied to their size once the chunk is scanned: `reserve`
  /// guesses 256-byte lines, so a corpus of longer lines leaves most of each list's
  /// storage unused while every chunk of a quote group is held. Landed with the smaller
  /// items (88fbea0) and not measured apart from them.
  mutating func releaseSlack() {
    if items.capacity > items.count + items.count / 8 + 16 {
      items = items.withUnsafeBufferPointer { Array($0) }
    }
    if dates.capacity > dates.count + dates.count / 8 + 16 {
      dates = dates.withUnsafeBufferPointer { Array($0) }
    }
    if involved.capacity > involved.count + involved.count / 8 + 16 {
      involved = involved.withUnsafeBufferPointer { Array($0) }
    }
  }
}

extension RecordScanChunk {
  /// The index in `sources` of the source id at `p` (`count` bytes): the one already
  /// there when it was named recently (records of one article follow each other), else a
  /// new copy. A repeated copy of an id named long ago costs only memory.
  mutating func sourceIndex(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt32 {
    let hash = ByteKeyTable.hash(p, count)
    let slot = Int(hash & UInt32(recentSources.count - 1))
    let known = Int(recentSources[slot])
    if known >= 0, sources[known].count == count,
      memcmp(sources[known].pointer, p, count) == 0
    {
      return UInt32(known)
    }
    sources.append(ByteRef(sourceBytes.copy(p, count), count, hash: hash))
    recentSources[slot] = Int32(sources.count - 1)
    return UInt32(sources.count - 1)
  }
}
