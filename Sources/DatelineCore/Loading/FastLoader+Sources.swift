import Foundation

/// One source item after the scan: its fields, or the reference decoder's node.
struct SourceScanResult: @unchecked Sendable {
  var file: Int
  var index: Int
  var scan: SourceItemScan?
  var node: JSONNode?
  var mapped: FileBytes
  var range: Range<Int>

  static func scan(_ f: FileBytes, file: Int, index: Int, range: Range<Int>)
    -> SourceScanResult
  {
    let bytes = UnsafeRawBufferPointer(rebasing: f.bytes[range])
    if let s = SourceItemScan.scan(bytes, depthBase: 2) {
      return SourceScanResult(
        file: file, index: index, scan: s, node: nil, mapped: f, range: range)
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
  /// Sources as `LoadState.finish` loads them: first of each id wins, `text_path` read.
  mutating func sourcePhase(_ scanned: [SourceScanResult]) -> SourceTable {
    // Items in file order: fast-scanned ones and those of envelopes the reference read.
    enum Entry {
      case scanned(SourceScanResult)
      case raw(CorpusLoader.RawItem)
    }
    var entries: [(Int, Int, Entry)] = scanned.map {
      ($0.file, $0.index, .scanned($0))
    }
    for item in state.raw[.sources] ?? [] {
      entries.append((item.file, item.ordinal, .raw(item)))
    }
    entries.sort { ($0.0, $0.1) < ($1.0, $1.1) }

    var firstAt: [String: CorpusLoader.RawItem] = [:]
    var loaded: [(CorpusLoader.RawItem, Source, String?)] = []
    for (fi, index, entry) in entries {
      var r = ItemReader()
      var value: (Source, String?)?
      var rawID: String?
      var item: CorpusLoader.RawItem
      switch entry {
      case .raw(let raw):
        item = raw
        value = ItemDecoding.source(raw.node, &r).map {
          ($0.source, $0.textPath)
        }
        rawID = LoadState.idOf(raw.node)
      case .scanned(let s):
        if let scan = s.scan {
          let id = String(
            decoding: UnsafeBufferPointer(
              start: s.mapped.base!.assumingMemoryBound(to: UInt8.self)
                + s.range.lowerBound + scan.id.start,
              count: scan.id.rawCount), as: UTF8.self)
          rawID = id
          item = .init(
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
          value = (source, nil)
        } else {
          let node = s.node ?? JSONNode(.null, offset: 0)
          rawID = LoadState.idOf(node)
          item = .init(
            file: fi, ordinal: index, place: .item(index: index, id: rawID),
            node: node)
          value = ItemDecoding.source(node, &r).map { ($0.source, $0.textPath) }
        }
      }
      if let rawID {
        if let first = firstAt[rawID] {
          r.error(
            "$.id",
            "duplicate id \(quoted(rawID)) (first in \(state.location(first)))")
        } else {
          firstAt[rawID] = item
        }
      }
      state.report(item, r.problems)
      if let value, !r.hasError {
        loaded.append((item, value.0, value.1))
      } else {
        state.leftOut += 1
      }
    }
    var out = SourceTable()
    out.seen = Set(firstAt.keys)
    out.table = ByteKeyTable(capacity: loaded.count)
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
