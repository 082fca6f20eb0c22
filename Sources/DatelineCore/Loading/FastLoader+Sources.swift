import Foundation

/// One source item after the scan: its fields, or the reference decoder's node.
struct SourceScanResult: @unchecked Sendable {
  var file: Int
  var index: Int
  var scan: SourceItemScan?
  var node: JSONNode?
  var mapped: FileBytes
  var range: Range<Int>
  /// The scanned source's id, decoded while its bytes were read (a sources envelope
  /// read as it is scanned hands them back before the source phase).
  var id = ""

  /// Neither the fast scan nor the parser read the item: it is not valid JSON (or too
  /// deep), so the envelope around it must be scanned with its strings checked.
  var unreadable: Bool { scan == nil && node == nil }

  static func scan(_ f: FileBytes, file: Int, index: Int, range: Range<Int>)
    -> SourceScanResult
  {
    let bytes = UnsafeRawBufferPointer(rebasing: f.bytes[range])
    if let s = SourceItemScan.scan(bytes, depthBase: 2) {
      let id = String(
        decoding: UnsafeRawBufferPointer(
          rebasing: bytes[s.id.start..<(s.id.start + s.id.rawCount)]),
        as: UTF8.self)
      return SourceScanResult(
        file: file, index: index, scan: s, node: nil, mapped: f, range: range,
        id: id)
    }
    let node = try? JSONParser.parse(bytes, depthLimit: 62)
    return SourceScanResult(
      file: file, index: index, scan: nil, node: node, mapped: f, range: range)
  }
}

/// The loaded sources and how the record phase finds them.
struct SourceTable {
  var list: [Source] = []
  /// Loaded source ids (copies) to indexes into `list`.
  var table = ByteKeyTable(capacity: 16)
  var keys: [ByteRef] = []
  var seen: Set<String> = []
  let arena = ByteArena()

  func find(_ r: ByteRef) -> Int? {
    table.find(r) { keys[Int($0)] }.map(Int.init)
  }

  /// Source id to source, for the reference checks of records with a problem.
  func byID() -> [Source.ID: Source] {
    var d: [Source.ID: Source] = [:]
    for s in list { d[s.id] = s }
    return d
  }
}

extension FastLoader {
  /// A source item in file order: fast-scanned, or an envelope item the reference read.
  enum SourceEntry {
    case scanned(SourceScanResult)
    case raw(CorpusLoader.RawItem)
  }

  /// One source item decoded: where it is, its source (and `text_path`) when it
  /// decoded, its raw id, and the problems found.
  struct DecodedSource {
    var item: CorpusLoader.RawItem
    var value: (Source, String?)?
    var rawID: String?
    var reader = ItemReader()
  }

  /// Sources as `LoadState.finish` loads them: first of each id wins, `text_path` read.
  ///
  /// Guarantees: the same sources, issues (in item order) and left-out count as the
  /// reference's `finishSources` for the same items.
  mutating func sourcePhase(_ scanned: consuming [SourceScanResult])
    -> SourceTable
  {
    // Items in file order: fast-scanned ones and those of envelopes the reference read.
    var entries: [(Int, Int, SourceEntry)] = scanned.map {
      ($0.file, $0.index, .scanned($0))
    }
    scanned = []
    for item in state.raw[.sources] ?? [] {
      entries.append((item.file, item.ordinal, .raw(item)))
    }
    entries.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    var firstAt: [String: CorpusLoader.RawItem] = [:]
    var loaded: [(CorpusLoader.RawItem, Source, String?)] = []
    for (fi, index, entry) in entries {
      var d = decodeSource(entry, file: fi, index: index)
      if let rawID = d.rawID {
        if let first = firstAt[rawID] {
          d.reader.error(
            "$.id",
            "duplicate id \(quoted(rawID)) (first in \(state.location(first)))")
        } else {
          firstAt[rawID] = d.item
        }
      }
      state.report(d.item, d.reader.problems)
      if let value = d.value, !d.reader.hasError {
        loaded.append((d.item, value.0, value.1))
      } else {
        state.leftOut += 1
      }
    }
    return sourceTable(loaded, seen: Set(firstAt.keys))
  }

  /// One source entry decoded: a scanned one from its fields (its text left where it
  /// lies in the file, as a `SourceText` origin), any other by `ItemDecoding.source`.
  ///
  /// Guarantees: the same source and problems as the reference's decoding of the item.
  func decodeSource(_ entry: SourceEntry, file fi: Int, index: Int)
    -> DecodedSource
  {
    switch entry {
    case .raw(let raw):
      var d = DecodedSource(item: raw, rawID: LoadState.idOf(raw.node))
      d.value = ItemDecoding.source(raw.node, &d.reader).map {
        ($0.source, $0.textPath)
      }
      return d
    case .scanned(let s):
      guard let scan = s.scan else {
        let node = s.node ?? JSONNode(.null, offset: 0)
        let rawID = LoadState.idOf(node)
        var d = DecodedSource(
          item: .init(
            file: fi, ordinal: index, place: .item(index: index, id: rawID),
            node: node),
          rawID: rawID)
        d.value = ItemDecoding.source(node, &d.reader).map {
          ($0.source, $0.textPath)
        }
        return d
      }
      let id = s.id
      let item = CorpusLoader.RawItem(
        file: fi, ordinal: index, place: .item(index: index, id: id),
        node: JSONNode(.null, offset: 0))
      let textStart = s.range.lowerBound + scan.text.start
      let body = textStart..<(textStart + scan.text.rawCount)
      let origin: SourceText.Origin =
        scan.verbatim
        ? .verbatim(s.mapped, body)
        : scan.text.nfcStable
          ? .escaped(s.mapped, body)
          : .literal(s.mapped, (textStart - 1)..<(body.upperBound + 1))
      var source = Source(
        id: Source.ID(id), outlet: scan.outlet, title: scan.title,
        url: scan.url, published: scan.published,
        publishedInferred: scan.publishedInferred, updated: scan.updated,
        via: scan.via, text: "")
      source.textStorage = SourceText(origin)
      return DecodedSource(item: item, value: (source, nil), rawID: id)
    }
  }

  /// The loaded sources' table: each `text_path` file read (a source whose file cannot
  /// be read is left out with its error), ids copied into the table's arena.
  ///
  /// Guarantees: `list` in item order; `find` answers every loaded id; `seen` holds
  /// every id seen, left out or not.
  mutating func sourceTable(
    _ loaded: [(CorpusLoader.RawItem, Source, String?)], seen: Set<String>
  ) -> SourceTable {
    var out = SourceTable()
    out.seen = seen
    for (item, s, textPath) in loaded {
      var source = s
      if let path = textPath {
        switch TextPathReader.read(path, in: directory) {
        case .success:
          source.textStorage = SourceText(
            .file(path: path, directory: directory))
        case .failure(let problem):
          state.report(
            item,
            [
              .init(
                severity: .error, path: "$.text_path", message: problem.message)
            ])
          state.leftOut += 1
          out.seen.insert(source.id.rawValue)
          continue
        }
      }
      let (p, n) = out.arena.copy(source.id.rawValue)
      out.keys.append(ByteRef(p, n))
      out.list.append(source)
    }
    let keys = out.keys
    var table = ByteKeyTable(capacity: keys.count)
    for (i, k) in keys.enumerated() {
      _ = table.insert(k, value: Int32(i)) { keys[Int($0)] }
    }
    out.table = table
    return out
  }
}
