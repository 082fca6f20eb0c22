import Foundation

/// The loaded corpus of a large directory, written to one flat file so that opening the
/// same data again maps columns instead of parsing and checking half a gigabyte.
///
/// Where: `$XDG_CACHE_HOME/dateline/` (else `~/.cache/dateline/`), one file per data
/// directory (named by a hash of its real path). Valid only while nothing it was made
/// from has changed: the key holds every data file's name, size, modification time and
/// inode, and the dateline executable's size and time (a new build has new rules). A
/// directory with `text_path` sources, or records the reference reader held in memory, is
/// not cached. Anything unexpected while reading (a short file, another version) means
/// "no cache": the directory is parsed as usual and the cache written again.
///
/// What is in it: the load's issues and counts, parties, sources (their fields; texts stay
/// where they are in the mapped data files), and the record store's columns as they lie
/// in memory, which the store then reads in place from the mapping (file-backed, not the
/// process's own memory). `DATELINE_CACHE=0` turns it off.
enum CorpusCache {
  static let magic: UInt64 = 0x3145_4843_4143_4C44  // "DLCACHE1"
  static let format: UInt64 = 1

  static var enabled: Bool { env("DATELINE_CACHE") != "0" }

  static func env(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }

  /// Worth caching: at least this many bytes of data files (smaller ones parse at once;
  /// `DATELINE_CACHE_MIN_BYTES` changes it, for tests).
  static let minimumBytes = 16_000_000

  static func folder() -> String? {
    let env = ProcessInfo.processInfo.environment
    if let x = env["XDG_CACHE_HOME"], x.hasPrefix("/") { return x + "/dateline" }
    guard let home = env["HOME"], !home.isEmpty else { return nil }
    return home + "/.cache/dateline"
  }

  /// The cache file for a data directory, and the key its content must match.
  static func locate(_ directory: String, files: [String]) -> (path: String, key: [UInt8])? {
    guard enabled, let folder = folder(), let real = realpath(directory, nil) else { return nil }
    let dir = String(cString: real)
    free(real)
    var out = CacheOut.Buffer()
    out.u64(format)
    out.string(dir)
    var st = stat()
    guard stat("/proc/self/exe", &st) == 0 else { return nil }
    out.u64(UInt64(st.st_size))
    out.u64(UInt64(st.st_mtim.tv_sec))
    out.u64(UInt64(st.st_mtim.tv_nsec))
    var total = 0
    out.u64(UInt64(files.count))
    for name in files {
      guard stat(dir + "/" + name, &st) == 0 else { return nil }
      out.string(name)
      out.u64(UInt64(st.st_size))
      out.u64(UInt64(st.st_mtim.tv_sec))
      out.u64(UInt64(st.st_mtim.tv_nsec))
      out.u64(UInt64(st.st_ino))
      total += Int(st.st_size)
    }
    let minimum = env("DATELINE_CACHE_MIN_BYTES").flatMap { Int($0) } ?? minimumBytes
    guard total >= minimum else { return nil }
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in dir.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
    return (folder + "/" + String(h, radix: 16) + ".cache", out.bytes)
  }
}

// MARK: - Writing

/// Writes the cache file through a small buffer; columns go to the file as they are.
struct CacheOut {
  /// Bytes assembled in memory (headers, strings, the key).
  struct Buffer {
    var bytes: [UInt8] = []
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i64(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    mutating func string(_ s: String) {
      i64(s.utf8.count)
      bytes.append(contentsOf: s.utf8)
    }
    mutating func optional(_ s: String?) {
      if let s { u64(1); string(s) } else { u64(0) }
    }
  }

  let fd: Int32
  var buffer = Buffer()
  var written = 0
  var failed = false

  mutating func flush() {
    buffer.bytes.withUnsafeBytes { raw($0) }
    buffer.bytes.removeAll(keepingCapacity: true)
  }

  mutating func raw(_ b: UnsafeRawBufferPointer) {
    var done = 0
    while done < b.count && !failed {
      let n = write(fd, b.baseAddress! + done, b.count - done)
      if n <= 0 { failed = true } else { done += n }
    }
    written += done
  }

  /// A column: its count, padding to 8 bytes, then its values as they are in memory.
  mutating func column<T>(_ c: Column<T>) {
    buffer.i64(c.count)
    while (written + buffer.bytes.count) % 8 != 0 { buffer.bytes.append(0) }
    flush()
    raw(UnsafeRawBufferPointer(start: c.base, count: c.count * MemoryLayout<T>.stride))
  }
}

// MARK: - Reading

/// Reads the mapped cache file; every read is bounds-checked and fails softly.
struct CacheIn {
  let base: UnsafeRawPointer
  let end: Int
  var pos = 0
  var ok = true

