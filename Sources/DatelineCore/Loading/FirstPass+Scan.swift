import CDatelineScan
import Dispatch
import Foundation
import Synchronization

/// One run of lines of a records file, scanned by one worker into its memory
/// (FirstPassWorkerMemory); its results are found by offsets into that memory until the
/// scan ends (`resolve`), then through `out`'s pointers.
final class FirstPassPiece: @unchecked Sendable {
  /// Index of the file in the scan's list, and the bytes: whole lines, first to last.
  let file: Int
  let range: Range<Int>
  var out = dl_fp_output()
  /// The worker that scanned the piece, and where its results start in that worker's
  /// regions (bytes).
  private(set) var worker = -1
  private var linesAt = 0
  private var idsAt = 0
  private var involvedAt = 0

  init(file: Int, range: Range<Int>) {
    self.file = file
    self.range = range
  }

  /// Starts the piece at the end of `memory`'s regions (the worker's previous pieces
  /// before it), with room for as many lines as the regions hold.
  func begin(worker w: Int, in memory: FirstPassWorkerMemory) -> Bool {
    worker = w
    linesAt = memory.lines.used
    idsAt = memory.ids.used
    involvedAt = memory.involved.used
    let room = FirstPassWorkerMemory.sizes(lines: range.count / 256 + 64)
    guard
      memory.lines.reserve(room.lines),
      memory.ids.reserve(room.ids),
      memory.involved.reserve(room.involved)
    else { return false }
    point(into: memory)
    return true
  }

  /// `out`'s pointers into `memory`'s regions as they are now (a region that grew has
  /// moved), each capacity up to the region's end.
  private func point(into memory: FirstPassWorkerMemory) {
    func at<T>(_ arena: FirstPassArena, _ offset: Int, _: T.Type) -> (
      UnsafeMutablePointer<T>?, Int
    ) {
      guard let base = arena.base else { return (nil, 0) }
      return (
        (base + offset).assumingMemoryBound(to: T.self),
        (arena.capacity - offset) / MemoryLayout<T>.stride
      )
    }
    (out.lines, out.line_capacity) = at(memory.lines, linesAt, dl_fp_line.self)
    (out.ids, out.id_capacity) = at(memory.ids, idsAt, UInt8.self)
    (out.involved, out.involved_capacity) = at(
      memory.involved, involvedAt, UInt16.self)
  }

  /// Room for at least one more line (its id of at most 255 bytes, and many parties), so
  /// that every call of the scan makes progress (a line involving more grows the list
  /// call by call).
  func ensureRoom(in memory: FirstPassWorkerMemory) -> Bool {
    let o = out
    guard
      o.line_capacity - o.line_count < 1 || o.id_capacity - o.id_used < 256
        || o.involved_capacity - o.involved_used < 1 << 17
    else { return true }
    // The piece's results are the last in each region: double what it holds, and keep it.
    let line = MemoryLayout<dl_fp_line>.stride
    guard
      memory.lines.reserve(
        2 * (o.line_count + 1) * line, live: o.line_count * line),
      memory.ids.reserve(2 * (o.id_used + 256), live: o.id_used),
      memory.involved.reserve(
        4 * (o.involved_used + (1 << 17)), live: 2 * o.involved_used)
    else { return false }
    point(into: memory)
    return true
  }

  /// The piece is done: the worker's next piece starts after its results (8-byte aligned).
  func finish(in memory: FirstPassWorkerMemory) {
    func end(_ at: Int, _ bytes: Int) -> Int { (at + bytes + 7) & ~7 }
    memory.lines.used = end(
      linesAt, out.line_count * MemoryLayout<dl_fp_line>.stride)
    memory.ids.used = end(idsAt, out.id_used)
    memory.involved.used = end(involvedAt, out.involved_used * 2)
  }

  /// `out`'s pointers into the regions of the worker that scanned the piece, once every
  /// region has its final place (after the scan).
  func resolve(_ memories: [FirstPassWorkerMemory]) {
    guard memories.indices.contains(worker) else { return }
    point(into: memories[worker])
  }

  var lines: UnsafeBufferPointer<dl_fp_line> {
    UnsafeBufferPointer(start: out.lines, count: out.line_count)
  }
}

/// A worker's read buffer, kept from piece to piece and doubled for a longer line.
struct FirstPassWindow {
  private(set) var bytes: UnsafeMutableRawPointer?
  private(set) var size: Int

  init(size: Int) {
    self.size = size
    bytes = malloc(size)
  }

  mutating func grow() -> Bool {
    guard let grown = realloc(bytes, size * 2) else { return false }
    bytes = grown
    size *= 2
    return true
  }

  mutating func free() {
    Foundation.free(bytes)
    bytes = nil
  }
}

