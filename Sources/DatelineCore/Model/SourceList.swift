/// The sources of a corpus, in file order: the loaded values, or (a corpus re-opened
/// from the cache) each source decoded from the cache file when it is used.
///
/// Why: ten million records cite half a million sources. Parsing them all from the
/// cache, and indexing their ids in a dictionary, took a third of a second of a re-open
/// before its first frame, which shows one. `CachedSources` reads them a block at a
/// time and finds an id through the table the cache stores.
public struct SourceList: RandomAccessCollection, Sendable, Equatable {
  enum Storage: Sendable {
    /// The values, and each id's first index.
    case values([Source], [Source.ID: Int])
    case cached(CachedSources)
  }

  let storage: Storage

  init(_ sources: [Source]) {
    var index: [Source.ID: Int] = [:]
    index.reserveCapacity(sources.count)
    for (i, s) in sources.enumerated() where index[s.id] == nil {
      index[s.id] = i
    }
    storage = .values(sources, index)
  }

  init(cached: CachedSources) { storage = .cached(cached) }

  public var startIndex: Int { 0 }
  public var endIndex: Int {
    switch storage {
    case .values(let all, _): all.count
    case .cached(let c): c.count
    }
  }

  public subscript(i: Int) -> Source {
    switch storage {
    case .values(let all, _): all[i]
    case .cached(let c): c.source(i)
    }
  }

  /// The index of the first source with `id`, if any.
  public func index(of id: Source.ID) -> Int? {
    switch storage {
    case .values(_, let index): index[id]
    case .cached(let c): c.index(of: id)
    }
  }

  /// The `text_path`s of the sources that have one (none in a cached corpus: a corpus
  /// with such sources is not cached), without decoding cached sources.
  public var textPaths: [String] {
    switch storage {
    case .values(let all, _): all.compactMap(\.textPath)
    case .cached: []
    }
  }

  public static func == (a: SourceList, b: SourceList) -> Bool {
    a.elementsEqual(b)
  }
}
