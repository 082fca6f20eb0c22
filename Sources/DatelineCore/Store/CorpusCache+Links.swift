/// The links between records in the cache: the disputed-by and revised-by maps as the
/// store keeps them (LinkMap: keys, starts, lists) and the contested records
/// (RecordSet), each a section read whole at open and checked before it is used.
///
/// Why sections and not `meta`: at ten million records the maps hold ~1.5 million
/// lists; parsed from `meta` into dictionaries they took a quarter of a second of the
/// re-open, and the contested set another tenth. Read as they are, they cost a read
/// and a pass that checks them.
struct CacheLinks {
  var disputedBy: LinkMap
  var revisedBy: LinkMap
  var contested: RecordSet
}

extension CorpusCache {
  /// The sections of the links, in CacheLayout's order.
  static func linkSections(_ store: RecordStore) -> [CacheFile.Section] {
    var out: [CacheFile.Section] = []
    for (k, map) in [store.disputedBy, store.revisedBy].enumerated() {
      let base = CacheLayout.links + UInt32(3 * k)
      out.append(section(base, map.keys))
      out.append(section(base + 1, map.starts))
      out.append(section(base + 2, map.from))
    }
    out.append(section(CacheLayout.contested, store.contested.sorted))
    return out
  }

  static func section<T: CacheElementType>(_ id: UInt32, _ c: Column<T>)
    -> CacheFile.Section
  {
    c.ensureAll()
    return CacheFile.Section(
      id: id, element: T.cacheElement, count: c.count,
      bytes: UnsafeRawBufferPointer(
        start: c.values, count: c.count * MemoryLayout<T>.stride))
  }

  /// The links of a store of `records` records, read and checked: keys going up
  /// inside the records, starts going up from 0 to the lists' length with no empty
  /// list, every list going up inside the records; the contested records going up
  /// inside the records.
  static func readLinks(_ reader: CacheReader, records n: Int)
    throws(CacheFile.Rejection) -> CacheLinks
  {
    var maps: [LinkMap] = []
    for k in 0..<2 {
      let base = CacheLayout.links + UInt32(3 * k)
      let map = LinkMap(
        keys: try reader.column(base, Int32.self),
        starts: try reader.column(base + 1, UInt32.self),
        from: try reader.column(base + 2, Int32.self))
      guard isValid(map, records: n) else {
        throw .init(reason: "a link is out of range")
      }
      maps.append(map)
    }
    let contested = try reader.column(CacheLayout.contested, Int32.self)
    guard goesUp(contested.values, 0..<contested.count, below: n) else {
      throw .init(reason: "a contested record is out of range")
    }
    return CacheLinks(
      disputedBy: maps[0], revisedBy: maps[1],
      contested: RecordSet(sorted: contested))
  }

  static func isValid(_ map: LinkMap, records n: Int) -> Bool {
    let (keys, starts, from) = (map.keys, map.starts, map.from)
    guard starts.count == keys.count + 1, starts.values[0] == 0,
      Int(starts.values[keys.count]) == from.count,
      goesUp(keys.values, 0..<keys.count, below: n)
    else { return false }
    for k in 0..<keys.count {
      let lo = Int(starts.values[k])
      let hi = Int(starts.values[k + 1])
      guard lo < hi, hi <= from.count, goesUp(from.values, lo..<hi, below: n)
      else { return false }
    }
    return true
  }

  /// Whether `v[range]` goes strictly up, from 0 or more to below `n`.
  static func goesUp(
    _ v: UnsafePointer<Int32>, _ range: Range<Int>, below n: Int
  ) -> Bool {
    var last: Int32 = -1
    for i in range {
      guard v[i] > last else { return false }
      last = v[i]
    }
    return Int(last) < n
  }
}