/// The first pass over a directory's records files (see FirstPass).
struct FirstPassScan {
  let directory: String
  let names: [String]
  let parties: [Party]
  let settings: FirstPass.Settings
  /// Each records file, read window by window when a record is shown.
  let opened: [FileBytes]
  /// A descriptor per file for the pass itself (closed by `run`).
  let descriptors: [Int32]
  var pieces: [FirstPassPiece] = []
  /// Each worker's regions, which its pieces' results are in.
  var memories: [FirstPassWorkerMemory] = []
  /// Lines the pass could not read that decoded, as store rows, and the arena of their ids.
  var decoded: [RecordStore.Row] = []
  let arena = ByteArena()
  private(set) var lineCount = 0
  private(set) var notShown = 0

  init?(
    directory: String, files: [String], parties: [Party],
    settings: FirstPass.Settings
  ) {
    self.directory = directory
    names = files
    self.parties = parties
    self.settings = settings
    var opened: [FileBytes] = []
    var descriptors: [Int32] = []
    for name in files {
      let path = directory + "/" + name
      guard
        case .success(let f) = FileBytes.deferred(
          path, hugePages: false, window: FileBytes.rowWindow),
        case .success(let (fd, identity)) = FileBytes.openRegular(path)
      else {
        for d in descriptors { close(d) }
        return nil
      }
      descriptors.append(fd)
      opened.append(f)
      // Both opened the same file, unchanged in between.
      guard identity == f.identity else {
        for d in descriptors { close(d) }
        return nil
      }
    }
    self.opened = opened
    self.descriptors = descriptors
  }

  /// Scans every records file; false when the data should be loaded in full instead.
  mutating func run(timer: inout LoadTimer) -> Bool {
    defer { for d in descriptors { close(d) } }
    for (k, f) in opened.enumerated() {
      // At least eight pieces a file (of 1 MB or more), so that both cores end together.
      let piece = min(settings.pieceBytes, max(f.count / 8, 1 << 20))
      guard
        let starts = FirstPassScan.pieceStarts(
          descriptors[k], size: f.count, piece: piece)
      else {
        return false
      }
      for (i, s) in starts.enumerated() {
        let end = i + 1 < starts.count ? starts[i + 1] : f.count
        guard s < end else { continue }
        // Line offsets are counted from the piece's start in 32 bits, and a sort key
        // names its piece in 16 (FirstPassRows.chunk).
        guard end - s < Int(UInt32.max), pieces.count < 0xFFFF else {
          return false
        }
        pieces.append(FirstPassPiece(file: k, range: s..<end))
      }
    }
    let lookup = PartyLookup(parties: parties)
    let view = lookup.view
    guard
      let table = dl_fp_parties_new(
        view.idBytes,
        UnsafeRawPointer(view.idStart).assumingMemoryBound(to: Int64.self),
        view.parentOf,
        Int32(view.count))
    else { return false }
    defer { dl_fp_parties_free(table) }
    guard
      let memories = FirstPassScan.scanAll(
        pieces, descriptors: descriptors, table: table,
        window: settings.windowBytes, workers: settings.workers)
    else { return false }
    self.memories = memories
    for piece in pieces { piece.resolve(memories) }
    withExtendedLifetime(lookup) {}
    timer.lap("scan")
    // The files are still the ones the windows will be read from.
    for (k, f) in opened.enumerated()
    where FileIdentity.of(descriptor: descriptors[k]) != f.identity {
      return false
    }
    defer { timer.lap("unusual lines") }
    return decodeUnusual()
  }

  /// Where each piece of a file starts: at a line start after every `piece` bytes (past a
  /// byte order mark at the very start).
  static func pieceStarts(_ fd: Int32, size: Int, piece: Int) -> [Int]? {
    var head = [UInt8](repeating: 0, count: 3)
    let got = head.withUnsafeMutableBytes {
      FileBytes.readFully(fd, into: $0.start, count: 3, at: 0)
    }
    guard got >= 0 else { return nil }
    var starts = [got == 3 && head == [0xEF, 0xBB, 0xBF] ? 3 : 0]
    var at = piece
    while at < size {
      guard let s = lineStart(fd, from: at, size: size) else { return nil }
      if s < size, s > starts[starts.count - 1] { starts.append(s) }
      at = max(s, at) + piece
    }
    return starts
  }

  /// The first line start at or after `b` (just past a `\n` at `b - 1` or later), or `size`.
  static func lineStart(_ fd: Int32, from b: Int, size: Int) -> Int? {
    let chunk = 1 << 16
    let buffer = UnsafeMutableRawPointer.allocate(
      byteCount: chunk, alignment: 16)
    defer { buffer.deallocate() }
    var at = b - 1
    while at < size {
      let n = FileBytes.readFully(
        fd, into: buffer, count: min(chunk, size - at), at: at)
      guard n > 0 else { return nil }
      let k = dl_fp_newline(buffer.assumingMemoryBound(to: UInt8.self), n)
      if k < n { return at + k + 1 }
      at += n
    }
    return size
  }