  mutating func u64() -> UInt64 {
    guard ok, pos + 8 <= end else { ok = false; return 0 }
    defer { pos += 8 }
    return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: pos, as: UInt64.self))
  }
  mutating func i64() -> Int { Int(Int64(bitPattern: u64())) }
  mutating func string() -> String {
    let n = i64()
    guard ok, n >= 0, pos + n <= end else { ok = false; return "" }
    defer { pos += n }
    return String(decoding: UnsafeRawBufferPointer(start: base + pos, count: n), as: UTF8.self)
  }
  mutating func optional() -> String? { u64() == 1 ? string() : nil }

  mutating func column<T>(_: T.Type, owner: AnyObject) -> Column<T> {
    let n = i64()
    while pos % 8 != 0 { pos += 1 }
    let bytes = n * MemoryLayout<T>.stride
    guard ok, n >= 0, pos + bytes <= end else {
      ok = false
      return Column([])
    }
    defer { pos += bytes }
    return Column(viewing: base + pos, count: n, owner: owner)
  }
}

extension CorpusCache {
  /// Writes `result` (loaded from `directory`, whose data files are `files`) to the cache.
  static func write(_ result: CorpusLoader.Result, to path: String, key: [UInt8], files: [String]) {
    let corpus = result.corpus
    let store = corpus.store
    guard store.held.isEmpty, !corpus.sources.contains(where: { $0.textPath != nil }) else { return }
    // Which mapped file each record's bytes are in.
    var mapped: [FileBytes] = []
    for case let f as FileBytes in store.owners where f.holdsData { mapped.append(f) }
    guard mapped.count < Int(UInt16.max) else { return }
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    guard case (var out, let temporary)? = begin(path, magic: magic, key: key) else { return }
    let fd = out.fd
    // Counts and issues.
    out.buffer.i64(result.files)
    out.buffer.i64(result.failedFiles)
    out.buffer.i64(result.leftOut)
    out.buffer.i64(result.issues.count)
    for issue in result.issues {
      out.buffer.u64(issue.isError ? 1 : 0)
      out.buffer.string(issue.file)
      switch issue.place {
      case .file: out.buffer.u64(0)
      case .position(let l, let c): out.buffer.u64(1); out.buffer.i64(l); out.buffer.i64(c)
      case .item(let i, let id): out.buffer.u64(2); out.buffer.i64(i); out.buffer.optional(id)
      case .line(let l, let id): out.buffer.u64(3); out.buffer.i64(l); out.buffer.optional(id)
      }
      out.buffer.optional(issue.path)
      out.buffer.string(issue.message)
      if out.buffer.bytes.count > 1 << 16 { out.flush() }
    }
    // Parties.
    out.buffer.i64(corpus.parties.count)
    for p in corpus.parties {
      out.buffer.string(p.id.rawValue)
      out.buffer.string(p.name)
      out.buffer.string(p.label)
      out.buffer.string(p.kind.rawValue)
      out.buffer.i64(p.aliases.count)
      for a in p.aliases { out.buffer.string(a) }
      out.buffer.optional(p.parent?.rawValue)
      out.buffer.i64(p.key ?? -1)
      out.buffer.optional(p.color?.rawValue)
    }
    // Sources: fields, and where the text is.
    let fileIndex = Dictionary(mapped.enumerated().map { (ObjectIdentifier($1), $0) }, uniquingKeysWith: { a, _ in a })
    out.buffer.i64(corpus.sources.count)
    for s in corpus.sources {
      out.buffer.string(s.id.rawValue)
      out.buffer.string(s.outlet)
      out.buffer.string(s.title)
      out.buffer.optional(s.url)
      out.buffer.i64(s.published.map { Int($0.firstDay.dayNumber) } ?? Int.min)
      out.buffer.i64(s.published.map { $0.precision.rawValue } ?? 0)
      out.buffer.u64(s.publishedInferred ? 1 : 0)
      out.buffer.i64(s.updated.map { Int($0.firstDay.dayNumber) } ?? Int.min)
      out.buffer.i64(s.updated.map { $0.precision.rawValue } ?? 0)
      out.buffer.optional(s.via)
      func range(_ kind: UInt64, _ f: FileBytes, _ r: Range<Int>) -> Bool {
        guard let k = fileIndex[ObjectIdentifier(f)] else { return false }
        out.buffer.u64(kind)
        out.buffer.i64(k)
        out.buffer.i64(r.lowerBound)
        out.buffer.i64(r.upperBound)
        return true
      }
      var stored = true
      switch s.textStorage.origin {
      case .value(let t): out.buffer.u64(0); out.buffer.string(t)
      case .verbatim(let f, let r): stored = range(1, f, r)
      case .escaped(let f, let r): stored = range(2, f, r)
      case .literal(let f, let r): stored = range(3, f, r)
      case .file: stored = false
      }
      guard stored else {
        close(fd)
        unlink(temporary)
        return
      }
      if out.buffer.bytes.count > 1 << 16 { out.flush() }
    }
    out.buffer.i64(mapped.count)
    for f in mapped { out.buffer.string((f.path as NSString).lastPathComponent) }
    // Links, both ways.
    for map in [store.disputedBy, store.revisedBy] {
      out.buffer.i64(map.count)
      for (k, list) in map {
        out.buffer.i64(k)
        out.buffer.i64(list.count)
        for v in list { out.buffer.i64(v) }
      }
      if out.buffer.bytes.count > 1 << 16 { out.flush() }
    }
    // The record columns.
    let n = store.count
    let where_ = Column<UInt16>(uninitialized: n)
    let offsets = Column<Int64>(uninitialized: n)
    let idStart = Column<UInt32>(uninitialized: n + 1)
    let idHash = Column<UInt32>(uninitialized: n)
    var idBytes: [UInt8] = []
    idBytes.reserveCapacity(n * 10)
    idStart.base[0] = 0
    for i in 0..<n {
      let p = store.items[i]!
      var k = 0
      while k < mapped.count, !(mapped[k].base.map { p >= $0 && p < $0 + mapped[k].count } ?? false) { k += 1 }
      guard k < mapped.count else {
        close(fd)
        unlink(temporary)
        return
      }
      where_.base[i] = UInt16(k)
      offsets.base[i] = Int64(mapped[k].base!.distance(to: p))
      let id = store.ids[i]
      idBytes.append(contentsOf: UnsafeBufferPointer(start: id.pointer, count: id.count))
      idStart.base[i + 1] = UInt32(idBytes.count)
      idHash.base[i] = id.hash
    }
    out.buffer.i64(n)
    out.column(store.firstDay)
    out.column(store.lastDay)
    out.column(store.precision)
    out.column(store.time)
    out.column(store.involvedStart)
    out.column(store.involved)
    out.column(store.lengths)
    out.column(store.depthBases)
    out.column(store.basis)
    out.column(store.sourceCount)
    out.column(store.figureCount)
    out.column(store.dateFlags)
    out.column(where_)
    out.column(offsets)
    out.column(idStart)
    out.column(idHash)
    out.column(Column(idBytes))
    out.buffer.i64(store.idIndex.tables.count)
    for t in store.idIndex.tables {
      out.buffer.i64(t.count)
      out.column(t.rawSlots)
    }
    end(&out, magic: magic, temporary: temporary, path: path)
  }

