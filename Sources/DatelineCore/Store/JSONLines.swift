import CDatelineScan
import Foundation

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
  /// places in the block.
  ///
  /// A file read window by window (re-opened through the cache) that changed before a
  /// block's lines were read stops the output before that block: the problem is returned
  /// (and kept as `readProblem`), and no line that is not in the files is written.
  @discardableResult
  public func writeJSONLines(
    _ rows: [Int], block: Int = 64 << 20, _ write: (UnsafeRawBufferPointer) -> Void
  ) -> DataReadProblem? {
    var start = 0
    var buffer: [UInt8] = []
    while start < rows.count {
      // The block: rows until their lines (as they are) fill it.
      var end = start
      var size = 0
      while end < rows.count && (end == start || size + Int(store.lengths[rows[end]]) + 1 <= block) {
        size += Int(store.lengths[rows[end]]) + 1
        end += 1
      }
      // Which lines print as they are, checked in file order, half the lines on each core.
      if let problem = store.readAll(rows[start..<end]) ?? store.checkPlacement(rows[start..<end]) { return problem }
      let lines = (start..<end).filter { store.depthBases[rows[$0]] == 0 && store.items[rows[$0]] != nil }
      let placed = PositionOrder.of(lines.map { store.items[rows[$0]] }).map { lines[Int($0)] }
      var verbatim = [Bool](repeating: false, count: end - start)
      let first = start
      verbatim.withUnsafeMutableBufferPointer { v in
        let flags = UnsafeSendable(v)
        DispatchQueue.concurrentPerform(iterations: 2) { h in
          for k in placed[(placed.count * h / 2)..<(placed.count * (h + 1) / 2)] {
            let i = rows[k]
            flags.value[k - first] = RecordStore.printsRaw(UnsafeRawBufferPointer(start: store.items[i]!, count: Int(store.lengths[i])))
          }
        }
      }
      // The others re-encoded (a few, usually), then every line's place in the block.
      var encoded: [Int: [UInt8]] = [:]
      var offsets = [Int](repeating: 0, count: end - start + 1)
      for k in start..<end {
        var n = Int(store.lengths[rows[k]])
        if !verbatim[k - start] {
          let bytes = store.completeLine(rows[k]) ?? Array(records[rows[k]].jsonObject.utf8)
          encoded[k] = bytes
          n = bytes.count
        }
        offsets[k - start + 1] = offsets[k - start] + n + 1
      }
      if buffer.count < offsets[end - start] {
        // Sized to what the rows need (a small list stays small); every byte is written below.
        buffer = [UInt8](unsafeUninitializedCapacity: offsets[end - start]) { _, n in n = offsets[end - start] }
      }
      buffer.withUnsafeMutableBytes { out in
        // Each core copies half the lines, in file order, to their own places.
        let target = UnsafeSendable(out)
        let places = offsets
        let asIs = verbatim
        DispatchQueue.concurrentPerform(iterations: 2) { h in
          for k in placed[(placed.count * h / 2)..<(placed.count * (h + 1) / 2)] where asIs[k - first] {
            let i = rows[k]
            let at = places[k - first]
            (target.value.baseAddress! + at).copyMemory(from: store.items[i]!, byteCount: Int(store.lengths[i]))
            target.value[at + Int(store.lengths[i])] = 0x0A
          }
        }
        for (k, bytes) in encoded {
          let at = offsets[k - start]
          bytes.withUnsafeBytes { (out.baseAddress! + at).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
          out[at + bytes.count] = 0x0A
        }
        write(UnsafeRawBufferPointer(rebasing: out[..<offsets[end - start]]))
      }
      if let problem = readProblem { return problem }
      start = end
    }
    return nil
  }
}

extension RecordStore {
  /// The bytes of record `i` when they are a whole `.jsonl` line safe to print as they are.
  func verbatimLine(_ i: Int) -> UnsafeRawBufferPointer? {
    guard depthBases[i] == 0, let p = items[i] else { return nil }
    let line = UnsafeRawBufferPointer(start: p, count: Int(lengths[i]))
    return RecordStore.printsRaw(line) ? line : nil
  }

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
      i += dl_below_del_prefix(b.baseAddress!.assumingMemoryBound(to: UInt8.self) + i, n - i)
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
      case 0xE2 where c1 == 0x80 && (c2 == 0x8E || c2 == 0x8F || (c2 >= 0xA8 && c2 <= 0xAE)): return false
      case 0xE2 where c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9: return false
      default: i += 1
      }
    }
    return true
  }
}