  /// Scans every piece on every core: each worker takes the next piece and reads it
  /// through one window of its own, reused from piece to piece, into its own regions
  /// (returned, one per worker; nil when a piece could not be scanned). Why: a fresh
  /// buffer per piece is fresh pages for the kernel to clear, and a reused one stays in
  /// the cache.
  static func scanAll(
    _ pieces: [FirstPassPiece], descriptors: [Int32], table: OpaquePointer,
    window: Int, workers: Int
  ) -> [FirstPassWorkerMemory]? {
    let next = Atomic<Int>(0)
    let failed = Atomic<Bool>(false)
    let parties = PartyTable(pointer: table)
    let count = max(min(pieces.count, workers), 1)
    let bytes = pieces.reduce(0) { $0 + $1.range.count }
    let memories = (0..<count).map { _ in
      FirstPassWorkerMemory(bytes: bytes / count)
    }
    DispatchQueue.concurrentPerform(iterations: count) { w in
      let table = parties.pointer
      let memory = memories[w]
      var buffer = FirstPassWindow(size: window)
      while !failed.load(ordering: .relaxed) {
        let i = next.add(1, ordering: .relaxed).oldValue
        guard i < pieces.count else { break }
        let piece = pieces[i]
        if !piece.begin(worker: w, in: memory)
          || !scan(piece, descriptors[piece.file], table, memory, &buffer)
        {
          failed.store(true, ordering: .relaxed)
        }
        piece.finish(in: memory)
      }
      buffer.free()
    }
    return failed.load(ordering: .relaxed) ? nil : memories
  }

  /// Reads `piece` window by window and scans its lines; false when a read fails or comes
  /// short (the file shrank) or memory runs out.
  static func scan(
    _ piece: FirstPassPiece, _ fd: Int32, _ table: OpaquePointer,
    _ memory: FirstPassWorkerMemory, _ window: inout FirstPassWindow
  ) -> Bool {
    guard window.bytes != nil else { return false }
    let start = piece.range.lowerBound
    var pos = start
    var carry = 0
    while pos < piece.range.upperBound {
      guard let buffer = window.bytes else { return false }
      let want = min(window.size - carry, piece.range.upperBound - pos)
      guard
        FileBytes.readFully(fd, into: buffer + carry, count: want, at: pos)
          == want
      else { return false }
      pos += want
      let available = carry + want
      let bytes = buffer.assumingMemoryBound(to: UInt8.self)
      let final: Int32 = pos == piece.range.upperBound ? 1 : 0
      var done = 0
      repeat {
        guard piece.ensureRoom(in: memory) else { return false }
        done += dl_fp_scan(
          bytes + done, available - done,
          UInt64(pos - start - available + done),
          final, table, &piece.out)
      } while piece.out.full != 0
      carry = available - done
      if carry > 0 { memmove(buffer, buffer + done, carry) }
      if carry == window.size, !window.grow() { return false }
    }
    return carry == 0
  }

  /// Lines the pass could not read, decoded by the reference decoder (the reference
  /// loader's own rules); those that do not decode are not shown. False when there are
  /// too many to decode quickly.
  mutating func decodeUnusual() -> Bool {
    var unusual: [(piece: Int, line: Int)] = []
    for (p, piece) in pieces.enumerated() {
      lineCount += piece.lines.count
      // Most pieces have none: no walk over their lines.
      guard piece.out.usual_count < piece.out.line_count else { continue }
      for (l, line) in piece.lines.enumerated()
      where line.status != UInt8(DL_FP_USUAL) { unusual.append((p, l)) }
    }
    guard unusual.count <= settings.maximumUnusual else { return false }
    let lookup = PartyLookup(parties: parties)
    for (p, l) in unusual {
      let piece = pieces[p]
      let line = piece.lines[l]
      let file = opened[piece.file]
      let at = piece.range.lowerBound + Int(line.offset)
      let length = Int(line.length)
      guard file.ensure(at..<(at + length)), let base = file.base else {
        return false
      }
      guard let record = RecordStore.decode(base + at, length, depthBase: 0)
      else {
        notShown += 1
        continue
      }
      decoded.append(
        RecordStore.row(
          for: record, lookup: lookup, arena: arena, item: base + at,
          length: Int32(length), depthBase: 0)
      )
    }
    return true
  }
}

/// The C pass's party table, handed to the scans of every piece.
///
/// `@unchecked Sendable`: an opaque pointer is not `Sendable`; the table is built before
/// the scans, only read by them (`dl_fp_scan` takes it as const), and freed after.
private struct PartyTable: @unchecked Sendable {
  let pointer: OpaquePointer
}
