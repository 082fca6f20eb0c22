import CDatelineScan
import Foundation
import Synchronization

/// Records as JSON lines for `list --format jsonl`, without decoding what need not be.
///
/// A record read from a `.jsonl` file is written as its own line, byte for byte (its
/// extensions and spelling kept), unless the line holds a character that `JSONWriter`
/// escapes so no terminal acts on it (DEL, C1 controls, line and paragraph separators,
/// bidi controls): that line, and every record from an envelope, is written as its
/// complete line (`RecordStore.completeLine`: every field, `x_` ones included); a record
/// built in code as `Record.jsonObject`. Either way the line loads back as the same
/// record. Why: decoding a record takes tens of microseconds, copying its line well under one.
extension Corpus {
  /// Calls `write` with the JSON lines of `rows` (each ending in a newline), in blocks of
  /// about `block` bytes, in order.
  ///
  /// Rows come in timeline order, their lines from all over the files: read in that
  /// order, each line touches its own pages (a million misses for a million lines). So
  /// each block's lines are read in file order (sorted by where they are) into their
  /// places in the block, half on each core. A file read window by window (a cold load's
  /// `.jsonl` files, or re-opened through the cache) is read line by line with `pread`
  /// straight into the block, so nothing of it stays resident: memory is the block.
  ///
  /// A file that changed since it was opened stops the output before the block that
  /// read from it: the problem is returned (and kept as `readProblem`), and no line that
  /// is not in the files is written.
  @discardableResult
  public func writeJSONLines(
    _ rows: [Int], block: Int = 16 << 20,
    _ write: (UnsafeRawBufferPointer) -> Void
  ) -> DataReadProblem? {
    var start = 0
    var buffer: [UInt8] = []
    while start < rows.count {
      let end = blockEnd(rows, from: start, block: block)
      if let problem = writeBlock(
        rows[start..<end], buffer: &buffer, write)
      {
        return problem
      }
      if let problem = readProblem { return problem }
      start = end
    }
    return nil
  }

  /// Where the block that starts at `rows[start]` ends: rows until their lines (as they
  /// are, with their newlines) fill `block` bytes; at least one row.
  func blockEnd(_ rows: [Int], from start: Int, block: Int) -> Int {
    var end = start
    var size = 0
    while end < rows.count
      && (end == start || size + Int(store.lengths[rows[end]]) + 1 <= block)
    {
      size += Int(store.lengths[rows[end]]) + 1
      end += 1
    }
    return end
  }

  /// Writes the lines of one block of rows through `write`, in order: the lines copied
  /// into `buffer` (grown as needed), and any line that does not print as it is written
  /// again. Returns the problem that stopped it, before anything of the block is written.
  func writeBlock(
    _ rows: ArraySlice<Int>, buffer: inout [UInt8],
    _ write: (UnsafeRawBufferPointer) -> Void
  ) -> DataReadProblem? {
    // Through the cache, the rows are first checked to be where they say (RecordStore+Placement).
    // A block of rows the cache did not hold (CachedRows, read by `blockEnd`): nothing
    // of this block is written.
    if let problem = store.cachedRows?.problem { return problem }
    // Through the cache, rows that are not lines are first checked to be where they say
    // (RecordStore+Placement); lines are checked as they are copied (`placeLines`).
    if store.hasUnprovenPlacement {
      let items = Array(rows.filter { store.depthBases[$0] != 0 })[...]
      if let problem = store.readAll(items) ?? store.checkPlacement(items) {
        return problem
      }
    }
    var offsets = [Int](repeating: 0, count: rows.count + 1)
    for (k, row) in rows.enumerated() {
      offsets[k + 1] = offsets[k] + Int(store.lengths[row]) + 1
    }
    let total = offsets[rows.count]
    if buffer.count < total {
      // Sized to what the rows need (a small list stays small); every byte is written below.
      buffer = [UInt8](unsafeUninitializedCapacity: total) { _, n in n = total }
    }
    let verbatim: [Bool]
    switch store.placeLines(rows, offsets: offsets, into: &buffer) {
    case .success(let v): verbatim = v
    case .failure(let problem): return problem
    }
    guard verbatim.contains(false) else {
      buffer.withUnsafeBytes {
        write(UnsafeRawBufferPointer(rebasing: $0[..<total]))
      }
      return nil
    }
    return writeRewritten(
      rows, lines: buffer, offsets: offsets, verbatim: verbatim, write)
  }

