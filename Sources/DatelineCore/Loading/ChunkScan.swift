import Foundation

/// A scanned run of record items from one file, in order.
struct ScannedChunk: @unchecked Sendable {
  var file: Int
  var data: RecordScanChunk
  /// For `.jsonl` runs: lines consumed (blank ones too), so ordinals (1-based within the
  /// run) become file line numbers once the runs before are counted.
  var lineCount: Int
  var isLines: Bool
  /// Depth outside each item (2 for envelope items), for decoding it again later; -1
  /// for items the reference reader decoded from a tree (held as `Record`s).
  var depthBase: Int
  /// The mapped file's first byte (items' `start` counts from here).
  var base: UnsafeRawPointer? = nil
  /// The quote checks and their normalized bytes, moved out of `data` after the scan so
  /// the record phase can free them once the quotes are checked (every copy of this
  /// struct shares the box).
  var quoteBox = QuoteBox()
  /// The browser's check after a first pass: the piece of lines this chunk is, among
  /// the first pass's rows (`ProvisionalRows`); -1 for none.
  var provisionalPiece = -1
  /// `data.dates` and `data.involved` were let go of: every clean item agreed with its
  /// one row, which holds them (`ProvisionalRows.restoring` reads them back).
  var datesFromRows = false

  /// Moves `data`'s quotes and the source ids they and the items name into the box.
  consuming func boxingQuotes() -> ScannedChunk {
    quoteBox = QuoteBox(
      quotes: data.quotes, extras: data.extras, arena: data.arena,
      sources: data.sources)
    quoteBox.itemSources = data.itemSources
    quoteBox.sourceBytes = data.sourceBytes
    data.quotes = []
    data.extras = []
    data.arena = []
    data.sources = []
    data.sourceBytes = ByteArena()
    data.itemSources = []
    return self
  }
}

/// A chunk's quote checks, the arena of their normalized bytes, and the source ids its
/// items and checks name (`RecordScanChunk.sources`; only the quote checks ask for them).
final class QuoteBox: @unchecked Sendable {
  var quotes: [RecordScanChunk.QuoteCheck]
  var extras: [RecordScanChunk.QuoteExtra]
  var arena: [UInt8]
  var sources: [ByteRef]
  /// Each item's source (`RecordScanChunk.itemSources`) and the bytes of `sources`.
  var itemSources: [UInt32] = []
  var sourceBytes: ByteArena?
  /// Where each bucket's checks begin once laid out by bucket (`bucket`); empty before.
  var starts: [Int32] = []
  /// Once the quotes are checked (`FastLoader.checkQuotes`): the items, by index in the
  /// chunk, that need the reference's check.
  private(set) var referenceItems: [Int32] = []
  /// Whether the quotes were checked and their data freed.
  private(set) var checked = false

  init(
    quotes: [RecordScanChunk.QuoteCheck] = [],
    extras: [RecordScanChunk.QuoteExtra] = [], arena: [UInt8] = [],
    sources: [ByteRef] = []
  ) {
    self.quotes = quotes
    self.extras = extras
    self.arena = arena
    self.sources = sources
  }

  /// Frees the quote data and the source ids once checked, keeping the items that need
  /// the reference's check.
  func free(referenceItems items: [Int32]) {
    quotes = []
    extras = []
    arena = []
    starts = []
    sources = []
    itemSources = []
    sourceBytes = nil
    referenceItems = items
    checked = true
  }
}

/// Scans record items on one thread: the fast scan, else the reference decoder.
enum ChunkScan {
  /// Scans the lines of `piece`, which holds the file's bytes from offset `offset` (in
  /// the file's region, or in a block of the scan's own): items keep file offsets, and
  /// `base` (the region) is where they are read again.
  static func lines(
    _ piece: UnsafeRawBufferPointer, at offset: Int, file: Int,
    base region: UnsafeRawPointer?, parties: PartyLookup
  ) -> ScannedChunk {
    var scan = LineScan(parties: parties, bytes: piece.count)
    scan.add(piece, at: offset)
    return scan.finish(file: file, base: region)
  }