  /// A writer to a temporary file beside `path` (so no reader sees half a file), with
  /// `magic` and `key` written; `end` renames it into place.
  static func begin(_ path: String, magic: UInt64, key: [UInt8]) -> (CacheOut, String)? {
    let temporary = path + ".\(getpid()).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return nil }
    var out = CacheOut(fd: fd)
    out.buffer.u64(magic)
    out.buffer.i64(key.count)
    out.buffer.bytes.append(contentsOf: key)
    return (out, temporary)
  }

  /// Ends a file `begin` started with `magic` again, and puts it in place (or removes it
  /// when a write failed).
  static func end(_ out: inout CacheOut, magic: UInt64, temporary: String, path: String) {
    out.buffer.u64(magic)
    out.flush()
    close(out.fd)
    if out.failed { unlink(temporary) } else { rename(temporary, path) }
  }

  /// The file at `path` mapped, when it starts with `magic` and exactly `key`, and a reader
  /// placed after them.
  static func mapFile(_ path: String, magic: UInt64, key: [UInt8]) -> (FileBytes, CacheIn)? {
    // Read into memory, not mapped: a cache file truncated by another process must not
    // raise SIGBUS here.
    guard case .success(let file) = FileBytes.read(path, holdsData: false), let base = file.base else { return nil }
    var r = CacheIn(base: base, end: file.count)
    guard r.u64() == magic else { return nil }
    let keyCount = r.i64()
    guard r.ok, keyCount == key.count, r.pos + keyCount <= r.end,
      key.withUnsafeBytes({ memcmp($0.baseAddress!, base + r.pos, keyCount) }) == 0
    else { return nil }
    r.pos += keyCount
    return (file, r)
  }