  /// Some lines written again (a few, usually): the block again with those in place,
  /// each as its complete line (`completeLine`), a record built in code as its object;
  /// the others as copied into `lines`.
  func writeRewritten(
    _ rows: ArraySlice<Int>, lines: [UInt8], offsets: [Int], verbatim: [Bool],
    _ write: (UnsafeRawBufferPointer) -> Void
  ) -> DataReadProblem? {
    var out: [UInt8] = []
    out.reserveCapacity(offsets[rows.count])
    for (k, row) in rows.enumerated() {
      if verbatim[k] {
        out.append(contentsOf: lines[offsets[k]..<offsets[k + 1]])
        continue
      }
      let one = rows[(rows.startIndex + k)..<(rows.startIndex + k + 1)]
      if let problem = store.readAll(one) ?? store.checkPlacement(one) {
        return problem
      }
      out.append(
        contentsOf: store.completeLine(row)
          ?? Array(records[row].jsonObject.utf8))
      out.append(0x0A)
    }
    out.withUnsafeBytes { write($0) }
    return nil
  }
}

extension RecordStore {
  /// Copies the line of each `.jsonl` record of `rows` to its place in `out` (row `k`'s at
  /// `offsets[k - rows.startIndex]`, newline after), in file order, half on each core, and
  /// says which print as they are (`printsRaw`). Rows that are not whole lines (envelope
  /// items, records held in memory) are not copied and print re-encoded.
  ///
  /// Guarantees: on success every copied line holds the bytes of the file as it was
  /// opened (a file read window by window is checked with `fstat` after the reads), and
  /// a line of a file this process did not scan (re-opened through the cache) is a whole
  /// line carrying its row's id and date (`copyLine`); the problem when such a file
  /// changed or came short, or a row is not where the cache says.
  func placeLines(
    _ rows: ArraySlice<Int>, offsets: [Int], into out: inout [UInt8]
  ) -> Result<[Bool], DataReadProblem> {
    let first = rows.startIndex
    let lines = rows.indices.filter {
      depthBases[rows[$0]] == 0 && items[rows[$0]] != nil
    }
    let placed = PositionOrder.of(lines.map { items[rows[$0]] }).map {
      lines[Int($0)]
    }
    let descriptors = files.map(\.readDescriptor)
    let unproven = files.map(\.placementUnproven)
    var verbatim = [Bool](repeating: false, count: rows.count)
    let failed = Mutex<DataReadProblem?>(nil)
    verbatim.withUnsafeMutableBufferPointer { v in
      out.withUnsafeMutableBytes { o in
        // Each line to its own place, and its own flag.
        let flags = DisjointWrites(v)
        let places = DisjointWrites(o.bindMemory(to: UInt8.self))
        DispatchQueue.concurrentPerform(iterations: 2) { h in
          var scratch: [UInt8] = []
          for k in placed[(placed.count * h / 2)..<(placed.count * (h + 1) / 2)]
          {
            let i = rows[k]
            let n = Int(lengths[i])
            guard let p = items[i], let fi = fileIndex(of: i) else { continue }
            let at = UnsafeMutableRawPointer(
              places.claim(offsets[k - first]..<(offsets[k - first] + n + 1))
                .start)
            let f = files[fi]
            let copied = copyLine(
              i, from: f, at: f.bytes.start.distance(to: p),
              descriptor: descriptors[fi], to: at, checked: unproven[fi],
              scratch: &scratch)
            guard copied == nil else {
              failed.withLock { $0 = $0 ?? copied }
              continue
            }
            at.storeBytes(of: 0x0A, toByteOffset: n, as: UInt8.self)
            flags.initialize(
              k - first,
              to: RecordStore.printsRaw(
                UnsafeRawBufferPointer(start: at, count: n)))
          }
        }
      }
    }
    // A file that changed explains a line that no longer holds its row: said first.
    let changed = files.first { !$0.unchangedSinceOpen() }
    if let problem =
      changed.map({ DataReadProblem.dataChanged(file: $0.path) })
      ?? failed.withLock({ $0 })
    {
      firstReadProblem.withLock { if $0 == nil { $0 = problem } }
      return .failure(problem)
    }
    return .success(verbatim)
  }

