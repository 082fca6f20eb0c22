import Foundation

/// Reading the `meta` section and checking the column values: nothing read from a cache
/// file is used before it is known to be in range.
extension CorpusCache {
  /// The `meta` section (see `encodeMeta`), with every count bounded by the bytes left,
  /// every file index inside the load's `fileCount` files, and links inside the records.
  static func readMeta(_ r: inout ByteReader, fileCount: Int) throws(CacheFile
    .Rejection) -> CacheMeta
  {
    var meta = CacheMeta()
    meta.files = r.int()
    meta.failedFiles = r.int()
    meta.leftOut = r.int()
    meta.issues = readIssues(&r)
    meta.parties = try readParties(&r)
    meta.sources = try readSources(&r, fileCount: fileCount)
    let recordFiles = r.count(unit: 8)
    for _ in 0..<recordFiles {
      let k = r.int()
      guard r.ok, k >= 0, k < fileCount else {
        throw .init(reason: "a record file is out of range")
      }
      meta.recordFiles.append(k)
    }
    var links: [[Int: [Int]]] = []
    for _ in 0..<2 { links.append(readLinks(&r)) }
    meta.records = r.int()
    let tables = r.count(unit: 8)
    for _ in 0..<tables { meta.tableCounts.append(r.int()) }
    guard r.ok, r.remaining == 0, (1...2).contains(tables) else {
      throw .init(reason: "bad meta section")
    }
    guard meta.files == fileCount, (0...fileCount).contains(meta.failedFiles),
      meta.leftOut >= 0
    else {
      throw .init(reason: "wrong file counts")
    }
    guard meta.records >= 0, meta.records < Int(Int32.max),
      meta.recordFiles.count < Int(UInt16.max)
    else {
      throw .init(reason: "too many records")
    }
    for map in links {
      for (k, list) in map
      where k < 0 || k >= meta.records
        || list.contains(where: { $0 < 0 || $0 >= meta.records })
      {
        throw .init(reason: "a link is out of range")
      }
    }
    meta.disputedBy = links[0]
    meta.revisedBy = links[1]
    return meta
  }

  static func readIssues(_ r: inout ByteReader) -> [LoadIssue] {
    var issues: [LoadIssue] = []
    let n = r.count(unit: 40)
    issues.reserveCapacity(n)
    for _ in 0..<n {
      let severity: LoadIssue.Severity = r.bool() ? .error : .warning
      let file = r.string()
      let place: LoadIssue.Place
      switch r.u64() {
      case 0: place = .file
      case 1: place = .position(line: r.int(), column: r.int())
      case 2: place = .item(index: r.int(), id: r.optional())
      case 3: place = .line(r.int(), id: r.optional())
      default:
        r.fail()
        return []
      }
      let path = r.optional()
      let message = r.string()
      guard r.ok else { return [] }
      issues.append(
        LoadIssue(
          severity, file: file, place: place, path: path, message: message))
    }
    return issues
  }

  /// Parties; each parent must be a party of the list, and following parents must end
  /// (a cycle would make the tree walks loop).
  static func readParties(_ r: inout ByteReader) throws(CacheFile.Rejection)
    -> [Party]
  {
    var parties: [Party] = []
    let n = r.count(unit: 64)
    guard n <= Int(UInt16.max) + 1 else {
      throw .init(reason: "too many parties")
    }
    for _ in 0..<n {
      let id = r.string()
      let name = r.string()
      let label = r.string()
      let kind = Party.Kind(rawValue: r.string()) ?? .other
      var aliases: [String] = []
      for _ in 0..<r.count(unit: 8) { aliases.append(r.string()) }
      let parent = r.optional().map { Party.ID($0) }
      let key = r.int()
      let color = r.optional().flatMap(Party.Color.init(rawValue:))
      guard r.ok else { throw .init(reason: "bad party list") }
      parties.append(
        Party(
          id: Party.ID(id), name: name, label: label, kind: kind,
          aliases: aliases, parent: parent,
          key: key >= 0 ? key : nil, color: color))
    }
    let index = Dictionary(
      parties.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    for p in parties {
      var current = p.parent
      var steps = 0
      while let c = current {
        guard let i = index[c], steps < parties.count else {
          throw .init(reason: "a party's parent is wrong")
        }
        current = parties[i].parent
        steps += 1
      }
    }
    return parties
  }

  /// Sources, with the place of each text (a data file index inside `fileCount`, and a
  /// range checked against that file once it is open).
  static func readSources(_ r: inout ByteReader, fileCount: Int)
    throws(CacheFile.Rejection) -> [CacheMeta
    .PendingSource]
  {
    var out: [CacheMeta.PendingSource] = []
    let n = r.count(unit: 80)
    out.reserveCapacity(n)
    for _ in 0..<n {
      let id = r.string()
      let outlet = r.string()
      let title = r.string()
      let url = r.optional()
      let published = readDate(&r)
      let inferred = r.bool()
      let updated = readDate(&r)
      let via = r.optional()
      var source = Source(
        id: Source.ID(id), outlet: outlet, title: title, url: url,
        published: published, publishedInferred: inferred,
        updated: updated, via: via, text: "")
      let kind = r.u64()
      var pending = CacheMeta.PendingSource(
        source: source, kind: kind, file: 0, range: 0..<0)
      if kind == 0 {
        source.text = r.string()
        pending.source = source
      } else {
        let (f, lo, hi) = (r.int(), r.int(), r.int())
        guard kind <= 3, f >= 0, f < fileCount, lo >= 0, hi >= lo else {
          throw .init(reason: "a source text is out of range")
        }
        pending.file = f
        pending.range = lo..<hi
      }
      guard r.ok else { throw .init(reason: "bad source list") }
      out.append(pending)
    }
    return out
  }

  static func readDate(_ r: inout ByteReader) -> RecordDate? {
    let day = r.int()
    let precision = r.int()
    guard day != Int.min else { return nil }
    guard let p = DatePrecision(rawValue: precision),
      let d = Int32(exactly: day)
    else {
      r.fail()
      return nil
    }
    return RecordDate(firstDay: CalendarDay(dayNumber: d), precision: p)
  }

  /// A link map (record → records); indexes are checked by `readMeta` once the record
  /// count is known.
  static func readLinks(_ r: inout ByteReader) -> [Int: [Int]] {
    // Sized once: growing and rehashing the maps showed in the 10M re-open profile.
    let n = r.count(unit: 16)
    var map: [Int: [Int]] = [:]
    map.reserveCapacity(n)
    for _ in 0..<n {
      let k = r.int()
      let m = r.count(unit: 8)
      var list: [Int] = []
      list.reserveCapacity(m)
      for _ in 0..<m { list.append(r.int()) }
      map[k] = list
    }
    return map
  }
}
