import Foundation

/// The loaded corpus of a large directory, written to one file so that opening the same
/// data again maps columns instead of parsing and checking half a gigabyte.
///
/// Where: the folder in CacheSettings (the CLI picks `$XDG_CACHE_HOME/dateline/`, else
/// `~/.cache/dateline/`), one file per data directory, named by a hash of its real path.
///
/// A cache that cannot lie: the key holds everything the answer depends on (each data
/// file's name, device, inode, size, modification and change times in nanoseconds, and
/// the binary's identity), and is compared byte for byte. A file changed within the last
/// `quietNanoseconds` before the write is not cached (its next change could keep every
/// stamp within one tick of the file system's clock), nor a load during which any stamp
/// changed. The file (CacheFile, laid out by CacheLayout) has a checksum per section, and
/// every count, offset, length and link read from it is range-checked: anything wrong
/// means it is ignored, with a warning, and the data is loaded from the files. The cache
/// never names a file to open: data file names come from the directory scan, and the
/// cache only refers to them by their place in that list (which the key fixes).
///
/// Not cached: a directory with `text_path` sources, or records the reference reader held
/// in memory.
enum CorpusCache {
  /// Where a directory's cache is, and the key its content must match.
  struct Location: Sendable {
    var path: String
    var key: [UInt8]
    var directory: String
    /// The data files, in load order (their indexes are what the cache refers to).
    var files: [String]
    /// Their sizes, in that order.
    var sizes: [Int]
    var settings: CacheSettings

    /// A cache file larger than this is not read (a bound from the data, not the file).
    var maximumBytes: Int { sizes.reduce(1 << 26) { $0 &+ 16 &* $1 } }
  }

  /// The cache for `directory` (whose data files are `files`), or nil when it is too small
  /// to be worth one or a file cannot be looked at.
  static func locate(
    _ directory: String, files: [String], settings: CacheSettings
  ) -> Location? {
    guard let real = realpath(directory, nil) else { return nil }
    let dir = String(cString: real)
    free(real)
    var key = ByteWriter()
    key.u64(CacheFile.version)
    key.string(dir)
    key.int(settings.binaryIdentity.count)
    key.bytes.append(contentsOf: settings.binaryIdentity)
    key.int(files.count)
    var sizes: [Int] = []
    for name in files {
      guard let stamp = Platform.stamp(dir + "/" + name) else { return nil }
      key.string(name)
      for v in [stamp.device, stamp.inode, UInt64(stamp.size)] { key.u64(v) }
      key.int(stamp.modified)
      key.int(stamp.changed)
      sizes.append(stamp.size)
    }
    guard sizes.reduce(0, +) >= settings.minimumBytes else { return nil }
    let path = settings.folder + "/" + PathHash.hex(dir) + ".cache"
    return Location(
      path: path, key: key.bytes, directory: directory, files: files,
      sizes: sizes, settings: settings)
  }

  /// Whether the data files are as they were when `location` was made, and none changed
  /// within the quiet time before now (so their stamps would show the next change).
  static func stillCurrent(_ location: Location) -> Bool {
    guard
      let now = locate(
        location.directory, files: location.files, settings: location.settings),
      now.key == location.key
    else { return false }
    let clock = Platform.now()
    for name in location.files {
      guard let stamp = Platform.stamp(location.directory + "/" + name) else {
        return false
      }
      if clock - max(stamp.modified, stamp.changed)
        < location.settings.quietNanoseconds
      {
        return false
      }
    }
    return true
  }

  /// Writes `result` (loaded at `location`) to the cache file; returns a one-line warning
  /// when it could not (nothing is written when the data changed or is too fresh, nor
  /// when a block of the store re-opened from the cache failed its checks: that is said).
  static func write(_ result: CorpusLoader.Result, at location: Location)
    -> String?
  {
    let corpus = result.corpus
    // A row block that failed its checks has no item places: the store is not placed.
    func refused() -> String? {
      corpus.readProblem.map { "re-open cache not written: " + $0.message }
    }
    guard corpus.store.held.isEmpty,
      !corpus.sources.contains(where: { $0.textPath != nil }),
      stillCurrent(location)
    else { return nil }
    guard let columns = placeRecords(corpus.store, files: location.files),
      let sources = encodeSources(corpus.sources, fileIndex: columns.fileIndex)
    else { return refused() }
    let meta = encodeMeta(result, columns: columns, sources: sources)
    let failure: String? = withExtendedLifetime((columns, sources)) {
      () -> String? in
      meta.bytes.withUnsafeBytes { m -> String? in
        // Every block of a lazily re-opened store is read here; one that failed its
        // checks was zeroed, and must not be written under fresh checksums.
        let all =
          sections(m, columns) + linkSections(corpus.store) + sources.sections
        if let problem = corpus.readProblem { return problem.message }
        do {
          try createFolder(location.settings.folder)
          try CacheFile.write(
            location.path, magic: CacheLayout.magic, key: location.key,
            sections: all, shift: location.settings.blockShift)
          return nil
        } catch {
          return "\(error)"
        }
      }
    }
    return failure.map { "re-open cache not written: \($0)" }
  }

  /// The sections in CacheLayout's order: meta, the declared columns, the id tables.
  static func sections(_ meta: UnsafeRawBufferPointer, _ c: PlacedColumns)
    -> [CacheFile.Section]
  {
    var out = [
      CacheFile.Section(
        id: CacheLayout.meta, element: .bytes, count: meta.count, bytes: meta)
    ]
    for spec in CacheLayout.columns {
      let bytes = spec.bytes(c.columns)
      out.append(
        .init(
          id: spec.id, element: spec.element,
          count: bytes.count / spec.element.size, bytes: bytes))
    }
    // Through `section`, which reads every block first: a store re-opened from the
    // cache has its tables read as probed.
    for (k, table) in c.tables.enumerated() {
      out.append(section(CacheLayout.idTable + UInt32(k), table.rawSlots))
    }
    return out
  }

  /// The cache folder, made (0700) when missing.
  static func createFolder(_ folder: String) throws(TemporaryFile.Failure) {
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw TemporaryFile.Failure(
        path: folder, message: "cannot create the folder")
    }
  }
}

/// What the cache settings are: where, from what size, and what identifies the program
/// (its rules decide the answer, so a new build must not read an old build's cache).
public struct CacheSettings: Sendable {
  /// The folder cache files go in (created when missing).
  public var folder: String
  /// The build revision and the executable's size and times, or anything that changes
  /// when the program does.
  public var binaryIdentity: [UInt8]
  /// Directories with fewer bytes of data files are not cached (they load at once).
  public var minimumBytes: Int
  /// A data file changed less than this long before a cache write is not cached.
  public var quietNanoseconds: Int
  /// Rows per block of a cache written (`1 << blockShift`), the unit read and checked
  /// when first used; tests ask for small blocks to have many in a small corpus.
  public var blockShift: Int

  public static let defaultMinimumBytes = 16_000_000
  public static let defaultBlockShift = 16

  public init(
    folder: String, binaryIdentity: [UInt8],
    minimumBytes: Int = defaultMinimumBytes,
    quietNanoseconds: Int = 1_000_000_000,
    blockShift: Int = defaultBlockShift
  ) {
    self.folder = folder
    self.binaryIdentity = binaryIdentity
    self.minimumBytes = minimumBytes
    self.quietNanoseconds = quietNanoseconds
    self.blockShift = blockShift
  }
}
