import Foundation

/// Reading the `meta` section and checking the column values: nothing read from a cache
/// file is used before it is known to be in range.
extension CorpusCache {
  /// The `meta` section (see `encodeMeta`), with every count bounded by the bytes left
  /// and every file index inside the load's `fileCount` files.
  static func readMeta(_ r: inout ByteReader, fileCount: Int) throws(CacheFile
    .Rejection) -> CacheMeta
  {
    var meta = CacheMeta()
    meta.files = r.int()
    meta.failedFiles = r.int()
    meta.leftOut = r.int()
    meta.issues = readIssues(&r)
    meta.parties = try readParties(&r)
    for k in 0..<2 {
      let n = r.count(unit: 8)
      for _ in 0..<n {
        let f = r.int()
        guard r.ok, f >= 0, f < fileCount else {
          throw .init(reason: "a data file is out of range")
        }
        if k == 0 {
          meta.recordFiles.append(f)
        } else {
          meta.sourceFiles.append(f)
        }
      }
    }
    meta.sources = r.int()
    meta.sourceTableFill = r.int()
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
      meta.recordFiles.count < Int(UInt16.max), meta.sources >= 0
    else {
      throw .init(reason: "too many records")
    }
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
}
