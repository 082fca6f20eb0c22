import Foundation

/// What one thread's scan of a run of record items found, in item order.
///
/// Struct-of-arrays so a million records cost a few flat allocations. Clean items carry
/// their columns; the others carry the reference decoder's verdict (`fallbacks`).
struct RecordScanChunk {
  /// One non-blank line (or envelope item).
  struct Item {
    /// Absolute byte range of the item in its file.
    var start: Int
    var length: Int32
    /// Line number (`.jsonl`) or index in `items` (envelope).
    var ordinal: Int32
    var clean: Bool
    /// Needs the reference cross-item check (unknown party, claimant not involved).
    var checkByReference: Bool
    var precision: UInt8
    var time: Int16
    var firstDay: Int32
    var lastDay: Int32
    /// The id and the source id, copied to the chunk's arena.
    var id: ByteRef
    var source: ByteRef
    /// Ranges in `involved`, `quotes`, `links`.
    var involvedStart: UInt32
    var involvedCount: UInt16
    var linkCount: UInt16
    var quoteStart: UInt32
    var linkStart: UInt32
    var quoteCount: UInt8
    /// Facet columns: attribution basis (`Attribution.Basis.allCases` index, 3 without an
    /// attribution), distinct sources (`source` plus `also`, capped at 255), figures.
    var basis: UInt8 = 3
    var sourceCount: UInt8 = 1
    var figureCount: UInt8 = 0
    /// What the compact date label needs beyond the days (see `RecordStore.dateFlags`).
    var dateFlags: UInt8 = 0
  }

  /// A quote (or an `also` source without one) to check against its source's text.
  struct QuoteCheck {
    /// The item's index in this chunk.
    var item: Int32
    var source: ByteRef
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
  var involved: [UInt16] = []
  var quotes: [QuoteCheck] = []
  var extras: [QuoteExtra] = []
  var links: [Link] = []
  var arena: [UInt8] = []
  /// Ids copied out of the mapping (see ByteArena).
  let ids = ByteArena()
  var fallbacks: [Int: Fallback] = [:]

  /// Lists the item scan fills and empties for each item, kept to reuse their storage.
  struct Scratch {
    var also: [(ScannedString, RecordItemScan.QuoteText?)] = []
    var parties: [Int] = []
    var claimants: [Int?] = []
    var links: [(UInt8, UInt16, ScannedString)] = []

    /// Empties every list, keeping its storage.
    mutating func clear() {
      also.removeAll(keepingCapacity: true)
      parties.removeAll(keepingCapacity: true)
      claimants.removeAll(keepingCapacity: true)
      links.removeAll(keepingCapacity: true)
    }
  }
  var scratch = Scratch()

  /// Room for the items of `bytes` of lines (a record line is a few hundred bytes), so the
  /// columns do not grow by copying.
  mutating func reserve(bytes: Int) {
    let n = bytes / 256 + 16
    items.reserveCapacity(n)
    quotes.reserveCapacity(n)
    involved.reserveCapacity(n * 3)
    arena.reserveCapacity(bytes / 4)
  }
}