  /// The corpus from the cache file at `path`, if it is there and made from exactly `key`.
  static func read(_ path: String, key: [UInt8], directory: String) -> CorpusLoader.Result? {
    guard case (let file, var r)? = mapFile(path, magic: magic, key: key), let base = file.base else { return nil }
    let files = r.i64()
    let failedFiles = r.i64()
    let leftOut = r.i64()
    var issues: [LoadIssue] = []
    let issueCount = r.i64()
    guard r.ok, issueCount >= 0 else { return nil }
    issues.reserveCapacity(min(issueCount, 1 << 20))
    for _ in 0..<issueCount {
      let severity: LoadIssue.Severity = r.u64() == 1 ? .error : .warning
      let fileName = r.string()
      let place: LoadIssue.Place
      switch r.u64() {
      case 0: place = .file
      case 1: place = .position(line: r.i64(), column: r.i64())
      case 2: place = .item(index: r.i64(), id: r.optional())
      default: place = .line(r.i64(), id: r.optional())
      }
      let path = r.optional()
      let message = r.string()
      guard r.ok else { return nil }
      issues.append(LoadIssue(severity, file: fileName, place: place, path: path, message: message))
    }
    var parties: [Party] = []
    let partyCount = r.i64()
    guard r.ok, partyCount >= 0, partyCount < 1 << 20 else { return nil }
    for _ in 0..<partyCount {
      let id = r.string()
      let name = r.string()
      let label = r.string()
      let kind = Party.Kind(rawValue: r.string()) ?? .other
      var aliases: [String] = []
      let n = r.i64()
      guard r.ok, n >= 0, n < 1 << 20 else { return nil }
      for _ in 0..<n { aliases.append(r.string()) }
      let parent = r.optional().map { Party.ID($0) }
      let key = r.i64()
      let color = r.optional().flatMap(Party.Color.init(rawValue:))
      parties.append(
        Party(id: Party.ID(id), name: name, label: label, kind: kind, aliases: aliases, parent: parent,
          key: key >= 0 ? key : nil, color: color))
    }
    // Sources refer to mapped data files by index: read them first, map the files after.
    struct PendingSource {
      var source: Source
      var kind: UInt64
      var file: Int
      var range: Range<Int>
    }
    var pending: [PendingSource] = []
    let sourceCount = r.i64()
    guard r.ok, sourceCount >= 0, sourceCount < 1 << 26 else { return nil }
    pending.reserveCapacity(sourceCount)
    for _ in 0..<sourceCount {
      let id = r.string()
      let outlet = r.string()
      let title = r.string()
      let url = r.optional()
      func date() -> RecordDate? {
        let day = r.i64()
        let precision = r.i64()
        guard day != Int.min, let p = DatePrecision(rawValue: precision) else { return nil }
        return RecordDate(firstDay: CalendarDay(dayNumber: Int32(truncatingIfNeeded: day)), precision: p)
      }
      let published = date()
      let inferred = r.u64() == 1
      let updated = date()
      let via = r.optional()
      var source = Source(
        id: Source.ID(id), outlet: outlet, title: title, url: url, published: published, publishedInferred: inferred,
        updated: updated, via: via, text: "")
      let kind = r.u64()
      if kind == 0 {
        source.text = r.string()
        pending.append(PendingSource(source: source, kind: 0, file: 0, range: 0..<0))
      } else {
        let f = r.i64()
        let lo = r.i64()
        let hi = r.i64()
        guard r.ok, lo >= 0, hi >= lo else { return nil }
        pending.append(PendingSource(source: source, kind: kind, file: f, range: lo..<hi))
      }
      guard r.ok else { return nil }
    }
    var mapped: [FileBytes] = []
    let mappedCount = r.i64()
    guard r.ok, mappedCount >= 0, mappedCount < Int(UInt16.max) else { return nil }
    for _ in 0..<mappedCount {
      // Read window by window as items and texts are shown (see FileBytes.ensure).
      guard case .success(let f) = FileBytes.deferred(directory + "/" + r.string()) else { return nil }
      mapped.append(f)
    }
    var sources: [Source] = []
    sources.reserveCapacity(pending.count)
    for p in pending {
      var s = p.source
      if p.kind != 0 {
        guard p.file >= 0, p.file < mapped.count, p.range.upperBound <= mapped[p.file].count else { return nil }
        let f = mapped[p.file]
        s.textStorage = SourceText(p.kind == 1 ? .verbatim(f, p.range) : p.kind == 2 ? .escaped(f, p.range) : .literal(f, p.range))
      }
      sources.append(s)
    }
    var maps: [[Int: [Int]]] = []
    for _ in 0..<2 {
      var map: [Int: [Int]] = [:]
      let n = r.i64()
      guard r.ok, n >= 0 else { return nil }
      for _ in 0..<n {
        let k = r.i64()
        let m = r.i64()
        guard r.ok, m >= 0 else { return nil }
        var list: [Int] = []
        for _ in 0..<m { list.append(r.i64()) }
        map[k] = list
      }
      maps.append(map)
    }
    let n = r.i64()
    guard r.ok, n >= 0 else { return nil }
    var c = RecordStore.Columns(count: 0)
    c.firstDay = r.column(Int32.self, owner: file)
    c.lastDay = r.column(Int32.self, owner: file)
    c.precision = r.column(UInt8.self, owner: file)
    c.time = r.column(Int16.self, owner: file)
    c.involvedStart = r.column(UInt32.self, owner: file)
    c.involved = r.column(UInt16.self, owner: file)
    c.lengths = r.column(Int32.self, owner: file)
    c.depthBases = r.column(Int8.self, owner: file)
    c.basis = r.column(UInt8.self, owner: file)
    c.sourceCount = r.column(UInt8.self, owner: file)
    c.figureCount = r.column(UInt8.self, owner: file)
    c.dateFlags = r.column(UInt8.self, owner: file)
    let where_ = r.column(UInt16.self, owner: file)
    let offsets = r.column(Int64.self, owner: file)
    let idStart = r.column(UInt32.self, owner: file)
    let idHash = r.column(UInt32.self, owner: file)
    let idBytes = r.column(UInt8.self, owner: file)
    var tables: [ByteKeyTable] = []
    let tableCount = r.i64()
    guard r.ok, tableCount >= 1, tableCount <= 2 else { return nil }
    for _ in 0..<tableCount {
      let count = r.i64()
      let slots = r.column(UInt64.self, owner: file)
      guard r.ok, slots.count > 0, slots.count & (slots.count - 1) == 0 else { return nil }
      tables.append(ByteKeyTable(slots: slots, count: count))
    }
    guard r.ok, r.u64() == magic else { return nil }
    for col in [c.firstDay.count, c.lastDay.count, c.precision.count, c.time.count, c.lengths.count,
      c.depthBases.count, c.basis.count, c.sourceCount.count, c.figureCount.count, c.dateFlags.count,
      where_.count, offsets.count, idHash.count] where col != n { return nil }
    guard c.involvedStart.count == n + 1, idStart.count == n + 1, Int(c.involvedStart[n]) == c.involved.count,
      Int(idStart[n]) == idBytes.count
    else { return nil }
    // Values the store trusts (indexes, enum raw values) are checked, not assumed.
    for k in 0..<c.involved.count where Int(c.involved[k]) >= parties.count { return nil }
    for i in 0..<n where c.precision[i] > 3 { return nil }
    // Pointers into this run's mappings.
    let items = Column<UnsafeRawPointer?>(uninitialized: n)
    let ids = Column<ByteRef>(uninitialized: n)
    let idBase = UnsafePointer<UInt8>(idBytes.base)
    for i in 0..<n {
      let k = Int(where_[i])
      guard k < mapped.count, let b = mapped[k].base, offsets[i] >= 0, Int(offsets[i]) + Int(c.lengths[i]) <= mapped[k].count
      else { return nil }
      items.base[i] = b + Int(offsets[i])
      let lo = Int(idStart[i])
      ids.base[i] = ByteRef(idBase + lo, Int(idStart[i + 1]) - lo, hash: idHash[i])
    }
    c.items = items
    c.ids = ids
    var owners: [AnyObject] = [file]
    owners.append(contentsOf: mapped as [AnyObject])
    let store = RecordStore(
      columns: c, idIndex: IDIndex(tables: tables), disputedBy: maps[0], revisedBy: maps[1], owners: owners)
    let corpus = Corpus(parties: parties, sources: sources, store: store)
    return CorpusLoader.Result(corpus: corpus, issues: issues, files: files, failedFiles: failedFiles, leftOut: leftOut)
  }
}