  static func items(
    _ f: FileBytes, file: Int, items: [Range<Int>], parties: PartyLookup
  ) -> ScannedChunk {
    let view = parties.view
    var chunk = RecordScanChunk()
    let base = f.bytes.start
    for (i, r) in items.enumerated() {
      let bytes = UnsafeRawBufferPointer(
        start: base + r.lowerBound, count: r.count)
      if !RecordItemScan.scan(
        bytes, offset: r.lowerBound, depthBase: 2, ordinal: Int32(i),
        parties: view, into: &chunk)
      {
        fallback(
          bytes, offset: r.lowerBound, ordinal: Int32(i), depthLimit: 62,
          into: &chunk)
      }
    }
    return ScannedChunk(
      file: file, data: chunk, lineCount: 0, isLines: false, depthBase: 2,
      base: f.base
    )
    .boxingQuotes()
  }

  /// The reference decoder's verdict on an item the fast scan gave up on.
  static func fallback(
    _ bytes: UnsafeRawBufferPointer, offset: Int, ordinal: Int32,
    depthLimit: Int, into chunk: inout RecordScanChunk
  ) {
    let index = chunk.items.count
    chunk.items.append(
      .init(
        start: offset, id: ByteRef(chunk.ids.copy(EmptyBytes.bytes, 0), 0),
        length: Int32(bytes.count), ordinal: ordinal, linkCount: 0,
        quoteCount: 0, clean: false, checkByReference: true))
    chunk.dates.append(.none)
    chunk.itemSources.append(0)
    do {
      let node = try JSONParser.parse(bytes, depthLimit: depthLimit)
      var r = ItemReader()
      let record = ItemDecoding.record(node, &r)
      let raw = LoadState.idOf(node)
      var fb = RecordScanChunk.Fallback(
        problems: r.problems, record: record, rawID: raw, syntaxIssue: nil)
      if let raw {
        let (p, n) = chunk.ids.copy(raw)
        fb.rawIDRef = ByteRef(p, n)
      }
      chunk.fallbacks[index] = fb
    } catch {
      let (_, column) = lineAndColumn(of: error.offset, in: bytes)
      chunk.fallbacks[index] = .init(
        problems: [], record: nil, rawID: nil,
        syntaxIssue: LoadIssue(
          .error, file: "", place: .position(line: 0, column: column),
          message: "invalid JSON: \(error.message)"))
    }
  }
}

/// The lines of one piece of a `.jsonl` file scanned into one chunk as its bytes come,
/// a run of whole lines at a time (`FastLoader.scanLines` reads a piece in windows):
/// the same items, ordinals and line count as one call over the whole piece.
struct LineScan {
  private let view: PartyLookup.View
  private var chunk = RecordScanChunk()
  /// Lines seen so far (blank ones too): the next line's ordinal is `line + 1`.
  private var line: Int32 = 0

  /// `bytes`: the piece's size, for the chunk's first capacity.
  init(parties: PartyLookup, bytes: Int) {
    view = parties.view
    chunk.reserve(bytes: bytes)
  }

  /// Scans the lines of `piece`, the file's bytes from offset `offset`: each run but
  /// the piece's last must end with a newline (a line is scanned where it ends).
  mutating func add(_ piece: UnsafeRawBufferPointer, at offset: Int) {
    let base = piece.start
    var start = 0
    while start < piece.count {
      var end = piece.count
      if let p = memchr(base + start, 0x0A, piece.count - start) {
        end = base.distance(to: UnsafeRawPointer(p))
      }
      line += 1
      var lineEnd = end
      if lineEnd > start
        && base.load(fromByteOffset: lineEnd - 1, as: UInt8.self) == 0x0D
      {
        lineEnd -= 1
      }
      let bytes = UnsafeRawBufferPointer(
        start: base + start, count: lineEnd - start)
      if bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
        if !RecordItemScan.scan(
          bytes, offset: offset + start, depthBase: 0, ordinal: line,
          parties: view, into: &chunk)
        {
          ChunkScan.fallback(
            bytes, offset: offset + start, ordinal: line, depthLimit: 64,
            into: &chunk)
        }
      }
      start = end + 1
    }
  }

  /// The chunk of the lines scanned, its quotes boxed (`base`: the file's region).
  consuming func finish(file: Int, base region: UnsafeRawPointer?)
    -> ScannedChunk
  {
    chunk.releaseSlack()
    return ScannedChunk(
      file: file, data: chunk, lineCount: Int(line), isLines: true,
      depthBase: 0, base: region
    )
    .boxingQuotes()
  }
}