  /// Copies row `i`'s line, `lengths[i]` bytes at `start` of `f`, to `target`; the
  /// problem when it could not be read, or (`checked`: a file re-opened through the
  /// cache) is not a whole line carrying the row's id and date (`carriesDate`: a
  /// planted cache cannot list a left-out line with the row's id and another date).
  ///
  /// Why the check here: it reads the byte before the line and the two after it in the
  /// same `pread` (into `scratch`), so the placement is proven on bytes read for the
  /// copy anyway, and no window of the file is kept (RecordStore+Placement's
  /// `isInPlace` reads windows, which a pass over every record would keep resident).
  func copyLine(
    _ i: Int, from f: FileBytes, at start: Int, descriptor: Int32,
    to target: UnsafeMutableRawPointer, checked: Bool, scratch: inout [UInt8]
  ) -> DataReadProblem? {
    let n = Int(lengths[i])
    guard checked else {
      return f.copyBytes(
        at: start, length: n, to: target, descriptor: descriptor)
        ? nil : .dataChanged(file: f.path)
    }
    guard start >= 0, n > 0, start <= f.count - n else {
      return .cacheMismatch(file: f.path)
    }
    // From the file's start when a BOM may be before the line.
    let lo = start <= 3 ? 0 : start - 1
    let hi = min(f.count, start + n + 2)
    if scratch.count < hi - lo {
      scratch = [UInt8](repeating: 0, count: hi - lo)
    }
    return scratch.withUnsafeMutableBytes { s -> DataReadProblem? in
      guard
        f.copyBytes(
          at: lo, length: hi - lo, to: s.start, descriptor: descriptor)
      else { return .dataChanged(file: f.path) }
      let line = UnsafeRawBufferPointer(
        rebasing: s[(start - lo)..<(start - lo + n)])
      let whole = RecordStore.isWholeLine(
        at: start, end: start + n, fileSize: f.count
      ) { k in k >= lo && k < hi ? s[k - lo] : nil }
      guard whole, carriesID(i, line), carriesDate(i, line) else {
        return .cacheMismatch(file: f.path)
      }
      target.copyMemory(from: line.start, byteCount: n)
      return nil
    }
  }
}

extension RecordStore {
  /// No byte sequence that `JSONWriter.string` would escape beyond what JSON must: DEL,
  /// C1 (C2 80–9F), U+061C (D8 9C), U+200E/F (E2 80 8E/8F), U+2028/9 (E2 80 A8/A9),
  /// U+202A–E (E2 80 AA–AE), U+2066–9 (E2 81 A6–A9). Raw C0 controls cannot be in a
  /// loaded line (JSON forbids them in strings; outside strings only white space).
  static func printsRaw(_ b: UnsafeRawBufferPointer) -> Bool {
    let n = b.count
    guard n > 0 else { return true }
    var i = 0
    while i < n {
      // ASCII below DEL, 16 bytes at a time (SSE2).
      i += dl_below_del_prefix(
        b.start.assumingMemoryBound(to: UInt8.self) + i, n - i)
      guard i < n else { break }
      let c = b[i]
      if c < 0x7F {
        i += 1
        continue
      }
      if c == 0x7F { return false }
      let c1: UInt8 = i + 1 < n ? b[i + 1] : 0
      let c2: UInt8 = i + 2 < n ? b[i + 2] : 0
      switch c {
      case 0xC2 where c1 >= 0x80 && c1 <= 0x9F: return false
      case 0xD8 where c1 == 0x9C: return false
      case 0xE2
      where c1 == 0x80
        && (c2 == 0x8E || c2 == 0x8F || (c2 >= 0xA8 && c2 <= 0xAE)):
        return false
      case 0xE2 where c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9: return false
      default: i += 1
      }
    }
    return true
  }
}
